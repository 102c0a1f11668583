"""The review DOCX, checked on its XML parts (styles, fonts, fields, links, bookmarks) and
once through a real word processor (LibreOffice → PDF → text)."""

import hashlib
import io
import re
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image
from tests.writing import WrittenDocx, write_docx

from bulletin_studio.export.docx import STYLE_NAMES, DocxWriter
from bulletin_studio.export.progress import Progress, drain
from bulletin_studio.export.writer import WriteOptions
from bulletin_studio.model import (
    Article,
    Colophon,
    Figure,
    ImageRef,
    Issue,
    ListBlock,
    ListEntry,
    LogoStrip,
    Numbering,
    Paragraph,
    PartnerNews,
    Resource,
    Section,
    SectionKind,
    SourceLine,
    Theme,
)
from bulletin_studio.render.compose import compose
from bulletin_studio.render.layout import Style, load_layout
from bulletin_studio.render.tree import RenderTree
from bulletin_studio.storage import sample_document

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}
FIXED = datetime(2024, 3, 1, 9, 30, tzinfo=UTC)


def _png(color: str, size: tuple[int, int]) -> tuple[str, bytes]:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    data = buffer.getvalue()
    return f"{hashlib.sha256(data).hexdigest()}.png", data


def _issue() -> tuple[Issue, dict[str, bytes]]:
    """Three sections with every block kind the writer handles."""
    images = dict(
        [_png("#1D6B55", (800, 500)), _png("#EE8F2E", (300, 100)), _png("#11689A", (200, 200))]
    )
    photo, wide_logo, square_logo = images
    article = Article(
        id="art_event",
        label="UNEA6 ASSOCIATED EVENT",
        title="公共采购为实现可持续和循环转型采取实际行动",
        subtitle="联合国环境大会第六届会议关联活动",
        blocks=[
            Paragraph(id="p_lead", text="本次活动聚焦公共采购的转型作用。", lead=True),
            Paragraph(
                id="p_body",
                text="**可持续公共采购**是实现[循环经济](https://www.oneplanetnetwork.org/spp)的关键。",
            ),
            Theme(id="th_one", title="政策框架", text="第一段。\n\n第二段。"),
            Figure(
                id="f_cert",
                image=ImageRef(asset=photo, alt="证书"),
                caption="SPP计划联合领导机构证书",
            ),
            LogoStrip(
                id="g_partners",
                logos=[
                    ImageRef(asset=wide_logo, alt="UNOPS"),
                    ImageRef(asset=square_logo, alt="GABC"),
                ],
                caption="战略小组成员",
            ),
            ListBlock(
                id="l_uses",
                entries=[
                    ListEntry(lead="活动筹资", text="设计、策划相关活动或项目；"),
                    ListEntry(lead="能力建设", text="培训与交流。"),
                ],
            ),
            SourceLine(id="s_source", url="https://www.oneplanetnetwork.org/news/unea6"),
        ],
    )
    partner = [
        PartnerNews(
            id=f"pn_{name}",
            organisation="UNEP",
            title=f"合作伙伴新闻{name}",
            link=f"https://example.org/{name}",
            blocks=[Paragraph(id=f"p_{name}", text=f"新闻{name}的正文。")],
        )
        for name in ("alpha", "beta")
    ]
    resource = Resource(
        id="res_guide",
        title="可持续公共采购实施指南",
        link="https://www.oneplanetnetwork.org/guide",
        publisher="UNEP",
        description="一份面向采购人员的实用指南。",
    )
    issue = Issue(
        numbering=Numbering(year=2024, number=1, cumulative=15),
        sections=[
            Section(
                id="sec_network",
                kind=SectionKind.NETWORK_NEWS,
                title="同一个地球网络最新进展",
                items=[article],
            ),
            Section(
                id="sec_partners",
                kind=SectionKind.PARTNER_NEWS,
                title="合作伙伴最新进展",
                items=partner,
            ),
            Section(id="sec_resources", kind=SectionKind.RESOURCES, title="资源", items=[resource]),
        ],
        colophon=Colophon(
            source_statement="内容摘编自 oneplanetnetwork.org 及合作伙伴。",
            compiler="可持续公共采购计划中国中心",
            editor="王编辑",
            email="editor@example.org",
            website="https://www.oneplanetnetwork.org",
        ),
    )
    return issue, images


@pytest.fixture(scope="module")
def tree() -> RenderTree:
    issue, images = _issue()
    return compose(issue, load_layout("default"), images)


@pytest.fixture(scope="module")
def exported(tree: RenderTree, tmp_path_factory: pytest.TempPathFactory) -> WrittenDocx:
    out = tmp_path_factory.mktemp("docx") / "issue.docx"
    return write_docx(tree, out, FIXED)


def _part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


@pytest.fixture(scope="module")
def document(exported: WrittenDocx) -> etree._Element:
    return _part(exported.path, "word/document.xml")


@pytest.fixture(scope="module")
def styles(exported: WrittenDocx) -> etree._Element:
    return _part(exported.path, "word/styles.xml")


def _style(styles: etree._Element, name: str) -> etree._Element:
    found = styles.xpath("w:style[w:name/@w:val=$name]", namespaces=NS, name=name)
    assert len(found) == 1, name
    return found[0]


def test_every_layout_role_has_its_own_style_with_fonts_and_size(
    tree: RenderTree, styles: etree._Element
) -> None:
    for role in Style:
        spec = tree.layout.styles[role]
        fonts = tree.layout.fonts[spec.font]
        style = _style(styles, STYLE_NAMES[role])
        r_fonts = style.find("w:rPr/w:rFonts", NS)
        assert r_fonts.get(f"{{{W}}}eastAsia") == fonts.cjk[0], role
        assert r_fonts.get(f"{{{W}}}ascii") == fonts.latin[0], role
        assert r_fonts.get(f"{{{W}}}eastAsiaTheme") is None, role
        assert style.find("w:rPr/w:sz", NS).get(f"{{{W}}}val") == str(round(spec.size * 2)), role
        color = tree.layout.colors[spec.color].rgb[1:]
        assert style.find("w:rPr/w:color", NS).get(f"{{{W}}}val") == color, role
        spacing = style.find("w:pPr/w:spacing", NS)
        assert spacing.get(f"{{{W}}}line") == str(round(spec.leading * 20)), role


def test_headings_are_word_built_ins_at_outline_levels_one_and_two(styles: etree._Element) -> None:
    for name, level in (("heading 1", "0"), ("heading 2", "1")):
        style = _style(styles, name)
        assert style.get(f"{{{W}}}customStyle") is None
        assert style.find("w:pPr/w:outlineLvl", NS).get(f"{{{W}}}val") == level


def test_body_style_indents_two_characters_and_document_language_is_chinese(
    styles: etree._Element,
) -> None:
    indent = _style(styles, "Body Text").find("w:pPr/w:ind", NS)
    assert indent.get(f"{{{W}}}firstLineChars") == "200"
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(f"{{{W}}}eastAsia") == "zh-CN"


def test_styles_are_used_by_the_paragraphs(
    styles: etree._Element, document: etree._Element
) -> None:
    used = set(document.xpath("//w:pStyle/@w:val", namespaces=NS))
    ids = {
        name: _style(styles, name).get(f"{{{W}}}styleId")
        for name in (
            "heading 1",
            "heading 2",
            "Body Text",
            "BS Lead",
            "caption",
            "BS Source",
            "List Paragraph",
            "BS Theme",
            "BS Resource Title",
            "BS Colophon",
            "Title",
            "toc 1",
            "toc 2",
        )
    }
    assert set(ids.values()) <= used, {name for name, sid in ids.items() if sid not in used}


def test_toc_field_and_update_on_open(exported: WrittenDocx, document: etree._Element) -> None:
    instructions = "".join(document.xpath("//w:instrText/text()", namespaces=NS))
    assert 'TOC \\o "1-2" \\h \\z \\u' in instructions
    settings = _part(exported.path, "word/settings.xml")
    assert settings.find("w:updateFields", NS).get(f"{{{W}}}val") == "true"
    assert settings.find("w:compat/w:doNotExpandShiftReturn", NS) is not None
    toc_links = document.xpath("//w:hyperlink/@w:anchor", namespaces=NS)
    assert toc_links[:3] == ["sec_network", "art_event", "sec_partners"]


def test_footer_has_page_field_and_issue_label(exported: WrittenDocx, tree: RenderTree) -> None:
    with zipfile.ZipFile(exported.path) as archive:
        footers = [name for name in archive.namelist() if name.startswith("word/footer")]
        assert footers
        for name in footers:
            footer = etree.fromstring(archive.read(name))
            assert "PAGE" in "".join(footer.xpath("//w:instrText/text()", namespaces=NS))
            assert tree.metadata.issue_label in "".join(footer.xpath("//w:t/text()", namespaces=NS))


def test_hyperlinks_resolve_to_their_urls(exported: WrittenDocx, document: etree._Element) -> None:
    rels = _part(exported.path, "word/_rels/document.xml.rels")
    targets = {rel.get("Id"): rel.get("Target") for rel in rels}
    links = {
        "".join(link.xpath(".//w:t/text()", namespaces=NS)): targets[link.get(f"{{{R}}}id")]
        for link in document.xpath("//w:hyperlink[@r:id]", namespaces=NS)
    }
    assert links["循环经济"] == "https://www.oneplanetnetwork.org/spp"
    assert links["可持续公共采购实施指南"] == "https://www.oneplanetnetwork.org/guide"
    assert links["合作伙伴新闻alpha"] == "https://example.org/alpha"
    source = "https://www.oneplanetnetwork.org/news/unea6"
    assert links[source] == source
    assert links["editor@example.org"] == "mailto:editor@example.org"


def test_bookmarks_cover_every_section_item_and_block(document: etree._Element) -> None:
    issue, _ = _issue()
    names = document.xpath("//w:bookmarkStart/@w:name", namespaces=NS)
    assert len(names) == len(set(names))
    assert {node.id for node in issue.walk()} | {"colophon"} == set(names)
    starts = document.xpath("//w:bookmarkStart/@w:id", namespaces=NS)
    ends = document.xpath("//w:bookmarkEnd/@w:id", namespaces=NS)
    assert sorted(starts) == sorted(ends)


def test_bookmark_encloses_its_text(document: etree._Element) -> None:
    """The theme's bookmark spans its title and both of its paragraphs, nothing else."""
    body = document.find("w:body", NS)
    inside, text = False, []
    start_id = document.xpath("//w:bookmarkStart[@w:name='th_one']/@w:id", namespaces=NS)[0]
    for element in body.iter(f"{{{W}}}bookmarkStart", f"{{{W}}}bookmarkEnd", f"{{{W}}}t"):
        if element.tag.endswith("bookmarkStart") and element.get(f"{{{W}}}id") == start_id:
            inside = True
        elif element.tag.endswith("bookmarkEnd") and element.get(f"{{{W}}}id") == start_id:
            break
        elif inside and element.tag.endswith("}t"):
            text.append(element.text)
    assert "".join(text) == "主题1：政策框架第一段。第二段。"


def test_partner_news_sits_in_two_columns(document: etree._Element) -> None:
    columns = [
        int(cols.get(f"{{{W}}}num", "1")) for cols in document.iterfind(".//w:sectPr/w:cols", NS)
    ]
    assert columns == [1, 2, 1]
    breaks = document.xpath("//w:sectPr/w:type/@w:val", namespaces=NS)
    assert breaks == ["continuous", "continuous"]


def test_pictures_are_embedded_and_fit_the_text_width(
    exported: WrittenDocx, document: etree._Element, tree: RenderTree
) -> None:
    assert exported.result.pictures == 3
    page = tree.layout.page
    text_width = (page.width - page.margin_inner - page.margin_outer) * 36000
    widths = [
        int(cx)
        for cx in document.xpath(
            "//wp:extent/@cx",
            namespaces={
                "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
            },
        )
    ]
    assert len(widths) == 3 and all(0 < width <= text_width for width in widths)
    descriptions = document.xpath(
        "//wp:docPr/@descr",
        namespaces={"wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"},
    )
    assert descriptions == ["证书", "UNOPS", "GABC"]


def test_masthead_numbers_are_emphasised(document: etree._Element) -> None:
    numbers = document.xpath(
        "//w:r[w:rPr/w:rStyle/@w:val='BSMastheadNumber']/w:t/text()", namespaces=NS
    )
    assert numbers == ["1", "15"]


def test_core_properties(exported: WrittenDocx, tree: RenderTree) -> None:
    core = etree.tostring(_part(exported.path, "docProps/core.xml"), encoding="unicode")
    assert tree.metadata.title in core
    assert "<dc:language>zh-CN</dc:language>" in core
    assert "2024-03-01T09:30:00Z" in core


def test_progress_per_section_and_item(tree: RenderTree, tmp_path: Path) -> None:
    reports: list[Progress] = []
    with (tmp_path / "a.docx").open("wb") as out:
        writer = DocxWriter(lambda: FIXED)
        drain(writer.write(tree, out, WriteOptions()), on_progress=reports.append)
    messages = [report.message for report in reports]
    assert sum(message.startswith("栏目") for message in messages) == 3
    assert sum(message.startswith("条目") for message in messages) == 4
    assert reports[-1].fraction == 1.0


def test_same_clock_gives_identical_xml_parts(
    exported: WrittenDocx, tree: RenderTree, tmp_path: Path
) -> None:
    again = write_docx(tree, tmp_path / "again.docx", FIXED).path
    with zipfile.ZipFile(exported.path) as first, zipfile.ZipFile(again) as second:
        assert first.namelist() == second.namelist()
        for name in first.namelist():
            assert first.read(name) == second.read(name), name


@pytest.mark.slow
def test_libreoffice_opens_the_sample_and_prints_every_title_twice(tmp_path: Path) -> None:
    """Once in the (pre-filled) TOC and once as the heading over the item's text."""
    sample = sample_document()
    tree = compose(sample.issue, load_layout("default"), sample.assets)
    docx = write_docx(tree, tmp_path / "sample.docx", FIXED).path
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is part of the test environment"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "sample.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    flat = re.sub(r"\s+", "", text)
    for section in tree.sections:
        assert flat.count(section.title) >= 2, section.title
        for item in section.items:
            assert flat.count(re.sub(r"\s+", "", item.toc_title)) >= 2, item.toc_title
    assert tree.metadata.issue_label.replace("　", "") in flat
