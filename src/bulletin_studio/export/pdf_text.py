"""Chinese text for ReportLab: shaping runs into glyphs, breaking lines, drawing justified text.

ReportLab's own Paragraph cannot follow the Chinese rules (see render.linebreak), so text is
laid out here: each character gets a face from the role's font stacks (Chinese faces for
Chinese, Latin faces for Latin, falling back along both) and a box (a Chinese mark always
a full em, see render.punctuation), lines are broken by ``render.linebreak`` and drawn chunk
by chunk with the justification spread as char spacing.
"""

import bisect
import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from struct import unpack_from
from typing import Any

from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable

from bulletin_studio.export.fonts import FontFace
from bulletin_studio.export.pdf_style import FaceStacks, Palette
from bulletin_studio.model.markup import Run
from bulletin_studio.render.fonts.features import halt_blanks
from bulletin_studio.render.layout import TextStyle
from bulletin_studio.render.linebreak import (
    CJK_LIKE_PUNCTUATION,
    Line,
    Measured,
    balanced_lines,
    fill_lines,
    is_cjk,
    measure,
)
from bulletin_studio.render.punctuation import ALL_MARKS, LineEndPunctuation, cell
from bulletin_studio.render.textmeasure import HAN, MIXED, SPACE, is_han_or_kana

ASCENT = 0.88
"""Share of the em box above the baseline for CJK faces (ideographic em box)."""

SYNTHETIC_BOLD_STROKE = 0.03
"""Stroke width (in ems) that emulates bold for faces that have no bold cut."""


@dataclass(frozen=True, slots=True)
class Look:
    """How one character is drawn: face, size, colour (overprinting or not), link."""

    face: FontFace
    size: float
    color: Color
    overprint: bool
    href: str | None


@dataclass
class Shaped:
    """A paragraph's characters with a look and a box each, ready for line breaking.

    ``measured.advances`` are the boxes the breaker lays out; the glyph is drawn ``offsets``
    from its box's left edge, stretched by ``scales`` (a Chinese dash fills its box).
    """

    text: str
    looks: Sequence[Look]
    measured: Measured
    missing: list[str] = field(default_factory=list)
    offsets: Sequence[float] = ()
    scales: Sequence[float] = ()
    line_end: LineEndPunctuation = "half"
    glyph_advances: Sequence[float] = ()
    """How far a PDF viewer moves after each glyph: the font's advance, not the box."""


def shape(
    runs: Iterable[Run],
    style: TextStyle,
    palette: Palette,
    *,
    size: float | None = None,
    color: str | None = None,
) -> Shaped:
    """Choose a face per character and measure it; cached, as every layout pass needs it."""
    runs = tuple(runs)
    key = (runs, style, size, color)
    shaped = palette.shape_cache.get(key)
    if shaped is None:
        shaped = palette.shape_cache[key] = _shape(runs, style, palette, size, color)
    return shaped


def _shape(
    runs: tuple[Run, ...],
    style: TextStyle,
    palette: Palette,
    size: float | None,
    color: str | None,
) -> Shaped:
    size = size or style.size
    text_color = color or style.color
    link_color = palette.layout.link_color
    chars: list[str] = []
    stacks_per_char: list[FaceStacks] = []
    colors: list[str] = []
    hrefs: list[str | None] = []
    url_mask: list[bool] = []
    for run in runs:
        stacks = palette.faces(style.font, style.bold or run.bold, style.italic or run.italic)
        run_color = link_color if run.href and color is None else text_color
        is_url = run.href is not None and run.text.startswith(("http://", "https://", "www."))
        for char in run.text:
            chars.append(char)
            stacks_per_char.append(stacks)
            colors.append(run_color)
            hrefs.append(run.href)
            url_mask.append(is_url)
    text = "".join(chars)
    chinese = any(is_han_or_kana(char) for char in text)
    looks: list[Look] = []
    advances: list[float] = []
    offsets: list[float] = []
    scales: list[float] = []
    missing: list[str] = []
    # Long texts repeat few distinct characters: each (stack, character, colour, link) is
    # resolved once, and equal looks are one shared object.
    glyph_advances: list[float] = []
    mark_blanks: list[tuple[float, float] | None] = []
    # Face stacks are the palette's own objects, so their ids are stable keys here.
    boxes: dict[tuple[int, str, str, str | None, bool, float], _Box]
    boxes = palette.shape_cache.setdefault(_BOXES, {})
    for index, char in enumerate(text):
        stacks = stacks_per_char[index]
        key = (id(stacks), char, colors[index], hrefs[index], chinese, size)
        known = boxes.get(key)
        if known is None:
            ink = colors[index]
            paint = (palette.color(ink), palette.overprints(ink))
            known = boxes[key] = _box(char, stacks, chinese, size, paint, hrefs[index])
        look, advance, offset, scale, glyph_advance, blanks, found = known
        if not found:
            missing.append(char)
        looks.append(look)
        advances.append(advance)
        offsets.append(offset)
        scales.append(scale)
        glyph_advances.append(glyph_advance)
        mark_blanks.append(blanks)
    measured = measure(text, advances, [size] * len(text), url_mask, mark_blanks)
    line_end = palette.layout.typography.line_end_punctuation
    return Shaped(text, looks, measured, missing, offsets, scales, line_end, glyph_advances)


_BOXES = "character boxes"
"""Key of the palette's cache of character boxes, shared by all its paragraphs."""

_Box = tuple[Look, float, float, float, float, tuple[float, float] | None, bool]


def _box(
    char: str,
    stacks: FaceStacks,
    chinese: bool,
    size: float,
    paint: tuple[Color, bool],
    href: str | None,
) -> _Box:
    """Look, box, glyph offset, scale, advance, blanks of a character; False if no face has it."""
    prefer_cjk = _prefers_cjk(char, chinese)
    face = _face_for(char, stacks, prefer_cjk)
    found = face is not None
    if face is None:
        face = stacks.cjk[0] if prefer_cjk else stacks.latin[0]
    color, overprint = paint
    look = Look(face=face, size=size, color=color, overprint=overprint, href=href)
    if char == "\n":
        return look, 0.0, 0.0, 1.0, 0.0, None, True
    advance = face.width(char) / 1000.0
    if char in ALL_MARKS and prefer_cjk and chinese:
        box = cell(char, advance, _ink(face, char), chinese=True)
        halves = halt_blanks(face.path, face.subfont_index).get(char)
        blanks = (halves[0] * size, halves[1] * size) if halves and box.offset == 0 else None
        return look, box.width * size, box.offset * size, box.scale, advance * size, blanks, found
    return look, advance * size, 0.0, 1.0, advance * size, None, found


def _face_for(char: str, stacks: FaceStacks, prefer_cjk: bool) -> FontFace | None:
    """The first face of the preferred stack, then of the other, that has the glyph."""
    ordered = (*stacks.cjk, *stacks.latin) if prefer_cjk else (*stacks.latin, *stacks.cjk)
    if not char.isprintable():
        return ordered[0]  # a line break: drawn as nothing
    return next((face for face in ordered if face.has(char)), None)


def _prefers_cjk(char: str, chinese: bool) -> bool:
    """Chinese-style quotes, dashes and dots take the Chinese face in Chinese text.

    The whole paragraph decides, not the neighbours: both quotes of a pair and both halves
    of ``——`` then come from one face, even around a Latin name or after a number.
    """
    if char in CJK_LIKE_PUNCTUATION:
        return chinese
    return is_cjk(char)


def _ink(face: FontFace, char: str) -> tuple[float, float] | None:
    """Left and right ink edges (ems) of a dash glyph: only dashes need them."""
    if char != "—" or not face.has(char):
        return None
    return _glyph_ink(face.name, ord(char))


@lru_cache(maxsize=256)
def _glyph_ink(font_name: str, code: int) -> tuple[float, float] | None:
    """From the glyph's header in the ``glyf`` table ReportLab has already read."""
    face: Any = pdfmetrics.getFont(font_name).face
    glyph = face.charToGlyph.get(code)
    if glyph is None or glyph + 1 >= len(face.glyphPos):
        return None
    offset, end = face.glyphPos[glyph], face.glyphPos[glyph + 1]
    if end <= offset:
        return None
    table, _ = face.get_table_pos("glyf")
    x_min, _, x_max = unpack_from(">hhh", face._ttf_data, table + offset + 2)
    return x_min / face.unitsPerEm, x_max / face.unitsPerEm


def baseline_offset(size: float, leading: float) -> float:
    """Distance from a line box's top to its baseline, centring the em box in the leading."""
    return (leading - size) / 2 + size * ASCENT


def line_positions(shaped: Shaped, line: Line, x: float) -> list[float]:
    """Left edge of each character's box on a set line, justification and squeeze applied."""
    measured = shaped.measured
    advances = measured.advances
    gap_after = measured.gap_after
    kinds = measured.gap_kind
    squeeze = measured.squeeze_after
    extra = [0.0] * 4  # by gap kind
    extra[HAN], extra[SPACE], extra[MIXED] = line.han_extra, line.space_extra, line.mixed_extra
    squeezed = line.squeeze
    if line.end <= line.start:
        return []
    steps = [
        advances[index] + gap_after[index] + extra[kinds[index]] - squeeze[index] * squeezed
        for index in range(line.start, line.end - 1)
    ]
    return list(accumulate(steps, initial=x))


def draw_line(
    canvas: Canvas, shaped: Shaped, line: Line, x: float, baseline: float, *, indent: float = 0.0
) -> None:
    """Draw one line: chunks of equal look and equal spacing, links as annotations."""
    text = shaped.text
    looks = shaped.looks
    offsets = shaped.offsets
    scales = shaped.scales
    glyph_advances = shaped.glyph_advances
    boxes = line_positions(shaped, line, x + indent)
    start = line.start
    glyphs = [boxes[index - start] + offsets[index] for index in range(start, line.end)]
    chunks: list[tuple[Look, str, float, float, float]] = []
    chunk_start = start
    while chunk_start < line.end:
        look = looks[chunk_start]
        scale = scales[chunk_start]
        chunk_end = chunk_start + 1
        spacing = 0.0
        while (
            scale == 1.0
            and chunk_end < line.end
            and looks[chunk_end] == look
            and scales[chunk_end] == 1.0
            and text[chunk_end] != "\n"
        ):
            before = chunk_end - 1
            gap = glyphs[chunk_end - start] - glyphs[before - start] - glyph_advances[before]
            if chunk_end == chunk_start + 1:
                spacing = gap
            elif abs(gap - spacing) > 1e-4:
                break
            chunk_end += 1
        chunk = text[chunk_start:chunk_end].replace("\n", "")
        if chunk.strip():
            chunks.append((look, chunk, glyphs[chunk_start - start], spacing, scale))
        chunk_start = chunk_end
    _draw_chunks(canvas, chunks, baseline)
    _link_annotations(canvas, shaped, line, boxes, baseline)


def single_line(
    canvas: Canvas, shaped: Shaped, x: float, baseline: float, width: float, align: str = "left"
) -> float:
    """Draw short text on one line (furniture, banners, page numbers); returns its width."""
    lines = fill_lines(shaped.measured, 1e9, justify=False, line_end=shaped.line_end)
    if not lines:
        return 0.0
    line = lines[0]
    offset = {"left": 0.0, "center": (width - line.natural_width) / 2}.get(
        align, width - line.natural_width
    )
    draw_line(canvas, shaped, line, x + offset, baseline)
    return line.natural_width


def _draw_chunks(
    canvas: Canvas, chunks: list[tuple[Look, str, float, float, float]], baseline: float
) -> None:
    """One text object for a line: each chunk placed with its own origin and spacing.

    A new text object per chunk would repeat font and colour for every punctuation mark.
    Character spacing and scale are text state that outlives the object: they are set for
    every line and put back to normal after it, so no later text inherits them.
    """
    text_object = canvas.beginText(0, baseline)
    face: tuple[str, float] | None = None
    color: tuple[Color, bool] | None = None
    spacing_now, scale_now = 0.0, 1.0
    drawn = False
    for look, chunk, x, spacing, scale in chunks:
        if look.face.synthetic_bold:
            _draw_bold_chunk(canvas, look, chunk, x, baseline, spacing, scale)
            continue
        if face != (look.face.name, look.size):
            face = (look.face.name, look.size)
            text_object.setFont(look.face.name, look.size)
        if color != (look.color, look.overprint):
            color = (look.color, look.overprint)
            text_object.setFillColor(look.color)
            _set_overprint(text_object, look.overprint)
        if not drawn or spacing != spacing_now:
            text_object.setCharSpace(spacing)
        if not drawn or scale != scale_now:
            text_object.setHorizScale(scale * 100.0)
        spacing_now, scale_now = spacing, scale
        text_object.setTextOrigin(x, baseline)
        text_object.textOut(chunk)
        drawn = True
    if not drawn:
        return
    if spacing_now:
        text_object.setCharSpace(0.0)
    if scale_now != 1.0:
        text_object.setHorizScale(100.0)
    canvas.drawText(text_object)


def _set_overprint(text_object: PDFTextObject, overprint: bool) -> None:
    """Overprint is graphics state; ReportLab writes the ExtGState only when it changes."""
    text_object.setFillOverprint(overprint)
    text_object.setStrokeOverprint(overprint)
    text_object.setOverprintMask(overprint)


def _draw_bold_chunk(
    canvas: Canvas, look: Look, chunk: str, x: float, baseline: float, spacing: float, scale: float
) -> None:
    """A chunk of a face with no bold cut: outlined as well as filled, in its own object."""
    text_object = canvas.beginText(x, baseline)
    text_object.setFont(look.face.name, look.size)
    text_object.setFillColor(look.color)
    _set_overprint(text_object, look.overprint)
    text_object.setCharSpace(spacing)
    text_object.setHorizScale(scale * 100.0)
    canvas.saveState()
    canvas.setStrokeColor(look.color)
    canvas.setLineWidth(look.size * SYNTHETIC_BOLD_STROKE)
    text_object.setTextRenderMode(2)
    text_object.textOut(chunk)
    text_object.setCharSpace(0.0)
    text_object.setHorizScale(100.0)
    canvas.drawText(text_object)
    canvas.restoreState()


def _link_annotations(
    canvas: Canvas, shaped: Shaped, line: Line, positions: list[float], baseline: float
) -> None:
    looks = shaped.looks
    index = line.start
    while index < line.end:
        href = looks[index].href
        if href is None:
            index += 1
            continue
        end = index
        while end + 1 < line.end and looks[end + 1].href == href:
            end += 1
        size = looks[index].size
        left = positions[index - line.start]
        right = positions[end - line.start] + shaped.measured.advances[end]
        rect = (left, baseline - size * 0.2, right, baseline + size * 0.85)
        canvas.linkURL(href, rect, relative=1, thickness=0)
        index = end + 1


class ShallowCopied:
    """BalancedColumns deep-copies its content to try splits; shaped text is immutable, share it."""

    def __deepcopy__(self, memo: dict[int, Any]) -> "ShallowCopied":
        return copy.copy(self)


@dataclass
class _Layout:
    """A paragraph broken at one width from character ``lines[0].start`` on."""

    lines: list[Line]
    starts: list[int]

    def index_of(self, start: int) -> int | None:
        """Which line begins at character ``start`` (None if none does)."""
        index = bisect.bisect_left(self.starts, start)
        if index < len(self.starts) and self.starts[index] == start:
            return index
        return None


class Layouts:
    """Every way one paragraph has been broken, shared by the parts it is split into.

    A paragraph is broken once per width; a part continuing on the next page at the same
    width is a range of those lines, found by bisection, so splitting a paragraph across
    N pages costs O(N log n) rather than a new layout of the rest each time.
    """

    def __init__(self, shaped: Shaped, style: TextStyle) -> None:
        self.shaped = shaped
        self.style = style
        self._by_width: dict[float, list[_Layout]] = {}

    def lines_from(self, start: int, width: float, indented: bool) -> tuple[list[Line], int]:
        """The lines from character ``start`` at ``width``: a shared list and the first index."""
        key = round(width, 3)
        layouts = self._by_width.setdefault(key, [])
        for layout in layouts:
            index = layout.index_of(start)
            if index is not None:
                return layout.lines, index
        lines = self._break(start, width, indented)
        layouts.append(_Layout(lines, [line.start for line in lines]))
        return lines, 0

    def _break(self, start: int, width: float, indented: bool) -> list[Line]:
        style = self.style
        shaped = self.shaped
        usable = width - style.left_indent
        indent = style.first_line_indent * style.size if indented else 0.0
        if style.align == "justify":
            return fill_lines(
                shaped.measured, usable, indent, line_end=shaped.line_end, start=start
            )
        return balanced_lines(shaped.measured, usable, indent, shaped.line_end, start=start)


class TextFlowable(ShallowCopied, Flowable):
    """One paragraph of shaped Chinese/Latin text that splits across frames by whole lines."""

    def __init__(
        self,
        shaped: Shaped,
        style: TextStyle,
        *,
        anchor: str | None = None,
        outline: tuple[str, int] | None = None,
        continuation: bool = False,
        min_lines_at_split: int = 2,
        layouts: Layouts | None = None,
        start: int = 0,
        line_count: int | None = None,
        region: str | None = None,
    ) -> None:
        super().__init__()
        self.shaped = shaped
        self.style = style
        self.anchor = anchor
        self.region = region or anchor
        """The node this text belongs to on the page, also where it has no anchor of its own
        (the rest of a split paragraph, a list's later entries): see ``note_region``."""
        self.outline = outline
        self.continuation = continuation
        self.min_lines_at_split = min_lines_at_split
        self.keepWithNext = style.keep_with_next
        self.spaceBefore = 0.0 if continuation else style.space_before
        self.spaceAfter = style.space_after
        self.layouts = layouts or Layouts(shaped, style)
        self.start = start
        """First character of this part (0 unless it continues a split paragraph)."""
        self.line_count = line_count
        """Lines this part holds when a split cut it short; None for the rest of the text."""
        self._lines: Sequence[Line] = ()

    def _layout(self, width: float) -> Sequence[Line]:
        lines, first = self.layouts.lines_from(self.start, width, not self.continuation)
        last = len(lines) if self.line_count is None else first + self.line_count
        return _LineRange(lines, first, min(last, len(lines)))

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._lines = self._layout(available_width)
        self.width = available_width
        self.height = len(self._lines) * self.style.leading
        return self.width, self.height

    def _part(self, start: int, line_count: int | None, continuation: bool) -> "TextFlowable":
        return TextFlowable(
            self.shaped,
            self.style,
            anchor=None if continuation else self.anchor,
            outline=None if continuation else self.outline,
            continuation=continuation,
            layouts=self.layouts,
            start=start,
            line_count=line_count,
            region=self.region,
        )

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        lines = self._layout(available_width)
        fitting = int((available_height + 1e-6) // self.style.leading)
        keep = self.min_lines_at_split
        if len(lines) < 2 * keep or fitting < keep:
            return []
        fitting = min(fitting, len(lines) - keep)
        first = self._part(self.start, fitting, self.continuation)
        first.keepWithNext = False
        first.spaceAfter = 0.0
        rest = self._part(lines[fitting].start, self.line_count and self.line_count - fitting, True)
        return [first, rest]

    def draw(self) -> None:
        canvas = self.canv
        if self.anchor is not None:
            mark_anchor(canvas, self.anchor, self.height, self.outline)
        if self.region is not None:
            note_region(canvas, self.region, self.width, self.height)
        style = self.style
        for number, line in enumerate(self._lines):
            top = self.height - number * style.leading
            baseline = top - baseline_offset(style.size, style.leading)
            first = number == 0 and not self.continuation
            indent = style.first_line_indent * style.size if first else 0.0
            x = style.left_indent + _align_offset(
                style, line, self.width - style.left_indent, indent
            )
            draw_line(canvas, self.shaped, line, x, baseline, indent=indent)


class _LineRange(Sequence[Line]):
    """Lines ``first``..``last`` of a shared list, without copying it."""

    def __init__(self, lines: list[Line], first: int, last: int) -> None:
        self._lines = lines
        self._first = first
        self._last = last

    def __len__(self) -> int:
        return self._last - self._first

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._lines[self._first + index]


def _align_offset(style: TextStyle, line: Line, width: float, indent: float) -> float:
    slack = width - indent - line.natural_width
    if style.align == "center":
        return slack / 2
    if style.align == "right":
        return slack
    return 0.0


def mark_anchor(canvas: Canvas, anchor: str, top: float, outline: tuple[str, int] | None) -> None:
    """A named destination at this spot, an outline entry, and the page noted for the TOC.

    An anchor shared by several parts (an item's label and title) stays where it first
    appears, so links, the outline and the TOC all go to the start of the item.
    """
    doc: Any = getattr(canvas, "_doctemplate", None)
    if doc is not None:
        x, y = canvas.absolutePosition(0, top)
        if not doc.note_anchor(anchor, canvas.getPageNumber(), x, y):
            return
    canvas.bookmarkHorizontal(anchor, 0, top)
    if outline is not None:
        title, level = outline
        canvas.addOutlineEntry(title, anchor, level=level, closed=level > 0)


def note_region(canvas: Canvas, node: str, width: float, height: float) -> None:
    """Note the box a flowable of ``node`` is drawn in (page points), so the preview can
    highlight the node and map a click on the page back to it."""
    doc: Any = getattr(canvas, "_doctemplate", None)
    if doc is None:
        return
    x0, y0 = canvas.absolutePosition(0, 0)
    x1, y1 = canvas.absolutePosition(width, height)
    box = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    doc.note_region(node, canvas.getPageNumber(), box)


class ListEntryFlowable(TextFlowable):
    """A list entry: the text hangs at the list indent, the marker sits in the margin before it."""

    def __init__(
        self,
        shaped: Shaped,
        marker: Shaped,
        style: TextStyle,
        *,
        anchor: str | None = None,
        region: str | None = None,
    ) -> None:
        super().__init__(shaped, style, anchor=anchor, region=region)
        self.marker = marker

    def _part(self, start: int, line_count: int | None, continuation: bool) -> TextFlowable:
        if continuation:
            return super()._part(start, line_count, continuation)
        head = ListEntryFlowable(
            self.shaped, self.marker, self.style, anchor=self.anchor, region=self.region
        )
        head.layouts = self.layouts
        head.line_count = line_count
        return head

    def draw(self) -> None:
        super().draw()
        if self.continuation or not self._lines:
            return
        style = self.style
        marker_lines = fill_lines(self.marker.measured, style.left_indent, justify=False)
        if marker_lines:
            baseline = self.height - baseline_offset(style.size, style.leading)
            x = style.left_indent - marker_lines[0].natural_width - style.size * 0.5
            draw_line(self.canv, self.marker, marker_lines[0], max(0.0, x), baseline)
