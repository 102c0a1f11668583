"""Issue + Layout → render tree (the one step both writers share)."""

from collections.abc import Mapping

from bulletin_studio.errors import BulletinError
from bulletin_studio.messages import QT_TRANSLATE_NOOP
from bulletin_studio.model.blocks import (
    Block,
    Figure,
    ImageRef,
    ListBlock,
    LogoStrip,
    Paragraph,
    Quote,
    SourceLine,
    Subheading,
    Theme,
)
from bulletin_studio.model.issue import Issue, Section
from bulletin_studio.model.items import Article, Item, PartnerNews, Resource
from bulletin_studio.model.markup import Run, parse_inline
from bulletin_studio.model.problems import TITLE_MAX_CHARS, shorten
from bulletin_studio.render.clean import printable_model
from bulletin_studio.render.images import inspect_image
from bulletin_studio.render.layout import Layout, Style, fill_placeholders
from bulletin_studio.render.tree import (
    BlockNode,
    FigureNode,
    ItemNode,
    ListEntryNode,
    ListNode,
    MastheadNode,
    Metadata,
    Picture,
    RenderTree,
    SectionNode,
    Text,
    TocEntry,
    UnusableImage,
)

TOC_TITLE = "目录"
TOC_MAX_CHARS = TITLE_MAX_CHARS
"""Longer titles are cut with an ellipsis in the TOC, bookmarks and section banners (an
item's heading keeps all); the model warns about them."""
THEME_PREFIX = "主题{n}："
LIST_BULLET = "•"


class RenderError(BulletinError):
    """The issue cannot be drawn as it is; the message names the node id."""


def compose(issue: Issue, layout: Layout, images: Mapping[str, bytes]) -> RenderTree:
    """Resolve an issue against a layout into the neutral tree the writers consume.

    Text is made printable first (``render.clean``) and every image decoded (``render.images``):
    whatever a writer could not handle is either mapped here or left out and listed in
    ``RenderTree.unusable_images`` for preflight to report.
    """
    issue = printable_model(issue.model_copy(update={"notes": []}))
    pictures = _PictureReader(images)
    sections = tuple(_section(section, layout, pictures) for section in issue.sections)
    numbering = issue.numbering
    masthead = issue.masthead
    running = {
        "title": masthead.title,
        "numbering": numbering.label(),
        "network": masthead.network_name,
    }
    metadata = Metadata(
        title=f"{masthead.title} {numbering.label()}",
        subject=" · ".join(
            part for part in (masthead.network_name, " ".join(masthead.tagline.split())) if part
        ),
        author=issue.colophon.compiler or issue.colophon.editor,
        language=masthead.language,
        keywords=tuple(section.title for section in issue.sections if section.title),
        issue_label=numbering.label(),
    )
    return RenderTree(
        layout=layout,
        metadata=metadata,
        masthead=MastheadNode(
            network=masthead.network_name,
            title=masthead.title,
            tagline=tuple(line.strip() for line in masthead.tagline.splitlines() if line.strip()),
            year=numbering.year,
            number=numbering.number,
            cumulative=numbering.cumulative,
            date=f"{numbering.date.year}年{numbering.date.month}月" if numbering.date else "",
        ),
        toc_title=TOC_TITLE,
        toc=_toc(sections),
        sections=sections,
        colophon=_colophon(issue),
        header=fill_placeholders(layout.running.header, running),
        footer=fill_placeholders(layout.running.footer, running),
        images=images,
        unusable_images=tuple(pictures.unusable),
    )


def _toc(sections: tuple[SectionNode, ...]) -> tuple[TocEntry, ...]:
    entries: list[TocEntry] = []
    for section in sections:
        title = shorten(section.title, TOC_MAX_CHARS)
        entries.append(TocEntry(level=0, text=title, anchor=section.anchor))
        entries.extend(
            TocEntry(level=1, text=item.toc_title, anchor=item.anchor)
            for item in section.items
            if item.toc_title.strip()  # an untitled item (a warning) has no line to list
        )
    return tuple(entries)


def _section(section: Section, layout: Layout, pictures: "_PictureReader") -> SectionNode:
    return SectionNode(
        anchor=section.id,
        kind=section.kind,
        title=shorten(section.title, TOC_MAX_CHARS),  # a banner is one coloured bar
        columns=layout.columns_for(section.kind),
        items=tuple(_item(item, pictures) for item in section.items),
    )


def _item(item: Item, pictures: "_PictureReader") -> ItemNode:
    match item:
        case Article():
            heading = [
                _plain(Style.LABEL, item.label, item.id),
                _plain(Style.TITLE, item.title, item.id),
                _plain(Style.SUBTITLE, item.subtitle, item.id),
            ]
            return ItemNode(
                anchor=item.id,
                kind="article",
                toc_title=shorten(one_line(item.title), TOC_MAX_CHARS),
                heading=tuple(text for text in heading if text.runs),
                body=_blocks(item.blocks, pictures),
                new_page=item.new_page,
            )
        case PartnerNews():
            heading = [
                _plain(Style.LABEL, item.organisation if item.show_organisation else "", item.id),
                Text(Style.PARTNER_TITLE, (Run(text=item.title, href=item.link),), item.id),
            ]
            return ItemNode(
                anchor=item.id,
                kind="partner_news",
                toc_title=shorten(one_line(item.title), TOC_MAX_CHARS),
                heading=tuple(text for text in heading if text.plain),
                body=_blocks(item.blocks, pictures),
                link=item.link,
                cover=pictures.picture(item.logo, item.id) if item.logo else None,
                new_page=item.new_page,
            )
        case Resource():
            heading = [
                Text(Style.RESOURCE_TITLE, (Run(text=item.title, href=item.link),), item.id),
                _plain(Style.RESOURCE_META, item.publisher, item.id),
            ]
            body = tuple(
                Text(Style.BODY, tuple(parse_inline(part)), item.id)
                for part in _paragraphs(item.description)
            )
            return ItemNode(
                anchor=item.id,
                kind="resource",
                toc_title=shorten(one_line(item.title), TOC_MAX_CHARS),
                heading=tuple(text for text in heading if text.plain),
                body=body,
                link=item.link,
                cover=pictures.picture(item.cover, item.id) if item.cover else None,
                new_page=item.new_page,
            )
    raise RenderError(
        QT_TRANSLATE_NOOP("Render", "Unknown kind of item: {kind}").format(kind=type(item).__name__)
    )


def _blocks(blocks: list[Block], pictures: "_PictureReader") -> tuple[BlockNode, ...]:
    nodes: list[BlockNode] = []
    theme_number = 0
    for block in blocks:
        match block:
            case Paragraph():
                style = Style.LEAD if block.lead else Style.BODY
                nodes.append(_rich(style, block.text, block.id))
            case Subheading():
                nodes.append(_rich(Style.SUBHEADING, block.text, block.id))
            case Theme():
                theme_number += 1
                prefix = Run(text=THEME_PREFIX.format(n=theme_number))
                title = (prefix, *parse_inline(block.title))
                nodes.append(Text(Style.THEME, title, block.id))
                nodes.extend(_rich(Style.BODY, part, block.id) for part in _paragraphs(block.text))
            case ListBlock():
                nodes.append(_list(block))
            case Figure():
                shown = pictures.pictures([block.image] if block.image else [], block.id)
                nodes.append(
                    FigureNode(
                        kind="figure",
                        pictures=shown,
                        caption=_caption(block.caption, block.id),
                        width_fraction=block.width,
                        anchor=block.id,
                    )
                )
            case LogoStrip():
                nodes.append(
                    FigureNode(
                        kind="logos",
                        pictures=pictures.pictures(block.logos, block.id),
                        caption=_caption(block.caption, block.id),
                        anchor=block.id,
                    )
                )
            case Quote():
                runs = list(parse_inline(block.text))
                if block.attribution:
                    runs += [Run(text="\n"), Run(text=f"——{block.attribution}")]
                nodes.append(Text(Style.QUOTE, tuple(runs), block.id))
            case SourceLine():
                runs = (Run(text=block.label), Run(text=block.url, href=block.url))
                nodes.append(Text(Style.SOURCE, runs, block.id))
    return tuple(nodes)


def _list(block: ListBlock) -> ListNode:
    entries = []
    for number, entry in enumerate(block.entries, start=1):
        lead = entry.lead
        if lead and lead[-1] not in "：:":
            lead += "："
        marker = f"{number}." if block.ordered else LIST_BULLET
        entries.append(
            ListEntryNode(marker=marker, lead=lead, runs=tuple(parse_inline(entry.text)))
        )
    return ListNode(entries=tuple(entries), anchor=block.id, ordered=block.ordered)


def _colophon(issue: Issue) -> tuple[Text, ...]:
    colophon = issue.colophon
    lines: list[tuple[Run, ...]] = []
    if colophon.source_statement:
        lines.append(tuple(parse_inline(colophon.source_statement)))
    if colophon.compiler and not _names(colophon.source_statement, colophon.compiler):
        lines.append((Run(text=f"汇编：{colophon.compiler}"),))
    if colophon.editor:
        lines.append((Run(text=f"编辑：{colophon.editor}"),))
    if colophon.email:
        lines.append(
            (Run(text="邮箱："), Run(text=colophon.email, href=f"mailto:{colophon.email}"))
        )
    if colophon.website:
        lines.append((Run(text="网站："), Run(text=colophon.website, href=colophon.website)))
    return tuple(Text(Style.COLOPHON, runs, "colophon") for runs in lines)


def one_line(title: str) -> str:
    """A title with its typed line breaks removed, for the TOC and the bookmarks.

    A break typed in a title shapes the printed heading only; the lines are joined without
    a space, except between two Latin words.
    """
    lines = [line.strip() for line in title.splitlines() if line.strip()]
    joined = lines[0] if lines else ""
    for line in lines[1:]:
        latin = joined[-1].isascii() and joined[-1].isalnum() and line[0].isascii()
        joined += (" " if latin and line[0].isalnum() else "") + line
    return joined


def _names(statement: str, name: str) -> bool:
    """Whether the source statement already names the compiler (「……由青禾联合认证中心汇编」):
    a separate 「汇编：」 line would then say it twice. White space does not count."""
    plain = "".join(run.text for run in parse_inline(statement))
    return "".join(name.split()) in "".join(plain.split())


def _plain(style: Style, text: str, anchor: str) -> Text:
    return Text(style, (Run(text=text),) if text else (), anchor)


def _rich(style: Style, text: str, anchor: str) -> Text:
    return Text(style, tuple(parse_inline(text)), anchor)


def _caption(text: str, anchor: str) -> Text | None:
    return _rich(Style.CAPTION, text, anchor) if text else None


def _paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs inside one field (a theme's body, a description)."""
    return [part.strip() for part in text.split("\n\n") if part.strip()]


class _PictureReader:
    """Decodes each image once (names are content hashes) and keeps the usable ones."""

    def __init__(self, images: Mapping[str, bytes]) -> None:
        self._images = images
        self.unusable: list[UnusableImage] = []

    def picture(self, ref: ImageRef, anchor: str) -> Picture | None:
        data = self._images.get(ref.asset)
        if data is None:
            missing = QT_TRANSLATE_NOOP("Render", "The image is not among the file's resources")
            self.unusable.append(UnusableImage(anchor, ref.asset, missing.format()))
            return None
        info = inspect_image(ref.asset, data)
        if not info.usable:
            self.unusable.append(UnusableImage(anchor, ref.asset, info.problem))
            return None
        return Picture(
            asset=ref.asset,
            alt=ref.alt,
            pixel_width=info.width,
            pixel_height=info.height,
            format=info.format,
            mode=info.mode,
            jfif=info.jfif,
        )

    def pictures(self, refs: list[ImageRef], anchor: str) -> tuple[Picture, ...]:
        found = (self.picture(ref, anchor) for ref in refs)
        return tuple(picture for picture in found if picture is not None)
