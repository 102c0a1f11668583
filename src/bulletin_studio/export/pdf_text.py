"""Chinese text for ReportLab: shaping runs into glyphs, breaking lines, drawing justified text.

ReportLab's own Paragraph cannot follow the Chinese rules (see render.linebreak), so text is
laid out here: each character gets a face from the role's font stacks (Chinese faces for
Chinese, Latin faces for Latin, falling back along both), lines are filled by
``render.linebreak`` and drawn chunk by chunk with the justification spread as char spacing.
"""

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from bulletin_studio.export.fonts import FontFace
from bulletin_studio.export.pdf_style import FaceStacks, Palette
from bulletin_studio.model.markup import Run
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

ASCENT = 0.88
"""Share of the em box above the baseline for CJK faces (ideographic em box)."""

SYNTHETIC_BOLD_STROKE = 0.03
"""Stroke width (in ems) that emulates bold for faces that have no bold cut."""


@dataclass(frozen=True, slots=True)
class Look:
    """How one character is drawn: face, size, colour, link."""

    face: FontFace
    size: float
    color: Color
    href: str | None


@dataclass
class Shaped:
    """A paragraph's characters with a look and an advance each, ready for line breaking."""

    text: str
    looks: Sequence[Look]
    measured: Measured
    missing: list[str] = field(default_factory=list)

    def tail(self, start: int) -> "Shaped":
        """The paragraph from character ``start`` on (a continuation after a page break)."""
        measured = self.measured
        return Shaped(
            text=self.text[start:],
            looks=self.looks[start:],
            measured=Measured(
                text=measured.text[start:],
                advances=measured.advances[start:],
                gap_after=measured.gap_after[start:],
                breakable_after=measured.breakable_after[start:],
            ),
        )


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
    text_color = palette.color(color or style.color)
    link_color = palette.color(palette.layout.link_color)
    chars: list[str] = []
    stacks_per_char: list[FaceStacks] = []
    colors: list[Color] = []
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
    looks: list[Look] = []
    advances: list[float] = []
    missing: list[str] = []
    for index, char in enumerate(text):
        stacks = stacks_per_char[index]
        prefer_cjk = _prefers_cjk(text, index)
        ordered = (*stacks.cjk, *stacks.latin) if prefer_cjk else (*stacks.latin, *stacks.cjk)
        if not char.isprintable():
            face: FontFace | None = ordered[0]  # a line break: drawn as nothing
        else:
            face = next((face for face in ordered if face.has(char)), None)
        if face is None:
            missing.append(char)
            face = ordered[0]
        looks.append(Look(face=face, size=size, color=colors[index], href=hrefs[index]))
        advances.append(0.0 if char == "\n" else face.width(char) * size / 1000.0)
    measured = measure(text, advances, [size] * len(text), url_mask)
    return Shaped(text=text, looks=looks, measured=measured, missing=missing)


def _prefers_cjk(text: str, index: int) -> bool:
    """Chinese-style quotes and dashes take the Chinese face when a Chinese character is near."""
    char = text[index]
    if char not in CJK_LIKE_PUNCTUATION:
        return is_cjk(char)
    neighbours = text[max(0, index - 1) : index] + text[index + 1 : index + 2]
    return any(is_cjk(other) and other not in CJK_LIKE_PUNCTUATION for other in neighbours) or (
        not neighbours.strip()
    )


def baseline_offset(size: float, leading: float) -> float:
    """Distance from a line box's top to its baseline, centring the em box in the leading."""
    return (leading - size) / 2 + size * ASCENT


def draw_line(
    canvas: Canvas, shaped: Shaped, line: Line, x: float, baseline: float, *, indent: float = 0.0
) -> None:
    """Draw one line: chunks of equal look and equal spacing, links as annotations."""
    text = shaped.text
    looks = shaped.looks
    advances = shaped.measured.advances
    gap_after = shaped.measured.gap_after
    stretch = set(line.gaps)
    positions: list[float] = []
    cursor = x + indent
    for index in range(line.start, line.end):
        positions.append(cursor)
        cursor += advances[index]
        if index < line.end - 1:
            cursor += gap_after[index] + (line.extra if index in stretch else 0.0)
    chunk_start = line.start
    while chunk_start < line.end:
        chunk_end = chunk_start + 1
        spacing: float | None = None
        look = looks[chunk_start]
        while chunk_end < line.end and looks[chunk_end] == look and text[chunk_end] != "\n":
            gap = (
                positions[chunk_end - line.start]
                - positions[chunk_end - 1 - line.start]
                - advances[chunk_end - 1]
            )
            if spacing is None:
                spacing = gap
            elif abs(gap - spacing) > 1e-4:
                break
            chunk_end += 1
        chunk = text[chunk_start:chunk_end].replace("\n", "")
        if chunk.strip():
            _draw_chunk(canvas, look, chunk, positions[chunk_start - line.start], baseline, spacing)
        chunk_start = chunk_end
    _link_annotations(canvas, shaped, line, positions, baseline)


def single_line(
    canvas: Canvas, shaped: Shaped, x: float, baseline: float, width: float, align: str = "left"
) -> float:
    """Draw short text on one line (furniture, banners, page numbers); returns its width."""
    lines = fill_lines(shaped.measured, 1e9, justify=False)
    if not lines:
        return 0.0
    line = lines[0]
    offset = {"left": 0.0, "center": (width - line.natural_width) / 2}.get(
        align, width - line.natural_width
    )
    draw_line(canvas, shaped, line, x + offset, baseline)
    return line.natural_width


def _draw_chunk(
    canvas: Canvas, look: Look, chunk: str, x: float, baseline: float, spacing: float | None
) -> None:
    text_object = canvas.beginText(x, baseline)
    text_object.setFont(look.face.name, look.size)
    text_object.setFillColor(look.color)
    # Always set both: character spacing and render mode are graphics state and outlive the
    # text object, so a Latin word after a justified Chinese run would inherit its spacing.
    text_object.setCharSpace(spacing or 0.0)
    if look.face.synthetic_bold:
        canvas.saveState()
        canvas.setStrokeColor(look.color)
        canvas.setLineWidth(look.size * SYNTHETIC_BOLD_STROKE)
        text_object.setTextRenderMode(2)
        text_object.textOut(chunk)
        canvas.drawText(text_object)
        canvas.restoreState()
        return
    text_object.textOut(chunk)
    canvas.drawText(text_object)


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
        self._cache: dict[float, list[Line]] = {}
        self._lines: list[Line] = []

    def _layout(self, width: float) -> list[Line]:
        key = round(width, 3)
        if key not in self._cache:
            style = self.style
            usable = width - style.left_indent
            indent = 0.0 if self.continuation else style.first_line_indent * style.size
            if style.align == "justify":
                lines = fill_lines(self.shaped.measured, usable, indent)
            else:
                lines = balanced_lines(self.shaped.measured, usable, indent)
            self._cache[key] = lines
        return self._cache[key]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._lines = self._layout(available_width)
        self.width = available_width
        self.height = len(self._lines) * self.style.leading
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        lines = self._layout(available_width)
        fitting = int((available_height + 1e-6) // self.style.leading)
        keep = self.min_lines_at_split
        if len(lines) < 2 * keep or fitting < keep:
            return []
        fitting = min(fitting, len(lines) - keep)
        first = TextFlowable(
            self.shaped,
            self.style,
            anchor=self.anchor,
            outline=self.outline,
            continuation=self.continuation,
            region=self.region,
        )
        first._cache[round(available_width, 3)] = lines[:fitting]
        first.keepWithNext = False
        first.spaceAfter = 0.0
        rest = TextFlowable(
            self.shaped.tail(lines[fitting].start),
            self.style,
            continuation=True,
            region=self.region,
        )
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


def _align_offset(style: TextStyle, line: Line, width: float, indent: float) -> float:
    slack = width - indent - line.natural_width
    if style.align == "center":
        return slack / 2
    if style.align == "right":
        return slack
    return 0.0


def mark_anchor(canvas: Canvas, anchor: str, top: float, outline: tuple[str, int] | None) -> None:
    """A named destination at this spot, an outline entry, and the page noted for the TOC."""
    canvas.bookmarkHorizontal(anchor, 0, top)
    if outline is not None:
        title, level = outline
        canvas.addOutlineEntry(title, anchor, level=level, closed=level > 0)
    doc: Any = getattr(canvas, "_doctemplate", None)
    if doc is not None:
        doc.note_anchor(anchor, canvas.getPageNumber())


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

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts = super().split(available_width, available_height)
        if parts:
            head = ListEntryFlowable(
                self.shaped, self.marker, self.style, anchor=self.anchor, region=self.region
            )
            head._cache = parts[0]._cache
            head.spaceAfter = 0.0
            parts[0] = head
        return parts

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
