"""Glyph boxes read with pypdfium2, and the typographic measures taken from them.

pdfplumber drops the character spacing at font-subset boundaries, so lines look ragged to it
when they are not; pdfium gives each glyph's origin and advance exactly. The same code
measures Bulletin Studio's and Typst's output in ``bench/typography.py``.
"""

import ctypes
import itertools
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from bulletin_studio.render.linebreak import NO_LINE_END, NO_LINE_START
from bulletin_studio.render.punctuation import CLOSING_MARKS, MIDDLE_MARKS, OPENING_MARKS

FULL_WIDTH_MARKS = CLOSING_MARKS | OPENING_MARKS | MIDDLE_MARKS


@dataclass(frozen=True)
class Glyph:
    char: str
    x: float
    """Origin on the baseline."""
    right: float
    """Origin plus advance."""
    ink_left: float
    ink_right: float
    baseline: float
    size: float
    font: str


def is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def page_glyphs(data: bytes) -> list[list[Glyph]]:
    """Every drawn glyph of every page (pdfium's generated spaces and line ends left out)."""
    pages: list[list[Glyph]] = []
    document = pdfium.PdfDocument(data)
    x, y = ctypes.c_double(), ctypes.c_double()
    name = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    try:
        for page in document:
            textpage = page.get_textpage()
            glyphs: list[Glyph] = []
            for index in range(textpage.count_chars()):
                char = textpage.get_text_range(index, 1)
                if not char or char in "\r\n" or pdfium_c.FPDFText_IsGenerated(textpage.raw, index):
                    continue
                pdfium_c.FPDFText_GetCharOrigin(
                    textpage.raw, index, ctypes.byref(x), ctypes.byref(y)
                )
                _, _, right, _ = textpage.get_charbox(index, loose=True)
                ink_left, _, ink_right, _ = textpage.get_charbox(index)
                pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, name, 256, ctypes.byref(flags))
                glyphs.append(
                    Glyph(
                        char,
                        x.value,
                        right,
                        ink_left,
                        ink_right,
                        y.value,
                        pdfium_c.FPDFText_GetFontSize(textpage.raw, index),
                        name.value.decode("latin-1"),
                    )
                )
            pages.append(glyphs)
    finally:
        document.close()
    return pages


def glyph_lines(glyphs: Iterable[Glyph], column_gap_em: float = 2.0) -> list[list[Glyph]]:
    """Glyphs grouped by baseline, left to right, cut where a gap is wider than a column gap."""
    rows: dict[float, list[Glyph]] = defaultdict(list)
    for glyph in glyphs:
        if glyph.char != " ":
            rows[round(glyph.baseline, 1)].append(glyph)
    lines: list[list[Glyph]] = []
    for baseline in sorted(rows, reverse=True):
        row = sorted(rows[baseline], key=lambda glyph: glyph.x)
        piece = [row[0]]
        for before, after in itertools.pairwise(row):
            if after.x - before.right > column_gap_em * after.size:
                lines.append(piece)
                piece = []
            piece.append(after)
        lines.append(piece)
    return lines


def text_of(line: Sequence[Glyph]) -> str:
    return "".join(glyph.char for glyph in line)


def pair_widths(lines: Iterable[Sequence[Glyph]]) -> list[float]:
    """Ems two adjacent full-width marks take between the Han characters around them."""
    widths: list[float] = []
    for line in lines:
        for before, first, second, after in zip(line, line[1:], line[2:], line[3:], strict=False):
            if (
                is_han(before.char)
                and is_han(after.char)
                and first.char in FULL_WIDTH_MARKS
                and second.char in FULL_WIDTH_MARKS
            ):
                widths.append((after.x - before.right) / first.size)
    return widths


def line_end_mark_widths(lines: Iterable[Sequence[Glyph]], right_edge: float) -> list[float]:
    """Ems a closing mark takes at the end of a full line (from the character before it)."""
    widths: list[float] = []
    for line in lines:
        if len(line) < 3 or line[-1].char not in CLOSING_MARKS or not is_han(line[-2].char):
            continue
        if line[-2].right < right_edge - line[-1].size * 1.6:
            continue  # a short last line, not a full one
        widths.append((right_edge - line[-2].right) / line[-1].size)
    return widths


def widest_han_gap(line: Sequence[Glyph]) -> float:
    """The widest extra space between two Han characters of a line, in ems."""
    gaps = [
        (after.x - before.right) / before.size
        for before, after in itertools.pairwise(line)
        if is_han(before.char) and is_han(after.char)
    ]
    return max(gaps, default=0.0)


def is_lone(line: Sequence[Glyph]) -> bool:
    """A last line holding one character (孤字), perhaps with its marks: ``容。`` ``优”。``."""
    letters = [glyph for glyph in line if glyph.char.isalnum()]
    return len(letters) == 1 and is_han(letters[0].char)


def edge_violations(lines: Iterable[Sequence[Glyph]]) -> list[str]:
    """Lines that start with a closing mark or end with an opening one (clreq)."""
    return [
        text_of(line)
        for line in lines
        if len(line) > 1 and (line[0].char in NO_LINE_START or line[-1].char in NO_LINE_END)
    ]


def mean(values: Sequence[float]) -> float:
    return statistics.fmean(values) if values else float("nan")
