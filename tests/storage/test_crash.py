"""A save interrupted at any moment leaves the previous or the new file, never a broken one."""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bulletin_studio.storage import Document, StorageError, load_document, save_document


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
    with pytest.raises(StorageError, match=r"无法保存文件 x\.bulletin：No space left"):
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
