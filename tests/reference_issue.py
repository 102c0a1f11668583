"""The real published issue in ../shared/reference, composed as an editor would in the forms.

Used as acceptance data: its text comes from the shared folder (never copied into the
project); the structure (which line is a title, a theme, a caption) is described here.
"""

import re

from bulletin_studio.model import (
    Article,
    Colophon,
    Figure,
    ImageRef,
    Issue,
    LogoStrip,
    Masthead,
    Numbering,
    Paragraph,
    PartnerNews,
    Resource,
    Section,
    SectionKind,
    Theme,
)
from bulletin_studio.paths import PROJECT_ROOT
from bulletin_studio.storage import AssetStore, Document
from tests.strategies import png_bytes

REFERENCE_DIR = PROJECT_ROOT.parent / "shared" / "reference"
LINK = "https://www.oneplanetnetwork.org/knowledge-centre/resources"
"""The extracted text lost the link targets (``[title](#)``); every link points here."""

SECTIONS = [
    (SectionKind.NETWORK_NEWS, "同一个地球网络最新进展"),
    (SectionKind.PROGRAMME_NEWS, "可持续公共采购计划最新进展"),
    (SectionKind.PARTNER_NEWS, "合作伙伴最新进展"),
]


def reference_text() -> str:
    return next(REFERENCE_DIR.glob("*.txt")).read_text(encoding="utf-8")


def _paragraphs(text: str) -> list[str]:
    lines = [line.strip() for line in text.splitlines()]
    return [line.replace("(#)", f"({LINK})") for line in lines if line]


def reference_document() -> Document:
    """Masthead, TOC sections, 8 items (articles, partner news, resources), colophon."""
    text = reference_text()
    toc_start = text.index("目录")
    body_start = text.index("UNEA6 ASSOCIATED EVENT")
    toc_lines = _paragraphs(text[toc_start + 2 : body_start])
    body = text[body_start:]
    colophon_start = body.index("简报内容来源于")

    section_of: dict[str, int] = {}
    current = -1
    for line in toc_lines:
        titles = [title for _, title in SECTIONS]
        if line in titles:
            current = titles.index(line)
        else:
            section_of[line] = current
    item_titles = list(section_of)

    body_titles = {
        item_titles[0]: "第六届联合国环境大会 10YFP 推进可持续消费和生产议程",
        item_titles[2]: "可持续公共采购计划联合领导机构会议",
        item_titles[3]: "可持续公共 采购计划建 筑旗舰倡议 顾问组会议",
    }
    assets = AssetStore()
    starts = []
    search_from = 0
    for title in item_titles:
        shown = body_titles.get(title, title)
        position = body.index(shown, search_from)
        starts.append((position, position + len(shown)))
        search_from = position + len(shown)
    ends = [start for start, _ in starts[1:]] + [colophon_start]

    sections = [
        Section(id=f"sec_{n}", kind=kind, title=title) for n, (kind, title) in enumerate(SECTIONS)
    ]
    for number, title in enumerate(item_titles):
        lines = _paragraphs(body[starts[number][1] : ends[number]])
        section = sections[section_of[title]]
        section.items.append(_item(number, title, lines, section.kind, assets))
    colophon_lines = _paragraphs(body[colophon_start:])
    issue = Issue(
        masthead=Masthead(),
        numbering=Numbering(year=2024, number=1, cumulative=15),
        sections=sections,
        colophon=Colophon(
            source_statement=colophon_lines[0],
            compiler="中环联合认证中心",
            editor=colophon_lines[1].removeprefix("编辑："),
            email=colophon_lines[2],
            website=colophon_lines[3].strip("<>"),
        ),
    )
    return Document(issue=issue, assets=assets)


def _item(
    number: int, title: str, lines: list[str], kind: SectionKind, assets: AssetStore
) -> Article | PartnerNews | Resource:
    item_id = f"item_{number}"
    if kind == SectionKind.PARTNER_NEWS and number > 4:
        return Resource(id=item_id, title=title, link=LINK, description="\n\n".join(lines))
    if kind == SectionKind.PARTNER_NEWS:
        return PartnerNews(
            id=item_id,
            title=title,
            link=LINK,
            blocks=[Paragraph(id=f"p_{number}_{n}", text=line) for n, line in enumerate(lines)],
        )
    blocks: list = []
    label = "UNEA6 ASSOCIATED EVENT" if number == 0 else ""
    subtitle = ""
    if number == 1:
        subtitle, lines = lines[0], lines[1:]
    logo_names = {
        "UNOPS",
        "Ministry of Infrastructure and Water Management",
        "Ympäristöministeriö",
        "Miljöministeriet",
        "Ministry of the Environment",
        "Global Alliance",
        "for Buildings and",
        "Construction",
    }
    logos: list[ImageRef] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        block_id = f"b_{number}_{index}"
        theme = re.match(r"主题(\d+)：(.*)", line)
        if theme and index + 1 < len(lines):
            blocks.append(Theme(id=block_id, title=theme.group(2), text=lines[index + 1]))
            index += 2
            continue
        if line in logo_names:
            colour = (40 + 50 * len(logos), 90, 140)
            logos.append(ImageRef(asset=assets.add(png_bytes(colour, (300, 100))), alt=line))
        elif line.endswith("证书"):
            image = ImageRef(asset=assets.add(png_bytes((30, 110, 80), (400, 300))), alt=line)
            blocks.append(Figure(id=block_id, image=image, caption=line, width=0.6))
        elif logos:
            blocks.append(LogoStrip(id=block_id, logos=logos, caption=line))
            logos = []
        else:
            blocks.append(Paragraph(id=block_id, text=line, lead=not blocks and number == 0))
        index += 1
    return Article(id=item_id, label=label, title=title, subtitle=subtitle, blocks=blocks)
