"""The print-ready PDF: render tree → ReportLab platypus, built as a generator of progress.

The table of contents needs the pages where items start, which are only known after layout:
its numbers are form XObjects placed during layout and defined at the end, so one pass does.
The print variant is separated for the press (``colour``) and finished as PDF/X (``pdfx``).
Output is byte-identical for identical input and clock (ReportLab ``invariant`` mode; the
dates come from the clock the writer is given).
"""

import io
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import BinaryIO

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
)
from reportlab.platypus.doctemplate import PageBegin, PageBreakIfNotEmpty

from bulletin_studio.export.colour import (
    ImageConversion,
    OutputProfile,
    load_profile,
    print_profile,
)
from bulletin_studio.export.pdf_blocks import (
    AnchorMark,
    BesideCover,
    BottomBlock,
    FigureBlock,
    FloatGroup,
    HeadingGroup,
    KeepWithPrevious,
    LogoRow,
    PictureFlowable,
    Rule,
    SectionBanner,
    TocLine,
    define_page_numbers,
    text_flowable,
)
from bulletin_studio.export.pdf_columns import SectionColumns
from bulletin_studio.export.pdf_images import Pictures
from bulletin_studio.export.pdf_pages import Furniture, Geometry
from bulletin_studio.export.pdf_style import Palette
from bulletin_studio.export.pdf_text import ListEntryFlowable, shape
from bulletin_studio.export.pdfx import Destination, DocumentInfo, finish
from bulletin_studio.export.progress import Progress
from bulletin_studio.export.writer import Format, PdfX, Variant, WriteOptions
from bulletin_studio.messages import QT_TRANSLATE_NOOP
from bulletin_studio.model.markup import Run
from bulletin_studio.model.problems import Problem, shorten
from bulletin_studio.render.fonts import FontResolver
from bulletin_studio.render.fonts.convert import base_charset
from bulletin_studio.render.layout import Style
from bulletin_studio.render.tree import (
    BlockNode,
    FigureNode,
    ItemNode,
    ListNode,
    RenderTree,
    SectionNode,
    Text,
)

PRODUCER = "Bulletin Studio"

rl_config.useA85 = 0  # binary image streams: smaller files, and no slow ASCII85 encoding


Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Region:
    """Part of a node as drawn: its page (from 1) and box ``(x0, y0, x1, y1)`` in PDF points,
    measured from the bottom-left corner of the sheet (the MediaBox), as a viewer measures."""

    page: int
    box: Box

    def contains(self, page: int, x: float, y: float) -> bool:
        x0, y0, x1, y1 = self.box
        return page == self.page and x0 <= x <= x1 and y0 <= y <= y1

    @property
    def area(self) -> float:
        x0, y0, x1, y1 = self.box
        return (x1 - x0) * (y1 - y0)


@dataclass(frozen=True)
class PdfResult:
    """What the preview and the CLI need to know about a finished PDF.

    ``regions`` maps a node id (section, item, block, ``masthead``, ``colophon``) to the boxes
    its parts were drawn in, in drawing order: the preview highlights the selected node with
    them and maps a click on a page back to the node under it (``node_at``).
    """

    pages: int
    anchor_pages: dict[str, int]
    pdfx: PdfX | None = None
    profile: str = ""
    """The output intent's profile (the press's CMYK, or sRGB on screen)."""
    conversions: tuple[ImageConversion, ...] = ()
    """How each picture was separated for the press (print only), for the preflight report."""
    regions: dict[str, tuple[Region, ...]] = field(default_factory=dict)
    complete: bool = True
    """False for a PDF set only through ``WriteOptions.through_page``."""

    def node_at(self, page: int, x: float, y: float) -> str | None:
        """The innermost node drawn at a point of a page (a block before its item)."""
        hits = [
            (region.area, node)
            for node, regions in self.regions.items()
            for region in regions
            if region.contains(page, x, y)
        ]
        return min(hits)[1] if hits else None


class BulletinDocTemplate(BaseDocTemplate):
    """Cover and body page templates; notes the page of every anchor for the TOC."""

    def __init__(
        self,
        target: BinaryIO,
        tree: RenderTree,
        palette: Palette,
        geometry: Geometry,
        compress: bool = True,
    ) -> None:
        metadata = tree.metadata
        super().__init__(
            target,
            pageCompression=1 if compress else 0,
            pagesize=geometry.sheet,
            title=metadata.title,
            author=metadata.author,
            subject=metadata.subject,
            keywords=list(metadata.keywords),
            creator=PRODUCER,
            producer=PRODUCER,
            lang=metadata.language,
            invariant=1,
            initialFontName=palette.base_font,
            displayDocTitle=1,
            leftMargin=geometry.text_left,
            rightMargin=geometry.sheet[0] - geometry.text_left - geometry.text_width,
            topMargin=geometry.sheet[1] - geometry.text_top,
            bottomMargin=geometry.text_bottom,
        )
        self.anchor_pages: dict[str, int] = {}
        self.destinations: dict[str, Destination] = {}
        self.regions: dict[str, list[Region]] = {}
        furniture = Furniture(palette, geometry, tree.masthead, tree.header, tree.footer)
        band = palette.layout.masthead.band_height * mm
        cover_frame = Frame(
            geometry.text_left,
            geometry.text_bottom,
            geometry.text_width,
            geometry.offset + geometry.trim_height - band - geometry.text_bottom - 24,
            id="cover",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        body_frame = Frame(
            geometry.text_left,
            geometry.text_bottom,
            geometry.text_width,
            geometry.text_top - geometry.text_bottom,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.body_height = body_frame._aH
        self.addPageTemplates(
            [
                PageTemplate(
                    id="cover",
                    frames=[cover_frame],
                    autoNextPageTemplate="body",
                    onPage=lambda canvas, doc: furniture.cover(canvas),
                ),
                PageTemplate(
                    id="body",
                    frames=[body_frame],
                    onPageEnd=lambda canvas, doc: furniture.body(
                        canvas, doc.page, doc.page_section
                    ),
                ),
            ]
        )
        self.page_section = ""
        """The section the top of the current page belongs to (the running head's
        ``{section}``): the one carried over from the page before, or the one whose banner is
        the first thing on the page."""
        self._section = ""
        self._page_inked = False

    def beforePage(self) -> None:
        """ReportLab's hook at the start of each page."""
        self.page_section = self._section
        self._page_inked = False

    def afterFlowable(self, flowable: Flowable) -> None:
        """ReportLab's hook after each flowable is placed: notes that the page has content."""
        if not isinstance(flowable, Spacer) and getattr(flowable, "height", 0) > 0:
            self._page_inked = True

    def note_section(self, title: str) -> None:
        """A section's banner is drawn (perhaps inside a group with the first item's title)."""
        self._section = title
        if not self._page_inked:
            self.page_section = title

    def note_anchor(self, anchor: str, page: int, x: float, y: float) -> bool:
        """Where an anchor first appears (for the TOC, and as the PDF's named destination);
        False if it appeared before."""
        if anchor in self.anchor_pages:
            return False
        self.anchor_pages[anchor] = page
        self.destinations[anchor] = Destination(page, x, y)
        return True

    def note_region(self, node: str, page: int, box: Box) -> None:
        self.regions.setdefault(node, []).append(Region(page, box))

    def iter_build(
        self,
        flowables: list[Flowable],
        before_end: Callable[[Canvas], None],
        last_page: int | None = None,
    ) -> Iterator[tuple[int, Flowable]]:
        """``BaseDocTemplate.build`` as a generator: yields before each flowable is placed.

        Mirrors ReportLab's loop (start, handle each flowable, end) so a caller can report
        progress and cancel between flowables; ``before_end`` runs once every page is laid out.
        Each step gives the number of flowables left and the one about to be placed, so a
        failure is reported at the item it happened in. With ``last_page`` the build stops
        once a later page has begun.
        """
        self._startBuild()
        canvas = self.canv
        canvas._doctemplate = self
        try:
            while flowables and (last_page is None or self.page <= last_page):
                if (
                    self._hanging
                    and self._hanging[-1] is PageBegin
                    and isinstance(flowables[0], PageBreakIfNotEmpty)
                ):
                    del flowables[0]
                self.clean_hanging()
                yield len(flowables), flowables[0]
                self.handle_flowable(flowables)
            before_end(canvas)
        finally:
            del canvas._doctemplate
        self._endBuild()


class StoryBuilder:
    """Turns the render tree into flowables; shaping is cached across layout passes."""

    def __init__(
        self, tree: RenderTree, palette: Palette, body_height: float, pictures: Pictures
    ) -> None:
        self.tree = tree
        self.palette = palette
        self.body_height = body_height
        self.pictures = pictures
        self.item_titles: dict[int, str] = {}
        """id of an item's first flowable → the item's title, for progress and error reports."""

    def story(self) -> list[Flowable]:
        story: list[Flowable] = [*self._toc(), NextPageTemplate("body"), PageBreak()]
        for index, section in enumerate(self.tree.sections):
            if index and section.items and section.items[0].new_page:
                story.append(PageBreakIfNotEmpty())  # the section's title opens the page too
            elif index:
                story.append(CondPageBreak(self.body_height * 0.25))
            story.extend(self._section(section))
        story.extend(self._colophon())
        return story

    def _text(self, text: Text, outline: tuple[str, int] | None = None) -> Flowable:
        return text_flowable(
            text.runs, text.style, self.palette, anchor=text.anchor, outline=outline
        )

    def _toc(self) -> list[Flowable]:
        palette = self.palette
        flowables: list[Flowable] = [
            text_flowable((Run(text=self.tree.toc_title),), Style.TOC_HEADING, palette)
        ]
        for entry in self.tree.toc:
            style_name = Style.TOC_SECTION if entry.level == 0 else Style.TOC_ITEM
            style = palette.style(style_name)
            title = shape([Run(text=entry.text)], style, palette)
            flowables.append(TocLine(title, style, palette, entry.anchor))
        return flowables

    def _section(self, section: SectionNode) -> list[Flowable]:
        style = self.palette.style(Style.SECTION)
        banner = SectionBanner(
            shape([Run(text=section.title)], style, self.palette),
            style,
            self.palette,
            section.anchor,
        )
        # ReportLab's keepWithNext moves the banner and what follows as one block whenever
        # they do not fit together: a whole first item, or columns (which measure as if they
        # needed the whole frame). In one column the banner joins the first item's heading
        # group instead (it splits after two lines of text); before columns it stands alone:
        # a section starts only where a quarter page is left, room for the banner and more
        # than the columns' minimum.
        banner.keepWithNext = False
        flowables: list[Flowable] = []
        lead_in: list[Flowable] = [banner] if section.columns == 1 else []
        if not lead_in or not section.items:
            flowables.append(banner)
        for number, run in enumerate(_page_runs(section.items)):
            if number:
                flowables.append(PageBreakIfNotEmpty())
            items: list[Flowable] = []
            for index, item in enumerate(run):
                if index:
                    items.append(Spacer(1, 10))
                items.extend(self._item(item, lead_in))
                lead_in = []
            if section.columns > 1:
                items = [
                    SectionColumns(
                        items,
                        nCols=section.columns,
                        needed=72,
                        innerPadding=self.palette.layout.page.column_gap * mm,
                        name=f"columns-{run[0].anchor}",
                    )
                ]
            flowables.extend(items)
        return [*flowables, Spacer(1, 12)]

    def _item(self, item: ItemNode, lead_in: list[Flowable]) -> list[Flowable]:
        """An item's flowables; ``lead_in`` (its section's banner) joins its headings."""
        headings: list[Flowable] = list(lead_in)
        for index, text in enumerate(item.heading):
            outline = (item.toc_title, 1) if index == 0 else None
            headings.append(self._text(text, outline))
        body: list[Flowable] = []
        for block in item.body:
            flowables = self._block(block)
            if isinstance(block, Text) and block.style == Style.SOURCE and body:
                flowables = [KeepWithPrevious([body.pop(), *flowables], self.body_height)]
            body.extend(flowables)
        body = self._floating(body)
        if item.cover is not None:
            body = [self._beside_cover(item, body)]
        if len(headings) == len(lead_in):  # an untitled item still has its place
            headings.append(AnchorMark(item.anchor))
        members = [*headings, *body[:1]]
        first = HeadingGroup(members, self.body_height) if len(members) > 1 else members[0]
        flowables = [first, *body[1:]]
        self.item_titles[id(flowables[0])] = item.toc_title
        return flowables

    def _floating(self, body: list[Flowable]) -> list[Flowable]:
        """Each figure with the rest of its item's body, so that it can float (FloatGroup)."""
        for index in range(len(body) - 2, -1, -1):
            block = body[index]
            if isinstance(block, FigureBlock) or getattr(block, "floats", False):
                body[index:] = [FloatGroup(body[index:], self.body_height)]
        return body

    def _beside_cover(self, item: ItemNode, body: list[Flowable]) -> Flowable:
        """A report cover or partner logo at the left, the item's text flowing beside it."""
        assert item.cover is not None
        figures = self.palette.layout.figures
        cover = PictureFlowable(
            self.pictures,
            item.cover,
            self.tree.images[item.cover.asset],
            figures.cover_width,
            None,
            self.body_height * figures.max_height,
            hug=True,
            height=figures.logo_height * mm if item.kind == "partner_news" else None,
            region=item.anchor,
        )
        return BesideCover(cover, body or [Spacer(1, 1)], self.body_height)

    def _block(self, block: BlockNode) -> list[Flowable]:
        match block:
            case Text():
                return [self._text(block)]
            case ListNode():
                style = self.palette.style(block.style)
                flowables: list[Flowable] = []
                for number, entry in enumerate(block.entries):
                    runs = (
                        (Run(text=entry.lead, bold=True), *entry.runs)
                        if entry.lead
                        else (entry.runs)
                    )
                    shaped = shape(runs, style, self.palette)
                    marker = shape([Run(text=entry.marker)], style, self.palette)
                    flowables.append(
                        ListEntryFlowable(
                            shaped,
                            marker,
                            style,
                            anchor=block.anchor if number == 0 else None,
                            region=block.anchor,
                        )
                    )
                return flowables
            case FigureNode():
                return [self._figure(block)]
        raise TypeError(f"unknown block {block!r}")

    def _figure(self, figure: FigureNode) -> Flowable:
        parts: list[Flowable] = []
        if figure.kind == "logos":
            parts.append(
                LogoRow(
                    self.pictures,
                    figure.pictures,
                    self.tree.images,
                    figure.anchor,
                    self.palette.layout.figures,
                )
            )
        else:
            for picture in figure.pictures:
                parts.append(
                    PictureFlowable(
                        self.pictures,
                        picture,
                        self.tree.images[picture.asset],
                        figure.width_fraction,
                        figure.anchor,
                        self.body_height * self.palette.layout.figures.max_height,
                    )
                )
        if figure.caption is not None:
            parts.append(self._text(figure.caption))
        parts.insert(0, Spacer(1, 4))
        block = FigureBlock(parts, self.body_height)
        if figure.caption is None:  # the caption's space below, so text never touches it
            block.spaceAfter = self.palette.style(Style.CAPTION).space_after
        return block

    def _colophon(self) -> list[Flowable]:
        if not self.tree.colophon:
            return []
        parts: list[Flowable] = [Rule("rule", self.palette, space=4)]
        parts.extend(self._text(text) for text in self.tree.colophon)
        return [Spacer(1, 18), BottomBlock(parts, self.body_height)]


def _page_runs(items: tuple[ItemNode, ...]) -> list[list[ItemNode]]:
    """A section's items cut where one is to start on a new page (a run per page group); the
    first item's break is taken before the section's title instead."""
    runs: list[list[ItemNode]] = []
    for item in items:
        if not runs or (item.new_page and runs[-1]):
            runs.append([])
        runs[-1].append(item)
    return runs


class TypesetSession:
    """Fonts and shaped paragraphs kept from one export to the next (the live preview).

    Between two previews most paragraphs are unchanged: their shaping (a face and a width per
    character) is reused as long as layout and variant stay the same and no character
    outside the fonts' cached base set appears (only such a character changes the faces: it
    needs a top-up face). A character typed for the first time reshapes nothing else.
    """

    SHAPES_PER_TEXT = 2
    """The shaping cache is emptied when it holds this many entries per paragraph of the
    issue: edits leave the shapes of earlier wordings behind."""

    def __init__(self, fonts: FontResolver) -> None:
        self.fonts = fonts
        self._key: tuple[str, str, frozenset[str]] | None = None
        self._palette: Palette | None = None

    def palette(self, tree: RenderTree, variant: Variant) -> Palette:
        texts = list(tree.texts())
        needed = frozenset(char for text in texts for char in text.plain)
        base = base_charset()
        rare = frozenset(char for char in needed if char.isprintable() and ord(char) not in base)
        key = (tree.layout.model_dump_json(), variant, rare)
        if self._palette is None or key != self._key:
            self._palette = Palette(tree.layout, variant, self.fonts, needed)
            self._key = key
        elif len(self._palette.shape_cache) > self.SHAPES_PER_TEXT * (len(texts) + 50):
            self._palette.shape_cache.clear()
        return self._palette


def output_profile(tree: RenderTree, options: WriteOptions) -> OutputProfile:
    """The press's CMYK profile for print (the options' file, else the layout's), else sRGB."""
    if options.variant == "screen":
        return load_profile("sRGB")
    return print_profile(options.output_profile or tree.layout.print.profile)


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _masthead_box(geometry: Geometry, palette: Palette) -> Box:
    """The masthead band across the top of the cover, with the rule under it."""
    top = geometry.offset + geometry.trim_height
    bottom = top - (palette.layout.masthead.band_height + 1.2) * mm
    return (geometry.offset, bottom, geometry.offset + geometry.trim_width, top)


_TYPESETTING_ITEM = QT_TRANSLATE_NOOP("Export", "Typesetting: {title}")
_WRITING = QT_TRANSLATE_NOOP("Export", "Writing the file")
_WRITING_PDFX = QT_TRANSLATE_NOOP("Export", "Writing the PDF/X file")


class PdfWriter:
    """The print or screen PDF of a render tree (see the module docstring).

    ``clock`` dates the file (the pipeline's follows ``SOURCE_DATE_EPOCH``).
    """

    format: Format = "pdf"

    def __init__(
        self, session: TypesetSession, clock: Callable[[], datetime] | None = None
    ) -> None:
        self.session = session
        self.clock = clock or _now

    def write(
        self, tree: RenderTree, out: BinaryIO, options: WriteOptions
    ) -> Generator[Progress, None, PdfResult]:
        """Lay out and write; yields progress; returns pages and where each anchor starts."""
        yield Progress(0, 1, QT_TRANSLATE_NOOP("Export", "Preparing fonts").format())
        palette = self.session.palette(tree, options.variant)
        geometry = Geometry.of(tree.layout, options.variant)
        profile = output_profile(tree, options)
        pictures = Pictures(profile if options.variant == "print" else None)
        laid_out = io.BytesIO()
        doc = BulletinDocTemplate(laid_out, tree, palette, geometry, options.compress)
        builder = StoryBuilder(tree, palette, doc.body_height, pictures)
        story = builder.story()
        total = len(story)

        def page_numbers(canvas: Canvas) -> None:
            anchors = [entry.anchor for entry in tree.toc]
            style = palette.style(Style.TOC_ITEM)
            define_page_numbers(canvas, anchors, doc.anchor_pages, style, palette)
            for anchor in anchors:  # a PDF cut short: its TOC links need somewhere to go
                if anchor not in doc.anchor_pages:
                    canvas.bookmarkHorizontal(anchor, 0, 0)

        done = 0
        message = QT_TRANSLATE_NOOP("Export", "Typesetting").format()
        last_page = options.through_page
        for remaining, flowable in doc.iter_build(story, page_numbers, last_page):
            done = max(done, total - remaining)  # a split puts a flowable's rest back in the story
            title = builder.item_titles.get(id(flowable))
            if title is not None:
                message = _TYPESETTING_ITEM.format(title=shorten(title))
            yield Progress(done, total, message)
        writing = _WRITING_PDFX if options.pdfx else _WRITING
        yield Progress(total, total, writing.format())
        metadata = tree.metadata
        info = DocumentInfo(
            title=metadata.title,
            author=metadata.author,
            subject=metadata.subject,
            keywords=tuple(metadata.keywords),
            creator=PRODUCER,
            created=self.clock(),
        )
        if options.compress:
            laid = finish(laid_out.getvalue(), options.pdfx, profile, info, doc.destinations).data
        else:  # the live preview: the same pages, read at once from memory, never printed
            laid = laid_out.getvalue()
        out.write(laid)
        regions = {node: tuple(found) for node, found in doc.regions.items()}
        regions["masthead"] = (Region(1, _masthead_box(geometry, palette)),)
        return PdfResult(
            pages=doc.page,
            anchor_pages=dict(doc.anchor_pages),
            pdfx=options.pdfx,
            profile=profile.description,
            conversions=tuple(pictures.conversions.values()),
            regions=regions,
            complete=last_page is None or doc.page <= last_page,
        )

    def missing_glyphs(self, tree: RenderTree, variant: Variant) -> list[Problem]:
        """One problem per node and character no face of its role has (a box would print)."""
        palette = self.session.palette(tree, variant)
        texts = [
            (text.anchor, shape(text.runs, palette.style(text.style), palette))
            for text in tree.texts()
        ]
        masthead = tree.masthead
        lines = [(masthead.network, Style.MASTHEAD_NETWORK), (masthead.title, Style.MASTHEAD_TITLE)]
        lines += [(line, Style.MASTHEAD_TAGLINE) for line in masthead.tagline]
        for line, style in lines:  # in the style each is drawn in: their fonts may differ
            texts.append(("masthead", shape([Run(text=line)], palette.style(style), palette)))
        seen = dict.fromkeys((anchor, char) for anchor, shaped in texts for char in shaped.missing)
        return [
            Problem(
                severity="error",
                target_id=anchor,
                message=QT_TRANSLATE_NOOP(
                    "Export",
                    "No font of the layout has a glyph for the character “{char}” ({code}): "
                    "it cannot be printed",
                ).format(char=char, code=f"U+{ord(char):04X}"),
            )
            for anchor, char in seen
        ]
