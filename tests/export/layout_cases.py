"""Small issues built for one page-layout rule each, and what their PDF looks like on the page.

Positions come from the glyphs and images in the exported screen PDF (no bleed, so page and
trim coincide): ``top``/``bottom`` are points from the top of the page, as pdfplumber gives.
"""

import hashlib
import io
import itertools
from collections import defaultdict
from dataclasses import dataclass

import pdfplumber
from PIL import Image
from tests.export.pdf_reading import PageLine
from tests.writing import write_pdf

from bulletin_studio.model import (
    Article,
    Colophon,
    Issue,
    Numbering,
    Section,
    SectionKind,
)
from bulletin_studio.model.items import Item
from bulletin_studio.render.compose import compose
from bulletin_studio.render.layout import Layout, load_layout

MM = 72 / 25.4
SENTENCE = "公共采购是推动可持续消费和生产的重要工具，"
"""Twenty characters: about two fifths of a line of body text in the default layout."""


def filler(lines: int) -> str:
    """Body text of about ``lines`` lines in the default A4 layout (45 characters a line)."""
    text = SENTENCE * max(1, round(lines * 45 / len(SENTENCE)))
    return text[:-1] + "。"


def png(width: int, height: int, color: str = "#1D6B55") -> tuple[str, bytes]:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, format="PNG")
    data = buffer.getvalue()
    return f"{hashlib.sha256(data).hexdigest()}.png", data


def issue_of(*sections: Section) -> Issue:
    return Issue(
        numbering=Numbering(year=2025, number=3, cumulative=21),
        sections=list(sections),
        colophon=Colophon(editor="林清"),
    )


def section(
    section_id: str, items: list[Item], kind: SectionKind = SectionKind.NETWORK_NEWS
) -> Section:
    return Section(id=section_id, kind=kind, title=f"栏目{section_id[-1]}", items=items)


def article(article_id: str, blocks: list, **fields: object) -> Article:
    return Article(id=article_id, title=f"标题{article_id}", blocks=blocks, **fields)


@dataclass(frozen=True)
class PlacedImage:
    page: int
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(frozen=True)
class Laid:
    """A laid-out PDF, read back as lines of text and placed images."""

    data: bytes
    lines: list[PageLine]
    images: list[PlacedImage]
    pages: int
    anchor_pages: dict[str, int]
    layout: Layout

    def line(self, starting: str) -> PageLine:
        """The first line in the body (after the cover's TOC) that starts with ``starting``."""
        found = [
            line
            for line in self.lines
            if line.page > 1 and "".join(line.text.split()).startswith(starting)
        ]
        assert found, f"no line starts with {starting!r}"
        return found[0]

    def on_page(self, page: int) -> list[PageLine]:
        """The page's lines of content, top to bottom (running head and foot left out)."""
        return sorted(
            (
                line
                for line in self.lines
                if line.page == page and self.frame_top - 1 <= line.top <= self.frame_bottom
            ),
            key=lambda line: (line.top, line.x0),
        )

    @property
    def frame_top(self) -> float:
        return self.layout.page.margin_top * MM

    @property
    def frame_bottom(self) -> float:
        return (self.layout.page.height - self.layout.page.margin_bottom) * MM

    @property
    def middle(self) -> float:
        return self.layout.page.width * MM / 2


def lay_out(issue: Issue, images: dict[str, bytes], layout: str = "default") -> Laid:
    """The screen PDF of ``issue`` (trim size: page coordinates are trim coordinates)."""
    chosen = load_layout(layout)
    tree = compose(issue, chosen, images)
    written = write_pdf(tree, "screen")
    placed: list[PlacedImage] = []
    lines: list[PageLine] = []
    gutter = chosen.page.column_gap * MM / 2
    with pdfplumber.open(io.BytesIO(written.data)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            placed.extend(
                PlacedImage(number, image["x0"], image["x1"], image["top"], image["bottom"])
                for image in page.images
            )
            lines.extend(_column_lines(number, page.chars, float(page.width) / 2, gutter))
    return Laid(written.data, lines, placed, written.pages, written.anchor_pages, chosen)


def _column_lines(page: int, chars: list[dict], middle: float, gutter: float) -> list[PageLine]:
    """Lines rebuilt from glyphs by baseline, cut where a gap wider than half the column gap
    crosses the middle of the page (two columns side by side)."""
    rows: dict[float, list[dict]] = defaultdict(list)
    for char in chars:
        rows[round(char["matrix"][5])].append(char)
    lines: list[PageLine] = []
    for baseline in sorted(rows, reverse=True):
        row = sorted(rows[baseline], key=lambda char: char["x0"])
        pieces = [[row[0]]]
        for before, char in itertools.pairwise(row):
            crosses = before["x1"] < middle <= char["x0"] + 1 and char["x0"] - before["x1"] > gutter
            if crosses or char["x0"] - before["x1"] > 2 * char["size"]:
                pieces.append([])
            pieces[-1].append(char)
        for piece in pieces:
            text = "".join(char["text"] for char in piece).strip()
            if text:
                lines.append(PageLine(page, text, piece[0]["x0"], piece[0]["top"], baseline))
    return lines
