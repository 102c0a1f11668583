"""The one error the review import raises; its message is shown to the editor as is."""

from bulletin_studio.errors import BulletinError


class ReviewError(BulletinError):
    """A reviewed file that cannot be imported; nothing in the issue has changed."""
