"""The raw WordprocessingML that python-docx has no API for, kept in one place.

Each helper writes one construct (fonts per script, bookmarks, fields, hyperlinks, columns,
shading …) exactly as Word writes it, so the writer itself stays on python-docx's proxies.
"""

from dataclasses import dataclass

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.oxml import serialize_part_xml
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shape import InlineShape
from docx.text.paragraph import Paragraph
from docx.text.run import Run

_THEME_FONT_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def set_fonts(rpr: BaseOxmlElement, latin: str, east_asian: str) -> None:
    """Name the Latin and the East-Asian font; Word otherwise falls back to its own CJK font.

    Theme font attributes win over named fonts in Word, so they are removed.
    """
    fonts = rpr.get_or_add_rFonts()  # type: ignore[attr-defined]
    for attribute in _THEME_FONT_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)


def set_language(rpr: BaseOxmlElement, latin: str, east_asian: str) -> None:
    """Proofing and line-breaking language for Latin and East-Asian text."""
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.attrib.clear()
    lang.set(qn("w:val"), latin)
    lang.set(qn("w:eastAsia"), east_asian)


def _child(parent: BaseOxmlElement, tag: str, successors: tuple[str, ...]) -> BaseOxmlElement:
    """Get or insert ``tag`` before the first of ``successors`` (OOXML child order is strict)."""
    element = parent.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        for successor in successors:
            following = parent.find(qn(successor))
            if following is not None:
                following.addprevious(element)
                break
        else:
            parent.append(element)
    return element


_AFTER_SHD = ("w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:spacing", "w:ind", "w:jc")
_AFTER_OUTLINE = ("w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def set_first_line_chars(ppr: BaseOxmlElement, hundredths: int) -> None:
    """First-line indent in characters (``200`` = 两字符), as Chinese documents specify it."""
    ppr.get_or_add_ind().set(qn("w:firstLineChars"), str(hundredths))  # type: ignore[attr-defined]


def set_shading(ppr: BaseOxmlElement, fill: str) -> None:
    """A coloured band behind a paragraph (masthead, section headings); ``fill`` is RRGGBB."""
    shading = _child(ppr, "w:shd", _AFTER_SHD)
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)


def set_outline_level(ppr: BaseOxmlElement, level: int) -> None:
    """Outline level (0 = level 1): what the navigation pane and ``TOC \\u`` list."""
    outline = _child(ppr, "w:outlineLvl", _AFTER_OUTLINE)
    outline.set(qn("w:val"), str(level))


def bookmark_start(paragraph: Paragraph, bookmark_id: int, name: str) -> None:
    """Open a bookmark before the paragraph's content."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    ppr = paragraph._p.pPr
    if ppr is None:
        paragraph._p.insert(0, start)
    else:
        ppr.addnext(start)


def bookmark_end(paragraph: Paragraph, bookmark_id: int) -> None:
    """Close a bookmark after the paragraph's content."""
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(bookmark_id))
    paragraph._p.append(end)


def _field_char(paragraph: Paragraph, kind: str, dirty: bool = False) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    if dirty:
        char.set(qn("w:dirty"), "true")
    paragraph.add_run()._r.append(char)


def field_begin(paragraph: Paragraph, instruction: str) -> None:
    """Start a complex field; its result follows until ``field_end`` (maybe paragraphs later).

    The field is marked dirty so that Word recomputes it (page numbers of a TOC) on open.
    """
    _field_char(paragraph, "begin", dirty=True)
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    paragraph.add_run()._r.append(text)
    _field_char(paragraph, "separate")


def field_end(paragraph: Paragraph) -> None:
    _field_char(paragraph, "end")


def add_field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """A whole field in one paragraph (``PAGE``), showing ``placeholder`` until updated."""
    field_begin(paragraph, instruction)
    paragraph.add_run(placeholder)
    field_end(paragraph)


class ExternalLinks:
    """The relationship id of each web address a part links to, one per address.

    python-docx's ``relate_to`` compares the address with every relationship of the part and
    then numbers the new one by trying ``rId1``, ``rId2`` … in turn: quadratic in the number
    of links. Here both are a dictionary look-up and a counter that only moves forward.
    """

    def __init__(self, part: Part) -> None:
        self._rels = part.rels
        self._ids: dict[str, str] = {}
        self._next = 1

    def rid(self, url: str) -> str:
        if url not in self._ids:
            while f"rId{self._next}" in self._rels:
                self._next += 1
            rid = f"rId{self._next}"
            self._rels.add_relationship(RELATIONSHIP_TYPE.HYPERLINK, url, rid, is_external=True)
            self._ids[url] = rid
        return self._ids[url]


def add_hyperlink(
    paragraph: Paragraph, *, rid: str | None = None, anchor: str | None = None
) -> BaseOxmlElement:
    """Append an empty hyperlink to a web address (relationship ``rid``) or to a bookmark."""
    link = OxmlElement("w:hyperlink")
    if rid is not None:
        link.set(qn("r:id"), rid)
    if anchor is not None:
        link.set(qn("w:anchor"), anchor)
        link.set(qn("w:history"), "1")
    paragraph._p.append(link)
    return link


def link_run(link: BaseOxmlElement, paragraph: Paragraph) -> Run:
    """A new run inside ``link``, as a python-docx proxy the writer formats like any run."""
    r = OxmlElement("w:r")
    link.append(r)
    return Run(r, paragraph)  # type: ignore[arg-type]


def set_columns(sect_pr: BaseOxmlElement, number: int, space_twips: int) -> None:
    """Newspaper columns for one document section (partner news in two columns)."""
    columns = sect_pr.find(qn("w:cols"))
    if columns is None:
        columns = OxmlElement("w:cols")
        sect_pr.append(columns)
    columns.attrib.clear()
    columns.set(qn("w:num"), str(number))
    columns.set(qn("w:space"), str(space_twips))


def set_update_fields(settings: BaseOxmlElement) -> None:
    """Ask Word to update fields (the TOC's page numbers) when the document opens."""
    update = _child(
        settings,
        "w:updateFields",
        ("w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids"),
    )
    update.set(qn("w:val"), "true")


def keep_lines_with_manual_breaks_unjustified(settings: BaseOxmlElement) -> None:
    """Word's and LibreOffice's "do not expand a line ending in Shift+Enter": otherwise a
    justified quote's short line before its attribution is stretched across the column."""
    compat = _child(settings, "w:compat", ("w:docVars", "w:rsids"))
    compat.insert(0, OxmlElement("w:doNotExpandShiftReturn"))  # first in w:compat's sequence


def set_theme_font_language(settings: BaseOxmlElement, east_asian: str) -> None:
    """The template says ja-JP; Word picks theme CJK fonts (and glyph forms) from this."""
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), east_asian)


def set_doc_defaults(
    styles: BaseOxmlElement, latin: str, east_asian: str, languages: tuple[str, str]
) -> None:
    """Document-wide default fonts and language, inherited by every style."""
    rpr = styles.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr is None:
        return
    set_fonts(rpr, latin, east_asian)
    set_language(rpr, *languages)


def set_picture_description(shape: InlineShape, description: str) -> None:
    """Alternative text of an inline picture (read aloud, shown when images are off)."""
    shape._inline.docPr.set("descr", description)


# --- the font table: names Word can substitute on a machine without the layout's fonts ---


@dataclass(frozen=True)
class FaceInfo:
    """What Word's font table says about a face, so that Word can substitute a similar one."""

    local_name: str | None
    """The face's Chinese name (Word lists SimSun as 宋体): an alternate name Word matches."""
    panose: str
    family: str
    charset: str
    signature: tuple[str, str, str, str, str, str]
    """Unicode ranges (usb0–3) and code pages (csb0–1); csb0 bit 18 is GB2312."""


WINDOWS_FACES: dict[str, FaceInfo] = {
    "SimSun": FaceInfo(
        "宋体",
        "02010600030101010101",
        "auto",
        "86",
        ("00000003", "288F0000", "00000016", "00000000", "00040001", "00000000"),
    ),
    "Microsoft YaHei": FaceInfo(
        "微软雅黑",
        "020B0503020204020204",
        "swiss",
        "86",
        ("80000287", "2ACF3C50", "00000016", "00000000", "0004001F", "00000000"),
    ),
    "KaiTi": FaceInfo(
        "楷体",
        "02010609060101010101",
        "modern",
        "86",
        ("800002BF", "38CF7CFA", "00000016", "00000000", "00040001", "00000000"),
    ),
    "SimHei": FaceInfo(
        "黑体",
        "02010609060101010101",
        "modern",
        "86",
        ("800002BF", "38CF7CFA", "00000016", "00000000", "00040001", "00000000"),
    ),
    "Times New Roman": FaceInfo(
        None,
        "02020603050405020304",
        "roman",
        "00",
        ("E0002EFF", "C000785B", "00000009", "00000000", "000001FF", "00000000"),
    ),
    "Arial": FaceInfo(
        None,
        "020B0604020202020204",
        "swiss",
        "00",
        ("E0002EFF", "C000785B", "00000009", "00000000", "000001FF", "00000000"),
    ),
}
"""Faces every Chinese Windows has, as Word itself describes them in ``fontTable.xml``."""


def font_table(blob: bytes, faces: dict[str, str]) -> bytes:
    """``word/fontTable.xml`` with an entry for each face the styles name (``faces``: face →
    the Windows face of the same kind from its stack) and for those Windows faces.

    Word reads the entry of a face it does not have and substitutes by its alternate name,
    character set (86: GB2312), family and PANOSE: a reviewer without Noto Serif CJK SC sees
    宋体, not a Japanese fallback. The entries of the Windows faces carry their Chinese names.
    """
    table = parse_xml(blob)
    for name in (*faces, *faces.values()):
        for old in table.findall(qn("w:font")):
            if old.get(qn("w:name")) == name:
                table.remove(old)
    for name, windows in faces.items():
        if name != windows:
            table.append(_font_entry(name, WINDOWS_FACES[windows], windows))
    for windows in dict.fromkeys(faces.values()):
        info = WINDOWS_FACES[windows]
        table.append(_font_entry(windows, info, info.local_name))
    return serialize_part_xml(table)


def _font_entry(name: str, info: FaceInfo, alternate: str | None) -> BaseOxmlElement:
    font = OxmlElement("w:font")
    font.set(qn("w:name"), name)
    if alternate:
        font.append(_valued("w:altName", alternate))
    font.append(_valued("w:panose1", info.panose))
    font.append(_valued("w:charset", info.charset))
    font.append(_valued("w:family", info.family))
    font.append(_valued("w:pitch", "variable"))
    signature = OxmlElement("w:sig")
    for key, value in zip(
        ("usb0", "usb1", "usb2", "usb3", "csb0", "csb1"), info.signature, strict=True
    ):
        signature.set(qn(f"w:{key}"), value)
    font.append(signature)
    return font


def _valued(tag: str, value: str) -> BaseOxmlElement:
    element = OxmlElement(tag)
    element.set(qn("w:val"), value)
    return element


# --- numbering: lists as Word lists ---


class ListNumbering:
    """Word numbering definitions for the lists of one document.

    A bullet list shares one definition; each numbered list gets its own ``w:num`` so that it
    starts again at 1. Ids are counted here (python-docx scans every ``w:num`` for a free
    one). The marker hangs in the list indent, as in the PDF.
    """

    def __init__(self, numbering: BaseOxmlElement, indent_twips: int, bullet_font: str) -> None:
        self._numbering = numbering
        self._indent = indent_twips
        self._bullet_font = bullet_font
        abstract_ids = [int(v) for v in numbering.xpath("./w:abstractNum/@w:abstractNumId")]
        num_ids = [int(v) for v in numbering.xpath("./w:num/@w:numId")]
        self._next_abstract = max(abstract_ids, default=-1) + 1
        self._next_num = max(num_ids, default=0) + 1
        self._abstract: dict[bool, int] = {}
        self._bullets: int | None = None

    def new_list(self, ordered: bool) -> int:
        """The ``numId`` for the entries of one list."""
        if not ordered and self._bullets is not None:
            return self._bullets
        if ordered not in self._abstract:
            self._abstract[ordered] = self._add_abstract(ordered)
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(self._next_num))
        num.append(_valued("w:abstractNumId", str(self._abstract[ordered])))
        if ordered:
            override = OxmlElement("w:lvlOverride")
            override.set(qn("w:ilvl"), "0")
            override.append(_valued("w:startOverride", "1"))
            num.append(override)
        self._numbering.append(num)
        self._next_num += 1
        if not ordered:
            self._bullets = self._next_num - 1
        return self._next_num - 1

    def _add_abstract(self, ordered: bool) -> int:
        abstract = OxmlElement("w:abstractNum")
        abstract_id = self._next_abstract
        self._next_abstract += 1
        abstract.set(qn("w:abstractNumId"), str(abstract_id))
        abstract.append(_valued("w:multiLevelType", "singleLevel"))
        level = OxmlElement("w:lvl")
        level.set(qn("w:ilvl"), "0")
        level.append(_valued("w:start", "1"))
        level.append(_valued("w:numFmt", "decimal" if ordered else "bullet"))
        level.append(_valued("w:lvlText", "%1." if ordered else "•"))
        level.append(_valued("w:lvlJc", "left"))
        ppr = OxmlElement("w:pPr")
        indent = OxmlElement("w:ind")
        indent.set(qn("w:left"), str(self._indent))
        indent.set(qn("w:hanging"), str(self._indent))
        ppr.append(indent)
        level.append(ppr)
        if not ordered:
            rpr = OxmlElement("w:rPr")
            fonts = OxmlElement("w:rFonts")
            for attribute in ("w:ascii", "w:hAnsi"):
                fonts.set(qn(attribute), self._bullet_font)
            fonts.set(qn("w:hint"), "default")
            rpr.append(fonts)
            level.append(rpr)
        abstract.append(level)
        first_num = self._numbering.find(qn("w:num"))
        if first_num is None:
            self._numbering.append(abstract)
        else:
            first_num.addprevious(abstract)  # every abstractNum precedes every num
        return abstract_id


def number_paragraph(paragraph: Paragraph, num_id: int) -> None:
    """Make the paragraph an entry of list ``num_id`` (level 1)."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


# --- the masthead band: a one-cell table across the page width ---


def full_width_band(
    table: BaseOxmlElement,
    page_width: int,
    margins: tuple[int, int],
    padding: tuple[int, int],
    fill: str,
) -> None:
    """A one-cell table that runs from the left to the right edge of the page, filled with
    ``fill`` (RRGGBB), its text still starting at the page margins. All sizes in twips;
    ``padding`` is the room above and below the text.

    In Word 2010 compatibility mode (python-docx's template, kept by the writer) a table's
    indent is measured to the text of its first cell: an indent of 0 and a left cell margin
    as wide as the page margin put the cell's edge on the page's edge (LibreOffice agrees).
    """
    left, right = margins
    tbl_pr = table.tblPr
    for tag in ("w:tblStyle", "w:tblW", "w:tblInd", "w:tblBorders", "w:tblLayout", "w:tblCellMar"):
        for old in tbl_pr.findall(qn(tag)):
            tbl_pr.remove(old)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(page_width))
    width.set(qn("w:type"), "dxa")
    indent = OxmlElement("w:tblInd")
    indent.set(qn("w:w"), "0")
    indent.set(qn("w:type"), "dxa")
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{side}")
        border.set(qn("w:val"), "nil")
        borders.append(border)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    cell_margins = OxmlElement("w:tblCellMar")
    for side, value in (
        ("top", padding[0]),
        ("left", left),
        ("bottom", padding[1]),
        ("right", right),
    ):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(value))
        margin.set(qn("w:type"), "dxa")
        cell_margins.append(margin)
    # CT_TblPr's sequence: tblStyle … tblW, jc, … tblInd, tblBorders, shd, tblLayout, tblCellMar
    look = tbl_pr.find(qn("w:tblLook"))
    for element in (width, indent, borders, layout, cell_margins):
        if look is None:
            tbl_pr.append(element)
        else:
            look.addprevious(element)
    for grid_col in table.findall(qn("w:tblGrid") + "/" + qn("w:gridCol")):
        grid_col.set(qn("w:w"), str(page_width))
    for tc in table.iter(qn("w:tc")):
        tc_pr = tc.get_or_add_tcPr()
        cell_width = tc_pr.get_or_add_tcW()
        cell_width.type = "dxa"
        cell_width.w = page_width
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), fill)
        tc_pr.append(shading)
