"""Reading an exported PDF the way a reader sees it: lines rebuilt from glyph positions.

pdftotext misplaces compressed punctuation, so lines are rebuilt from pdfplumber's characters:
grouped by baseline, split into columns where the horizontal gap is wider than two ems.
"""

import io
import itertools
from collections import defaultdict
from dataclasses import dataclass

import pdfplumber


@dataclass(frozen=True)
class PageLine:
    page: int
    text: str
    x0: float
    top: float
    baseline: float


def page_lines(data: bytes) -> list[PageLine]:
    lines: list[PageLine] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            rows: dict[float, list[dict]] = defaultdict(list)
            for char in page.chars:
                rows[round(char["matrix"][5])].append(char)  # the baseline, whatever the font
            for baseline in sorted(rows, reverse=True):
                chars = sorted(rows[baseline], key=lambda char: char["x0"])
                lines.extend(_split_columns(number, chars))
    return lines


def _split_columns(page: int, chars: list[dict]) -> list[PageLine]:
    pieces: list[list[dict]] = [[chars[0]]]
    for previous, char in itertools.pairwise(chars):
        if char["x0"] - previous["x1"] > 2 * char["size"]:
            pieces.append([])
        pieces[-1].append(char)
    return [
        PageLine(
            page,
            "".join(c["text"] for c in piece).strip(),
            piece[0]["x0"],
            piece[0]["top"],
            round(piece[0]["matrix"][5]),
        )
        for piece in pieces
        if "".join(c["text"] for c in piece).strip()
    ]


def reading_texts(data: bytes) -> list[str]:
    """Each page's text in reading order (left column, then right), without white space."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        middles = [float(page.width) / 2 for page in pdf.pages]
    pages: list[list[PageLine]] = [[] for _ in middles]
    for line in page_lines(data):
        pages[line.page - 1].append(line)
    return [
        "".join(
            "".join(line.text.split())
            for line in sorted(lines, key=lambda line: (line.x0 >= middle, line.top))
        )
        for lines, middle in zip(pages, middles, strict=True)
    ]


def toc_entries(data: bytes, page: int = 1) -> list[tuple[str, int]]:
    """(title, page number) pairs read off a TOC page: a row whose last piece is a number
    closes an entry; rows before it without a number are the start of a wrapped title."""
    by_top: dict[float, list[PageLine]] = defaultdict(list)
    for line in page_lines(data):
        if line.page == page:
            by_top[-line.baseline].append(line)
    entries: list[tuple[str, int]] = []
    pending = ""
    for _, pieces in sorted(by_top.items()):
        pieces.sort(key=lambda piece: piece.x0)
        texts = ["".join(piece.text.split()) for piece in pieces]
        if len(texts) > 1 and texts[-1].isdigit():
            entries.append((pending + "".join(texts[:-1]), int(texts[-1])))
            pending = ""
        else:
            pending += "".join(texts)
    return entries
