"""Crash-safe replacement of a file, keeping the previous version as a backup.

At every instant the target is either the complete old file or the complete new one: the new
bytes go to a temp file in the same folder (same file system, so ``os.replace`` is atomic),
are flushed to disk, then renamed over the target. The backup is made by hard-linking the old
file (a copy where links are not supported) and renaming that into place, so the target never
disappears either. A crash may leave a ``.<name>.*.tmp`` file behind; it is never read.
"""

import contextlib
import os
import shutil
import tempfile
from pathlib import Path


def backup_path(path: Path) -> Path:
    """``issue.bulletin`` -> ``issue.bulletin.bak``: the version before the last save."""
    return path.with_name(path.name + ".bak")


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data``; on error the old file is untouched and no temp remains."""
    folder = path.parent
    fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if path.is_file():
            _backup(path)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_directory(folder)


def _backup(path: Path) -> None:
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    temp = Path(temp_name)
    try:
        temp.unlink()
        try:
            os.link(path, temp)
        except OSError:
            shutil.copy2(path, temp)
        os.replace(temp, backup_path(path))
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def _fsync_directory(folder: Path) -> None:
    """Make the rename itself durable; Windows cannot open a directory, and does not need to."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
