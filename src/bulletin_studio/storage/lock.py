"""A lock file beside an open document, so a second window (or colleague) is told who has it.

``.~<name>.lock`` holds JSON with pid, host, user and time (the LibreOffice convention of a
visible-but-hidden sibling). A lock whose process is dead on this host is stale and taken
over; a lock from another host is always respected, since its process cannot be checked.
"""

import contextlib
import datetime as dt
import getpass
import json
import os
import socket
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from bulletin_studio.storage.errors import StorageError

UNREADABLE_GRACE_SECONDS = 10.0
"""An unreadable lock younger than this may be one being written right now: respect it."""


@dataclass(frozen=True)
class LockOwner:
    pid: int
    host: str
    user: str
    time: str

    def describe(self) -> str:
        return f"用户 {self.user}，主机 {self.host}，进程 {self.pid}，自 {self.time} 起"


class FileLockedError(StorageError):
    """The document is open elsewhere; ``owner`` says where (None if the lock is unreadable)."""

    def __init__(self, path: Path, owner: LockOwner | None) -> None:
        who = owner.describe() if owner else "锁文件无法读取"
        super().__init__(f"文件 {path.name} 已在别处打开（{who}）")
        self.owner = owner


def lock_path(path: Path) -> Path:
    return path.with_name(f".~{path.name}.lock")


class FileLock:
    """Held while a document is open; ``release()`` (or leaving the ``with``) removes it."""

    def __init__(self, path: Path, lock_file: Path, content: bytes) -> None:
        self.path = path
        self.lock_file = lock_file
        self._content = content
        self._held = True

    def release(self) -> None:
        """Remove the lock file if it is still ours (never someone else's that replaced it)."""
        if not self._held:
            return
        self._held = False
        with contextlib.suppress(OSError):
            if self.lock_file.read_bytes() == self._content:
                self.lock_file.unlink()

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
    """Lock ``path`` for this process or raise :class:`FileLockedError` naming the holder."""
    lock_file = lock_path(path)
    owner = LockOwner(
        pid=os.getpid(),
        host=socket.gethostname(),
        user=_user(),
        time=dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    )
    content = json.dumps(owner.__dict__, ensure_ascii=False).encode("utf-8")
    for _attempt in range(2):
        try:
            fd = os.open(lock_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            holder = read_owner(lock_file)
            if _is_stale(lock_file, holder):
                with contextlib.suppress(FileNotFoundError):
                    lock_file.unlink()
                continue
            raise FileLockedError(path, holder) from None
        except OSError as error:
            raise StorageError(
                f"无法为文件 {path.name} 创建锁文件：{error.strerror or error}"
            ) from None
        with os.fdopen(fd, "wb") as stream:
            stream.write(content)
        return FileLock(path, lock_file, content)
    raise FileLockedError(path, read_owner(lock_file))


def read_owner(lock_file: Path) -> LockOwner | None:
    try:
        data = json.loads(lock_file.read_text(encoding="utf-8"))
        return LockOwner(
            pid=int(data["pid"]),
            host=str(data["host"]),
            user=str(data["user"]),
            time=str(data["time"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _is_stale(lock_file: Path, holder: LockOwner | None) -> bool:
    if holder is None:
        try:
            age = time.time() - lock_file.stat().st_mtime
        except FileNotFoundError:
            return True
        return age > UNREADABLE_GRACE_SECONDS
    return holder.host == socket.gethostname() and not pid_alive(holder.pid)


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
