"""Crash-safe replacement of a file, keeping the previous version as a backup.

At every instant the target is either the complete old file or the complete new one: the new
bytes go to a temp file in the same folder (same file system, so ``os.replace`` is atomic),
are flushed to disk, then renamed over the target. The backup is made by hard-linking the old
file (a copy where links are not supported) and renaming that into place, so the target never
disappears either. A crash may leave a ``.<name>.*.tmp`` file behind; it is never read.
"""

import contextlib
import os
import secrets
import shutil
from pathlib import Path


def backup_path(path: Path) -> Path:
    """``issue.bulletin`` -> ``issue.bulletin.bak``: the version before the last save."""
    return path.with_name(path.name + ".bak")


def write_atomic(path: Path, data: bytes, *, keep_backup: bool = True) -> None:
    """Replace ``path`` with ``data``; on error the old file is untouched and no temp remains.

    Exports pass ``keep_backup=False``: a previous PDF is output, not work to protect.
    """
    folder = path.parent
    temp = _temp_name(path)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if path.is_file():
            shutil.copymode(path, temp)
        if keep_backup and path.is_file():
            _backup(path)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_directory(folder)


def _backup(path: Path) -> None:
    temp = _temp_name(path)
    try:
        try:
            os.link(path, temp)
        except OSError:
            shutil.copy2(path, temp)
        os.replace(temp, backup_path(path))
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def _temp_name(path: Path) -> Path:
    """A fresh sibling; created with mode 0o666 minus the umask, unlike ``mkstemp``'s 0o600."""
    return path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")


def _fsync_directory(folder: Path) -> None:
    """Make the rename itself durable; Windows cannot open a directory, and does not need to."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
