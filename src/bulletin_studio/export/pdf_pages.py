"""Page geometry and page furniture: trim, bleed and crop marks, masthead, header and footer."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from bulletin_studio.export.pdf_style import Palette
from bulletin_studio.export.pdf_text import Shaped, shape, single_line
from bulletin_studio.export.writer import Variant
from bulletin_studio.model.markup import Run
from bulletin_studio.model.problems import shorten
from bulletin_studio.render.layout import Layout, Style, fill_placeholders
from bulletin_studio.render.tree import MastheadNode

CROP_MARK_LENGTH = 5 * mm
CROP_MARK_OFFSET = 2 * mm
"""Marks stop this far from the trim corner, so they stay outside the bleed."""
SECTION_IN_HEAD = 30
"""A longer section title is cut with an ellipsis in the running head (one line)."""


@dataclass(frozen=True)
class Geometry:
    """Trim size and where it sits on the sheet (print adds bleed and room for crop marks)."""

    trim_width: float
    trim_height: float
    offset: float
    bleed: float
    crop_marks: bool
    margin_top: float
    margin_bottom: float
    margin_left: float
    margin_right: float
    column_gap: float

    @classmethod
    def of(cls, layout: Layout, variant: Variant) -> "Geometry":
        page = layout.page
        bleed = page.bleed * mm if variant == "print" else 0.0
        crop_marks = variant == "print" and page.crop_marks
        slug = bleed + CROP_MARK_OFFSET + CROP_MARK_LENGTH if crop_marks else bleed
        return cls(
            trim_width=page.width * mm,
            trim_height=page.height * mm,
            offset=slug,
            bleed=bleed,
            crop_marks=crop_marks,
            margin_top=page.margin_top * mm,
            margin_bottom=page.margin_bottom * mm,
            margin_left=page.margin_inner * mm,
            margin_right=page.margin_outer * mm,
            column_gap=page.column_gap * mm,
        )

    @property
    def sheet(self) -> tuple[float, float]:
        return self.trim_width + 2 * self.offset, self.trim_height + 2 * self.offset

    @property
    def trim_box(self) -> tuple[float, float, float, float]:
        o = self.offset
        return (o, o, o + self.trim_width, o + self.trim_height)

    @property
    def bleed_box(self) -> tuple[float, float, float, float]:
        x0, y0, x1, y1 = self.trim_box
        b = self.bleed
        return (x0 - b, y0 - b, x1 + b, y1 + b)

    @property
    def text_left(self) -> float:
        return self.offset + self.margin_left

    @property
    def text_width(self) -> float:
        return self.trim_width - self.margin_left - self.margin_right

    @property
    def text_bottom(self) -> float:
        return self.offset + self.margin_bottom

    @property
    def text_top(self) -> float:
        return self.offset + self.trim_height - self.margin_top

    def set_boxes(self, canvas: Canvas) -> None:
        """TrimBox and BleedBox on every page: what the printer's imposition software reads.

        No ArtBox: PDF/X wants a TrimBox or an ArtBox on a page, never both.
        """
        canvas.setTrimBox(self.trim_box)
        canvas.setBleedBox(self.bleed_box)

    def draw_crop_marks(self, canvas: Canvas) -> None:
        if not self.crop_marks:
            return
        x0, y0, x1, y1 = self.trim_box
        gap = self.bleed + CROP_MARK_OFFSET
        length = CROP_MARK_LENGTH
        canvas.saveState()
        canvas.setLineWidth(0.25)
        canvas.setStrokeColorCMYK(1, 1, 1, 1)  # registration black: shows on every plate
        for x in (x0, x1):
            for y, direction in ((y0, -1), (y1, 1)):
                canvas.line(x, y + direction * gap, x, y + direction * (gap + length))
        for y in (y0, y1):
            for x, direction in ((x0, -1), (x1, 1)):
                canvas.line(x + direction * gap, y, x + direction * (gap + length), y)
        canvas.restoreState()


@contextmanager
def artifact(canvas: Canvas) -> Iterator[None]:
    """Marks page furniture as an artifact (not the issue's content): readers that extract or
    read aloud skip it, and the preflight report names it instead of an item."""
    canvas._code.append("/Artifact BMC")
    yield
    canvas._code.append("EMC")


class Furniture:
    """Draws what repeats on pages: the masthead on the cover, header and footer on the rest."""

    def __init__(
        self, palette: Palette, geometry: Geometry, masthead: MastheadNode, header: str, footer: str
    ) -> None:
        self.palette = palette
        self.geometry = geometry
        self.masthead = masthead
        self.header = header
        self.footer = footer

    def _running_text(self, template: str, style: Style, page_number: int, section: str) -> Shaped:
        values = {"page": str(page_number), "section": shorten(section, SECTION_IN_HEAD)}
        text = fill_placeholders(template, values)
        return shape([Run(text=text)], self.palette.style(style), self.palette)

    def cover(self, canvas: Canvas) -> None:
        """Masthead and crop marks: no running head and no page number on the cover."""
        geometry = self.geometry
        geometry.set_boxes(canvas)
        with artifact(canvas):
            self._masthead(canvas)
            geometry.draw_crop_marks(canvas)

    def body(self, canvas: Canvas, page_number: int, section: str) -> None:
        """Drawn when the page is full, so that ``{section}`` is the section of its top."""
        self.geometry.set_boxes(canvas)
        with artifact(canvas):
            self._running(canvas, page_number, section)

    def _running(self, canvas: Canvas, page_number: int, section: str) -> None:
        """Header with its rule, footer and crop marks of a body page."""
        geometry = self.geometry
        style = self.palette.style(Style.HEADER)
        baseline = geometry.text_top + 7 * mm
        header = self._running_text(self.header, Style.HEADER, page_number, section)
        single_line(canvas, header, geometry.text_left, baseline, geometry.text_width)
        canvas.saveState()
        canvas.setStrokeColor(self.palette.color(self.palette.layout.running.rule_color))
        canvas.setLineWidth(0.5)
        rule_y = baseline - style.size * 0.6
        canvas.line(geometry.text_left, rule_y, geometry.text_left + geometry.text_width, rule_y)
        canvas.setFillColor(self.palette.color(self.palette.layout.masthead.band_color))
        canvas.rect(geometry.text_left, rule_y - 0.4, 18 * mm, 1.6, stroke=0, fill=1)
        canvas.restoreState()
        self._footer(canvas, page_number, section)
        geometry.draw_crop_marks(canvas)

    def _footer(self, canvas: Canvas, page_number: int, section: str) -> None:
        geometry = self.geometry
        style = self.palette.style(Style.FOOTER)
        shaped = self._running_text(self.footer, Style.FOOTER, page_number, section)
        baseline = geometry.text_bottom - 11 * mm
        single_line(canvas, shaped, geometry.text_left, baseline, geometry.text_width, style.align)

    def _masthead(self, canvas: Canvas) -> None:
        geometry = self.geometry
        palette = self.palette
        layout = palette.layout
        masthead = self.masthead
        band_height = layout.masthead.band_height * mm
        top = geometry.offset + geometry.trim_height
        band_bottom = top - band_height
        canvas.saveState()
        canvas.setFillColor(palette.color(layout.masthead.band_color))
        canvas.rect(
            geometry.offset - geometry.bleed,
            band_bottom,
            geometry.trim_width + 2 * geometry.bleed,
            band_height + geometry.bleed,
            stroke=0,
            fill=1,
        )
        canvas.setFillColor(palette.color(layout.masthead.numbers_color))
        canvas.rect(
            geometry.offset - geometry.bleed,
            band_bottom - 1.2 * mm,
            geometry.trim_width + 2 * geometry.bleed,
            1.2 * mm,
            stroke=0,
            fill=1,
        )
        canvas.restoreState()

        left = geometry.text_left
        width = geometry.text_width
        network_style = palette.style(Style.MASTHEAD_NETWORK)
        title_style = palette.style(Style.MASTHEAD_TITLE)
        y = top - 16 * mm
        single_line(
            canvas, shape([Run(text=masthead.network)], network_style, palette), left, y, width
        )
        tagline_style = palette.style(Style.MASTHEAD_TAGLINE)
        tagline_y = y
        for line in masthead.tagline:
            single_line(
                canvas,
                shape([Run(text=line)], tagline_style, palette),
                left,
                tagline_y,
                width,
                tagline_style.align,
            )
            tagline_y -= tagline_style.leading
        y -= network_style.leading + title_style.size * 0.9
        single_line(canvas, shape([Run(text=masthead.title)], title_style, palette), left, y, width)
        self._numbering(canvas, band_bottom + 8 * mm)

    def _numbering(self, canvas: Canvas, baseline: float) -> None:
        """「2024年第1期　总第15期」 with the numbers set larger in the accent colour."""
        palette = self.palette
        style = palette.style(Style.MASTHEAD_NUMBERING)
        masthead = self.masthead
        big = style.size * 2.0
        accent = palette.layout.masthead.numbers_color
        parts = [
            (f"{masthead.year}年第", False),
            (str(masthead.number), True),
            ("期　总第", False),
            (str(masthead.cumulative), True),
            ("期", False),
        ]
        pieces = [
            shape(
                [Run(text=text, bold=emphasised)],
                style,
                palette,
                size=big if emphasised else None,
                color=accent if emphasised else None,
            )
            for text, emphasised in parts
        ]
        widths = [sum(piece.measured.advances) for piece in pieces]
        x = self.geometry.text_left + self.geometry.text_width - sum(widths)
        for piece, width in zip(pieces, widths, strict=True):
            single_line(canvas, piece, x, baseline, width)
            x += width
        if masthead.date:
            date = shape([Run(text=masthead.date)], style, palette)
            single_line(
                canvas, date, self.geometry.text_left, baseline, self.geometry.text_width, "left"
            )
