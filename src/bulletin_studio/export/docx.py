"""The review DOCX: the render tree written with python-docx, for reviewers in Word or WPS.

What reviewers need and plain python-docx output lacks: named styles they can restyle
(built-in names where Word has one, so the navigation pane and TOC work), East-Asian fonts,
a TOC field Word updates on open, page numbers, live links, embedded images, and a bookmark
named by its stable id around every section, item and block, so that each comment and
tracked change can be traced back to the model (see ``bulletin_studio.review``).
"""

import io
import re
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import groupby
from typing import BinaryIO

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.shape import CT_Inline
from docx.section import Section
from docx.shape import InlineShape
from docx.shared import Emu, Mm, Pt, RGBColor
from docx.styles.style import CharacterStyle, ParagraphStyle
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from PIL import Image

from bulletin_studio.export import ooxml
from bulletin_studio.export.progress import Progress
from bulletin_studio.export.writer import Format, WriteOptions
from bulletin_studio.messages import QT_TRANSLATE_NOOP
from bulletin_studio.model.markup import Run
from bulletin_studio.model.problems import shorten
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

CORE_PROPERTY_MAX = 255
"""python-docx (and Word's UI) cap document properties at 255 characters."""

MASTHEAD_PADDING_MM = 8
"""Room above and below the masthead's text inside its band."""
LINK_STYLE = "Hyperlink"
NUMBER_STYLE = "BS Masthead Number"
TOC_INSTRUCTION = 'TOC \\o "1-2" \\h \\z \\u'
PAPER = "paper"
"""Text in the paper colour is set on the masthead band colour, as in the print layout."""


@dataclass(frozen=True)
class DocxResult:
    sections: int
    items: int
    bookmarks: int
    pictures: int
    links: int


_SECTION = QT_TRANSLATE_NOOP("Export", "Section: {title}")
_ITEM = QT_TRANSLATE_NOOP("Export", "Item: {title}")


class DocxWriter:
    """The review DOCX of a render tree; ``clock`` dates its properties (fixed in tests)."""

    format: Format = "docx"

    def __init__(self, clock: Callable[[], datetime] | None = None) -> None:
        self.clock = clock or _now

    def write(
        self, tree: RenderTree, out: BinaryIO, options: WriteOptions
    ) -> Generator[Progress, None, DocxResult]:
        """Build the document in memory, then save it to ``out`` in one go."""
        items = sum(len(section.items) for section in tree.sections)
        total = items + len(tree.sections) + 2
        done = 0
        yield Progress(done, total, QT_TRANSLATE_NOOP("Export", "Styles and page setup").format())
        writer = _Writer(tree)
        writer.front_matter()
        done += 1
        for section in tree.sections:
            yield Progress(done, total, _SECTION.format(title=shorten(section.title)))
            writer.open_section(section)
            done += 1
            for number, item in enumerate(section.items):
                yield Progress(done, total, _ITEM.format(title=shorten(item.toc_title)))
                writer.item(item, first=number == 0)
                done += 1
            writer.close_section(section)
        writer.colophon()
        writer.properties(self.clock())
        writer.doc.save(out)
        yield Progress(total, total, "DOCX")
        return DocxResult(
            sections=len(tree.sections),
            items=items,
            bookmarks=writer.bookmark_count,
            pictures=writer.picture_count,
            links=writer.link_count,
        )


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


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
        self._pictures_added: dict[str, tuple[str, str]] = {}
        _define_styles(self.doc, self.layout, tree.metadata.language)
        _describe_fonts(self.doc, self.layout)
        self._style_ids = {
            name: self.doc.styles[name].style_id
            for name in (*STYLE_NAMES.values(), LINK_STYLE, NUMBER_STYLE)
        }
        self._links = ooxml.ExternalLinks(self.doc.part)
        list_style = self.layout.styles[Style.LIST]
        self._numbering = ooxml.ListNumbering(
            self.doc.part.numbering_part.element,
            indent_twips=round(list_style.left_indent * 20),
            bullet_font=self.layout.fonts[list_style.font].latin[0],
        )
        self._break_before = False
        """The next paragraph opens a page (an item or section the editor put on one)."""
        self._body_end = self.doc.element.body.get_or_add_sectPr()
        """New paragraphs go before the body's last ``w:sectPr``; python-docx finds it by
        scanning the body for every paragraph, which made long issues quadratic."""
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
        self._running(header, self.tree.header)
        footer = section.footer.paragraphs[0]
        footer.style = STYLE_NAMES[Style.FOOTER]
        footer.add_run(f"{self.tree.metadata.issue_label}　")
        self._running(footer, self.tree.footer)
        # The cover's own footer: empty, so no page number prints under the masthead.
        section.first_page_footer.paragraphs[0].style = STYLE_NAMES[Style.FOOTER]

    def _running(self, paragraph: Paragraph, template: str) -> None:
        """Running text with a field for each placeholder that changes from page to page.

        ``{page}`` is a PAGE field. ``{section}`` is Word's own running head: a STYLEREF
        field on the section heading style, which Word fills on every page with the first
        section heading on that page (else the last one before it); until it is updated it
        shows the first section's title.
        """
        first_section = self.tree.sections[0].title if self.tree.sections else ""
        for part in re.split(r"(\{page\}|\{section\})", template):
            if part == "{page}":
                ooxml.add_field(paragraph, "PAGE", "1")
            elif part == "{section}":
                name = STYLE_NAMES[Style.SECTION].title()
                ooxml.add_field(paragraph, f'STYLEREF "{name}"', first_section)
            elif part:
                paragraph.add_run(part)

    @property
    def _text_width(self) -> int:
        page = self.layout.page
        return Mm(page.width - page.margin_inner - page.margin_outer)

    @property
    def _column_width(self) -> int:
        gap = Mm(self.layout.page.column_gap)
        return (self._text_width - gap * (self._columns - 1)) // self._columns

    # --- paragraphs, runs and bookmarks ---

    def _paragraph(self, style: Style | None, cell: _Cell | None = None) -> Paragraph:
        """A new paragraph at the end of the body (or of ``cell``), with the bookmarks
        waiting for it.

        Style ids are looked up once: python-docx resolves a style name by scanning every
        style of the document, for each paragraph."""
        if cell is None:
            element = OxmlElement("w:p")
            self._body_end.addprevious(element)
            paragraph = Paragraph(element, self.doc._body)
        else:
            paragraph = cell.paragraphs[0] if not cell.paragraphs[0].runs else cell.add_paragraph()
            element = paragraph._p
        if style is not None:
            element.style = self._style_ids[STYLE_NAMES[style]]
        if self._break_before:
            paragraph.paragraph_format.page_break_before = True
            self._break_before = False
        for bookmark_id, name in self._pending:
            ooxml.bookmark_start(paragraph, bookmark_id, name)
        self._pending.clear()
        self._last = paragraph
        return paragraph

    def _text(self, style: Style, runs: Iterable[Run], cell: _Cell | None = None) -> Paragraph:
        paragraph = self._paragraph(style, cell)
        self._runs(paragraph, runs)
        return paragraph

    def _runs(self, paragraph: Paragraph, runs: Iterable[Run]) -> None:
        for href, group in groupby(runs, key=lambda run: run.href):
            link = ooxml.add_hyperlink(paragraph, rid=self._links.rid(href)) if href else None
            if link is not None:
                self.link_count += 1
            for run in group:
                docx_run = paragraph.add_run() if link is None else ooxml.link_run(link, paragraph)
                docx_run.text = run.text
                if link is not None:
                    docx_run._r.style = self._style_ids[LINK_STYLE]
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
        band = self._masthead_band()
        self._text(Style.MASTHEAD_NETWORK, [Run(text=masthead.network)], band)
        self._text(Style.MASTHEAD_TITLE, [Run(text=masthead.title)], band)
        if masthead.tagline:
            self._text(Style.MASTHEAD_TAGLINE, [Run(text="\n".join(masthead.tagline))], band)
        numbering = self._paragraph(Style.MASTHEAD_NUMBERING, band)
        numbering.add_run(f"{masthead.year}年第")
        numbering.add_run(str(masthead.number), style=NUMBER_STYLE)
        numbering.add_run("期　总第")
        numbering.add_run(str(masthead.cumulative), style=NUMBER_STYLE)
        numbering.add_run("期")
        if masthead.date:
            numbering.add_run(f"　{masthead.date}")
        self._toc()

    def _masthead_band(self) -> _Cell:
        """The masthead's coloured band from edge to edge of the page, as in print: a
        one-cell table reaching into both margins, its text still at the margins."""
        page = self.layout.page
        table = self.doc.add_table(rows=1, cols=1)
        ooxml.full_width_band(
            table._tbl,
            page_width=_twips(page.width),
            margins=(_twips(page.margin_inner), _twips(page.margin_outer)),
            padding=(_twips(MASTHEAD_PADDING_MM), _twips(MASTHEAD_PADDING_MM)),
            fill=self.layout.colors[self.layout.masthead.band_color].rgb[1:],
        )
        return table.cell(0, 0)

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
        first = section is self.tree.sections[0]
        self._break_before = first or bool(section.items and section.items[0].new_page)
        self._text(Style.SECTION, [Run(text=section.title)])
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
        gap_twips = _twips(self.layout.page.column_gap)
        ooxml.set_columns(new._sectPr, columns, gap_twips)
        self._columns = columns

    def item(self, item: ItemNode, first: bool) -> None:
        """An item; one the editor wants on a new page breaks before it (before its
        section's heading instead when it comes ``first``)."""
        self._open_bookmark(item.anchor)
        self._break_before = item.new_page and not first
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
                if block.style == Style.SOURCE and self._last is not None:
                    # 「摘自：…」 never starts a page alone: what it follows keeps with it.
                    self._last.paragraph_format.keep_with_next = True
                self._text(block.style, block.runs)
            case ListNode():
                num_id = self._numbering.new_list(block.ordered)
                for entry in block.entries:
                    paragraph = self._paragraph(block.style)
                    ooxml.number_paragraph(paragraph, num_id)
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
                    if block.caption is None:  # the caption's space, so text never touches
                        space = self.layout.styles[Style.CAPTION].space_after
                        paragraph.paragraph_format.space_after = Pt(space)
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
            self.picture_count += 1
            rid, filename = self._picture_part(picture)
            inline = CT_Inline.new_pic_inline(
                self.picture_count, rid, filename, Emu(round(height * ratio)), Emu(round(height))
            )
            run._r.add_drawing(inline)
            ooxml.set_picture_description(InlineShape(inline), picture.alt)
        return paragraph

    def _picture_part(self, picture: Picture) -> tuple[str, str]:
        """The relationship id and file name of an asset's image part, added once.

        ``run.add_picture`` would search every relationship of the document (thousands of
        links) and number the shape by scanning the whole body, for each picture."""
        asset = picture.asset
        if asset not in self._pictures_added:
            rid, image = self.doc.part.get_or_add_image(io.BytesIO(self._image(picture)))
            self._pictures_added[asset] = (rid, image.filename)
        return self._pictures_added[asset]

    def _image(self, picture: Picture) -> bytes:
        """The asset as python-docx and Word take it: PNG, GIF, or an RGB/grey JPEG with a
        JFIF or EXIF header; anything else (WebP, a CMYK JPEG from a print designer) is
        re-encoded, photos as JPEG, the rest as PNG."""
        data = self.tree.images[picture.asset]
        as_is = picture.format in ("PNG", "GIF") or (
            picture.format == "JPEG" and picture.jfif and picture.mode in ("RGB", "L")
        )
        return data if as_is else _reencoded(data, photo=picture.format == "JPEG")

    # --- document properties ---

    def properties(self, now: datetime) -> None:
        """Core properties with a given clock, so two exports of one issue are identical."""
        metadata = self.tree.metadata
        core = self.doc.core_properties
        core.title = shorten(metadata.title, CORE_PROPERTY_MAX)
        core.subject = shorten(metadata.subject, CORE_PROPERTY_MAX)
        core.author = shorten(metadata.author, CORE_PROPERTY_MAX)
        core.last_modified_by = shorten(metadata.author, CORE_PROPERTY_MAX)
        core.language = metadata.language
        core.keywords = shorten("; ".join(metadata.keywords), CORE_PROPERTY_MAX)
        core.comments = metadata.issue_label
        core.revision = 1
        core.created = now
        core.modified = now
        core.last_printed = now
        settings = self.doc.settings.element
        ooxml.set_update_fields(settings)
        ooxml.keep_lines_with_manual_breaks_unjustified(settings)
        ooxml.set_theme_font_language(settings, _east_asian_language(metadata.language))


def _twips(millimetres: float) -> int:
    return round(millimetres / 25.4 * 1440)


def _reencoded(data: bytes, photo: bool) -> bytes:
    buffer = io.BytesIO()
    with Image.open(io.BytesIO(data)) as image:
        if photo:
            image.convert("RGB").save(buffer, format="JPEG", quality=92)
        else:
            keep = "RGBA" if "A" in image.getbands() or "transparency" in image.info else "RGB"
            image.convert(keep).save(buffer, format="PNG")
    return buffer.getvalue()


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


def _describe_fonts(doc: DocxDocument, layout: Layout) -> None:
    """Font table entries for the faces the styles name, each pointing Word at the Windows
    face of the same kind from its stack (宋体 for a Song face, 微软雅黑 for a Hei face …)."""
    faces: dict[str, str] = {}
    for stack in layout.fonts.values():
        for names, default in ((stack.cjk, "SimSun"), (stack.latin, "Times New Roman")):
            windows = next((name for name in names if name in ooxml.WINDOWS_FACES), default)
            faces.setdefault(names[0], windows)
    part = doc.part.part_related_by(RELATIONSHIP_TYPE.FONT_TABLE)
    part._blob = ooxml.font_table(part.blob, faces)


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
    paragraph.keep_together = spec.keep_with_next  # a heading never splits across pages
    paragraph.widow_control = True
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
