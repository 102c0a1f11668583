"""The raw WordprocessingML that python-docx has no API for, kept in one place.

Each helper writes one construct (fonts per script, bookmarks, fields, hyperlinks, columns,
shading …) exactly as Word writes it, so the writer itself stays on python-docx's proxies.
"""

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.part import Part
from docx.oxml import OxmlElement
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
