"""Hostile or broken files are refused with a message naming the file and the problem,
and loading never writes anything (the folder is byte-for-byte unchanged afterwards)."""

import json
import os
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from bulletin_studio import messages
from bulletin_studio.storage import Document, StorageError, load_document, reader, save_document
from bulletin_studio.storage.envelope import FORMAT_ID, encode
from tests.strategies import png_bytes


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def _envelope(issue: dict, **changes: object) -> bytes:
    return json.dumps(
        {"format": FORMAT_ID, "schema_version": 1, "issue": issue, **changes}
    ).encode()


def _members(doc: Document) -> dict[str, bytes]:
    members = {"issue.json": encode(doc.issue)}
    members |= {f"assets/{name}": data for name, data in doc.assets.items()}
    return members


def _issue_dict(doc: Document) -> dict:
    return doc.issue.model_dump(mode="json")


def _first_asset(doc: Document) -> str:
    return sorted(doc.issue.asset_names())[0]


def zip_slip(path: Path, doc: Document) -> None:
    _zip(path, {**_members(doc), "../evil.txt": b"x"})


def absolute_member(path: Path, doc: Document) -> None:
    _zip(path, {**_members(doc), "/etc/evil": b"x"})


def windows_drive_member(path: Path, doc: Document) -> None:
    _zip(path, {**_members(doc), "C:\\evil.txt": b"x"})


def too_many_members(path: Path, doc: Document) -> None:
    extra = {f"extra/{n}.txt": b"" for n in range(reader.MAX_MEMBERS)}
    _zip(path, {**_members(doc), **extra})


def oversized_declared_member(path: Path, doc: Document) -> None:
    """A compressed bomb: 25 MB of zeros deflate to a few KB but declare their size."""
    _zip(path, {**_members(doc), "issue.json": b"{" + b" " * (reader.MAX_ISSUE_BYTES + 10)})


def lying_member_size(path: Path, doc: Document) -> None:
    """Declared sizes patched to 100 bytes while the data inflates to 25 MB."""
    _zip(path, {"issue.json": b" " * (reader.MAX_ISSUE_BYTES + 10)})
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = data.index(signature)
        data[start + offset : start + offset + 4] = struct.pack("<I", 100)
    path.write_bytes(bytes(data))


def declared_total_too_large(path: Path, doc: Document) -> None:
    """Small extra members whose directory entries each claim 800 MB."""
    _zip(path, {**_members(doc), "extra/a": b"a", "extra/b": b"b"})
    data = bytearray(path.read_bytes())
    start = 0
    while (start := data.find(b"PK\x01\x02", start + 1)) != -1:
        name_length = struct.unpack_from("<H", data, start + 28)[0]
        if data[start + 46 : start + 46 + name_length].startswith(b"extra/"):
            struct.pack_into("<I", data, start + 24, 800 * 1024 * 1024)
    path.write_bytes(bytes(data))


def not_a_zip(path: Path, doc: Document) -> None:
    path.write_bytes(b"%PDF-1.7 this is not a package")


def no_issue_json(path: Path, doc: Document) -> None:
    _zip(path, {"readme.txt": b"hello"})


def invalid_json(path: Path, doc: Document) -> None:
    _zip(path, {"issue.json": b'{"format": "bulletin-studio/issue", '})


def not_utf8(path: Path, doc: Document) -> None:
    _zip(path, {"issue.json": "{}".encode("utf-16")})


def wrong_format(path: Path, doc: Document) -> None:
    data = json.dumps({"format": "other-app/doc", "schema_version": 1, "issue": {}}).encode()
    _zip(path, {"issue.json": data})


def future_version(path: Path, doc: Document) -> None:
    _zip(path, {**_members(doc), "issue.json": _envelope(_issue_dict(doc), schema_version=99)})


def missing_asset(path: Path, doc: Document) -> None:
    members = _members(doc)
    del members[f"assets/{_first_asset(doc)}"]
    _zip(path, members)


def hash_mismatch(path: Path, doc: Document) -> None:
    _zip(path, {**_members(doc), f"assets/{_first_asset(doc)}": png_bytes((9, 9, 9))})


def asset_not_an_image(path: Path, doc: Document) -> None:
    _zip(path, {**_members(doc), f"assets/{_first_asset(doc)}": b"not an image"})


def pydantic_failure(path: Path, doc: Document) -> None:
    issue = _issue_dict(doc)
    issue["sections"][0]["items"][0]["blocks"][0]["text"] = "[链接](javascript:alert(1))"
    _zip(path, {**_members(doc), "issue.json": _envelope(issue)})


BAD_FILES: list[tuple[Callable[[Path, Document], None], str]] = [
    (zip_slip, "../evil.txt：成员路径不安全"),
    (absolute_member, "/etc/evil"),
    (windows_drive_member, "成员路径不安全"),
    (too_many_members, "超过上限 2000"),
    (oversized_declared_member, "成员过大"),
    (declared_total_too_large, "解压后总大小超过上限 1024 MB"),
    (lying_member_size, "issue.json：数据已损坏"),
    (not_a_zip, "不是 zip 压缩包"),
    (no_issue_json, "没有 issue.json"),
    (invalid_json, "不是有效的 JSON"),
    (not_utf8, "不是 UTF-8"),
    (wrong_format, "不是 Bulletin Studio 的文件"),
    (future_version, "格式版本 99"),
    (missing_asset, "缺少本期引用的图片"),
    (hash_mismatch, "内容与其名称"),
    (asset_not_an_image, "无法识别为图片"),
    (pydantic_failure, "[p_lead] 正文：链接“javascript:alert(1)”无效"),
]


@pytest.mark.parametrize(("make", "expected"), BAD_FILES, ids=[m.__name__ for m, _ in BAD_FILES])
def test_bad_package_is_refused_and_nothing_changes(
    make: Callable[[Path, Document], None],
    expected: str,
    small_document: Document,
    tmp_path: Path,
) -> None:
    path = tmp_path / "x.bulletin"
    make(path, small_document)
    before = _snapshot(tmp_path)
    with pytest.raises(StorageError) as caught:
        load_document(path)
    message = str(caught.value)
    assert message.startswith("文件 x.bulletin"), message
    assert expected in message
    assert _snapshot(tmp_path) == before
    assert not (tmp_path.parent / "evil.txt").exists()


def test_validation_failure_lists_problems_with_node_ids(
    small_document: Document, tmp_path: Path
) -> None:
    path = tmp_path / "x.bulletin"
    pydantic_failure(path, small_document)
    with pytest.raises(StorageError) as caught:
        load_document(path)
    [problem] = caught.value.problems
    assert problem.target_id == "p_lead"
    assert problem.severity == "error"


def test_duplicate_ids_are_refused_with_the_id(small_document: Document, tmp_path: Path) -> None:
    issue = _issue_dict(small_document)
    issue["sections"][0]["items"][0]["blocks"][1]["id"] = "p_lead"
    path = tmp_path / "x.bulletin"
    _zip(path, {**_members(small_document), "issue.json": _envelope(issue)})
    with pytest.raises(StorageError, match=r"p_lead.*重复"):
        load_document(path)


def test_missing_asset_in_folder_names_the_member(small_document: Document, tmp_path: Path) -> None:
    (tmp_path / "issue.json").write_bytes(encode(small_document.issue))
    with pytest.raises(
        StorageError, match=r"文件 issue.json 不是有效的简报文件：assets/[0-9a-f]{64}\.png：缺少"
    ):
        load_document(tmp_path / "issue.json")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "The file x.bulletin is not a valid bulletin file: it is not a zip archive (the file is"
            " damaged or of another kind)",
        ),
        ("zh_CN", "文件 x.bulletin 不是有效的简报文件：它不是 zip 压缩包（文件已损坏或类型不对）"),
    ],
)
def test_a_corrupt_file_is_named_in_the_ui_language(
    small_document: Document, tmp_path: Path, language: str, expected: str
) -> None:
    path = tmp_path / "x.bulletin"
    not_a_zip(path, small_document)
    messages.use_language(language)
    with pytest.raises(StorageError) as caught:
        load_document(path)
    assert str(caught.value) == expected


def test_a_missing_member_is_named_in_english(small_document: Document, tmp_path: Path) -> None:
    (tmp_path / "issue.json").write_bytes(encode(small_document.issue))
    messages.use_language("en")
    with pytest.raises(
        StorageError,
        match=r"^The file issue.json is not a valid bulletin file: assets/[0-9a-f]{64}\.png: an"
        r" image this issue uses is missing$",
    ):
        load_document(tmp_path / "issue.json")


def test_refused_content_is_explained_in_english(small_document: Document, tmp_path: Path) -> None:
    """Pydantic's refusal reaches the editor in the model's words, not pydantic's."""
    issue = _issue_dict(small_document)
    issue["sections"][0]["items"][0]["blocks"][0]["text"] = "[x](ftp://a.org)"
    path = tmp_path / "x.bulletin"
    _zip(path, {**_members(small_document), "issue.json": _envelope(issue)})
    messages.use_language("en")
    with pytest.raises(StorageError) as caught:
        load_document(path)
    assert str(caught.value) == (
        "The file x.bulletin is not a valid bulletin file: the content is not valid: [p_lead]"
        " Text: The link “ftp://a.org” is not valid: only addresses starting http://, https:// or"
        " mailto: are accepted"
    )


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match=r"nowhere\.bulletin 不存在"):
        load_document(tmp_path / "nowhere.bulletin")


def test_a_good_package_is_still_accepted(small_document: Document, tmp_path: Path) -> None:
    """The control case: the helpers above only break what each one means to break."""
    path = tmp_path / "x.bulletin"
    _zip(path, _members(small_document))
    assert load_document(path).issue == small_document.issue
    save_document(small_document, tmp_path / "y.bulletin")


def lone_surrogate(path: Path, doc: Document) -> None:
    """JSON may escape half of a UTF-16 pair; Python then holds text UTF-8 cannot encode."""
    issue = _issue_dict(doc)
    issue["sections"][0]["items"][0]["blocks"][0]["text"] = "坏字符\ud800在此"
    data = json.dumps({"format": FORMAT_ID, "schema_version": 1, "issue": issue}).encode()
    assert b"\\ud800" in data
    _zip(path, {**_members(doc), "issue.json": data})


def test_unencodable_text_is_refused_on_load_naming_the_item(
    small_document: Document, tmp_path: Path
) -> None:
    """Before, such a file opened but could never be saved again (UnicodeEncodeError)."""
    path = tmp_path / "x.bulletin"
    lone_surrogate(path, small_document)
    with pytest.raises(StorageError) as caught:
        load_document(path)
    message = str(caught.value)
    assert message.startswith("文件 x.bulletin 不是有效的简报文件")
    assert "[p_lead] 正文" in message and "U+D800" in message
    [problem] = caught.value.problems
    assert problem.target_id == "p_lead"


def test_unencodable_text_from_elsewhere_is_refused_on_save_naming_the_item(
    small_document: Document, tmp_path: Path
) -> None:
    path = tmp_path / "x.bulletin"
    save_document(small_document, path)
    before = path.read_bytes()
    small_document.issue.sections[0].items[0].blocks[0].text = "正文\udc80"  # type: ignore[union-attr]
    with pytest.raises(StorageError, match=r"x\.bulletin.*\[p_lead\] 正文.*U\+DC80"):
        save_document(small_document, path)
    assert path.read_bytes() == before


def _fifo_package(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _fifo_issue_json(path: Path) -> Path:
    path.mkdir()
    os.mkfifo(path / "issue.json")
    return path / "issue.json"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("make", [_fifo_package, _fifo_issue_json])
@pytest.mark.timeout(20)
def test_a_fifo_is_refused_at_once(make: Callable[[Path], Path], tmp_path: Path) -> None:
    """Opening a FIFO for reading blocks until a writer comes; it must be refused unopened."""
    fifo = make(tmp_path / "x.bulletin")
    for path in {fifo, fifo.parent} - {tmp_path}:
        with pytest.raises(StorageError, match="命名管道"):
            load_document(path)
