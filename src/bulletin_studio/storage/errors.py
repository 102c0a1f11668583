"""The one error type storage raises, so callers (CLI, GUI) show its message and nothing else."""

import errno
from collections.abc import Sequence
from pathlib import Path

from bulletin_studio.errors import BulletinError
from bulletin_studio.messages import QT_TRANSLATE_NOOP, Template
from bulletin_studio.model.problems import Problem


class StorageError(BulletinError):
    """A file that cannot be read or written; the message names the file (and member) and why.

    ``problems`` carries the model's validation problems (with node ids) when the file's content
    was refused, so ``bulletin-studio validate`` and the GUI can list them one by one.
    """

    def __init__(self, message: str, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.problems = tuple(problems)


def invalid_file(path: Path, reason: str, member: str | None = None) -> StorageError:
    """The common "not a valid bulletin file" message, naming the member when there is one."""
    if member:
        return StorageError(
            QT_TRANSLATE_NOOP(
                "Storage", "The file {name} is not a valid bulletin file: {member}: {reason}"
            ).format(name=path.name, member=member, reason=reason)
        )
    return StorageError(
        QT_TRANSLATE_NOOP(
            "Storage", "The file {name} is not a valid bulletin file: {reason}"
        ).format(name=path.name, reason=reason)
    )


_NO_PERMISSION = QT_TRANSLATE_NOOP(
    "Storage",
    "No permission: check the permissions of the file and of its folder, or choose another place",
)
_ADVICE: dict[int, Template] = {
    errno.ENOSPC: QT_TRANSLATE_NOOP("Storage", "The disk is full: free some space and try again"),
    errno.EDQUOT: QT_TRANSLATE_NOOP(
        "Storage", "The disk quota is exceeded: free some space and try again"
    ),
    errno.EACCES: _NO_PERMISSION,
    errno.EPERM: _NO_PERMISSION,
    errno.EROFS: QT_TRANSLATE_NOOP("Storage", "The disk is read-only: choose another place"),
    errno.ENOENT: QT_TRANSLATE_NOOP("Storage", "The folder does not exist: check the path"),
    errno.EIO: QT_TRANSLATE_NOOP(
        "Storage", "Reading or writing the disk or network failed: check the connection and retry"
    ),
}
_ADVICE_WITH_DETAIL = QT_TRANSLATE_NOOP("Storage", "{advice} ({detail})")


def describe_os_error(error: OSError) -> str:
    """What went wrong in the editor's words and what to do, with the system's text after it."""
    detail = error.strerror or str(error)
    advice = _ADVICE.get(error.errno or 0)
    if advice is None:
        return detail
    return _ADVICE_WITH_DETAIL.format(advice=advice.format(), detail=detail)
