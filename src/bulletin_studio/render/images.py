"""Every image decoded once, fully, before any writer sees it.

Storage checks an image's header and checksums when it enters a package; that does not
prove its pixels decode (a truncated IDAT with valid CRCs, a JPEG cut short, a header that
lies about its size). Composing decodes each image completely (once per content hash, per
process): an image that fails is left out of the render tree and reported as an error on
its block, so writers only ever get images they can embed, and the preview never breaks on
one.
"""

import io
import warnings
from collections import OrderedDict
from dataclasses import dataclass

from PIL import Image

MAX_PIXELS = 60_000_000
"""The same budget as storage's: decoding more could take gigabytes."""

CACHE_SIZE = 256


@dataclass(frozen=True)
class ImageInfo:
    """What compose and the writers need to know about an image, or why it cannot be used."""

    width: int = 0
    height: int = 0
    format: str = ""
    mode: str = ""
    jfif: bool = False
    """A JPEG with a JFIF or EXIF header (what python-docx recognises as a JPEG)."""
    problem: str = ""

    @property
    def usable(self) -> bool:
        return not self.problem


_seen: OrderedDict[str, ImageInfo] = OrderedDict()


def inspect_image(name: str, data: bytes) -> ImageInfo:
    """Decode ``data`` completely (cached by ``name``, a content hash) and describe it."""
    info = _seen.get(name)
    if info is None:
        info = _decode(data)
        _seen[name] = info
        if len(_seen) > CACHE_SIZE:
            _seen.popitem(last=False)
    else:
        _seen.move_to_end(name)
    return info


def _decode(data: bytes) -> ImageInfo:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                if width < 1 or height < 1 or width * height > MAX_PIXELS:
                    return ImageInfo(problem=f"图片尺寸不可用（{width}×{height} 像素）")
                image.load()
                return ImageInfo(
                    width=width,
                    height=height,
                    format=image.format or "",
                    mode=image.mode,
                    jfif=image.format == "JPEG" and _has_jfif_or_exif(data),
                )
    except Exception as error:  # Pillow raises many kinds for damaged data; all mean "unusable"
        return ImageInfo(problem=f"图片数据已损坏，无法解码：{type(error).__name__}: {error}")


def _has_jfif_or_exif(data: bytes) -> bool:
    """An APP0 JFIF or APP1 Exif segment right after the start-of-image marker."""
    return data[2:4] in (b"\xff\xe0", b"\xff\xe1") and data[6:10] in (b"JFIF", b"Exif")
