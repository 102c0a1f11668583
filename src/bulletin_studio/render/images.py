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
from collections.abc import Mapping
from dataclasses import dataclass, field

from PIL import Image

from bulletin_studio.messages import QT_TRANSLATE_NOOP, Template

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
    failure: Template | None = None
    """Why it cannot be used; kept untranslated, as the result is cached across languages."""
    details: Mapping[str, object] = field(default_factory=dict)

    @property
    def usable(self) -> bool:
        return self.failure is None

    @property
    def problem(self) -> str:
        """Why the image cannot be used, in the current language ("" when it can)."""
        return self.failure.format(**self.details) if self.failure is not None else ""


_UNUSABLE_SIZE = QT_TRANSLATE_NOOP("Render", "Unusable image size ({width}×{height} pixels)")
_UNDECODABLE = QT_TRANSLATE_NOOP(
    "Render", "The image data is damaged and cannot be decoded: {error}"
)


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
                    return ImageInfo(
                        failure=_UNUSABLE_SIZE, details={"width": width, "height": height}
                    )
                image.load()
                return ImageInfo(
                    width=width,
                    height=height,
                    format=image.format or "",
                    mode=image.mode,
                    jfif=image.format == "JPEG" and _has_jfif_or_exif(data),
                )
    except Exception as error:  # Pillow raises many kinds for damaged data; all mean "unusable"
        details = {"error": f"{type(error).__name__}: {error}"}
        return ImageInfo(failure=_UNDECODABLE, details=details)


def _has_jfif_or_exif(data: bytes) -> bool:
    """An APP0 JFIF or APP1 Exif segment right after the start-of-image marker."""
    return data[2:4] in (b"\xff\xe0", b"\xff\xe1") and data[6:10] in (b"JFIF", b"Exif")
