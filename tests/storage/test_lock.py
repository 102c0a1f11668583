"""The lock file tells a second window who has the document, and stale locks do not block.

Staleness is the kernel's word where there are OS locks (a killed holder's lock vanishes with
it); the fallback for file systems without them is tested with OS locks switched off.
"""

import errno
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bulletin_studio import messages
from bulletin_studio.storage import FileLockedError, StorageError, acquire_lock, oslock
from bulletin_studio.storage.lock import UNREADABLE_GRACE_SECONDS, lock_path, pid_alive

ROOT = Path(__file__).resolve().parents[2]


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
    holder = _hold(path)
    try:
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


def _hold(path: Path) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_lock_of_a_killed_holder_is_taken_over_at_once(tmp_path: Path) -> None:
    path = tmp_path / "x.bulletin"
    holder = _hold(path)
    holder.kill()
    holder.communicate()
    assert lock_path(path).exists()
    with acquire_lock(path):
        assert json.loads(lock_path(path).read_text())["pid"] == os.getpid()


def test_a_live_holder_is_respected_whatever_its_lock_file_says(tmp_path: Path) -> None:
    """The record is only what the holder wrote; the OS lock is what counts."""
    path = tmp_path / "x.bulletin"
    holder = _hold(path)
    try:
        with lock_path(path).open("r+") as record:
            record.write(json.dumps({"pid": _dead_pid(), "host": socket.gethostname()}) + " " * 99)
        with pytest.raises(FileLockedError):
            acquire_lock(path)
    finally:
        holder.communicate("")
    assert not lock_path(path).exists()


def test_an_unreadable_lock_nobody_holds_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "x.bulletin"
    lock_path(path).write_text("")
    acquire_lock(path).release()
    assert not lock_path(path).exists()


def test_a_lock_from_another_host_names_the_file_to_delete(tmp_path: Path) -> None:
    path = tmp_path / "x.bulletin"
    _write_lock(path, 4242, "other-machine")
    with pytest.raises(FileLockedError, match=r"删除锁文件 \.~x\.bulletin\.lock"):
        acquire_lock(path)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "The file x.bulletin is open elsewhere (user someone, host other-machine, process"
            " 4242, since 2024-01-01T09:00:00): if you are sure it was closed there, delete the"
            " lock file .~x.bulletin.lock and try again",
        ),
        (
            "zh_CN",
            "文件 x.bulletin 已在别处打开（用户 someone，主机 other-machine，进程 4242，"
            "自 2024-01-01T09:00:00 起）：如确定对方已关闭此文件，请删除锁文件 .~x.bulletin.lock"
            " 后重试",
        ),
    ],
)
def test_a_lock_refusal_speaks_the_ui_language(
    tmp_path: Path, language: str, expected: str
) -> None:
    path = tmp_path / "x.bulletin"
    _write_lock(path, 4242, "other-machine")
    messages.use_language(language)
    with pytest.raises(FileLockedError) as caught:
        acquire_lock(path)
    assert str(caught.value) == expected


def test_release_leaves_a_lock_file_that_replaced_ours(tmp_path: Path) -> None:
    path = tmp_path / "x.bulletin"
    lock = acquire_lock(path)
    replacement = tmp_path / "other.lock"
    replacement.write_text("someone else's")
    os.replace(replacement, lock_path(path))
    lock.release()
    assert lock_path(path).read_text() == "someone else's"


def test_a_lock_that_cannot_be_written_leaves_nothing_and_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "x.bulletin"

    def disk_full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", disk_full)
    with pytest.raises(StorageError) as caught:
        acquire_lock(path)
    monkeypatch.undo()
    assert "x.bulletin" in str(caught.value) and "腾出空间" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match=r"无法为文件 x\.bulletin 创建锁文件.*nowhere"):
        acquire_lock(tmp_path / "nowhere" / "x.bulletin")


@pytest.mark.slow
def test_no_two_processes_take_over_one_stale_lock() -> None:
    """100 trials of 4 processes racing for a killed holder's lock, then load/change/save."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "lock_stress.py"), "--trials", "100"],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 double take-overs, 0 lost updates" in result.stdout


# --- the fallback, for file systems without OS locks ------------------------------------


@pytest.fixture
def no_os_locks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(oslock, "try_lock", lambda fd: None)


@pytest.mark.usefixtures("no_os_locks")
def test_without_os_locks_a_dead_holder_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "x.bulletin"
    _write_lock(path, _dead_pid(), socket.gethostname())
    with acquire_lock(path):
        assert json.loads(lock_path(path).read_text())["pid"] == os.getpid()
        with pytest.raises(FileLockedError):
            acquire_lock(path)
    assert not lock_path(path).exists()


@pytest.mark.usefixtures("no_os_locks")
def test_without_os_locks_an_unreadable_lock_is_respected_only_while_young(
    tmp_path: Path,
) -> None:
    path = tmp_path / "x.bulletin"
    lock_file = lock_path(path)
    lock_file.write_text("")
    with pytest.raises(FileLockedError, match="锁文件无法读取"):
        acquire_lock(path)
    old = time.time() - UNREADABLE_GRACE_SECONDS - 5
    os.utime(lock_file, (old, old))
    acquire_lock(path).release()


@pytest.mark.usefixtures("no_os_locks")
def test_without_os_locks_another_host_is_respected(tmp_path: Path) -> None:
    path = tmp_path / "x.bulletin"
    _write_lock(path, _dead_pid(), "other-machine")
    with pytest.raises(FileLockedError, match="主机 other-machine"):
        acquire_lock(path)


@pytest.mark.slow
def test_without_os_locks_no_two_processes_take_over_one_stale_lock() -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "lock_stress.py"),
            "--trials",
            "100",
            "--no-os-locks",
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stdout + result.stderr
