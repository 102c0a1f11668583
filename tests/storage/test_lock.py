"""The lock file tells a second window who has the document, and stale locks do not block."""

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bulletin_studio.storage import FileLockedError, acquire_lock
from bulletin_studio.storage.lock import UNREADABLE_GRACE_SECONDS, lock_path, pid_alive


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def _write_lock(path: Path, pid: int, host: str) -> Path:
    lock_file = lock_path(path)
    owner = {"pid": pid, "host": host, "user": "someone", "time": "2024-01-01T09:00:00"}
    lock_file.write_text(json.dumps(owner))
    return lock_file


def test_second_acquire_is_refused_naming_the_holder(tmp_path: Path) -> None:
    path = tmp_path / "x.bulletin"
    with acquire_lock(path):
        assert lock_path(path).name == ".~x.bulletin.lock"
        with pytest.raises(FileLockedError) as caught:
            acquire_lock(path)
    owner = caught.value.owner
    assert owner is not None and owner.pid == os.getpid()
    assert owner.host == socket.gethostname()
    assert f"进程 {os.getpid()}" in str(caught.value)
    assert str(caught.value).startswith("文件 x.bulletin 已在别处打开")


def test_release_removes_the_lock_and_allows_a_new_one(tmp_path: Path) -> None:
    path = tmp_path / "x.bulletin"
    lock = acquire_lock(path)
    lock.release()
    lock.release()
    assert not lock_path(path).exists()
    acquire_lock(path).release()


HOLDER = """
import sys
from pathlib import Path
from bulletin_studio.storage import acquire_lock
lock = acquire_lock(Path(sys.argv[1]))
print("held", flush=True)
sys.stdin.read()
lock.release()
"""


def test_lock_of_another_live_process_is_respected(tmp_path: Path) -> None:
    path = tmp_path / "x.bulletin"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            HOLDER,
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(FileLockedError) as caught:
            acquire_lock(path)
        assert caught.value.owner is not None and caught.value.owner.pid == holder.pid
    finally:
        holder.communicate("")
    assert not lock_path(path).exists()


def test_stale_lock_of_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "x.bulletin"
    dead = _dead_pid()
    assert not pid_alive(dead)
    _write_lock(path, dead, socket.gethostname())
    with acquire_lock(path):
        assert json.loads(lock_path(path).read_text())["pid"] == os.getpid()


def test_lock_from_another_host_is_respected_even_if_pid_is_unknown_here(tmp_path: Path) -> None:
    path = tmp_path / "x.bulletin"
    _write_lock(path, _dead_pid(), "other-machine")
    with pytest.raises(FileLockedError, match="主机 other-machine"):
        acquire_lock(path)


def test_unreadable_lock_is_respected_only_while_young(tmp_path: Path) -> None:
    path = tmp_path / "x.bulletin"
    lock_file = lock_path(path)
    lock_file.write_text("")
    with pytest.raises(FileLockedError, match="锁文件无法读取"):
        acquire_lock(path)
    old = time.time() - UNREADABLE_GRACE_SECONDS - 5
    os.utime(lock_file, (old, old))
    acquire_lock(path).release()


def test_release_leaves_a_lock_that_is_not_ours(tmp_path: Path) -> None:
    path = tmp_path / "x.bulletin"
    lock = acquire_lock(path)
    lock_file = _write_lock(path, 1, "other-machine")
    lock.release()
    assert lock_file.exists()
