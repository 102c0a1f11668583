"""The asset store accepts real images only, names them by content, and refuses bombs."""

import hashlib
import io
import re
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from bulletin_studio.model.fields import ASSET_PATTERN
from bulletin_studio.storage import AssetStore, StorageError
from bulletin_studio.storage.assets import MAX_ASSET_BYTES
from tests.strategies import png_bytes


def _encoded(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (3, 3), (10, 200, 30)).save(buffer, fmt)
    return buffer.getvalue()


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims a size; the pixels would never fit in memory."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("fmt", "ext"), [("PNG", "png"), ("JPEG", "jpg"), ("GIF", "gif"), ("WEBP", "webp")]
)
def test_named_by_hash_and_format(fmt: str, ext: str) -> None:
    data = _encoded(fmt)
    name = AssetStore().add(data)
    assert name == f"{hashlib.sha256(data).hexdigest()}.{ext}"
    assert re.match(ASSET_PATTERN, name)


def test_same_bytes_stored_once() -> None:
    store = AssetStore()
    first = store.add(png_bytes((1, 2, 3)))
    assert store.add(png_bytes((1, 2, 3))) == first
    assert store.add(png_bytes((3, 2, 1))) != first
    assert len(store) == 2
    assert store[first] == png_bytes((1, 2, 3))


def test_add_file(tmp_path: Path) -> None:
    path = tmp_path / "logo.png"
    path.write_bytes(png_bytes((5, 5, 5)))
    store = AssetStore()
    assert store[store.add_file(path)] == path.read_bytes()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"just some text", "无法识别为图片"),
        (_encoded("BMP"), "不支持的图片格式 BMP"),
        (png_bytes((1, 1, 1), (40, 40))[:60], "图片无法读取"),
        (_png_header_only(8000, 8000), "图片像素过多（8000×8000）"),
        (_png_header_only(30000, 30000), "图片"),
    ],
    ids=["text", "bmp", "truncated", "many-pixels", "decompression-bomb"],
)
def test_refused_images(data: bytes, message: str) -> None:
    store = AssetStore()
    with pytest.raises(StorageError, match=re.escape(message)):
        store.add(data)
    assert len(store) == 0


def test_too_many_bytes_refused_before_decoding() -> None:
    data = png_bytes((1, 1, 1)) + b"\0" * MAX_ASSET_BYTES
    with pytest.raises(StorageError, match="图片过大"):
        AssetStore().add(data)


def test_add_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    with pytest.raises(StorageError, match=re.escape("图片 notes.txt：无法识别为图片")):
        AssetStore().add_file(path)
    with pytest.raises(StorageError, match=re.escape("无法读取图片 missing.png")):
        AssetStore().add_file(tmp_path / "missing.png")


def test_subset_keeps_only_named_assets() -> None:
    store = AssetStore()
    keep = store.add(png_bytes((1, 1, 1)))
    store.add(png_bytes((2, 2, 2)))
    assert list(store.subset({keep, "absent.png"})) == [keep]
