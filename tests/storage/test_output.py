"""Export targets: never the document itself nor any document, only a writable regular file,
written through a temp file that replaces it with its permissions kept."""

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from bulletin_studio.export.progress import drain
from bulletin_studio.export.writer import Format
from bulletin_studio.pipeline import Pipeline
from bulletin_studio.render.fonts import FontResolver
from bulletin_studio.storage import (
    Document,
    FileLockedError,
    StorageError,
    acquire_lock,
    check_output_target,
    save_document,
    write_output,
)
from bulletin_studio.storage.envelope import encode

needs_root = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="device nodes need root"
)


def _refused(out: Path, *words: str, protected: tuple[Path, ...] = ()) -> str:
    with pytest.raises(StorageError) as caught:
        check_output_target(out, protected=protected)
    message = str(caught.value)
    assert out.name in message, message
    for word in words:
        assert word in message, message
    return message


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_the_input_itself_is_refused_however_it_is_spelled(
    small_document: Document, tmp_path: Path
) -> None:
    path = tmp_path / "t.pdf.in"
    save_document(small_document, path)
    (tmp_path / "sub").mkdir()
    _refused(tmp_path / "sub" / ".." / "t.pdf.in", "正在导出的简报", protected=(path,))
    os.link(path, tmp_path / "hard.pdf")
    _refused(tmp_path / "hard.pdf", protected=(path,))


def test_the_issue_json_of_an_unpacked_input_is_refused(
    small_document: Document, tmp_path: Path
) -> None:
    issue_json = tmp_path / "issue.json"
    issue_json.write_bytes(encode(small_document.issue))
    _refused(issue_json, protected=(tmp_path,))


def test_any_bulletin_and_its_backup_are_refused(tmp_path: Path) -> None:
    for name in ("other.bulletin", "OTHER.BULLETIN", "new.bulletin", "x.bulletin.bak"):
        _refused(tmp_path / name, "简报文件")


def test_a_document_under_another_name_is_refused(small_document: Document, tmp_path: Path) -> None:
    renamed = tmp_path / "renamed.docx"
    save_document(small_document, renamed)
    _refused(renamed, "简报文件")
    unpacked = tmp_path / "copy.pdf"
    unpacked.write_bytes(encode(small_document.issue))
    _refused(unpacked, "简报文件")


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _symlink(path: Path) -> None:
    path.with_name("real.pdf").write_bytes(b"%PDF-real")
    path.symlink_to(path.with_name("real.pdf"))


def _folder(path: Path) -> None:
    path.mkdir()


NON_REGULAR: list[tuple[Callable[[Path], None], str]] = [
    (_fifo, "命名管道"),
    (_symlink, "符号链接"),
    (_folder, "文件夹"),
]


@pytest.mark.parametrize(("make", "kind"), NON_REGULAR, ids=[m.__name__ for m, _ in NON_REGULAR])
def test_non_regular_targets_are_refused_and_left_alone(
    make: Callable[[Path], None], kind: str, tmp_path: Path
) -> None:
    out = tmp_path / "out.pdf"
    make(out)
    before = os.lstat(out)
    _refused(out, kind)
    with pytest.raises(StorageError, match=kind):
        write_output(out, b"%PDF-new")
    after = os.lstat(out)
    assert (after.st_ino, stat.S_IFMT(after.st_mode)) == (
        before.st_ino,
        stat.S_IFMT(before.st_mode),
    )
    assert _leftovers(tmp_path) == []
    if out.is_symlink():
        assert out.with_name("real.pdf").read_bytes() == b"%PDF-real"


@needs_root
def test_a_device_is_never_replaced(tmp_path: Path) -> None:
    """What ``--pdf /dev/null`` did as root, on a private copy of the null device."""
    device = tmp_path / "null.pdf"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    with pytest.raises(StorageError, match="设备"):
        write_output(device, b"%PDF-new")
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_a_read_only_file_is_refused_even_for_root(tmp_path: Path) -> None:
    out = tmp_path / "final.pdf"
    out.write_bytes(b"%PDF-signed-off")
    out.chmod(0o444)
    _refused(out, "只读")
    with pytest.raises(StorageError, match="只读"):
        write_output(out, b"%PDF-new")
    assert out.read_bytes() == b"%PDF-signed-off"


def test_a_locked_target_is_refused_naming_the_holder(tmp_path: Path) -> None:
    out = tmp_path / "issue.json"
    with acquire_lock(out), pytest.raises(FileLockedError) as caught:
        check_output_target(out)
    assert f"进程 {os.getpid()}" in str(caught.value)
    check_output_target(out)


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    _refused(tmp_path / "nowhere" / "x.pdf", "nowhere", "不存在")


def test_new_and_existing_regular_files_are_accepted(tmp_path: Path) -> None:
    check_output_target(tmp_path / "new.pdf")
    old = tmp_path / "old.pdf"
    old.write_bytes(b"%PDF-old")
    check_output_target(old, protected=(tmp_path / "x.bulletin",))


def test_write_output_replaces_content_and_keeps_permissions(tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    out.write_bytes(b"%PDF-old")
    out.chmod(0o640)
    write_output(out, b"%PDF-new")
    assert out.read_bytes() == b"%PDF-new"
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert not (tmp_path / "x.pdf.bak").exists()
    assert _leftovers(tmp_path) == []


def test_write_output_full_disk_names_the_file_and_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "x.pdf"
    out.write_bytes(b"%PDF-old")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(StorageError, match=r"x\.pdf.*磁盘已满.*腾出空间"):
        write_output(out, b"%PDF-new")
    monkeypatch.undo()
    assert out.read_bytes() == b"%PDF-old"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("format", ["pdf", "docx"])
def test_exports_go_through_the_output_rules(
    format: Format, small_document: Document, tmp_path: Path
) -> None:
    pipeline = Pipeline(FontResolver())
    out = tmp_path / f"reviewed.{format}"
    out.write_bytes(b"kept")
    out.chmod(0o444)
    with pytest.raises(StorageError, match="只读"):
        drain(pipeline.export(small_document, {format: out}))
    assert out.read_bytes() == b"kept"
    out.chmod(0o600)
    drain(pipeline.export(small_document, {format: out}))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_bytes() != b"kept"
    assert _leftovers(tmp_path) == []
