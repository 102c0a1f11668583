"""The neutral render tree: what both the PDF and the DOCX writer draw, so they cannot drift.

It is the issue resolved against a layout: styles are named (``Style``), numbers are
assigned (主题N, list markers), labels are worded (「摘自：」, 「目录」), and every node keeps
the id of the model node it came from (its *anchor*) for bookmarks, preview and review.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

from bulletin_studio.model.issue import SectionKind
from bulletin_studio.model.markup import Run
from bulletin_studio.render.layout import Layout, Style


@dataclass(frozen=True)
class Text:
    """One paragraph in one named style."""

    style: Style
    runs: tuple[Run, ...]
    anchor: str | None = None

    @property
    def plain(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class ListEntryNode:
    marker: str
    lead: str
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class ListNode:
    entries: tuple[ListEntryNode, ...]
    anchor: str | None = None
    style: Style = Style.LIST
    ordered: bool = False
    """Numbered (the markers count 1., 2. …) rather than bulleted."""


@dataclass(frozen=True)
class Picture:
    """An image from the package's assets, with its pixel size for scaling decisions."""

    asset: str
    alt: str
    pixel_width: int
    pixel_height: int
    format: str = "PNG"
    mode: str = "RGB"
    jfif: bool = False
    """A JPEG with a JFIF/EXIF header; others (a CMYK JPEG from Photoshop) need re-encoding
    for writers that sniff headers (python-docx)."""


@dataclass(frozen=True)
class UnusableImage:
    """An image left out of the tree because it does not decode (preflight reports it)."""

    anchor: str
    asset: str
    reason: str


@dataclass(frozen=True)
class FigureNode:
    """A single figure, or a logo strip (several pictures on one row), with its caption."""

    kind: Literal["figure", "logos"]
    pictures: tuple[Picture, ...]
    caption: Text | None
    width_fraction: float = 1.0
    anchor: str | None = None


BlockNode = Text | ListNode | FigureNode


@dataclass(frozen=True)
class ItemNode:
    """An article, partner news or resource: heading paragraphs, then body blocks."""

    anchor: str
    kind: Literal["article", "partner_news", "resource"]
    toc_title: str
    heading: tuple[Text, ...]
    body: tuple[BlockNode, ...]
    link: str | None = None
    cover: Picture | None = None
    new_page: bool = False
    """The editor asked for the item to open a page (both writers break before it)."""


@dataclass(frozen=True)
class SectionNode:
    anchor: str
    kind: SectionKind
    title: str
    columns: int
    items: tuple[ItemNode, ...]


@dataclass(frozen=True)
class MastheadNode:
    network: str
    title: str
    tagline: tuple[str, ...]
    year: int
    number: int
    cumulative: int
    date: str


@dataclass(frozen=True)
class TocEntry:
    level: Literal[0, 1]
    text: str
    anchor: str


@dataclass(frozen=True)
class Metadata:
    title: str
    subject: str
    author: str
    language: str
    keywords: tuple[str, ...]
    issue_label: str


@dataclass(frozen=True)
class RenderTree:
    layout: Layout
    metadata: Metadata
    masthead: MastheadNode
    toc_title: str
    toc: tuple[TocEntry, ...]
    sections: tuple[SectionNode, ...]
    colophon: tuple[Text, ...]
    header: str
    """The running head with its placeholders filled in, except ``{page}`` and ``{section}``
    (they change from page to page: each writer fills them as it can)."""
    footer: str
    images: Mapping[str, bytes] = field(repr=False)
    unusable_images: tuple[UnusableImage, ...] = ()

    def texts(self) -> Iterator[Text]:
        """Every paragraph of the document with its anchor (for glyph checks and search)."""
        for section in self.sections:
            for item in section.items:
                yield from item.heading
                for block in item.body:
                    yield from _block_texts(block, item.anchor)
        yield from self.colophon


def _block_texts(block: BlockNode, item_anchor: str) -> Iterator[Text]:
    match block:
        case Text():
            yield block
        case ListNode():
            for entry in block.entries:
                runs = (Run(text=entry.lead, bold=True), *entry.runs)
                yield Text(style=block.style, runs=runs, anchor=block.anchor or item_anchor)
        case FigureNode() if block.caption is not None:
            yield block.caption
