"""Saving and loading keep a document exactly, in every form the loader accepts."""

import io
import shutil
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from bulletin_studio.storage import (
    Document,
    load_document,
    new_document_from,
    sample_document,
    save_document,
)
from bulletin_studio.storage.document import package_bytes
from bulletin_studio.storage.envelope import encode
from tests.strategies import documents, png_bytes


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=documents())
def test_round_trip_keeps_issue_and_referenced_assets(doc: Document, tmp_path_factory) -> None:
    path = tmp_path_factory.mktemp("rt") / "issue.bulletin"
    save_document(doc, path)
    loaded = load_document(path)
    assert loaded.issue == doc.issue
    assert loaded.assets == doc.assets.subset(doc.issue.asset_names())
    assert package_bytes(loaded) == package_bytes(doc)


def test_identical_documents_give_identical_bytes(small_document: Document, tmp_path: Path) -> None:
    first, second = tmp_path / "a.bulletin", tmp_path / "b.bulletin"
    save_document(small_document, first)
    save_document(load_document(first), second)
    assert first.read_bytes() == second.read_bytes()


def test_package_holds_issue_first_then_sorted_referenced_assets(
    small_document: Document, tmp_path: Path
) -> None:
    spare = small_document.assets.add(png_bytes((1, 2, 3)))
    path = tmp_path / "x.bulletin"
    save_document(small_document, path)
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assets = sorted(f"assets/{name}" for name in small_document.issue.asset_names())
    assert names == ["issue.json", *assets]
    assert f"assets/{spare}" not in names


def test_save_keeps_previous_version_as_bak(small_document: Document, tmp_path: Path) -> None:
    path = tmp_path / "x.bulletin"
    save_document(small_document, path)
    first = path.read_bytes()
    small_document.issue.sections[0].title = "改过的标题"
    save_document(small_document, path)
    assert (tmp_path / "x.bulletin.bak").read_bytes() == first
    assert load_document(path).issue.sections[0].title == "改过的标题"


def _unpack(doc: Document, folder: Path) -> Path:
    folder.mkdir()
    (folder / "issue.json").write_bytes(encode(doc.issue))
    (folder / "assets").mkdir()
    for name, data in doc.assets.items():
        (folder / "assets" / name).write_bytes(data)
    return folder


def test_loads_plain_issue_json_and_its_folder(small_document: Document, tmp_path: Path) -> None:
    folder = _unpack(small_document, tmp_path / "unpacked")
    for path in (folder, folder / "issue.json"):
        loaded = load_document(path)
        assert loaded.issue == small_document.issue
        assert loaded.assets == small_document.assets


def test_hand_made_zip_with_directory_entries_loads(
    small_document: Document, tmp_path: Path
) -> None:
    folder = _unpack(small_document, tmp_path / "unpacked")
    archive_base = shutil.make_archive(str(tmp_path / "hand"), "zip", folder)
    loaded = load_document(Path(archive_base))
    assert loaded.issue == small_document.issue


def test_new_document_from_advances_numbering_and_drops_content(
    small_document: Document,
) -> None:
    previous = small_document
    previous.issue.numbering = previous.issue.numbering.model_copy(
        update={"year": 2024, "number": 4, "cumulative": 18}
    )
    new = new_document_from(previous)
    numbering = new.issue.numbering
    assert (numbering.year, numbering.number, numbering.cumulative) == (2025, 1, 19)
    assert [s.title for s in new.issue.sections] == [s.title for s in previous.issue.sections]
    assert all(not section.items for section in new.issue.sections)
    assert len(new.assets) == 0
    assert not {node.id for node in new.issue.walk()} & {n.id for n in previous.issue.walk()}


def test_json_is_readable_utf8(small_document: Document) -> None:
    text = encode(small_document.issue).decode("utf-8")
    assert "同一个地球网络最新进展" in text
    assert io.StringIO(text).readline().strip() == "{"


def test_sample_survives_a_round_trip_byte_for_byte(tmp_path: Path) -> None:
    sample = sample_document()
    assert sample.issue.sections and sample.assets
    assert set(sample.assets) == sample.issue.asset_names()
    first, second = tmp_path / "a.bulletin", tmp_path / "b.bulletin"
    save_document(sample, first)
    loaded = load_document(first)
    assert loaded.issue == sample.issue and loaded.assets == sample.assets
    save_document(loaded, second)
    assert first.read_bytes() == second.read_bytes()


def test_new_document_from_the_sample_keeps_its_sections(tmp_path: Path) -> None:
    sample = sample_document()
    new = new_document_from(sample)
    assert [s.title for s in new.issue.sections] == [s.title for s in sample.issue.sections]
    assert new.issue.numbering.cumulative == sample.issue.numbering.cumulative + 1
    save_document(new, tmp_path / "next.bulletin")
    assert load_document(tmp_path / "next.bulletin").issue == new.issue


def test_an_unpacked_issue_is_saved_unpacked(small_document: Document, tmp_path: Path) -> None:
    """Saving to the issue.json (or folder) a document was opened from keeps it a folder."""
    folder = _unpack(small_document, tmp_path / "unpacked")
    before = (folder / "issue.json").read_bytes()
    for path in (folder / "issue.json", folder):
        doc = load_document(path)
        doc.issue.sections[0].title = f"从 {path.name} 保存"
        new_image = doc.assets.add(png_bytes((len(path.name), 9, 9), (2, 2)))
        doc.issue.sections[0].items[0].blocks[1].image.asset = new_image  # type: ignore[union-attr]
        save_document(doc, path)
        text = (folder / "issue.json").read_text(encoding="utf-8")
        assert text.startswith("{") and f"从 {path.name} 保存" in text
        assert (folder / "assets" / new_image).read_bytes() == doc.assets[new_image]
        assert load_document(path).issue == doc.issue
    assert (folder / "issue.json.bak").read_bytes() != before
    assert not zipfile.is_zipfile(folder / "issue.json")
    assert sorted(p.name for p in folder.iterdir()) == ["assets", "issue.json", "issue.json.bak"]
