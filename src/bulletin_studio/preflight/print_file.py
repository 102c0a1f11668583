"""A print shop's preflight of the produced PDF: what would get the file refused or reprinted.

``preflight`` (in ``checks``) sees the composed issue; this module reads the PDF itself with
pikepdf, as a shop's preflight does, and walks every page's content (forms included) with the
graphics state a printer would have: inks of each fill and stroke, text sizes after scaling,
line widths, where images are placed and at what resolution. Each finding names the page, the
item it is in (by the PDF's named destinations, which the writer sets to the item ids, and the
outline's titles) and what to do about it. Page furniture is marked as ``/Artifact`` by the
writer and reported as such.
"""

import io
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

import pikepdf
from PIL import Image, ImageMath

from bulletin_studio.messages import QT_TRANSLATE_NOOP

Severity = Literal["error", "warning", "info"]
Standard = Literal["x4", "x1a"]

MIN_PPI = 300
MAX_PPI = 450
SMALL_TEXT = 6.0
"""Text below this size (pt) in more than one ink shows colour fringes off register."""
REVERSED_TEXT = 9.0
"""White text below this size fills in when the inks around it spread."""
HAIRLINE = 0.25
"""Lines thinner than this (pt) may break up or vanish on the plate."""
SAFE_MARGIN = 3 * 72 / 25.4
"""Text closer than 3 mm to the trim edge may be cut off."""

VERSION_NAMES: dict[Standard, str] = {"x4": "PDF/X-4", "x1a": "PDF/X-1a:2003"}
MIN_PDF_VERSION: dict[Standard, str] = {"x4": "1.6", "x1a": "1.3"}
MAX_PDF_VERSION: dict[Standard, str] = {"x4": "1.6", "x1a": "1.4"}
FURNITURE = QT_TRANSLATE_NOOP(
    "Preflight", "Page furniture (masthead, headers, footers, crop marks)"
)

# The checks, as the report's first column names them.
_OUTPUT_INTENT = QT_TRANSLATE_NOOP("Preflight", "Output intent")
_PAGE_BOXES = QT_TRANSLATE_NOOP("Preflight", "Page boxes")
_ANNOTATIONS = QT_TRANSLATE_NOOP("Preflight", "Annotations")
_FONTS = QT_TRANSLATE_NOOP("Preflight", "Fonts")
_CONVERSION = QT_TRANSLATE_NOOP("Preflight", "Colour conversion")
_COLOUR = QT_TRANSLATE_NOOP("Preflight", "Colour")
_TRANSPARENCY = QT_TRANSLATE_NOOP("Preflight", "Transparency")
_SMALL_TEXT = QT_TRANSLATE_NOOP("Preflight", "Small text in several inks")
_REVERSED_TEXT = QT_TRANSLATE_NOOP("Preflight", "Small reversed text")
_SAFE_MARGIN = QT_TRANSLATE_NOOP("Preflight", "Safe margin")
_HAIRLINE = QT_TRANSLATE_NOOP("Preflight", "Hairlines")
_TOTAL_INK = QT_TRANSLATE_NOOP("Preflight", "Total ink")
_RESOLUTION = QT_TRANSLATE_NOOP("Preflight", "Image resolution")
_LIST_SEPARATOR = QT_TRANSLATE_NOOP("Preflight", ", ")
_USE_X4 = QT_TRANSLATE_NOOP("Preflight", "Export as PDF/X-4 instead")


@dataclass(frozen=True)
class Conversion:
    """A picture conversion the export made (what the writer reports), for the report."""

    asset: str
    source: str
    target: str
    kind: str
    flattened: bool


@dataclass(frozen=True)
class Finding:
    """One line of the report: what, where (pages, item) and what to do."""

    severity: Severity
    check: str
    message: str
    action: str = ""
    pages: tuple[int, ...] = ()
    item_id: str | None = None
    item_title: str | None = None


@dataclass(frozen=True)
class PrintReport:
    """The findings, worst first; ``refused`` when a print shop would send the file back."""

    standard: Standard
    findings: tuple[Finding, ...]

    @property
    def refused(self) -> bool:
        return any(finding.severity == "error" for finding in self.findings)

    def count(self, severity: Severity) -> int:
        return sum(finding.severity == severity for finding in self.findings)


def inspect_print_file(
    data: bytes,
    standard: Standard | None = None,
    ink_limit: float = 300,
    conversions: Sequence[Conversion] = (),
) -> PrintReport:
    """Check a print PDF against ``standard`` (default: the one it claims, else X-4)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        claimed = _claimed_standard(pdf)
        standard = standard or claimed or "x4"
        places = _Places(pdf)
        raw: list[_Raw] = []
        raw.extend(_structure(pdf, standard, claimed))
        for number, page in enumerate(pdf.pages, start=1):
            walker = _PageWalker(pdf, page, number, standard, ink_limit)
            raw.extend(walker.run())
            raw.extend(_annotations(page, number))
        fonts = _fonts(pdf)
    findings = [places.locate(item) for item in raw]
    findings.extend(_font_findings(fonts))
    findings.extend(_conversion_findings(conversions))
    return PrintReport(standard, tuple(_merged(findings)))


# -- where a finding is ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Raw:
    """A finding before it is placed: page and point (PDF units) if it has one."""

    severity: Severity
    check: str
    message: str
    action: str
    page: int | None = None
    point: tuple[float, float] | None = None
    furniture: bool = False


class _Places:
    """Named destinations (item ids) with the outline's titles, per page in reading order."""

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        page_numbers = {page.obj.objgen: number for number, page in enumerate(pdf.pages, 1)}
        titles = dict(_outline_titles(pdf, page_numbers))
        self.marks: list[tuple[int, float, float, str, str]] = []
        names = pdf.Root.get("/Names")
        if names is None or "/Dests" not in names:
            return
        for name, destination in pikepdf.NameTree(names.Dests).items():
            array = destination.get("/D") if isinstance(destination, pikepdf.Dictionary) else None
            array = array if array is not None else destination
            page = page_numbers.get(array[0].objgen)
            if page is None:
                continue
            x, y = float(array[2]), float(array[3])
            title = titles.get((page, round(y, 1)))
            if title is not None:  # sections and items have outline entries; blocks do not
                self.marks.append((page, x, y, str(name), title))

    def locate(self, raw: _Raw) -> Finding:
        finding = Finding(
            raw.severity, raw.check, raw.message, raw.action, (raw.page,) if raw.page else ()
        )
        if raw.furniture:
            return replace(finding, item_title=FURNITURE.format())
        if raw.page is None or raw.point is None:
            return finding
        mark = self._mark_before(raw.page, *raw.point)
        if mark is None:
            return finding
        return replace(finding, item_id=mark[3], item_title=mark[4])

    def _mark_before(
        self, page: int, x: float, y: float
    ) -> tuple[int, float, float, str, str] | None:
        """The item a point is in: the nearest start above it in its column, else the last
        item started before it in reading order (columns left to right)."""
        epsilon = 1.0
        on_page = [mark for mark in self.marks if mark[0] == page and mark[1] <= x + epsilon]
        if on_page:
            column = max(mark[1] for mark in on_page)
            above = [m for m in on_page if abs(m[1] - column) < epsilon and m[2] >= y - epsilon]
            if above:
                return min(above, key=lambda mark: mark[2])
            earlier = [mark for mark in on_page if mark[1] < column - epsilon]
            if earlier:
                return max(earlier, key=lambda mark: (mark[1], -mark[2]))
        before = [mark for mark in self.marks if mark[0] < page]
        return max(before, key=lambda mark: (mark[0], mark[1], -mark[2])) if before else None


def _outline_titles(
    pdf: pikepdf.Pdf, page_numbers: dict[tuple[int, int], int]
) -> Iterator[tuple[tuple[int, float], str]]:
    outlines = pdf.Root.get("/Outlines")
    pending = [outlines.get("/First")] if outlines is not None else []
    seen: set[tuple[int, int]] = set()
    while pending:
        entry = pending.pop()
        if entry is None or entry.objgen in seen:
            continue
        seen.add(entry.objgen)
        destination = entry.get("/Dest")
        if destination is None and "/A" in entry:
            destination = entry.A.get("/D")
        if isinstance(destination, pikepdf.Array) and len(destination) >= 4:
            page = page_numbers.get(destination[0].objgen)
            if page is not None:
                yield (page, round(float(destination[3]), 1)), str(entry.Title)
        pending.extend(entry.get(key) for key in ("/Next", "/First"))


def _merged(findings: Iterable[Finding]) -> list[Finding]:
    """One line per problem and item: the same finding on several pages lists the pages."""
    merged: dict[tuple[object, ...], Finding] = {}
    for finding in findings:
        key = (
            finding.severity,
            finding.check,
            finding.message,
            finding.item_id,
            finding.item_title,
        )
        if key in merged:
            pages = tuple(sorted(set(merged[key].pages) | set(finding.pages)))
            merged[key] = replace(merged[key], pages=pages)
        else:
            merged[key] = finding
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(merged.values(), key=lambda f: (order[f.severity], f.pages[:1] or (0,)))


# -- the document as a whole ----------------------------------------------------------------


def _claimed_standard(pdf: pikepdf.Pdf) -> Standard | None:
    version = str(pdf.docinfo.get("/GTS_PDFXVersion", ""))
    for standard, name in VERSION_NAMES.items():
        if version == name:
            return standard
    return None


def _structure(pdf: pikepdf.Pdf, standard: Standard, claimed: Standard | None) -> Iterator[_Raw]:
    name = VERSION_NAMES[standard]
    export = QT_TRANSLATE_NOOP(
        "Preflight", "Export again with bulletin-studio export --variant print --pdfx {standard}"
    ).format(standard=standard)
    if claimed != standard:
        found = str(pdf.docinfo.get("/GTS_PDFXVersion", ""))
        found = found or QT_TRANSLATE_NOOP("Preflight", "none").format()
        message = QT_TRANSLATE_NOOP(
            "Preflight", "The file does not declare itself {name} (GTS_PDFXVersion: {found})"
        ).format(name=name, found=found)
        yield _Raw("error", "PDF/X", message, export)
    xmp = pdf.Root.get("/Metadata")
    xmp_text = xmp.read_bytes().decode("utf-8", "replace") if xmp is not None else ""
    if name not in xmp_text:
        message = QT_TRANSLATE_NOOP(
            "Preflight", "The XMP metadata does not identify the file as {name}"
        ).format(name=name)
        yield _Raw("error", "PDF/X", message, export)
    if str(pdf.docinfo.get("/Trapped", "")) not in ("/True", "/False"):
        message = QT_TRANSLATE_NOOP(
            "Preflight", "Trapped in the Info dictionary should be True or False"
        ).format()
        yield _Raw("error", "PDF/X", message, export)
    if not (MIN_PDF_VERSION[standard] <= pdf.pdf_version <= MAX_PDF_VERSION[standard]):
        message = QT_TRANSLATE_NOOP("Preflight", "PDF version {version} does not conform to {name}")
        yield _Raw("error", "PDF/X", message.format(version=pdf.pdf_version, name=name), export)
    if "/ID" not in pdf.trailer:
        message = QT_TRANSLATE_NOOP("Preflight", "The file has no document ID").format()
        yield _Raw("error", "PDF/X", message, export)
    intents = [
        intent
        for intent in pdf.Root.get("/OutputIntents", [])
        if intent.get("/S") == pikepdf.Name.GTS_PDFX
    ]
    if not intents:
        message = QT_TRANSLATE_NOOP(
            "Preflight", "No GTS_PDFX output intent (the printing condition is unknown)"
        ).format()
        yield _Raw("error", _OUTPUT_INTENT.format(), message, export)
    else:
        profile = intents[0].get("/DestOutputProfile")
        if profile is None or int(profile.get("/N", 0)) != 4:
            message = QT_TRANSLATE_NOOP(
                "Preflight", "The output intent embeds no CMYK output profile"
            ).format()
            yield _Raw("error", _OUTPUT_INTENT.format(), message, export)
        else:
            condition = str(intents[0].get("/OutputConditionIdentifier", ""))
            message = QT_TRANSLATE_NOOP(
                "Preflight", "Printing condition: {condition} (CMYK profile embedded)"
            ).format(condition=condition)
            yield _Raw("info", _OUTPUT_INTENT.format(), message, "")
    for number, page in enumerate(pdf.pages, start=1):
        if "/TrimBox" not in page.obj and "/ArtBox" not in page.obj:
            message = QT_TRANSLATE_NOOP(
                "Preflight", "The page has no TrimBox (the trimmed size)"
            ).format()
            yield _Raw("error", _PAGE_BOXES.format(), message, export, number)
        if "/TrimBox" in page.obj and "/ArtBox" in page.obj:
            message = QT_TRANSLATE_NOOP(
                "Preflight", "The page has both a TrimBox and an ArtBox"
            ).format()
            yield _Raw("error", _PAGE_BOXES.format(), message, export, number)


def _annotations(page: pikepdf.Page, number: int) -> Iterator[_Raw]:
    bleed = pikepdf.Rectangle(page.obj.get("/BleedBox", page.mediabox))
    for annotation in page.obj.get("/Annots", []):
        rect = pikepdf.Rectangle(annotation.Rect)
        if _overlaps(rect, bleed):
            kind = str(annotation.get("/Subtype", "/?"))[1:]
            yield _Raw(
                "error",
                _ANNOTATIONS.format(),
                QT_TRANSLATE_NOOP(
                    "Preflight", "A {kind} annotation inside the bleed box (PDF/X forbids it)"
                ).format(kind=kind),
                QT_TRANSLATE_NOOP(
                    "Preflight",
                    "A print file carries no links: export the print variant (--variant print); "
                    "the links stay in the screen variant",
                ).format(),
                number,
                ((rect.llx + rect.urx) / 2, (rect.lly + rect.ury) / 2),
            )


def _overlaps(first: pikepdf.Rectangle, second: pikepdf.Rectangle) -> bool:
    return (
        first.llx < second.urx
        and first.urx > second.llx
        and first.lly < second.ury
        and first.ury > second.lly
    )


@dataclass
class _Font:
    name: str
    embedded: bool
    pages: set[int] = field(default_factory=set)


def _fonts(pdf: pikepdf.Pdf) -> dict[tuple[int, int], _Font]:
    fonts: dict[tuple[int, int], _Font] = {}
    for number, page in enumerate(pdf.pages, start=1):
        for font in _resource_fonts(page.obj.get("/Resources")):
            entry = fonts.get(font.objgen)
            if entry is None:
                entry = fonts[font.objgen] = _Font(
                    str(font.get("/BaseFont", "?"))[1:], _embedded(font)
                )
            entry.pages.add(number)
    return fonts


def _resource_fonts(
    resources: pikepdf.Dictionary | None, seen: set[tuple[int, int]] | None = None
) -> Iterator[pikepdf.Dictionary]:
    if resources is None:
        return
    seen = set() if seen is None else seen
    yield from resources.get("/Font", {}).values()
    for xobject in resources.get("/XObject", {}).values():
        if xobject.get("/Subtype") == pikepdf.Name.Form and xobject.objgen not in seen:
            seen.add(xobject.objgen)
            yield from _resource_fonts(xobject.get("/Resources"), seen)


def _embedded(font: pikepdf.Dictionary) -> bool:
    if font.get("/Subtype") == pikepdf.Name.Type3:
        return True  # glyphs drawn by the PDF itself
    if font.get("/Subtype") == pikepdf.Name.Type0:
        font = font.DescendantFonts[0]
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and any(
        key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
    )


def _font_findings(fonts: dict[tuple[int, int], _Font]) -> Iterator[Finding]:
    missing = sorted({font.name for font in fonts.values() if not font.embedded})
    for name in missing:
        pages = sorted({p for font in fonts.values() if font.name == name for p in font.pages})
        yield Finding(
            "error",
            _FONTS.format(),
            QT_TRANSLATE_NOOP("Preflight", "Font {name} is not embedded").format(name=name),
            QT_TRANSLATE_NOOP(
                "Preflight",
                "Choose a font that can be embedded in the layout "
                "(bulletin-studio fonts lists the fonts actually used)",
            ).format(),
            tuple(pages),
        )
    families = sorted({font.name.split("+", 1)[-1] for font in fonts.values()})
    if not missing:
        yield Finding(
            "info",
            _FONTS.format(),
            QT_TRANSLATE_NOOP(
                "Preflight", "All {count} font subsets are embedded: {families}"
            ).format(count=len(fonts), families=_LIST_SEPARATOR.format().join(families)),
        )


def _conversion_findings(conversions: Sequence[Conversion]) -> Iterator[Finding]:
    kinds = {
        "photo": QT_TRANSLATE_NOOP(
            "Preflight", "photo: relative colorimetric with black point compensation"
        ),
        "line_art": QT_TRANSLATE_NOOP("Preflight", "line art: neutral colours in black only"),
        "greyscale": QT_TRANSLATE_NOOP("Preflight", "greyscale: black only"),
        "cmyk": QT_TRANSLATE_NOOP("Preflight", "already CMYK, kept as it is"),
    }
    converted = QT_TRANSLATE_NOOP("Preflight", "Image {asset}: {source} → {target} ({kind})")
    flattened = QT_TRANSLATE_NOOP(
        "Preflight",
        "Image {asset}: {source} → {target} ({kind}; transparent parts composited onto paper "
        "white)",
    )
    for conversion in conversions:
        kind = kinds.get(conversion.kind)
        yield Finding(
            "info",
            _CONVERSION.format(),
            (flattened if conversion.flattened else converted).format(
                asset=conversion.asset[:12],
                source=conversion.source,
                target=conversion.target,
                kind=kind.format() if kind is not None else conversion.kind,
            ),
        )


# -- one page's content ---------------------------------------------------------------------

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _multiply(first: Matrix, second: Matrix) -> Matrix:
    """``first`` then ``second`` (PDF's row-vector convention)."""
    a, b, c, d, e, f = first
    A, B, C, D, E, F = second
    return (
        a * A + b * C,
        a * B + b * D,
        c * A + d * C,
        c * B + d * D,
        e * A + f * C + E,
        e * B + f * D + F,
    )


def _apply(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return x * a + y * c + e, x * b + y * d + f


def _scale(matrix: Matrix) -> float:
    a, b, c, d, _, _ = matrix
    return math.sqrt(abs(a * d - b * c))


@dataclass(frozen=True)
class _Colour:
    """A fill or stroke colour: its colour space family and its components."""

    space: str = "DeviceGray"
    values: tuple[float, ...] = (0.0,)

    @property
    def inks(self) -> tuple[float, float, float, float] | None:
        """CMYK ink amounts (0–1) where they are known without colour management."""
        if self.space == "DeviceCMYK" and len(self.values) == 4:
            c, m, y, k = self.values
            return (c, m, y, k)
        if self.space == "DeviceGray" and len(self.values) == 1:
            return (0.0, 0.0, 0.0, 1.0 - self.values[0])
        return None

    @property
    def rgb(self) -> bool:
        return self.space in ("DeviceRGB", "CalRGB")


@dataclass
class _State:
    ctm: Matrix = IDENTITY
    fill: _Colour = _Colour()
    stroke: _Colour = _Colour()
    line_width: float = 1.0
    font_size: float = 0.0
    text_render: int = 0


class _PageWalker:
    """Interprets a page's content streams with the state a preflight needs."""

    def __init__(
        self,
        pdf: pikepdf.Pdf,
        page: pikepdf.Page,
        number: int,
        standard: Standard,
        ink_limit: float,
    ) -> None:
        self.pdf = pdf
        self.page = page
        self.number = number
        self.standard = standard
        self.ink_limit = ink_limit
        self.trim = pikepdf.Rectangle(page.obj.get("/TrimBox", page.mediabox))
        self.bleed = pikepdf.Rectangle(page.obj.get("/BleedBox", page.mediabox))
        self.findings: list[_Raw] = []
        self.artifact_depth = 0
        self.marked: list[bool] = []
        self.images_seen: set[tuple[int, int]] = set()

    def run(self) -> list[_Raw]:
        self._walk(self.page.obj, self.page.obj.get("/Resources"), IDENTITY, set())
        return self.findings

    def _add(
        self,
        severity: Severity,
        check: str,
        message: str,
        action: str,
        point: tuple[float, float] | None,
    ) -> None:
        self.findings.append(
            _Raw(severity, check, message, action, self.number, point, self.artifact_depth > 0)
        )

    def _walk(
        self,
        stream: pikepdf.Object,
        resources: pikepdf.Dictionary | None,
        base: Matrix,
        forms: set[tuple[int, int]],
    ) -> None:
        state = _State(ctm=base)
        stack: list[_State] = []
        text_matrix = line_matrix = IDENTITY
        path: tuple[float, float] | None = None
        """Where the path being built starts: where a finding about its painting points."""
        for operands, operator in pikepdf.parse_content_stream(stream):
            op = str(operator)
            if op in ("m", "re") and path is None:
                path = _apply(state.ctm, float(operands[0]), float(operands[1]))
            elif op in PAINTING:
                self._paint(op, state, path)
                path = None
            elif op == "q":
                stack.append(replace(state))
            elif op == "Q" and stack:
                state = stack.pop()
            elif op == "cm":
                state.ctm = _multiply(_matrix(operands), state.ctm)
            elif op == "w":
                state.line_width = float(operands[0])
            elif op in ("g", "G", "rg", "RG", "k", "K"):
                space = {"g": "DeviceGray", "rg": "DeviceRGB", "k": "DeviceCMYK"}[op.lower()]
                colour = _Colour(space, tuple(float(value) for value in operands))
                self._set_colour(state, op.islower(), colour)
            elif op in ("cs", "CS"):
                space = _space_name(operands[0], resources)
                self._set_colour(state, op == "cs", _Colour(space, ()))
            elif op in ("sc", "scn", "SC", "SCN"):
                fill = op.islower()
                current = state.fill if fill else state.stroke
                values = tuple(float(v) for v in operands if not isinstance(v, pikepdf.Name))
                self._set_colour(state, fill, _Colour(current.space, values))
            elif op == "gs":
                self._ext_gstate(operands[0], resources)
            elif op == "BT":
                text_matrix = line_matrix = IDENTITY
            elif op == "Tf":
                state.font_size = float(operands[1])
            elif op == "Tr":
                state.text_render = int(operands[0])
            elif op == "Tm":
                text_matrix = line_matrix = _matrix(operands)
            elif op in ("Td", "TD"):
                line_matrix = _multiply(
                    (1, 0, 0, 1, float(operands[0]), float(operands[1])), line_matrix
                )
                text_matrix = line_matrix
            elif op in ("Tj", "TJ", "'", '"'):
                self._text(state, _multiply(text_matrix, state.ctm))
            elif op == "Do":
                self._xobject(operands[0], resources, state, forms)
            elif op in ("BMC", "BDC"):
                artifact = operands[0] == pikepdf.Name.Artifact
                self.marked.append(artifact)
                self.artifact_depth += artifact
            elif op == "EMC" and self.marked:
                self.artifact_depth -= self.marked.pop()

    def _set_colour(self, state: _State, fill: bool, colour: _Colour) -> None:
        if colour.rgb:
            self._add(
                "error",
                _COLOUR.format(),
                QT_TRANSLATE_NOOP(
                    "Preflight", "The page content uses an RGB colour ({space}); {name} forbids it"
                ).format(space=colour.space, name=VERSION_NAMES[self.standard]),
                QT_TRANSLATE_NOOP(
                    "Preflight",
                    "Give the colour CMYK values in the layout and export the print variant",
                ).format(),
                None,
            )
        if fill:
            state.fill = colour
        else:
            state.stroke = colour

    def _ext_gstate(self, name: pikepdf.Object, resources: pikepdf.Dictionary | None) -> None:
        states = resources.get("/ExtGState", {}) if resources is not None else {}
        entry = states.get(str(name))
        if entry is None or self.standard != "x1a":
            return
        soft_mask = entry.get("/SMask")
        blend = entry.get("/BM")
        transparent = (
            float(entry.get("/ca", 1)) < 1
            or float(entry.get("/CA", 1)) < 1
            or (soft_mask is not None and soft_mask != pikepdf.Name("/None"))
            or (blend is not None and blend not in (pikepdf.Name.Normal, pikepdf.Name.Compatible))
        )
        if transparent:
            message = QT_TRANSLATE_NOOP("Preflight", "Transparency is used; PDF/X-1a forbids it")
            self._add("error", _TRANSPARENCY.format(), message.format(), _USE_X4.format(), None)

    def _text(self, state: _State, matrix: Matrix) -> None:
        size = state.font_size * _scale(matrix)
        point = _apply(matrix, 0, 0)
        inks = state.fill.inks
        if inks is None:
            return
        used = sum(amount > 0.001 for amount in inks)
        if size < SMALL_TEXT and used > 1:
            self._add(
                "warning",
                _SMALL_TEXT.format(),
                QT_TRANSLATE_NOOP(
                    "Preflight",
                    "{size} pt text printed in {inks} inks shows colour fringes when the "
                    "register is slightly off",
                ).format(size=f"{size:.1f}", inks=used),
                QT_TRANSLATE_NOOP(
                    "Preflight", "Print text smaller than {limit} pt in one ink (such as 100 % K)"
                ).format(limit=f"{SMALL_TEXT:g}"),
                point,
            )
        if size < REVERSED_TEXT and used == 0 and state.text_render in (0, 2):
            self._add(
                "warning",
                _REVERSED_TEXT.format(),
                QT_TRANSLATE_NOOP(
                    "Preflight",
                    "{size} pt white (reversed) text fills in when the inks around it spread",
                ).format(size=f"{size:.1f}"),
                QT_TRANSLATE_NOOP(
                    "Preflight", "Make reversed text at least {limit} pt, or use a bolder font"
                ).format(limit=f"{REVERSED_TEXT:g}"),
                point,
            )
        if used and sum(inks) * 100 > self.ink_limit + 0.5:
            self._ink_over(sum(inks) * 100, point)
        if self.artifact_depth == 0 and self._near_trim(point, size):
            self._add(
                "warning",
                _SAFE_MARGIN.format(),
                QT_TRANSLATE_NOOP(
                    "Preflight", "Text less than 3 mm from the trim edge may be cut off"
                ).format(),
                QT_TRANSLATE_NOOP(
                    "Preflight", "Move the text into the type area (widen the layout's margins)"
                ).format(),
                point,
            )

    def _near_trim(self, point: tuple[float, float], size: float) -> bool:
        x, y = point
        trim = self.trim
        return (
            x < trim.llx + SAFE_MARGIN
            or x > trim.urx - SAFE_MARGIN
            or y < trim.lly + SAFE_MARGIN
            or y + size > trim.ury - SAFE_MARGIN
        )

    def _paint(self, op: str, state: _State, point: tuple[float, float] | None) -> None:
        """Fills and strokes on the page; printer's marks outside the bleed are not checked
        (crop marks are drawn in registration colour, all four inks, on purpose)."""
        if point is None or not self._inside_bleed(point):
            return
        if op in STROKING:
            width = state.line_width * _scale(state.ctm)
            if width < HAIRLINE - 1e-6:
                self._add(
                    "warning",
                    _HAIRLINE.format(),
                    QT_TRANSLATE_NOOP(
                        "Preflight",
                        "The line is only {width} pt wide (thinner than {limit} pt) and may "
                        "break up or vanish in print",
                    ).format(width=f"{width:.2f}", limit=f"{HAIRLINE:g}"),
                    QT_TRANSLATE_NOOP("Preflight", "Make lines at least {limit} pt wide").format(
                        limit=f"{HAIRLINE:g}"
                    ),
                    point,
                )
            self._check_coverage(state.stroke, point)
        if op in FILLING:
            self._check_coverage(state.fill, point)

    def _inside_bleed(self, point: tuple[float, float]) -> bool:
        x, y = point
        bleed = self.bleed
        return bleed.llx - 0.5 <= x <= bleed.urx + 0.5 and bleed.lly - 0.5 <= y <= bleed.ury + 0.5

    def _check_coverage(self, colour: _Colour, point: tuple[float, float]) -> None:
        inks = colour.inks
        if inks is not None and sum(inks) * 100 > self.ink_limit + 0.5:
            self._ink_over(sum(inks) * 100, point)

    def _ink_over(self, coverage: float, point: tuple[float, float] | None) -> None:
        self._add(
            "error",
            _TOTAL_INK.format(),
            QT_TRANSLATE_NOOP(
                "Preflight",
                "Total ink {coverage} %, more than the {limit} % the printing condition allows",
            ).format(coverage=f"{coverage:.0f}", limit=f"{self.ink_limit:g}"),
            QT_TRANSLATE_NOOP(
                "Preflight",
                "Lower the colour's CMYK values (dark colours mostly in black, such as "
                "60/40/40/100 or less)",
            ).format(),
            point,
        )

    def _xobject(
        self,
        name: pikepdf.Object,
        resources: pikepdf.Dictionary | None,
        state: _State,
        forms: set[tuple[int, int]],
    ) -> None:
        xobjects = resources.get("/XObject", {}) if resources is not None else {}
        xobject = xobjects.get(str(name))
        if xobject is None:
            return
        if xobject.get("/Subtype") == pikepdf.Name.Form:
            if xobject.objgen in forms:
                return
            matrix = _matrix(xobject.get("/Matrix", pikepdf.Array(IDENTITY)))
            self._walk(
                xobject,
                xobject.get("/Resources", resources),
                _multiply(matrix, state.ctm),
                forms | {xobject.objgen},
            )
        elif xobject.get("/Subtype") == pikepdf.Name.Image:
            self._image(xobject, state.ctm)

    def _image(self, image: pikepdf.Stream, ctm: Matrix) -> None:
        a, b, c, d, _, _ = ctm
        width_pt, height_pt = math.hypot(a, b), math.hypot(c, d)
        centre = _apply(ctm, 0.5, 0.5)
        if width_pt <= 0 or height_pt <= 0:
            return
        ppi = min(int(image.Width) / (width_pt / 72), int(image.Height) / (height_pt / 72))
        width_mm, height_mm = width_pt / 72 * 25.4, height_pt / 72 * 25.4
        size = QT_TRANSLATE_NOOP(
            "Preflight", "{width}×{height} pixels, printed at {width_mm}×{height_mm} mm"
        ).format(
            width=int(image.Width),
            height=int(image.Height),
            width_mm=f"{width_mm:.0f}",
            height_mm=f"{height_mm:.0f}",
        )
        if ppi < MIN_PPI:
            self._add(
                "warning",
                _RESOLUTION.format(),
                QT_TRANSLATE_NOOP(
                    "Preflight", "At its printed size the image has only {ppi} ppi ({size})"
                ).format(ppi=f"{ppi:.0f}", size=size),
                QT_TRANSLATE_NOOP(
                    "Preflight",
                    "Use a larger original (at least {min_ppi} ppi) or print the image smaller",
                ).format(min_ppi=MIN_PPI),
                centre,
            )
        elif ppi > MAX_PPI:
            self._add(
                "info",
                _RESOLUTION.format(),
                QT_TRANSLATE_NOOP(
                    "Preflight",
                    "At its printed size the image has {ppi} ppi ({size}); more than {max_ppi} "
                    "ppi only makes the file larger",
                ).format(ppi=f"{ppi:.0f}", size=size, max_ppi=MAX_PPI),
                QT_TRANSLATE_NOOP(
                    "Preflight", "You can scale the original down (300 ppi is enough for print)"
                ).format(),
                centre,
            )
        if image.objgen in self.images_seen:
            return
        self.images_seen.add(image.objgen)
        space = image.get("/ColorSpace")
        family = _space_family(space)
        allowed = {"DeviceCMYK", "DeviceGray", "Separation", "DeviceN"}
        if self.standard == "x4":
            allowed |= {"ICCBased", "Lab"}
        if family not in allowed:
            self._add(
                "error",
                _COLOUR.format(),
                QT_TRANSLATE_NOOP(
                    "Preflight", "The image's colour space is {space}; {name} forbids it"
                ).format(space=family, name=VERSION_NAMES[self.standard]),
                QT_TRANSLATE_NOOP(
                    "Preflight",
                    "Export the print variant: images are converted to CMYK for the output profile",
                ).format(),
                centre,
            )
        if "/SMask" in image and self.standard == "x1a":
            message = QT_TRANSLATE_NOOP(
                "Preflight", "The image has a transparency mask; PDF/X-1a forbids it"
            )
            self._add("error", _TRANSPARENCY.format(), message.format(), _USE_X4.format(), centre)
        coverage = _image_coverage(image, space)
        if coverage is not None and coverage > self.ink_limit + 1:
            self._ink_over(coverage, centre)


STROKING = frozenset({"S", "s", "B", "B*", "b", "b*"})
FILLING = frozenset({"f", "F", "f*", "B", "B*", "b", "b*"})
PAINTING = STROKING | FILLING | {"n"}


def _matrix(operands: Sequence[object]) -> Matrix:
    values = [float(value) for value in operands]  # type: ignore[arg-type]
    return (values[0], values[1], values[2], values[3], values[4], values[5])


def _space_name(operand: pikepdf.Object, resources: pikepdf.Dictionary | None) -> str:
    name = str(operand)
    if name in ("/DeviceGray", "/DeviceRGB", "/DeviceCMYK", "/Pattern"):
        return name[1:]
    spaces = resources.get("/ColorSpace", {}) if resources is not None else {}
    return _space_family(spaces.get(name))


def _space_family(space: object) -> str:
    if isinstance(space, pikepdf.Name):
        return str(space)[1:]
    if isinstance(space, pikepdf.Array) and len(space):
        family = str(space[0])[1:]
        if family == "Indexed":
            return _space_family(space[1])
        if family == "ICCBased":
            return "ICCBased"
        return family
    return "?"


def _image_coverage(image: pikepdf.Stream, space: object) -> float | None:
    """The highest total ink (per cent) of a CMYK image, from its pixels or palette."""
    if isinstance(space, pikepdf.Array) and str(space[0]) == "/Indexed":
        if _space_family(space[1]) != "DeviceCMYK":
            return None
        lookup = space[3]
        table = lookup.read_bytes() if isinstance(lookup, pikepdf.Stream) else bytes(lookup)
        return max(sum(table[i : i + 4]) for i in range(0, len(table) - 3, 4)) / 2.55
    if _space_family(space) != "DeviceCMYK":
        return None
    try:
        pixels = pikepdf.PdfImage(image).as_pil_image()
    except (pikepdf.PdfError, NotImplementedError, ValueError):
        return None
    if pixels.mode != "CMYK":
        return None
    channels = pixels.split()
    total = ImageMath.lambda_eval(
        lambda args: args["c"] + args["m"] + args["y"] + args["k"],
        c=channels[0],
        m=channels[1],
        y=channels[2],
        k=channels[3],
    )
    assert isinstance(total, Image.Image)
    return total.getextrema()[1] / 2.55
