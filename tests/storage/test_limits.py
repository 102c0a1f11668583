"""What is saved can be opened again: saving refuses what the reader's limits would refuse."""

import json
import zipfile
from pathlib import Path

import pytest

from bulletin_studio.model.issue import ReviewNote
from bulletin_studio.storage import Document, StorageError, load_document, reader, save_document


def _with_notes(doc: Document, count: int, size: int) -> Document:
    notes = [ReviewNote(id=f"note_{n}", text="意" * size) for n in range(count)]
    return Document(doc.issue.model_copy(update={"notes": notes}), doc.assets)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("name", ["x.bulletin", "issue.json"])
def test_an_issue_over_the_read_limit_is_refused_and_the_file_kept(
    name: str, small_document: Document, tmp_path: Path
) -> None:
    """Three comments of 7 MB made an issue.json of 21 MB, which no longer opened."""
    path = tmp_path / name
    save_document(small_document, path)
    before = path.read_bytes()
    too_big = _with_notes(small_document, 3, 7 * 1024 * 1024 // 3)
    with pytest.raises(StorageError) as caught:
        save_document(too_big, path)
    message = str(caught.value)
    assert name in message and "20 MB" in message and "删减" in message
    assert path.read_bytes() == before
    assert _leftovers(tmp_path) == []
    assert load_document(path).issue == small_document.issue


def test_an_issue_just_under_the_limit_saves_and_opens(
    small_document: Document, tmp_path: Path
) -> None:
    path = tmp_path / "x.bulletin"
    doc = _with_notes(small_document, 2, 3 * 1024 * 1024 // 3)
    save_document(doc, path)
    with zipfile.ZipFile(path) as archive:
        size = archive.getinfo(reader.ISSUE_MEMBER).file_size
    assert reader.MAX_ISSUE_BYTES // 4 < size < reader.MAX_ISSUE_BYTES
    assert load_document(path).issue == doc.issue


def test_the_limit_counts_the_bytes_written(small_document: Document, tmp_path: Path) -> None:
    """Chinese text is 3 bytes a character in UTF-8: the check is on bytes, not characters."""
    limit_chars = reader.MAX_ISSUE_BYTES // 3 + 1000
    doc = _with_notes(small_document, 1, limit_chars)
    assert len(json.dumps(doc.issue.model_dump(mode="json"), ensure_ascii=False)) < (
        reader.MAX_ISSUE_BYTES
    )
    with pytest.raises(StorageError, match="20 MB"):
        save_document(doc, tmp_path / "x.bulletin")
