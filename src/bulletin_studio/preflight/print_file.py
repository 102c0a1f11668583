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
FURNITURE = "页面装饰（刊头、页眉、页脚、裁切标记）"


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
            return replace(finding, item_title=FURNITURE)
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
    export = f"用 bulletin-studio export --variant print --pdfx {standard} 重新导出"
    if claimed != standard:
        found = str(pdf.docinfo.get("/GTS_PDFXVersion", "")) or "无"
        yield _Raw("error", "PDF/X", f"文件未声明为 {name}（GTS_PDFXVersion：{found}）", export)
    xmp = pdf.Root.get("/Metadata")
    xmp_text = xmp.read_bytes().decode("utf-8", "replace") if xmp is not None else ""
    if name not in xmp_text:
        yield _Raw("error", "PDF/X", f"XMP 元数据中没有 {name} 的版本标识", export)
    if str(pdf.docinfo.get("/Trapped", "")) not in ("/True", "/False"):
        yield _Raw("error", "PDF/X", "Info 字典的 Trapped 应为 True 或 False", export)
    if not (MIN_PDF_VERSION[standard] <= pdf.pdf_version <= MAX_PDF_VERSION[standard]):
        yield _Raw("error", "PDF/X", f"PDF 版本 {pdf.pdf_version} 不符合 {name}", export)
    if "/ID" not in pdf.trailer:
        yield _Raw("error", "PDF/X", "文件没有文档 ID", export)
    intents = [
        intent
        for intent in pdf.Root.get("/OutputIntents", [])
        if intent.get("/S") == pikepdf.Name.GTS_PDFX
    ]
    if not intents:
        yield _Raw("error", "输出意图", "没有 GTS_PDFX 输出意图（印刷条件未知）", export)
    else:
        profile = intents[0].get("/DestOutputProfile")
        if profile is None or int(profile.get("/N", 0)) != 4:
            yield _Raw("error", "输出意图", "输出意图没有嵌入 CMYK 输出配置文件", export)
        else:
            condition = str(intents[0].get("/OutputConditionIdentifier", ""))
            yield _Raw("info", "输出意图", f"印刷条件：{condition}（CMYK 配置文件已嵌入）", "")
    for number, page in enumerate(pdf.pages, start=1):
        if "/TrimBox" not in page.obj and "/ArtBox" not in page.obj:
            yield _Raw("error", "页面框", "页面没有 TrimBox（成品尺寸）", export, number)
        if "/TrimBox" in page.obj and "/ArtBox" in page.obj:
            yield _Raw("error", "页面框", "页面同时有 TrimBox 和 ArtBox", export, number)


def _annotations(page: pikepdf.Page, number: int) -> Iterator[_Raw]:
    bleed = pikepdf.Rectangle(page.obj.get("/BleedBox", page.mediabox))
    for annotation in page.obj.get("/Annots", []):
        rect = pikepdf.Rectangle(annotation.Rect)
        if _overlaps(rect, bleed):
            kind = str(annotation.get("/Subtype", "/?"))[1:]
            yield _Raw(
                "error",
                "注释",
                f"出血框内有 {kind} 注释（PDF/X 不允许）",
                "印刷文件不带链接：用印刷版（--variant print）导出，链接留在屏幕版",
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
            "字体",
            f"字体 {name} 没有嵌入",
            "在版式中换用可嵌入的字体（bulletin-studio fonts 列出实际使用的字体）",
            tuple(pages),
        )
    families = sorted({font.name.split("+", 1)[-1] for font in fonts.values()})
    if not missing:
        yield Finding(
            "info",
            "字体",
            f"{len(fonts)} 个字体子集全部嵌入：{'、'.join(families)}",
        )


def _conversion_findings(conversions: Sequence[Conversion]) -> Iterator[Finding]:
    kinds = {
        "photo": "照片：相对比色 + 黑场补偿",
        "line_art": "线条图：中性色只用黑版",
        "greyscale": "灰度图：只用黑版",
        "cmyk": "已是 CMYK，原样保留",
    }
    for conversion in conversions:
        flattened = "；透明部分已合成到纸白" if conversion.flattened else ""
        yield Finding(
            "info",
            "色彩转换",
            f"图片 {conversion.asset[:12]}：{conversion.source} → {conversion.target}"
            f"（{kinds.get(conversion.kind, conversion.kind)}{flattened}）",
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
                "色彩",
                f"页面内容使用 RGB 颜色（{colour.space}），{VERSION_NAMES[self.standard]} 不允许",
                "在版式中为该颜色给出 CMYK 值，并用印刷版导出",
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
            self._add("error", "透明", "使用了透明效果，PDF/X-1a 不允许", "改用 PDF/X-4 导出", None)

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
                "小字套印",
                f"{size:.1f} pt 的文字用 {used} 色印刷，套印稍有偏差就会出现彩边",
                f"小于 {SMALL_TEXT:g} pt 的文字只用一种油墨（如 100 % K）",
                point,
            )
        if size < REVERSED_TEXT and used == 0 and state.text_render in (0, 2):
            self._add(
                "warning",
                "反白小字",
                f"{size:.1f} pt 的白色（反白）文字，周围油墨扩散时容易糊字",
                f"反白文字至少 {REVERSED_TEXT:g} pt，或用粗一些的字体",
                point,
            )
        if used and sum(inks) * 100 > self.ink_limit + 0.5:
            self._ink_over(sum(inks) * 100, point)
        if self.artifact_depth == 0 and self._near_trim(point, size):
            self._add(
                "warning",
                "安全边距",
                "文字距离裁切线不到 3 mm，可能被裁掉",
                "把文字移入版心（加大版式的页边距）",
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
                    "细线",
                    f"线宽只有 {width:.2f} pt（细于 {HAIRLINE:g} pt），印刷时可能断线或消失",
                    f"线宽至少 {HAIRLINE:g} pt",
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
            "总墨量",
            f"总墨量 {coverage:.0f} %，超过印刷条件允许的 {self.ink_limit:g} %",
            "降低该颜色的 CMYK 值（深色用黑版为主，如 60/40/40/100 以下）",
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
        size = (
            f"{int(image.Width)}×{int(image.Height)} 像素，"
            f"印刷尺寸 {width_mm:.0f}×{height_mm:.0f} mm"
        )
        if ppi < MIN_PPI:
            self._add(
                "warning",
                "图片分辨率",
                f"图片按印刷尺寸只有 {ppi:.0f} ppi（{size}）",
                f"换用更大的原图（至少 {MIN_PPI} ppi），或把图片放小",
                centre,
            )
        elif ppi > MAX_PPI:
            self._add(
                "info",
                "图片分辨率",
                f"图片按印刷尺寸有 {ppi:.0f} ppi（{size}），超过 {MAX_PPI} ppi 只会让文件变大",
                "可以缩小原图（印刷 300 ppi 足够）",
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
                "色彩",
                f"图片的色彩空间是 {family}，{VERSION_NAMES[self.standard]} 不允许",
                "用印刷版导出：图片会按输出配置文件转换为 CMYK",
                centre,
            )
        if "/SMask" in image and self.standard == "x1a":
            self._add(
                "error", "透明", "图片带透明蒙版，PDF/X-1a 不允许", "改用 PDF/X-4 导出", centre
            )
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
