"""The one base class of every error Bulletin Studio reports to its user.

Each layer raises its own subclass (storage, layout, fonts, review …) with a message that
names the file, item or key concerned. The CLI and the app catch ``BulletinError`` and show
that message; anything else that escapes is a bug, logged with its traceback.
"""


class BulletinError(Exception):
    """A reason an action could not be done, worded for the editor (never a traceback)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
