"""Crash-safe replacement of a file, keeping a copy of the previous version as a backup.

At every instant the target is either the complete old file or the complete new one: the new
bytes go to a temp file in the same folder (same file system, so ``os.replace`` is atomic),
are flushed to disk, then renamed over the target. The backup is a copy of the old file,
written the same way, and never a hard link: a link would be the live file under a second
name, and whatever later changed one would change the other.

A writer holds an OS lock (:mod:`bulletin_studio.storage.oslock`) on its temp file until the
rename. A crash leaves the temp (``.<name>.<12 hex digits>.tmp``) behind, unlocked:
:func:`remove_orphan_temps`, run before every write and whenever a document is locked for
editing, deletes those of the same file, never one a live writer still holds. Where the file
system has no OS locks, only temps untouched for ``ORPHAN_AGE_SECONDS`` count as orphans.
"""

import contextlib
import os
import re
import secrets
import shutil
import stat
import time
from pathlib import Path
from types import TracebackType

from bulletin_studio.storage import oslock
from bulletin_studio.storage.files import not_regular

ORPHAN_AGE_SECONDS = 3600.0
_TEMP_TAIL = re.compile(r"[0-9a-f]{12}\.tmp")
_COPY_CHUNK = 1024 * 1024


def backup_path(path: Path) -> Path:
    """``issue.bulletin`` -> ``issue.bulletin.bak``: the version before the last save."""
    return path.with_name(path.name + ".bak")


def write_atomic(path: Path, data: bytes, *, keep_backup: bool = True) -> None:
    """Replace ``path`` with ``data``; on error the old file is untouched and no temp remains.

    An existing target must be a regular file (a symlink to one is replaced by the new file);
    its permission bits are kept. Exports pass ``keep_backup=False``: a previous PDF is output,
    not work to protect.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        raise not_regular(path, mode)
    remove_orphan_temps(path)
    with _Temp(path) as temp:
        temp.write(data)
        if mode is not None:
            shutil.copymode(path, temp.path)
            if keep_backup:
                _backup(path)
        temp.rename_to(path)
    _fsync_directory(path.parent)


def _backup(path: Path) -> None:
    with _Temp(path) as copy:
        copy.copy_from(path)
        shutil.copymode(path, copy.path)
        copy.rename_to(backup_path(path))


class _Temp:
    """A fresh sibling ``.<name>.<hex>.tmp`` (mode 0o666 minus the umask, unlike ``mkstemp``'s
    0o600), OS-locked while it is written and removed unless it was renamed into place."""

    def __init__(self, target: Path) -> None:
        self.path = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
        flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        self._fd: int | None = os.open(self.path, flags, 0o666)
        self._renamed = False
        try:
            oslock.try_lock(self._fd)  # without OS locks, cleaners go by the file's age instead
        except BaseException:
            self.__exit__(None, None, None)
            raise

    def write(self, data: bytes) -> None:
        """Write everything, then flush it to the disk (a full disk is reported here)."""
        self._write(data)
        self._sync()

    def copy_from(self, source: Path) -> None:
        with source.open("rb") as stream:
            while chunk := stream.read(_COPY_CHUNK):
                self._write(chunk)
        self._sync()

    def _write(self, data: bytes) -> None:
        assert self._fd is not None
        view = memoryview(data)
        while view:
            view = view[os.write(self._fd, view) :]

    def _sync(self) -> None:
        assert self._fd is not None
        os.fsync(self._fd)

    def rename_to(self, target: Path) -> None:
        """Windows cannot rename a file that is open, so there it is closed first."""
        if os.name == "nt":
            self._close()
        os.replace(self.path, target)
        self._renamed = True

    def _close(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)

    def __enter__(self) -> "_Temp":
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            if not self._renamed:
                with contextlib.suppress(OSError):
                    self.path.unlink()
        finally:
            self._close()


def remove_orphan_temps(path: Path) -> None:
    """Delete the temp files crashed writes of ``path`` left, sparing any still being written."""
    prefix = f".{path.name}."
    try:
        names = os.listdir(path.parent)
    except OSError:
        return
    for name in names:
        if name.startswith(prefix) and _TEMP_TAIL.fullmatch(name[len(prefix) :]):
            _remove_if_orphan(path.parent / name)


def _remove_if_orphan(temp: Path) -> None:
    """Best effort: a temp that cannot be examined is left for a later save."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(temp, flags | getattr(os, "O_BINARY", 0))
    except OSError:
        return
    try:
        info = os.fstat(fd)
        held = oslock.try_lock(fd) if stat.S_ISREG(info.st_mode) else False
    except OSError:
        held = False
    finally:
        os.close(fd)
    if held is False or (held is None and time.time() - info.st_mtime < ORPHAN_AGE_SECONDS):
        return
    with contextlib.suppress(OSError):
        temp.unlink()


def _fsync_directory(folder: Path) -> None:
    """Make the rename itself durable; Windows cannot open a directory, and does not need to."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
