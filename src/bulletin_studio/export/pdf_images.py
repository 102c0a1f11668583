"""Images into the PDF without needless work, and in the press's colours for print.

In the print variant every picture is separated to the output profile's CMYK
(``export.colour``) and embedded as DeviceCMYK, or indexed on a CMYK palette; an opaque
palette PNG keeps its own pixel stream and only its palette is converted. On screen the
pictures stay RGB, and ReportLab's habit of decoding every PNG to raw pixels, hashing them and
deflating them again is avoided:

- a non-interlaced PNG without transparency (8-bit RGB or grey, or palette) is embedded as it
  is: its IDAT data already is a Flate stream with PNG predictors, which PDF readers decode
  (as img2pdf does); a palette becomes an /Indexed colour space;
- other images (alpha, palette, JPEG) go through ReportLab's own loader;
- the prepared image object is cached by asset name (a content hash), so the preview's
  repeated exports prepare each image once.
"""

import copy
import io
import struct
import zlib
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from bulletin_studio.export.colour import ImageConversion, OutputProfile, separate

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
IHDR_LENGTH = 13
CACHE_SIZE = 64
_COLOR_SPACES = {0: ("DeviceGray", 1), 2: ("DeviceRGB", 3)}

_prepared: OrderedDict[Hashable, tuple[pdfdoc.PDFImageXObject, ImageConversion | None]] = (
    OrderedDict()
)


class FlateImage(pdfdoc.PDFImageXObject):
    """Pixels already deflated: a PNG's own data (with the predictor parameters PDF needs to
    read it) or separated CMYK pixels (``predictor`` False)."""

    def __init__(
        self,
        name: str,
        width: int,
        height: int,
        color_space: str | bytes,
        colors: int,
        depth: int,
        data: bytes,
        *,
        predictor: bool = True,
    ) -> None:
        super().__init__(name, source=None)
        self.width = width
        self.height = height
        self.colorSpace = color_space
        self.bitsPerComponent = depth
        self._filters = ("FlateDecode",)
        self.streamContent = data
        self.mask = None
        self.colors = colors
        self.predictor = predictor

    def format(self, document: pdfdoc.PDFDocument) -> bytes:
        stream = pdfdoc.PDFStream(content=self.streamContent)
        entries = stream.dictionary
        entries["Type"] = pdfdoc.PDFName("XObject")
        entries["Subtype"] = pdfdoc.PDFName("Image")
        entries["Width"] = self.width
        entries["Height"] = self.height
        entries["BitsPerComponent"] = self.bitsPerComponent
        space = self.colorSpace
        entries["ColorSpace"] = space if isinstance(space, bytes) else pdfdoc.PDFName(space)
        entries["Filter"] = pdfdoc.PDFName("FlateDecode")  # a name: an array would need the
        # parameters as an array too, and readers then ignore the predictor
        if self.predictor:
            entries["DecodeParms"] = pdfdoc.PDFDictionary(
                {
                    "Predictor": 15,
                    "Colors": self.colors,
                    "BitsPerComponent": self.bitsPerComponent,
                    "Columns": self.width,
                }
            )
        entries["Length"] = len(self.streamContent)
        return stream.format(document)  # a Filter entry stops ReportLab deflating it again


@dataclass(frozen=True)
class PngData:
    """What a PNG's chunks say, enough to hand its pixel stream to PDF as it is."""

    width: int
    height: int
    depth: int
    color_type: int
    interlaced: bool
    palette: bytes
    transparent: bool
    stream: bytes
    """The IDAT data: a Flate stream with PNG predictors, which PDF readers decode."""

    @property
    def indexed(self) -> bool:
        """Palette indices PDF can read as they are stored."""
        return (
            self.color_type == 3
            and bool(self.palette)
            and self.depth in (1, 2, 4, 8)
            and not self.interlaced
        )


def png_data(data: bytes) -> PngData | None:
    """The header, palette and pixel stream of a PNG; None if it is not one or its header is
    malformed (a header Pillow tolerates but PDF readers might not: re-encode)."""
    if not data.startswith(PNG_SIGNATURE):
        return None
    position = len(PNG_SIGNATURE)
    header: tuple[int, ...] | None = None
    palette = b""
    transparent = False
    chunks: list[bytes] = []
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            if len(body) != IHDR_LENGTH:
                return None
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        elif kind == b"PLTE":
            palette = body
        elif kind == b"tRNS":
            transparent = True
        elif kind == b"IEND":
            break
    if header is None or not chunks:
        return None
    width, height, depth, color_type, _, _, interlace = header
    stream = b"".join(chunks)
    return PngData(width, height, depth, color_type, bool(interlace), palette, transparent, stream)


def _png_passthrough(name: str, data: bytes) -> FlateImage | None:
    """The PNG's IDAT stream if PDF can use it directly (on screen), else None.

    Transparency needs a soft mask, which ReportLab's loader makes.
    """
    png = png_data(data)
    if png is None or png.transparent or png.interlaced:
        return None
    if png.indexed:
        indexed = f"[/Indexed /DeviceRGB {len(png.palette) // 3 - 1} <{png.palette.hex()}>]"
        return FlateImage(name, png.width, png.height, indexed.encode(), 1, png.depth, png.stream)
    if png.depth != 8 or png.color_type not in _COLOR_SPACES:
        return None
    color_space, colors = _COLOR_SPACES[png.color_type]
    return FlateImage(name, png.width, png.height, color_space, colors, 8, png.stream)


def _prepare_screen(name: str, data: bytes) -> pdfdoc.PDFImageXObject:
    image = _png_passthrough(name, data)
    if image is None:
        image = pdfdoc.PDFImageXObject(name, ImageReader(io.BytesIO(data)), mask="auto")
    image.name = name
    return image


def _prepare_print(
    name: str, data: bytes, profile: OutputProfile
) -> tuple[pdfdoc.PDFImageXObject, ImageConversion]:
    """Separated pixels, deflated; a palette PNG keeps its own stream under a CMYK palette."""
    separated = separate(name, data, profile)
    pixels = separated.pixels
    width, height = pixels.size
    if separated.palette is None:
        stream = zlib.compress(pixels.tobytes(), 6)
        image = FlateImage(name, width, height, "DeviceCMYK", 4, 8, stream, predictor=False)
    else:
        last = len(separated.palette) // 4 - 1
        space = f"[/Indexed /DeviceCMYK {last} <{separated.palette.hex()}>]".encode()
        png = png_data(data) if separated.own_indices else None
        if png is not None and png.indexed and (png.width, png.height) == (width, height):
            image = FlateImage(name, width, height, space, 1, png.depth, png.stream)
        else:
            stream = zlib.compress(pixels.tobytes(), 6)
            image = FlateImage(name, width, height, space, 1, 8, stream, predictor=False)
    image.name = name
    return image, separated.conversion


def prepared_image(
    name: str, data: bytes, profile: OutputProfile | None = None
) -> tuple[pdfdoc.PDFImageXObject, ImageConversion | None]:
    """A fresh PDF image object for an asset, from data prepared once per process (LRU),
    separated for ``profile`` when one is given (with how it was converted).

    Each document gets its own copy: ReportLab marks an object as registered with its document.
    """
    key: Hashable = name if profile is None else (name, profile)
    cached = _prepared.get(key)
    if cached is None:
        cached = (
            (_prepare_screen(name, data), None)
            if profile is None
            else _prepare_print(name, data, profile)
        )
        _prepared[key] = cached
        if len(_prepared) > CACHE_SIZE:
            _prepared.popitem(last=False)
    else:
        _prepared.move_to_end(key)
    template, conversion = cached
    image = copy.copy(template)
    soft_mask = getattr(template, "_smask", None)
    if soft_mask is not None:
        image._smask = copy.copy(soft_mask)
    return image, conversion


class Pictures:
    """Places pictures on pages: as they are on screen, separated for the press in print.

    One per document; ``conversions`` records how each printed picture was converted.
    """

    def __init__(self, profile: OutputProfile | None) -> None:
        self.profile = profile
        self.conversions: dict[str, ImageConversion] = {}

    def draw(
        self,
        canvas: Canvas,
        name: str,
        data: bytes,
        x: float,
        y: float,
        width: float,
        height: float,
    ) -> None:
        """Place an asset on the page, registering its image object with this document once."""
        document = canvas._doc
        registered = document.getXObjectName(name)
        if document.idToObject.get(registered) is None:
            image, conversion = prepared_image(name, data, self.profile)
            if conversion is not None:
                self.conversions[name] = conversion
            _register(canvas, name, registered, image)
        canvas._currentPageHasImages = 1
        canvas.saveState()
        canvas.translate(x, y)
        canvas.scale(width, height)
        canvas._code.append(f"/{registered} Do")
        canvas.restoreState()
        canvas._formsinuse.append(name)


def _register(canvas: Canvas, name: str, registered: str, image: pdfdoc.PDFImageXObject) -> None:
    """The image object (and its soft mask, on screen) joins the canvas's document."""
    document = canvas._doc
    canvas._setXObjects(image)
    document.Reference(image, registered)
    document.addForm(name, image)
    soft_mask = getattr(image, "_smask", None)
    if soft_mask is not None:
        mask_name = document.getXObjectName(soft_mask.name)
        if document.idToObject.get(mask_name) is None:
            canvas._setXObjects(soft_mask)
            image.smask = document.Reference(soft_mask, mask_name)
        else:
            image.smask = pdfdoc.PDFObjectReference(mask_name)
        del image._smask
