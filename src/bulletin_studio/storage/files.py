"""Only regular files are read or replaced: a FIFO blocks a reader forever, a device or a
symlink would be clobbered by a writer's rename, a folder is not a document."""

import os
import stat
from pathlib import Path
from typing import BinaryIO

from bulletin_studio.messages import QT_TRANSLATE_NOOP
from bulletin_studio.storage.errors import StorageError

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def file_kind(mode: int) -> str:
    """What a non-regular file is, in the editor's words."""
    if stat.S_ISFIFO(mode):
        return QT_TRANSLATE_NOOP("Storage", "a named pipe").format()
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return QT_TRANSLATE_NOOP("Storage", "a device").format()
    if stat.S_ISDIR(mode):
        return QT_TRANSLATE_NOOP("Storage", "a folder").format()
    if stat.S_ISLNK(mode):
        return QT_TRANSLATE_NOOP("Storage", "a symbolic link").format()
    if stat.S_ISSOCK(mode):
        return QT_TRANSLATE_NOOP("Storage", "a socket").format()
    return QT_TRANSLATE_NOOP("Storage", "a special file").format()


def not_regular(path: Path, mode: int) -> StorageError:
    return StorageError(
        QT_TRANSLATE_NOOP(
            "Storage", "{name} is {kind}, not a regular file: use a regular file instead"
        ).format(name=path.name, kind=file_kind(mode))
    )


def open_regular(path: Path) -> BinaryIO:
    """Open for reading, refusing anything but a regular file before a read can block.

    Opened non-blocking, so that a FIFO returns at once instead of waiting for a writer, then
    checked on the open descriptor (no window between check and use).
    """
    fd = os.open(path, os.O_RDONLY | _NONBLOCK | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise not_regular(Path(path), mode)
        if _NONBLOCK:
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def require_regular_file(path: Path) -> None:
    """Refuse a path that exists and is not a regular file (symlinks followed), for callers
    that open it with their own reader; a missing file is left for that reader to report."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    if not stat.S_ISREG(mode):
        raise not_regular(Path(path), mode)
