"""A save interrupted at any moment leaves the previous or the new file, never a broken one."""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bulletin_studio.storage import (
    Document,
    StorageError,
    acquire_lock,
    load_document,
    save_document,
)
from bulletin_studio.storage.atomic import backup_path
from tests.conftest import fill


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_failed_replace_keeps_previous_file_and_removes_temp(
    small_document: Document, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "x.bulletin"
    save_document(small_document, path)
    before = path.read_bytes()
    small_document.issue.sections[0].title = "新标题"

    def disk_full(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(StorageError, match=r"无法保存文件 x\.bulletin：磁盘已满.*原文件未改动"):
        save_document(small_document, path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert load_document(path).issue.sections[0].title == "同一个地球网络最新进展"
    assert _leftovers(tmp_path) == []


def test_unwritable_folder_is_a_storage_error(small_document: Document, tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="无法保存文件"):
        save_document(small_document, tmp_path / "missing" / "x.bulletin")


SAVER = """
import io, random, sys
from pathlib import Path
from PIL import Image
from bulletin_studio.model import Article, Figure, ImageRef, Issue, Numbering, Section
from bulletin_studio.storage import AssetStore, Document, save_document

noise = Image.frombytes("RGB", (700, 700), random.Random(0).randbytes(700 * 700 * 3))
buffer = io.BytesIO()
noise.save(buffer, "PNG", compress_level=0)
store = AssetStore()
asset = store.add(buffer.getvalue())
figure = Figure(id="f_noise", image=ImageRef(asset=asset))

def version(title):
    section = Section(id="sec_a", title=title, items=[Article(id="art_a", blocks=[figure])])
    return Issue(numbering=Numbering(year=2024, number=1, cumulative=1), sections=[section])

target = Path(sys.argv[1])
save_document(Document(version("A"), store), target)
print("ready", flush=True)
while True:
    for title in ("B", "A"):
        save_document(Document(version(title), store), target)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_while_saving_leaves_a_loadable_file(tmp_path: Path) -> None:
    target = tmp_path / "big.bulletin"
    rng = random.Random(1)
    for _round in range(5):
        saver = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(target)], stdout=subprocess.PIPE, text=True
        )
        assert saver.stdout is not None
        assert saver.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.6))
        saver.send_signal(signal.SIGKILL)
        saver.wait()
        saver.stdout.close()
        assert load_document(target).issue.sections[0].title in {"A", "B"}
        backup = target.with_name(target.name + ".bak")
        assert load_document(backup).issue.sections[0].title in {"A", "B"}


def _kill_while_saving(target: Path, rng: random.Random) -> None:
    saver = subprocess.Popen(
        [sys.executable, "-c", SAVER, str(target)], stdout=subprocess.PIPE, text=True
    )
    assert saver.stdout is not None
    assert saver.stdout.readline().strip() == "ready"
    time.sleep(rng.uniform(0.05, 0.6))
    saver.send_signal(signal.SIGKILL)
    saver.wait()
    saver.stdout.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("next_step", ["open", "save"])
def test_temp_files_of_killed_saves_are_removed_on_the_next_open_or_save(
    next_step: str, small_document: Document, tmp_path: Path
) -> None:
    """50 kills once left 882 MB of ``.big.bulletin.<hex>.tmp`` files behind."""
    target = tmp_path / "big.bulletin"
    rng = random.Random(2)
    for _round in range(30):
        _kill_while_saving(target, rng)
        if _leftovers(tmp_path):
            break
    assert _leftovers(tmp_path), "no kill landed inside a save"
    unrelated = tmp_path / ".other.bulletin.0123456789ab.tmp"
    unrelated.write_bytes(b"another document's")
    if next_step == "open":
        acquire_lock(target).release()
    else:
        save_document(load_document(target), target)
    assert _leftovers(tmp_path) == [unrelated.name]


def test_a_temp_file_being_written_is_not_removed(tmp_path: Path) -> None:
    """Another process's save in progress holds an OS lock on its temp file."""
    target = tmp_path / "x.bulletin"
    busy = target.with_name(f".{target.name}.{'a' * 12}.tmp")
    writer = subprocess.Popen(
        [sys.executable, "-c", BUSY_WRITER, str(busy)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline() == b"writing\n"
        acquire_lock(target).release()
        assert busy.exists()
    finally:
        writer.communicate(b"")
    acquire_lock(target).release()
    assert not busy.exists()


BUSY_WRITER = """
import os, sys
from bulletin_studio.storage import oslock
fd = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT | os.O_EXCL)
assert oslock.try_lock(fd)
print("writing", flush=True)
sys.stdin.read()
"""


def test_the_backup_is_never_a_hard_link_of_the_live_file(
    small_document: Document, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hard link is the live file under a second name: a backup must be its own file."""
    path = tmp_path / "x.bulletin"
    save_document(small_document, path)
    save_document(small_document, path)
    real_replace = os.replace
    shared: list[bool] = []

    def replace(src: os.PathLike[str], dst: os.PathLike[str]) -> None:
        if Path(dst) == path:
            shared.append(os.path.samefile(path, backup_path(path)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    small_document.issue.sections[0].title = "第三版"
    save_document(small_document, path)
    assert shared == [False]
    assert os.stat(path).st_nlink == 1 and os.stat(backup_path(path)).st_nlink == 1


def test_a_full_disk_keeps_the_file_leaves_nothing_and_says_what_to_do(
    full_disk: Path, small_document: Document
) -> None:
    path = full_disk / "x.bulletin"
    save_document(small_document, path)
    before = path.read_bytes()
    fill(full_disk)
    small_document.issue.sections[0].title = "写不下的新标题"
    for attempt in (lambda: acquire_lock(path), lambda: save_document(small_document, path)):
        with pytest.raises(StorageError) as caught:
            attempt()
        message = str(caught.value)
        assert "x.bulletin" in message and "磁盘已满" in message and "腾出空间" in message
        assert sorted(p.name for p in full_disk.iterdir()) == ["filler", "x.bulletin"]
        assert path.read_bytes() == before
