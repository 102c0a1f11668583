"""Images as they arrive from elsewhere: what storage accepts but a naive writer chokes on."""

import io
import struct
import zlib

from PIL import Image


def jpeg(mode: str = "RGB", jfif: bool = True) -> bytes:
    """A JPEG; CMYK as a print designer's Photoshop writes it (Adobe marker, no JFIF)."""
    buffer = io.BytesIO()
    color = (10, 200, 30, 0) if mode == "CMYK" else (10, 200, 30)
    Image.new(mode, (64, 48), color).save(buffer, "JPEG")
    data = buffer.getvalue()
    if not jfif and data[2:4] == b"\xff\xe0":  # drop the APP0 JFIF segment
        (length,) = struct.unpack(">H", data[4:6])
        data = data[:2] + data[4 + length :]
    return data


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png(ihdr: bytes, idat: bytes) -> bytes:
    end = _chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat) + end


def png_long_ihdr() -> bytes:
    """An IHDR of 14 bytes: Pillow reads the first 13, a strict parser fails."""
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * 8 for _ in range(8))
    return _png(struct.pack(">IIBBBBBB", 8, 8, 8, 2, 0, 0, 0, 0), zlib.compress(rows))


def png_cut_pixels() -> bytes:
    """Valid chunks and checksums around a pixel stream cut short: only decoding tells."""
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * 64 for _ in range(64))
    return _png(struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0), zlib.compress(rows)[:40])
