"""Advisory OS locks on an open file: held while the descriptor is open, gone with the process.

A lock the kernel holds for a process is released when that process dies, however it dies,
so "is the holder still there?" becomes a kernel fact instead of a guess from a pid.

- POSIX: ``fcntl.flock`` on the whole file (other readers are not blocked: flock is advisory).
- Windows: ``msvcrt.locking`` on one byte far past the end of the file. Windows byte-range
  locks are mandatory, so locking the content itself would stop others from reading who
  holds the file; SQLite locks bytes at 1 GiB for the same reason.

:func:`try_lock` answers None where the file system has no locks at all (some network shares),
so callers can fall back to something weaker and say so. Where a network file system accepts
locks but does not share them between machines (NFS mounted ``nolock``), no check can tell:
the lock then only protects against processes on the same machine.
"""

import errno
import os

_CONTENDED = frozenset({errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES})
_UNSUPPORTED = frozenset({errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS})

if os.name == "nt":
    import msvcrt

    _LOCK_OFFSET = 0x40000000

    def _at_lock_byte(fd: int, mode: int) -> None:
        """``msvcrt.locking`` works at the current position; the caller's is kept."""
        position = os.lseek(fd, 0, os.SEEK_CUR)
        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, mode, 1)
        finally:
            os.lseek(fd, position, os.SEEK_SET)

    def _lock(fd: int) -> None:
        _at_lock_byte(fd, msvcrt.LK_NBLCK)

    def _unlock(fd: int) -> None:
        _at_lock_byte(fd, msvcrt.LK_UNLCK)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def try_lock(fd: int) -> bool | None:
    """Take an exclusive lock without waiting: True if taken, False if another process (or
    another descriptor of this one) holds it, None if the file system has no locks."""
    try:
        _lock(fd)
    except OSError as error:
        if error.errno in _CONTENDED:
            return False
        if error.errno in _UNSUPPORTED:
            return None
        raise
    return True


def unlock(fd: int) -> None:
    """Give the lock back before closing (closing alone releases it too, but later on Windows)."""
    try:
        _unlock(fd)
    except OSError as error:
        if error.errno not in _UNSUPPORTED:
            raise
