"""Images into the PDF without needless work.

ReportLab decodes every PNG to raw pixels, hashes them and deflates them again. Here:

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
from collections import OrderedDict

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
IHDR_LENGTH = 13
CACHE_SIZE = 64
_COLOR_SPACES = {0: ("DeviceGray", 1), 2: ("DeviceRGB", 3)}

_prepared: OrderedDict[str, pdfdoc.PDFImageXObject] = OrderedDict()


class PngPassthrough(pdfdoc.PDFImageXObject):
    """A PNG's own compressed data, with the predictor parameters PDF needs to read it."""

    def __init__(
        self,
        name: str,
        width: int,
        height: int,
        color_space: str | bytes,
        colors: int,
        depth: int,
        data: bytes,
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


def _png_passthrough(name: str, data: bytes) -> PngPassthrough | None:
    """The PNG's IDAT stream if PDF can use it directly, else None."""
    if not data.startswith(PNG_SIGNATURE):
        return None
    position = len(PNG_SIGNATURE)
    header: tuple[int, ...] | None = None
    palette = b""
    chunks: list[bytes] = []
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            if len(body) != IHDR_LENGTH:
                return None  # a header Pillow tolerates but PDF readers might not: re-encode
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        elif kind == b"PLTE":
            palette = body
        elif kind == b"tRNS":
            return None  # transparency needs a soft mask: ReportLab's loader makes one
        elif kind == b"IEND":
            break
    if header is None or not chunks:
        return None
    width, height, depth, color_type, _, _, interlace = header
    data = b"".join(chunks)
    if interlace:
        return None
    if color_type == 3 and palette and depth in (1, 2, 4, 8):
        indexed = f"[/Indexed /DeviceRGB {len(palette) // 3 - 1} <{palette.hex()}>]"
        return PngPassthrough(name, width, height, indexed.encode(), 1, depth, data)
    if depth != 8 or color_type not in _COLOR_SPACES:
        return None
    color_space, colors = _COLOR_SPACES[color_type]
    return PngPassthrough(name, width, height, color_space, colors, 8, data)


def _prepare(name: str, data: bytes) -> pdfdoc.PDFImageXObject:
    image = _png_passthrough(name, data)
    if image is None:
        image = pdfdoc.PDFImageXObject(name, ImageReader(io.BytesIO(data)), mask="auto")
    image.name = name
    return image


def prepared_image(name: str, data: bytes) -> pdfdoc.PDFImageXObject:
    """A fresh PDF image object for an asset, from data prepared once per process (LRU).

    Each document gets its own copy: ReportLab marks an object as registered with its document.
    """
    template = _prepared.get(name)
    if template is None:
        template = _prepare(name, data)
        _prepared[name] = template
        if len(_prepared) > CACHE_SIZE:
            _prepared.popitem(last=False)
    else:
        _prepared.move_to_end(name)
    image = copy.copy(template)
    soft_mask = getattr(template, "_smask", None)
    if soft_mask is not None:
        image._smask = copy.copy(soft_mask)
    return image


def draw_image(
    canvas: Canvas, name: str, data: bytes, x: float, y: float, width: float, height: float
) -> None:
    """Place an asset on the page, registering its image object with this document once."""
    document = canvas._doc
    registered = document.getXObjectName(name)
    if document.idToObject.get(registered) is None:
        image = prepared_image(name, data)
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
    canvas._currentPageHasImages = 1
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(width, height)
    canvas._code.append(f"/{registered} Do")
    canvas.restoreState()
    canvas._formsinuse.append(name)
