"""The review DOCX: the render tree written with python-docx, for reviewers in Word or WPS.

What reviewers need and plain python-docx output lacks: named styles they can restyle
(built-in names where Word has one, so the navigation pane and TOC work), East-Asian fonts,
a TOC field Word updates on open, page numbers, live links, embedded images, and a bookmark
named by its stable id around every section, item and block, so that each comment and
tracked change can be traced back to the model (see ``bulletin_studio.review``).
"""

import io
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import groupby
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.section import Section
from docx.shared import Emu, Mm, Pt, RGBColor
from docx.styles.style import CharacterStyle, ParagraphStyle
from docx.text.paragraph import Paragraph
from PIL import Image

from bulletin_studio.export import ooxml
from bulletin_studio.export.progress import Progress
from bulletin_studio.model.markup import Run
from bulletin_studio.render.layout import Layout, Style, TextStyle
from bulletin_studio.render.tree import (
    BlockNode,
    FigureNode,
    ItemNode,
    ListNode,
    Picture,
    RenderTree,
    SectionNode,
    Text,
)
from bulletin_studio.storage.output import write_output

STYLE_NAMES: dict[Style, str] = {
    Style.MASTHEAD_NETWORK: "BS Masthead Network",
    Style.MASTHEAD_TITLE: "Title",
    Style.MASTHEAD_TAGLINE: "BS Masthead Tagline",
    Style.MASTHEAD_NUMBERING: "BS Masthead Numbering",
    Style.TOC_HEADING: "TOC Heading",
    Style.TOC_SECTION: "toc 1",
    Style.TOC_ITEM: "toc 2",
    Style.SECTION: "heading 1",
    Style.LABEL: "BS Label",
    Style.TITLE: "heading 2",
    Style.PARTNER_TITLE: "BS Partner Title",
    Style.SUBTITLE: "Subtitle",
    Style.LEAD: "BS Lead",
    Style.BODY: "Body Text",
    Style.SUBHEADING: "heading 3",
    Style.THEME: "BS Theme",
    Style.LIST: "List Paragraph",
    Style.CAPTION: "caption",
    Style.QUOTE: "Quote",
    Style.SOURCE: "BS Source",
    Style.RESOURCE_TITLE: "BS Resource Title",
    Style.RESOURCE_META: "BS Resource Meta",
    Style.COLOPHON: "BS Colophon",
    Style.HEADER: "header",
    Style.FOOTER: "footer",
}
"""Word's internal names for built-in styles (``heading 1``, ``toc 1``, ``caption`` …), so Word
and LibreOffice recognise them as their own; ``BS …`` for roles Word has no style for."""

STYLE_IDS = {"toc 1": "TOC1", "toc 2": "TOC2"}
"""Ids Word itself uses where python-docx would derive others (it writes ``toc1``)."""

OUTLINE_LEVELS = {
    Style.SECTION: 0,
    Style.TITLE: 1,
    Style.PARTNER_TITLE: 1,
    Style.RESOURCE_TITLE: 1,
    Style.SUBHEADING: 2,
}
"""Sections and items at levels 1–2 (what the TOC lists); resources are items too."""

LINK_STYLE = "Hyperlink"
NUMBER_STYLE = "BS Masthead Number"
TOC_INSTRUCTION = 'TOC \\o "1-2" \\h \\z \\u'
PAPER = "paper"
"""Text in the paper colour is set on the masthead band colour, as in the print layout."""

DOCX_IMAGE_TYPES = (".png", ".jpg", ".gif")
"""What python-docx can embed as is; other assets (WebP) are converted to PNG."""


@dataclass(frozen=True)
class DocxResult:
    path: Path
    sections: int
    items: int
    bookmarks: int
    pictures: int
    links: int


def export_docx(
    tree: RenderTree, out: Path, *, clock: Callable[[], datetime] | None = None
) -> Generator[Progress, None, DocxResult]:
    """Write the review DOCX; the file appears only when complete."""
    items = sum(len(section.items) for section in tree.sections)
    total = items + len(tree.sections) + 2
    done = 0
    yield Progress(done, total, "样式与版面")
    writer = _Writer(tree)
    writer.front_matter()
    done += 1
    for section in tree.sections:
        yield Progress(done, total, f"栏目：{section.title}")
        writer.open_section(section)
        done += 1
        for item in section.items:
            writer.item(item)
            done += 1
            yield Progress(done, total, f"条目：{item.toc_title}")
        writer.close_section(section)
    writer.colophon()
    writer.properties((clock or _now)())
    _save(writer.doc, out)
    yield Progress(total, total, f"已保存 {out.name}")
    return DocxResult(
        path=out,
        sections=len(tree.sections),
        items=items,
        bookmarks=writer.bookmark_count,
        pictures=writer.picture_count,
        links=writer.link_count,
    )


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _save(doc: DocxDocument, out: Path) -> None:
    """Built in memory, then written atomically: never a half-written DOCX, and the file gets
    normal permissions (a reviewer's share must be able to read it)."""
    buffer = io.BytesIO()
    doc.save(buffer)
    write_output(out, buffer.getvalue())


class _Writer:
    """Appends paragraphs in reading order and keeps the bookmark bookkeeping in one place."""

    def __init__(self, tree: RenderTree) -> None:
        self.tree = tree
        self.layout = tree.layout
        self.doc: DocxDocument = Document()
        self.bookmark_count = 0
        self.picture_count = 0
        self.link_count = 0
        self._pending: list[tuple[int, str]] = []
        self._open: dict[str, int] = {}
        self._used: set[str] = set()
        self._last: Paragraph | None = None
        self._columns = 1
        self._images: dict[str, bytes] = {}
        _define_styles(self.doc, self.layout, tree.metadata.language)
        self._page_setup(self.doc.sections[0])

    # --- page, header and footer ---

    def _page_setup(self, section: Section) -> None:
        page = self.layout.page
        section.page_width = Mm(page.width)
        section.page_height = Mm(page.height)
        section.top_margin = Mm(page.margin_top)
        section.bottom_margin = Mm(page.margin_bottom)
        section.left_margin = Mm(page.margin_inner)
        section.right_margin = Mm(page.margin_outer)
        section.header_distance = Mm(page.margin_top / 2)
        section.footer_distance = Mm(page.margin_bottom / 2)
        section.different_first_page_header_footer = True  # no running head over the masthead
        header = section.header.paragraphs[0]
        header.style = STYLE_NAMES[Style.HEADER]
        header.add_run(self.tree.header)
        for footer in (section.footer, section.first_page_footer):
            self._footer(footer.paragraphs[0])

    def _footer(self, paragraph: Paragraph) -> None:
        paragraph.style = STYLE_NAMES[Style.FOOTER]
        before, _, after = self.layout.running.footer.partition("{page}")
        paragraph.add_run(f"{self.tree.metadata.issue_label}　{before}")
        ooxml.add_field(paragraph, "PAGE", "1")
        if after:
            paragraph.add_run(after)

    @property
    def _text_width(self) -> int:
        page = self.layout.page
        return Mm(page.width - page.margin_inner - page.margin_outer)

    @property
    def _column_width(self) -> int:
        gap = Mm(self.layout.page.column_gap)
        return (self._text_width - gap * (self._columns - 1)) // self._columns

    # --- paragraphs, runs and bookmarks ---

    def _paragraph(self, style: Style | None) -> Paragraph:
        paragraph = self.doc.add_paragraph(style=STYLE_NAMES[style] if style else None)
        for bookmark_id, name in self._pending:
            ooxml.bookmark_start(paragraph, bookmark_id, name)
        self._pending.clear()
        self._last = paragraph
        return paragraph

    def _text(self, style: Style, runs: Iterable[Run]) -> Paragraph:
        paragraph = self._paragraph(style)
        self._runs(paragraph, runs)
        return paragraph

    def _runs(self, paragraph: Paragraph, runs: Iterable[Run]) -> None:
        for href, group in groupby(runs, key=lambda run: run.href):
            link = ooxml.add_hyperlink(paragraph, url=href) if href else None
            if link is not None:
                self.link_count += 1
            for run in group:
                docx_run = paragraph.add_run() if link is None else ooxml.link_run(link, paragraph)
                docx_run.text = run.text
                if link is not None:
                    docx_run.style = LINK_STYLE
                if run.bold:
                    docx_run.bold = True
                if run.italic:
                    docx_run.italic = True

    def _open_bookmark(self, name: str) -> None:
        """The bookmark starts in the next paragraph written."""
        self.bookmark_count += 1
        self._pending.append((self.bookmark_count, name))
        self._open[name] = self.bookmark_count
        self._used.add(name)

    def _close_bookmark(self, name: str) -> None:
        """The bookmark ends after the last paragraph written; an empty node gets an empty
        paragraph, so every id of the issue is findable in the DOCX."""
        bookmark_id = self._open.pop(name)
        if any(pending_id == bookmark_id for pending_id, _ in self._pending):
            self._paragraph(None)
        assert self._last is not None
        ooxml.bookmark_end(self._last, bookmark_id)

    # --- masthead and table of contents ---

    def front_matter(self) -> None:
        masthead = self.tree.masthead
        self._text(Style.MASTHEAD_NETWORK, [Run(text=masthead.network)])
        self._text(Style.MASTHEAD_TITLE, [Run(text=masthead.title)])
        if masthead.tagline:
            self._text(Style.MASTHEAD_TAGLINE, [Run(text="\n".join(masthead.tagline))])
        numbering = self._paragraph(Style.MASTHEAD_NUMBERING)
        numbering.add_run(f"{masthead.year}年第")
        numbering.add_run(str(masthead.number), style=NUMBER_STYLE)
        numbering.add_run("期　总第")
        numbering.add_run(str(masthead.cumulative), style=NUMBER_STYLE)
        numbering.add_run("期")
        if masthead.date:
            numbering.add_run(f"　{masthead.date}")
        self._toc()

    def _toc(self) -> None:
        """A TOC field whose result is pre-filled with linked entries: readable before any
        update (LibreOffice's conversion does not update fields); Word redoes it with pages."""
        self._text(Style.TOC_HEADING, [Run(text=self.tree.toc_title)])
        paragraph = self._paragraph(Style.TOC_ITEM)
        ooxml.field_begin(paragraph, TOC_INSTRUCTION)
        for number, entry in enumerate(self.tree.toc):
            if number:
                paragraph = self._paragraph(
                    Style.TOC_SECTION if entry.level == 0 else Style.TOC_ITEM
                )
            else:
                paragraph.style = STYLE_NAMES[
                    Style.TOC_SECTION if entry.level == 0 else Style.TOC_ITEM
                ]
            link = ooxml.add_hyperlink(paragraph, anchor=entry.anchor)
            ooxml.link_run(link, paragraph).text = entry.text
        ooxml.field_end(paragraph)

    # --- sections and items ---

    def open_section(self, section: SectionNode) -> None:
        self._set_columns(1)
        self._open_bookmark(section.anchor)
        heading = self._text(Style.SECTION, [Run(text=section.title)])
        if section is self.tree.sections[0]:
            heading.paragraph_format.page_break_before = True
        self._set_columns(section.columns)

    def close_section(self, section: SectionNode) -> None:
        self._close_bookmark(section.anchor)

    def _set_columns(self, columns: int) -> None:
        """A continuous section break wherever the column count changes (partner news)."""
        if columns == self._columns:
            return
        new = self.doc.add_section(WD_SECTION.CONTINUOUS)
        new.different_first_page_header_footer = False
        # The paragraph that carries the break: no height, and it keeps a heading with the
        # columns that follow it.
        carrier = Paragraph(new._sectPr.getprevious(), self.doc._body).paragraph_format
        carrier.keep_with_next = True
        carrier.line_spacing = Pt(1)
        gap_twips = round(self.layout.page.column_gap / 25.4 * 1440)
        ooxml.set_columns(new._sectPr, columns, gap_twips)
        self._columns = columns

    def item(self, item: ItemNode) -> None:
        self._open_bookmark(item.anchor)
        for text in item.heading or (Text(Style.TITLE, (), item.anchor),):
            self._text(text.style, text.runs)
        if item.cover is not None:
            self._pictures((item.cover,), self._column_width * self.layout.figures.cover_width)
        self._blocks(item.body, item.anchor)
        self._close_bookmark(item.anchor)

    def colophon(self) -> None:
        self._set_columns(1)
        self._blocks(self.tree.colophon, None)

    def _blocks(self, blocks: Iterable[BlockNode], owner: str | None) -> None:
        """Consecutive blocks with one anchor (a theme's title and paragraphs) share a bookmark;
        blocks anchored on their item (a resource's description) are covered by the item's."""
        current: str | None = None
        for block in blocks:
            anchor = block.anchor
            if anchor == owner or (anchor in self._used and anchor != current):
                anchor = None
            if anchor != current:
                if current is not None:
                    self._close_bookmark(current)
                if anchor is not None:
                    self._open_bookmark(anchor)
                current = anchor
            self._block(block)
        if current is not None:
            self._close_bookmark(current)

    def _block(self, block: BlockNode) -> None:
        match block:
            case Text():
                self._text(block.style, block.runs)
            case ListNode():
                for entry in block.entries:
                    paragraph = self._paragraph(block.style)
                    paragraph.add_run(f"{entry.marker} ")
                    if entry.lead:
                        paragraph.add_run(entry.lead).bold = True
                    self._runs(paragraph, entry.runs)
            case FigureNode():
                if block.pictures:
                    width = self._column_width * (
                        block.width_fraction if block.kind == "figure" else 1
                    )
                    paragraph = self._pictures(block.pictures, width)
                    paragraph.paragraph_format.keep_with_next = block.caption is not None
                if block.caption is not None:
                    self._text(block.caption.style, block.caption.runs)

    # --- pictures ---

    def _pictures(self, pictures: tuple[Picture, ...], width: float) -> Paragraph:
        """One centred row: a figure at ``width``, or logos at a common height that fits it."""
        paragraph = self._paragraph(None)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        ratios = [pic.pixel_width / max(pic.pixel_height, 1) for pic in pictures]
        if len(pictures) == 1:
            tallest = Mm(self.layout.text_height() * self.layout.figures.max_height)
            height = min(width / ratios[0], tallest)
        else:
            figures = self.layout.figures
            room = width - Mm(figures.logo_gap) * (len(pictures) - 1)
            height = min(Mm(figures.logo_height), room / sum(ratios))
        for number, (picture, ratio) in enumerate(zip(pictures, ratios, strict=True)):
            run = paragraph.add_run()
            if number:
                run.text = "\u2003"  # an em space between logos
            shape = run.add_picture(
                io.BytesIO(self._image(picture.asset)),
                width=Emu(round(height * ratio)),
                height=Emu(round(height)),
            )
            ooxml.set_picture_description(shape, picture.alt)
            self.picture_count += 1
        return paragraph

    def _image(self, asset: str) -> bytes:
        if asset not in self._images:
            data = self.tree.images[asset]
            if not asset.endswith(DOCX_IMAGE_TYPES):
                buffer = io.BytesIO()
                with Image.open(io.BytesIO(data)) as image:
                    image.save(buffer, format="PNG")
                data = buffer.getvalue()
            self._images[asset] = data
        return self._images[asset]

    # --- document properties ---

    def properties(self, now: datetime) -> None:
        """Core properties with a given clock, so two exports of one issue are identical."""
        metadata = self.tree.metadata
        core = self.doc.core_properties
        core.title = metadata.title
        core.subject = metadata.subject
        core.author = metadata.author
        core.last_modified_by = metadata.author
        core.language = metadata.language
        core.keywords = "; ".join(metadata.keywords)
        core.comments = metadata.issue_label
        core.revision = 1
        core.created = now
        core.modified = now
        core.last_printed = now
        settings = self.doc.settings.element
        ooxml.set_update_fields(settings)
        ooxml.keep_lines_with_manual_breaks_unjustified(settings)
        ooxml.set_theme_font_language(settings, _east_asian_language(metadata.language))


def _east_asian_language(language: str) -> str:
    return language if language.startswith("zh") else "zh-CN"


def _define_styles(doc: DocxDocument, layout: Layout, language: str) -> None:
    """One paragraph style per layout role, replacing the template's version of built-ins."""
    body = layout.fonts["body"]
    styles = doc.styles
    ooxml.set_doc_defaults(
        styles.element, body.latin[0], body.cjk[0], ("en-US", _east_asian_language(language))
    )
    normal = styles["Normal"].paragraph_format
    normal.space_before = Pt(0)
    normal.space_after = Pt(0)
    normal.line_spacing = 1.0
    for role in Style:
        _paragraph_style(doc, layout, role, layout.styles[role])
    link = _fresh_style(doc, LINK_STYLE, WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = _rgb(layout, layout.link_color)
    link.font.underline = True
    number = _fresh_style(doc, NUMBER_STYLE, WD_STYLE_TYPE.CHARACTER)
    number.font.bold = True
    number.font.color.rgb = _rgb(layout, layout.masthead.numbers_color)
    number.font.size = Pt(layout.styles[Style.MASTHEAD_NUMBERING].size * 1.5)


def _paragraph_style(doc: DocxDocument, layout: Layout, role: Style, spec: TextStyle) -> None:
    style = _fresh_style(doc, STYLE_NAMES[role], WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    fonts = layout.fonts[spec.font]
    ooxml.set_fonts(style.element.get_or_add_rPr(), fonts.latin[0], fonts.cjk[0])
    font = style.font
    font.size = Pt(spec.size)
    font.bold = spec.bold
    font.italic = spec.italic
    font.color.rgb = _rgb(layout, spec.color)
    paragraph = style.paragraph_format
    paragraph.alignment = {
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
    }[spec.align]
    paragraph.line_spacing = Pt(spec.leading)
    paragraph.space_before = Pt(spec.space_before)
    paragraph.space_after = Pt(spec.space_after)
    paragraph.left_indent = Pt(spec.left_indent)
    paragraph.keep_with_next = spec.keep_with_next
    ppr = style.element.get_or_add_pPr()
    if spec.first_line_indent:
        paragraph.first_line_indent = Pt(spec.first_line_indent * spec.size)
        ooxml.set_first_line_chars(ppr, round(spec.first_line_indent * 100))
    if spec.color == PAPER:
        ooxml.set_shading(ppr, layout.colors[layout.masthead.band_color].rgb[1:])
    if role in OUTLINE_LEVELS:
        ooxml.set_outline_level(ppr, OUTLINE_LEVELS[role])


def _fresh_style(doc: DocxDocument, name: str, kind: WD_STYLE_TYPE) -> CharacterStyle:
    """Drop the template's definition (theme fonts, Word 2010 colours) and start clean."""
    existing = doc.styles.element.get_by_name(name)
    if existing is not None:
        doc.styles.element.remove(existing)
    style = doc.styles.add_style(name, kind, builtin=not name.startswith("BS "))
    if name in STYLE_IDS:
        style.style_id = STYLE_IDS[name]
    return style


def _rgb(layout: Layout, color: str) -> RGBColor:
    return RGBColor.from_string(layout.colors[color].rgb[1:])
