"""Flowables beyond plain text: section banners, figures, logo strips, TOC lines, rules."""

from collections.abc import Iterable, Mapping

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from bulletin_studio.export.pdf_images import draw_image
from bulletin_studio.export.pdf_style import Palette
from bulletin_studio.export.pdf_text import (
    ShallowCopied,
    Shaped,
    TextFlowable,
    baseline_offset,
    draw_line,
    mark_anchor,
    note_region,
    shape,
    single_line,
)
from bulletin_studio.model.markup import Run
from bulletin_studio.render.layout import Figures, Style, TextStyle
from bulletin_studio.render.linebreak import fill_lines
from bulletin_studio.render.tree import Picture


class SectionBanner(ShallowCopied, Flowable):
    """The coloured bar that opens a section, with its title in reverse."""

    def __init__(self, shaped: Shaped, style: TextStyle, palette: Palette, anchor: str) -> None:
        super().__init__()
        self.shaped = shaped
        self.style = style
        self.palette = palette
        self.anchor = anchor
        self.title = shaped.text
        self.keepWithNext = True
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after
        self.padding = style.size * 0.55

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self.style.leading + 2 * self.padding
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        mark_anchor(canvas, self.anchor, self.height, (self.title, 0))
        note_region(canvas, self.anchor, self.width, self.height)
        canvas.saveState()
        canvas.setFillColor(self.palette.color(self.palette.layout.masthead.band_color))
        canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        canvas.setFillColor(self.palette.color(self.palette.layout.masthead.numbers_color))
        canvas.rect(0, 0, self.style.size * 0.35, self.height, stroke=0, fill=1)
        canvas.restoreState()
        baseline = self.height - self.padding - baseline_offset(self.style.size, self.style.leading)
        single_line(canvas, self.shaped, self.style.size * 1.1, baseline, self.width)


class Rule(ShallowCopied, Flowable):
    """A thin horizontal rule (between items, above the colophon)."""

    def __init__(self, color_name: str, palette: Palette, space: float = 6.0) -> None:
        super().__init__()
        self.color_name = color_name
        self.palette = palette
        self.spaceBefore = space
        self.spaceAfter = space

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = 0.6
        return self.width, self.height

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(self.palette.color(self.color_name))
        self.canv.setLineWidth(0.6)
        self.canv.line(0, 0.3, self.width, 0.3)
        self.canv.restoreState()


class PictureFlowable(ShallowCopied, Flowable):
    """An image scaled to a share of the column width, never taller than the frame allows."""

    def __init__(
        self,
        picture: Picture,
        data: bytes,
        width_fraction: float,
        anchor: str | None,
        max_height: float,
        *,
        hug: bool = False,
        height: float | None = None,
        region: str | None = None,
    ) -> None:
        super().__init__()
        self.picture = picture
        self.data = data
        self.width_fraction = width_fraction
        self.anchor = anchor
        self.region = region or anchor
        """The node the picture shows on the page (an item's cover has no anchor of its own)."""
        self.max_height = max_height
        self.hug = hug
        """Report the picture's own width (for text flowing beside it), not the column's."""
        self.fixed_height = height
        """A logo is set at a height (as in logo strips), whatever its proportions."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Fit the column width share; a tall image shrinks to the height limit instead."""
        ratio = self.picture.pixel_height / max(1, self.picture.pixel_width)
        width = available_width * self.width_fraction
        if self.fixed_height is not None:
            width = min(available_width, self.fixed_height / ratio)
        if width * ratio > self.max_height:
            width = self.max_height / ratio
        self.draw_width = width
        self.draw_height = width * ratio
        self.width = width if self.hug else available_width
        self.height = self.draw_height
        return self.width, self.height

    def _restrictSize(self, available_width: float, available_height: float) -> tuple[float, float]:
        """What ImageAndFlowables asks of the picture it floats (ReportLab's Image protocol)."""
        return self.draw_width, self.draw_height

    def _unRestrictSize(self) -> None:
        """Sizes are recomputed by every wrap: nothing to undo."""

    def draw(self) -> None:
        if self.anchor is not None:
            mark_anchor(self.canv, self.anchor, self.height, None)
        x = (self.width - self.draw_width) / 2
        if self.region is not None:
            self.canv.saveState()
            self.canv.translate(x, 0)
            note_region(self.canv, self.region, self.draw_width, self.draw_height)
            self.canv.restoreState()
        draw_image(
            self.canv, self.picture.asset, self.data, x, 0, self.draw_width, self.draw_height
        )


class LogoRow(ShallowCopied, Flowable):
    """Logos of equal height on one row (wrapping to more rows if they do not fit)."""

    def __init__(
        self,
        pictures: tuple[Picture, ...],
        images: Mapping[str, bytes],
        anchor: str | None,
        figures: Figures,
    ) -> None:
        super().__init__()
        self.pictures = pictures
        self.images = images
        self.anchor = anchor
        self.logo_height = figures.logo_height * mm
        self.logo_gap = figures.logo_gap * mm
        self.rows: list[list[tuple[Picture, float]]] = []

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.rows = [[]]
        used = 0.0
        for picture in self.pictures:
            width = self.logo_height * picture.pixel_width / max(1, picture.pixel_height)
            width = min(width, available_width)
            if self.rows[-1] and used + self.logo_gap + width > available_width:
                self.rows.append([])
                used = 0.0
            used += (self.logo_gap if self.rows[-1] else 0.0) + width
            self.rows[-1].append((picture, width))
        self.height = len(self.rows) * self.logo_height + (len(self.rows) - 1) * self.logo_gap
        return self.width, self.height

    def draw(self) -> None:
        if self.anchor is not None:
            mark_anchor(self.canv, self.anchor, self.height, None)
            note_region(self.canv, self.anchor, self.width, self.height)
        top = self.height
        for row in self.rows:
            row_width = sum(width for _, width in row) + self.logo_gap * (len(row) - 1)
            x = (self.width - row_width) / 2
            for picture, width in row:
                draw_image(
                    self.canv,
                    picture.asset,
                    self.images[picture.asset],
                    x,
                    top - self.logo_height,
                    width,
                    self.logo_height,
                )
                x += width + self.logo_gap
            top -= self.logo_height + self.logo_gap


class TocLine(ShallowCopied, Flowable):
    """A TOC entry: title (wrapping if long), dot leader, page number, linked to its anchor.

    The page number is a form XObject drawn here but defined after layout (see
    ``page_number_form``), so the TOC needs no second layout pass.
    """

    def __init__(self, title: Shaped, style: TextStyle, palette: Palette, anchor: str) -> None:
        super().__init__()
        self.title = title
        self.style = style
        self.palette = palette
        self.anchor = anchor
        self.keepWithNext = style.keep_with_next
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after
        self.number_width = style.size * 2.6

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        usable = available_width - self.style.left_indent - self.number_width
        self.lines = fill_lines(self.title.measured, usable, justify=False)
        self.height = max(1, len(self.lines)) * self.style.leading
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        style = self.style
        offset = baseline_offset(style.size, style.leading)
        for number, line in enumerate(self.lines):
            baseline = self.height - number * style.leading - offset
            draw_line(canvas, self.title, line, style.left_indent, baseline)
        baseline = style.leading - offset
        if self.lines and style.left_indent:
            self._leader(self.lines[-1].natural_width + style.left_indent, baseline)
        canvas.saveState()
        canvas.translate(self.width, baseline)
        canvas.doForm(page_number_form(self.anchor))
        canvas.restoreState()
        canvas.linkRect("", self.anchor, (0, 0, self.width, self.height), relative=1, thickness=0)

    def _leader(self, start: float, baseline: float) -> None:
        """A dotted leader from the end of the title to the page number."""
        canvas = self.canv
        left = start + self.style.size * 0.6
        right = self.width - self.number_width * 0.75
        if right <= left:
            return
        canvas.saveState()
        canvas.setStrokeColor(self.palette.color("rule"))
        canvas.setLineWidth(0.8)
        canvas.setDash(0.8, 2.6)
        canvas.setLineCap(1)
        canvas.line(left, baseline + 1.5, right, baseline + 1.5)
        canvas.restoreState()


def page_number_form(anchor: str) -> str:
    return f"toc_page_{anchor}"


def define_page_numbers(
    canvas: Canvas,
    anchors: Iterable[str],
    pages: Mapping[str, int],
    style: TextStyle,
    palette: Palette,
) -> None:
    """Fill in the TOC's page numbers, right-aligned on the point where each was placed."""
    for anchor in anchors:
        page = pages.get(anchor)
        canvas.beginForm(
            page_number_form(anchor),
            lowerx=-style.size * 4,
            lowery=-style.size,
            upperx=style.size,
            uppery=style.size * 2,
        )
        if page is not None:
            number = shape([Run(text=str(page))], style, palette)
            single_line(canvas, number, 0.0, 0.0, 0.0, "right")
        canvas.endForm()


def text_flowable(
    runs: tuple[Run, ...],
    style_name: Style,
    palette: Palette,
    *,
    anchor: str | None = None,
    outline: tuple[str, int] | None = None,
) -> TextFlowable:
    style = palette.style(style_name)
    return TextFlowable(shape(runs, style, palette), style, anchor=anchor, outline=outline)


class BottomBlock(ShallowCopied, Flowable):
    """Flowables kept together and set at the foot of the frame (the colophon's place).

    ReportLab's TopPadder cannot wrap a KeepTogether that had to split; this block simply
    claims the rest of the frame when it fits there, and moves whole to the next page if not.
    """

    def __init__(self, flowables: list[Flowable]) -> None:
        super().__init__()
        self.flowables = flowables

    def _content_height(self, available_width: float) -> float:
        height = 0.0
        for index, flowable in enumerate(self.flowables):
            _, flowable_height = flowable.wrapOn(self.canv, available_width, 1e6)
            height += flowable_height + flowable.getSpaceAfter()
            if index:
                height += flowable.getSpaceBefore()
        return height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.content_height = self._content_height(available_width)
        self.height = max(self.content_height, available_height)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        top = self.content_height
        for index, flowable in enumerate(self.flowables):
            if index:
                top -= flowable.getSpaceBefore()
            _, height = flowable.wrapOn(self.canv, self.width, 1e6)
            flowable.drawOn(self.canv, 0, top - height)
            top -= height + flowable.getSpaceAfter()


class HeadingGroup(ShallowCopied, Flowable):
    """An item's headings glued to the start of what follows them.

    ReportLab's keepWithNext is ignored inside BalancedColumns, which left titles stranded at
    the foot of a column. This group splits only inside its last member, and only if the
    headings and at least two lines of text stay together; otherwise it moves whole.
    """

    def __init__(self, members: list[Flowable]) -> None:
        super().__init__()
        self.members = members
        self.spaceBefore = members[0].getSpaceBefore()
        self.spaceAfter = members[-1].getSpaceAfter()
        self.sizes: list[tuple[float, float]] = []

    def _gap(self, index: int) -> float:
        """Space between member ``index - 1`` and member ``index``."""
        return max(self.members[index - 1].getSpaceAfter(), self.members[index].getSpaceBefore())

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.sizes = [
            member.wrapOn(self.canv, available_width, available_height) for member in self.members
        ]
        gaps = sum(self._gap(index) for index in range(1, len(self.members)))
        self.height = sum(height for _, height in self.sizes) + gaps
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        *heads, last = self.members
        used = sum(head.wrapOn(self.canv, available_width, available_height)[1] for head in heads)
        used += sum(self._gap(index) for index in range(1, len(self.members)))
        parts = last.splitOn(self.canv, available_width, available_height - used) if heads else []
        if len(parts) < 2:
            return []
        return [HeadingGroup([*heads, parts[0]]), *parts[1:]]

    def draw(self) -> None:
        top = self.height
        for index, member in enumerate(self.members):
            if index:
                top -= self._gap(index)
            _, height = self.sizes[index]
            member.drawOn(self.canv, 0, top - height)
            top -= height
