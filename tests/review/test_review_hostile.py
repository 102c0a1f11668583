"""Files that are not a reviewed bulletin, or are built to hurt: each refused with its message."""

import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document

from bulletin_studio import messages
from bulletin_studio.review import ReviewError, read_review

BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10 if n > 1 else "&lol;" * 10}">'.encode()
        for n in range(1, 10)
    )
    + b']>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
)


def _replace_part(source: Path, out: Path, name: str, data: bytes) -> Path:
    with zipfile.ZipFile(source) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts[name] = data
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, content in parts.items():
            archive.writestr(part, content)
    return out


def _refused(path: Path, *words: str) -> None:
    before = path.read_bytes()
    with pytest.raises(ReviewError) as caught:
        read_review(path)
    for word in words:
        assert word in str(caught.value)
    assert path.read_bytes() == before


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReviewError, match="无法读取"):
        read_review(tmp_path / "nowhere.docx")


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_text("这不是压缩包", encoding="utf-8")
    _refused(path, "notes.docx", "不是 DOCX")


def test_a_refusal_speaks_english(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_text("这不是压缩包", encoding="utf-8")
    messages.use_language("en")
    with pytest.raises(ReviewError) as caught:
        read_review(path)
    assert str(caught.value) == (
        "“notes.docx” is not a DOCX file (it is not a ZIP archive, or it is encrypted)"
    )


def test_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "photos.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.txt", "hello")
    _refused(path, "不是 Word 文档")


def test_docx_of_another_document(tmp_path: Path) -> None:
    path = tmp_path / "letter.docx"
    doc = Document()
    doc.add_paragraph("一封普通的信")
    doc.save(str(path))
    _refused(path, "letter.docx", "找不到条目书签")


def test_billion_laughs(exported_docx: Path, tmp_path: Path) -> None:
    path = _replace_part(exported_docx, tmp_path / "bomb.docx", "word/document.xml", BILLION_LAUGHS)
    _refused(path, "DTD", "word/document.xml")


def test_external_entity_is_not_fetched(exported_docx: Path, tmp_path: Path) -> None:
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    )
    path = _replace_part(exported_docx, tmp_path / "xxe.docx", "word/document.xml", xxe)
    _refused(path, "DTD")


def test_oversized_part(exported_docx: Path, tmp_path: Path) -> None:
    """33 MB of zeros compress to a few kilobytes: the declared size is checked before reading."""
    path = _replace_part(
        exported_docx, tmp_path / "big.docx", "word/document.xml", b"\0" * (33 << 20)
    )
    assert path.stat().st_size < 1 << 20
    _refused(path, "超过 32 MB")


def test_broken_xml(exported_docx: Path, tmp_path: Path) -> None:
    path = _replace_part(
        exported_docx, tmp_path / "broken.docx", "word/document.xml", b"<w:document>"
    )
    _refused(path, "不是有效的 XML")


def test_too_many_members(tmp_path: Path) -> None:
    path = tmp_path / "many.docx"
    with zipfile.ZipFile(path, "w") as archive:
        for number in range(2001):
            archive.writestr(f"f{number}", "")
    _refused(path, "2001")


def test_truncated_archive(exported_docx: Path, tmp_path: Path) -> None:
    path = tmp_path / "cut.docx"
    shutil.copy(exported_docx, path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    _refused(path, "cut.docx")
