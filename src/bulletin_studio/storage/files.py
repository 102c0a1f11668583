"""Only regular files are read or replaced: a FIFO blocks a reader forever, a device or a
symlink would be clobbered by a writer's rename, a folder is not a document."""

import os
import stat
from pathlib import Path
from typing import BinaryIO

from bulletin_studio.storage.errors import StorageError

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def file_kind(mode: int) -> str:
    """What a non-regular file is, in the editor's words."""
    if stat.S_ISFIFO(mode):
        return "命名管道"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "设备"
    if stat.S_ISDIR(mode):
        return "文件夹"
    if stat.S_ISLNK(mode):
        return "符号链接"
    if stat.S_ISSOCK(mode):
        return "套接字"
    return "特殊文件"


def not_regular(path: Path, mode: int) -> StorageError:
    return StorageError(f"{path.name} 是{file_kind(mode)}，不是普通文件：请改用一个普通文件")


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
