"""A lock file beside an open document: one process at a time writes it, and others learn who.

``.~<name>.lock`` (the LibreOffice convention of a visible-but-hidden sibling) holds JSON with
the holder's pid, host, user and start time, which the app shows when a file is in use. What
makes the lock is an OS lock on that file (:mod:`bulletin_studio.storage.oslock`), held for
as long as the document is open:

- taking it deletes nobody's file: a process opens (or creates) the lock file, takes the OS
  lock without waiting, checks that the name still leads to the file it locked (a holder
  that is releasing may just have removed it), and only then writes its record;
- a holder that dies loses its OS lock with it, so exactly one of the processes that find its
  leftover file takes it over, at once;
- releasing removes the file while the lock is still held.

What is guaranteed where:

- Local disks, and network file systems whose locks reach the server (SMB, NFSv4): two
  processes never hold one document, and a crashed holder blocks nobody. A record written by
  another machine is still respected when its OS lock is gone, because that machine's locks
  may not reach us; the message names the lock file to delete once the owner has closed.
- File systems without OS locks (some network shares): the file is created exclusively; a
  record of a dead process on this machine, or an unreadable one older than
  ``UNREADABLE_GRACE_SECONDS``, is moved aside atomically and replaced. Processes on one
  machine are kept apart except in rare races; a record's pid reused by a new process keeps
  the lock until that process ends.
- File systems that accept locks without sharing them between machines (NFS mounted
  ``nolock``) cannot be told from local disks: processes on one machine are kept apart,
  machines are not (the record still tells a second machine that the file is open).

``filelock`` was not used: it truncates the holder's record when taken and, on POSIX, leaves
its file behind on release by design, while this lock must show its owner and tidy up.
"""

import contextlib
import datetime as dt
import getpass
import json
import os
import secrets
import socket
import stat
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from types import TracebackType

from bulletin_studio.messages import QT_TRANSLATE_NOOP
from bulletin_studio.storage import oslock
from bulletin_studio.storage.atomic import remove_orphan_temps
from bulletin_studio.storage.errors import StorageError, describe_os_error

UNREADABLE_GRACE_SECONDS = 10.0
"""Without OS locks, an unreadable lock younger than this may be one being written: respect it."""
CONTENDED_WAIT_SECONDS = 1.0
"""How long a lock whose record looks stale may stay busy (another process taking it over)."""
_RETRY_SECONDS = 0.01
_RECORD_MAX_BYTES = 4096
_ISSUE_MEMBER = "issue.json"
_CANNOT_CREATE = QT_TRANSLATE_NOOP(
    "Storage", "Cannot create the lock file {lock} for {name}: {reason}"
)

Identity = tuple[int, int]


@dataclass(frozen=True)
class LockOwner:
    pid: int
    host: str
    user: str
    time: str

    def describe(self) -> str:
        return QT_TRANSLATE_NOOP(
            "Storage", "user {user}, host {host}, process {pid}, since {time}"
        ).format(user=self.user, host=self.host, pid=self.pid, time=self.time)

    @classmethod
    def this_process(cls) -> "LockOwner":
        return cls(
            pid=os.getpid(),
            host=socket.gethostname(),
            user=_user(),
            time=dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        )


class FileLockedError(StorageError):
    """The document is open elsewhere; ``owner`` says where (None if the lock is unreadable).

    ``unverifiable`` names the lock file when this machine cannot tell whether its owner (on
    another machine) is still there: deleting it is then the editor's call.
    """

    def __init__(
        self, path: Path, owner: LockOwner | None, unverifiable: Path | None = None
    ) -> None:
        who = (
            owner.describe()
            if owner
            else QT_TRANSLATE_NOOP("Storage", "the lock file cannot be read").format()
        )
        if unverifiable:
            message = QT_TRANSLATE_NOOP(
                "Storage",
                "The file {name} is open elsewhere ({who}): if you are sure it was closed there,"
                " delete the lock file {lock} and try again",
            ).format(name=path.name, who=who, lock=unverifiable.name)
        else:
            message = QT_TRANSLATE_NOOP(
                "Storage", "The file {name} is open elsewhere ({who})"
            ).format(name=path.name, who=who)
        super().__init__(message)
        self.owner = owner


def lock_path(path: Path) -> Path:
    """The lock file of a document; an unpacked one (a folder) is locked by its issue.json."""
    document = _document_file(Path(path))
    return document.with_name(f".~{document.name}.lock")


def _document_file(path: Path) -> Path:
    return path / _ISSUE_MEMBER if path.is_dir() else path


class FileLock:
    """Held while a document is open; ``release()`` (or leaving the ``with``) gives it up."""

    def __init__(self, path: Path, lock_file: Path, fd: int) -> None:
        self.path = path
        self.lock_file = lock_file
        self._fd: int | None = fd
        self._identity = _identity(fd)

    def release(self) -> None:
        """Remove the lock file, unless it was replaced by another (never someone else's)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            if os.name != "nt":  # POSIX: remove it while still holding the OS lock
                _remove_if_same(self.lock_file, self._identity)
        finally:
            with contextlib.suppress(OSError):
                oslock.unlock(fd)
            os.close(fd)
        if os.name == "nt":  # Windows: an open file cannot be removed; one reopened stays
            _remove_if_same(self.lock_file, self._identity)

    def __enter__(self) -> "FileLock":
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()


def acquire_lock(path: Path) -> FileLock:
    """Lock ``path`` for this process or raise :class:`FileLockedError` naming the holder.

    Taking the lock is also when temp files that crashed saves of the document left behind
    are removed (see :func:`bulletin_studio.storage.atomic.remove_orphan_temps`).
    """
    path = Path(path)
    lock_file = lock_path(path)
    record = json.dumps(asdict(LockOwner.this_process()), ensure_ascii=False).encode("utf-8")
    give_up = time.monotonic() + CONTENDED_WAIT_SECONDS
    while True:
        fd, created = _open(path, lock_file)
        try:
            if _claim(path, lock_file, fd, created, give_up):
                _write_record(path, lock_file, fd, record)
                lock = FileLock(path, lock_file, fd)
                break
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)
        time.sleep(_RETRY_SECONDS)
    remove_orphan_temps(_document_file(path))
    return lock


def _claim(path: Path, lock_file: Path, fd: int, created: bool, give_up: float) -> bool:
    """True if ``fd`` is now this process's lock; False to try again; raises if it is held."""
    held = oslock.try_lock(fd)
    if held is None:
        return _claim_without_os_lock(path, lock_file, fd, created, give_up)
    if held:
        if not _still_named(lock_file, fd):
            return False  # its holder removed it between our open and our lock
        owner = None if created else _read_record(fd)
        if owner is not None and owner.host != socket.gethostname():
            raise FileLockedError(path, owner, unverifiable=lock_file)
        return True
    owner = read_owner(lock_file)
    looks_dead = owner is None or (owner.host == socket.gethostname() and not pid_alive(owner.pid))
    if not looks_dead or time.monotonic() > give_up:
        raise FileLockedError(path, owner)
    return False  # someone is taking over a dead holder's lock: wait for their record


def _claim_without_os_lock(
    path: Path, lock_file: Path, fd: int, created: bool, give_up: float
) -> bool:
    """The fallback: exclusive creation, and a dead holder's file moved aside atomically."""
    if created:
        return True
    owner = _read_record(fd)
    if owner is None:
        age = time.time() - os.fstat(fd).st_mtime
        if age < UNREADABLE_GRACE_SECONDS:
            if time.monotonic() > give_up:
                raise FileLockedError(path, None)
            return False
    elif owner.host != socket.gethostname():
        raise FileLockedError(path, owner, unverifiable=lock_file)
    elif pid_alive(owner.pid):
        raise FileLockedError(path, owner)
    _move_aside_if_same(lock_file, _identity(fd))
    return False


def _move_aside_if_same(lock_file: Path, stale: Identity) -> None:
    """Remove the stale file we judged, never a fresh one that replaced it meanwhile: the
    rename is atomic, so only one process moves it, and the mover checks what it moved."""
    aside = lock_file.with_name(f"{lock_file.name}.{secrets.token_hex(6)}.stale")
    try:
        os.rename(lock_file, aside)
    except FileNotFoundError:
        return
    try:
        moved = os.lstat(aside)
        if (moved.st_dev, moved.st_ino) != stale:
            with contextlib.suppress(OSError):
                os.link(aside, lock_file)  # put a fresh lock back, unless a newer one exists
    finally:
        with contextlib.suppress(OSError):
            aside.unlink()


def check_unlocked(path: Path) -> None:
    """Raise :class:`FileLockedError` if a process holds ``path``'s lock; takes nothing."""
    lock_file = lock_path(path)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(lock_file, flags)
    except OSError:
        return
    try:
        held = oslock.try_lock(fd)
        owner = _read_record(fd)
        if held is None:
            age = time.time() - os.fstat(fd).st_mtime
            free = (owner is None and age >= UNREADABLE_GRACE_SECONDS) or (
                owner is not None
                and owner.host == socket.gethostname()
                and not pid_alive(owner.pid)
            )
        else:
            free = held and (owner is None or owner.host == socket.gethostname())
    finally:
        os.close(fd)
    if not free:
        raise FileLockedError(path, owner)


def _open(path: Path, lock_file: Path) -> tuple[int, bool]:
    """The lock file, opened for writing; True if this call created it."""
    flags = os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    while True:
        try:
            try:
                return os.open(lock_file, flags | os.O_CREAT | os.O_EXCL, 0o644), True
            except FileExistsError:
                return os.open(lock_file, flags), False
        except FileNotFoundError:
            if not lock_file.parent.is_dir():
                raise StorageError(
                    QT_TRANSLATE_NOOP(
                        "Storage",
                        "Cannot create a lock file for {name}: the folder {folder} does not exist",
                    ).format(name=path.name, folder=lock_file.parent)
                ) from None
            continue  # removed between the two opens: create it afresh
        except OSError as error:
            raise StorageError(
                _CANNOT_CREATE.format(
                    lock=lock_file.name, name=path.name, reason=describe_os_error(error)
                )
            ) from None


def _write_record(path: Path, lock_file: Path, fd: int, record: bytes) -> None:
    """Replace the record in place (the file is ours now); on failure remove it, not leave it
    empty, and say what to do."""
    try:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        view = memoryview(record)
        while view:
            view = view[os.write(fd, view) :]
    except OSError as error:
        _remove_if_same(lock_file, _identity(fd))
        raise StorageError(
            _CANNOT_CREATE.format(
                lock=lock_file.name, name=path.name, reason=describe_os_error(error)
            )
        ) from None


def read_owner(lock_file: Path) -> LockOwner | None:
    try:
        with lock_file.open("rb") as stream:
            return _parse(stream.read(_RECORD_MAX_BYTES))
    except OSError:
        return None


def _read_record(fd: int) -> LockOwner | None:
    os.lseek(fd, 0, os.SEEK_SET)
    return _parse(os.read(fd, _RECORD_MAX_BYTES))


def _parse(data: bytes) -> LockOwner | None:
    try:
        record = json.loads(data.decode("utf-8"))
        return LockOwner(
            pid=int(record["pid"]),
            host=str(record["host"]),
            user=str(record["user"]),
            time=str(record["time"]),
        )
    except (ValueError, KeyError, TypeError):
        return None


def _identity(fd: int) -> Identity:
    info = os.fstat(fd)
    return info.st_dev, info.st_ino


def _still_named(lock_file: Path, fd: int) -> bool:
    """Whether ``lock_file`` still names the file open as ``fd`` (not removed or replaced)."""
    try:
        named = os.lstat(lock_file)
    except FileNotFoundError:
        return False
    return stat.S_ISREG(named.st_mode) and (named.st_dev, named.st_ino) == _identity(fd)


def _remove_if_same(lock_file: Path, identity: Identity) -> None:
    with contextlib.suppress(OSError):
        named = os.lstat(lock_file)
        if (named.st_dev, named.st_ino) == identity:
            lock_file.unlink()


def pid_alive(pid: int) -> bool:
    """Whether a process exists on this host (``os.kill(pid, 0)`` would kill it on Windows)."""
    if pid <= 0:
        return False
    if os.name == "nt":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _windows_pid_alive(pid: int) -> bool:
    import ctypes

    query_limited_information = 0x1000
    access_denied = 5
    still_active = 259
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return ctypes.get_last_error() == access_denied  # type: ignore[attr-defined]
    try:
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "?"
