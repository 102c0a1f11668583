"""Flowables beyond plain text: section banners, figures, logo strips, TOC lines, rules."""

from collections.abc import Iterable, Mapping

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable
from reportlab.platypus.flowables import ImageAndFlowables

from bulletin_studio.export.pdf_images import Pictures
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
        usable = available_width - self.style.size * 2.2
        self.lines = fill_lines(self.shaped.measured, usable, justify=False) or []
        self.height = max(1, len(self.lines)) * self.style.leading + 2 * self.padding
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        mark_anchor(canvas, self.anchor, self.height, (self.title, 0))
        doc = getattr(canvas, "_doctemplate", None)
        if doc is not None:
            doc.note_section(self.title)  # the running head's {section}
        note_region(canvas, self.anchor, self.width, self.height)
        canvas.saveState()
        canvas.setFillColor(self.palette.color(self.palette.layout.masthead.band_color))
        canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        canvas.setFillColor(self.palette.color(self.palette.layout.masthead.numbers_color))
        canvas.rect(0, 0, self.style.size * 0.35, self.height, stroke=0, fill=1)
        canvas.restoreState()
        top = self.height - self.padding
        for line in self.lines:
            baseline = top - baseline_offset(self.style.size, self.style.leading)
            draw_line(canvas, self.shaped, line, self.style.size * 1.1, baseline)
            top -= self.style.leading


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
        pictures: Pictures,
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
        self.pictures = pictures
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
        self.pictures.draw(
            self.canv, self.picture.asset, self.data, x, 0, self.draw_width, self.draw_height
        )


class LogoRow(ShallowCopied, Flowable):
    """Logos of equal height on one row (wrapping to more rows if they do not fit)."""

    def __init__(
        self,
        drawer: Pictures,
        pictures: tuple[Picture, ...],
        images: Mapping[str, bytes],
        anchor: str | None,
        figures: Figures,
    ) -> None:
        super().__init__()
        self.drawer = drawer
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
                self.drawer.draw(
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

    def __init__(self, flowables: list[Flowable], frame_height: float) -> None:
        super().__init__()
        self.flowables = flowables
        self.frame_height = frame_height

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
        """Whole or not at all; only a block taller than a page flows as separate parts."""
        if self._content_height(available_width) > self.frame_height:
            stack = Stack(self.flowables, self.frame_height)
            stack.canv = self.canv
            return stack.split_anywhere(available_width, available_height)
        return []

    def draw(self) -> None:
        top = self.content_height
        for index, flowable in enumerate(self.flowables):
            if index:
                top -= flowable.getSpaceBefore()
            _, height = flowable.wrapOn(self.canv, self.width, 1e6)
            flowable.drawOn(self.canv, 0, top - height)
            top -= height + flowable.getSpaceAfter()


def _gap(before: Flowable, after: Flowable) -> float:
    """Space between two flowables one under the other (the larger of the two, as frames do)."""
    return max(before.getSpaceAfter(), after.getSpaceBefore())


def fill(
    canvas: Canvas,
    members: list[Flowable],
    available_width: float,
    available_height: float,
    keep_with_next: bool = True,
) -> tuple[list[Flowable], list[Flowable]]:
    """The members that fit one under the other in ``available_height`` (the last perhaps as
    the first part of its split), and the rest. A member that keeps with the next one (a
    subheading) never ends the fitting part, unless ``keep_with_next`` is off."""
    fitting: list[Flowable] = []
    rest: list[Flowable] = []
    used = 0.0
    for index, member in enumerate(members):
        gap = _gap(fitting[-1], member) if fitting else 0.0
        _, height = member.wrapOn(canvas, available_width, available_height)
        if used + gap + height <= available_height + 1e-6:
            fitting.append(member)
            used += gap + height
            continue
        parts = member.splitOn(canvas, available_width, available_height - used - gap)
        if parts:
            fitting.append(parts[0])
        rest = [*parts[1:], *members[index + 1 :]] if parts else members[index:]
        break
    while keep_with_next and fitting and rest and fitting[-1].getKeepWithNext():
        rest.insert(0, fitting.pop())
    return fitting, rest


class CanvasMemory:
    """Measuring in ``split`` without a lent canvas.

    ReportLab lends a flowable its canvas (``self.canv``) for ``wrapOn`` and ``splitOn``, but
    its ImageAndFlowables calls ``split`` of what flows beside the image directly; the
    canvas of the last measuring then stands in.
    """

    _last_canvas: Canvas | None = None

    def wrapOn(self, canv: Canvas, aW: float, aH: float) -> tuple[float, float]:
        self._last_canvas = canv
        return super().wrapOn(canv, aW, aH)  # type: ignore[misc]

    @property
    def canvas(self) -> Canvas:
        canvas = getattr(self, "canv", None) or self._last_canvas
        self._last_canvas = canvas
        return canvas


class Stack(CanvasMemory, ShallowCopied, Flowable):
    """Flowables drawn one under the other as one unit; subclasses decide how it may split."""

    def __init__(self, members: list[Flowable], frame_height: float) -> None:
        super().__init__()
        self.members = members
        self.frame_height = frame_height
        self.spaceBefore = members[0].getSpaceBefore()
        self.spaceAfter = members[-1].getSpaceAfter()
        self.sizes: list[tuple[float, float]] = []

    def _gap(self, index: int) -> float:
        """Space between member ``index - 1`` and member ``index``."""
        return _gap(self.members[index - 1], self.members[index])

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.sizes = [
            member.wrapOn(self.canvas, available_width, available_height) for member in self.members
        ]
        gaps = sum(self._gap(index) for index in range(1, len(self.members)))
        self.height = sum(height for _, height in self.sizes) + gaps
        return self.width, self.height

    def split_anywhere(self, available_width: float, available_height: float) -> list[Flowable]:
        """The members that fit, plus the first part of the one that does not, as one stack;
        the rest follow. For content taller than a page, which cannot be kept together.

        Headings keep with what follows them; but where that leaves nothing to set and the
        whole is taller than a page (a long heading before a figure that fills a page), no
        page could ever keep them together, so they go first alone."""
        canvas = self.canvas
        fitting, rest = fill(canvas, self.members, available_width, available_height)
        if not fitting and self.wrap(available_width, available_height)[1] > self.frame_height:
            fitting, rest = fill(
                canvas, self.members, available_width, available_height, keep_with_next=False
            )
        if not fitting:
            return []
        if not rest:
            return [self]
        return [Stack(fitting, self.frame_height), *rest]

    def draw(self) -> None:
        top = self.height
        for index, member in enumerate(self.members):
            if index:
                top -= self._gap(index)
            _, height = self.sizes[index]
            member.drawOn(self.canv, 0, top - height)
            top -= height


class KeepBlock(Stack):
    """Flowables kept on one page or column (a figure and its caption).

    ReportLab's KeepTogether moves on by inserting a FrameBreak, which BalancedColumns (the
    partner-news columns) cannot handle; this block simply refuses to split, so the frame or
    column moves it whole. Only a block taller than a whole page flows as its parts.
    """

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        if self.wrap(available_width, available_height)[1] > self.frame_height:
            return self.split_anywhere(available_width, available_height)
        return []


class FigureBlock(KeepBlock):
    """A figure or logo strip with its caption: a block that may float (see ``FloatGroup``)."""


class KeepWithPrevious(Stack):
    """A block and the line that must not leave it (a source line 「摘自：…」 under its news).

    The group splits only inside its first member, so the lines that go on with the source
    to the next page or column are at least the two a paragraph split leaves; a block that
    cannot split (a figure) moves with it whole.
    """

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        if self.wrap(available_width, available_height)[1] > self.frame_height:
            return self.split_anywhere(available_width, available_height)
        first, *tail = self.members
        parts = first.splitOn(self.canvas, available_width, available_height)
        if len(parts) < 2:
            return []
        return [parts[0], KeepWithPrevious([*parts[1:], *tail], self.frame_height)]

    @property
    def floats(self) -> bool:
        """A figure with its source line floats as one."""
        return isinstance(self.members[0], FigureBlock)


class FloatGroup(Stack):
    """A figure and the rest of its item, so the figure can float.

    Where the figure does not fit in what is left of the page (or column), the text after it
    fills that space and the figure opens the next page (or column), followed by the rest of
    the text, instead of leaving the space blank. The figure never floats out of its item: if
    the item's text ends before the page does, the figure comes after it. Deterministic: the
    order depends only on the sizes.
    """

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        figure, *followers = self.members
        _, height = figure.wrapOn(self.canvas, available_width, available_height)
        if height <= available_height + 1e-6:
            return [figure, *followers]  # it fits where it stands: no float
        if height > self.frame_height:
            parts = figure.splitOn(self.canvas, available_width, available_height)
            return [*parts, *followers] if parts else []
        if not followers:
            return []
        # The text set here starts where the figure would have: its own space before must
        # come out of the room the frame gave the figure.
        room = available_height - max(0.0, followers[0].getSpaceBefore() - self.spaceBefore)
        fitting, rest = fill(self.canvas, followers, available_width, room)
        if not fitting:
            return []
        return [Stack(fitting, self.frame_height), figure, *rest]


class BesideCover(CanvasMemory, ImageAndFlowables):
    """An item's text flowing beside its cover (a report cover, a partner's logo).

    ReportLab moves the whole item on when the cover does not fit at the foot of a page. Here
    the text fills that space at full width and the cover opens the next page (or column)
    with the rest of the text beside it; an item whose text would all fit above is moved
    whole instead, so a cover is never left apart from its text.
    """

    def __init__(self, cover: Flowable, body: list[Flowable], frame_height: float) -> None:
        super().__init__(
            cover,
            body,
            imageSide="left",
            imageRightPadding=10,
            imageBottomPadding=6,
            imageTopPadding=4,
        )
        self.body = body
        self.frame_height = frame_height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts = super().split(available_width, available_height)
        if parts or self._aH > self.frame_height:
            return parts
        fitting, rest = fill(self.canvas, self.body, available_width, available_height)
        if not fitting or not rest:
            return []
        return [Stack(fitting, self.frame_height), BesideCover(self._I, rest, self.frame_height)]


class AnchorMark(ShallowCopied, Flowable):
    """A named destination with no text: where an item without heading starts (TOC links)."""

    def __init__(self, anchor: str) -> None:
        super().__init__()
        self.anchor = anchor

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, 0

    def draw(self) -> None:
        mark_anchor(self.canv, self.anchor, 0, None)


class HeadingGroup(Stack):
    """An item's headings glued to the start of what follows them.

    ReportLab's keepWithNext is ignored inside BalancedColumns, which left titles stranded at
    the foot of a column. This group splits only inside its last member, and only if the
    headings and at least two lines of text stay together; otherwise it moves whole.
    A group no page could hold (a title of a thousand characters) lets go.
    """

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        *heads, last = self.members
        canvas = self.canvas
        used = sum(head.wrapOn(canvas, available_width, available_height)[1] for head in heads)
        used += sum(self._gap(index) for index in range(1, len(self.members)))
        whole = self.wrap(available_width, available_height)[1]
        if used > self.frame_height * 0.8 or whole > self.frame_height:
            return self.split_anywhere(available_width, available_height)
        parts = last.splitOn(canvas, available_width, available_height - used) if heads else []
        if len(parts) < 2:
            return []
        return [HeadingGroup([*heads, parts[0]], self.frame_height), *parts[1:]]
