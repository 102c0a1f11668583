"""The review DOCX, checked on its XML parts (styles, fonts, fields, links, bookmarks) and
once through a real word processor (LibreOffice → PDF → text)."""

import hashlib
import io
import re
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image
from tests.conftest import Convert
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


def _running_parts(path: Path, document: etree._Element, kind: str, page: str) -> etree._Element:
    """The header or footer part the first document section uses on ``page`` pages."""
    rels = {rel.get("Id"): rel.get("Target") for rel in _part(path, "word/_rels/document.xml.rels")}
    sect_pr = document.xpath("//w:sectPr", namespaces=NS)[0]
    reference = sect_pr.find(f"w:{kind}Reference[@w:type='{page}']", NS)
    assert reference is not None, f"no {page} {kind}"
    return _part(path, f"word/{rels[reference.get(f'{{{R}}}id')]}")


def test_footer_has_page_field_and_issue_label(
    exported: WrittenDocx, document: etree._Element, tree: RenderTree
) -> None:
    footer = _running_parts(exported.path, document, "footer", "default")
    assert "PAGE" in "".join(footer.xpath("//w:instrText/text()", namespaces=NS))
    assert tree.metadata.issue_label in "".join(footer.xpath("//w:t/text()", namespaces=NS))


def test_cover_has_neither_running_head_nor_page_number(
    exported: WrittenDocx, document: etree._Element
) -> None:
    assert document.xpath("//w:sectPr/w:titlePg", namespaces=NS)
    cover = _running_parts(exported.path, document, "footer", "first")
    assert cover.xpath("//w:instrText", namespaces=NS) == []
    assert "".join(cover.xpath("//w:t/text()", namespaces=NS)) == ""


def test_running_head_names_the_section_through_a_styleref_field(
    exported: WrittenDocx, document: etree._Element, tree: RenderTree
) -> None:
    header = _running_parts(exported.path, document, "header", "default")
    instructions = "".join(header.xpath("//w:instrText/text()", namespaces=NS))
    assert 'STYLEREF "Heading 1"' in instructions
    shown = "".join(header.xpath("//w:t/text()", namespaces=NS))
    assert shown.endswith(tree.sections[0].title), "the field's result before Word updates it"
    assert "{section}" not in shown


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
def test_libreoffice_opens_the_sample_and_prints_every_title_twice(
    tmp_path: Path, libreoffice: Convert
) -> None:
    """Once in the (pre-filled) TOC and once as the heading over the item's text."""
    sample = sample_document()
    tree = compose(sample.issue, load_layout("default"), sample.assets)
    docx = write_docx(tree, tmp_path / "sample.docx", FIXED).path
    printed = libreoffice(docx, "pdf")
    text = subprocess.run(
        ["pdftotext", str(printed), "-"],
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


FONT_TABLE = "word/fontTable.xml"


def _fonts(path: Path) -> dict[str, etree._Element]:
    table = _part(path, FONT_TABLE)
    return {font.get(f"{{{W}}}name"): font for font in table.findall("w:font", NS)}


@pytest.mark.parametrize(
    ("face", "alternate"),
    [
        ("Noto Serif CJK SC", "SimSun"),
        ("Noto Sans CJK SC", "Microsoft YaHei"),
        ("LXGW WenKai", "KaiTi"),
        ("SimSun", "宋体"),
        ("Microsoft YaHei", "微软雅黑"),
        ("KaiTi", "楷体"),
        ("Liberation Serif", "Times New Roman"),
        ("Liberation Sans", "Arial"),
    ],
)
def test_font_table_names_windows_faces_a_reviewer_has(
    exported: WrittenDocx, face: str, alternate: str
) -> None:
    """Word substitutes a missing face by the font table's alternate name, character set and
    PANOSE: without Noto, a reviewer on Windows sees 宋体/微软雅黑/楷体, not a Japanese face."""
    font = _fonts(exported.path)[face]
    assert font.find("w:altName", NS).get(f"{{{W}}}val") == alternate
    chinese = face not in ("Liberation Serif", "Liberation Sans")
    assert font.find("w:charset", NS).get(f"{{{W}}}val") == ("86" if chinese else "00")
    assert len(font.find("w:panose1", NS).get(f"{{{W}}}val")) == 20
    if chinese:  # code page 936 (GB2312) in the signature
        assert int(font.find("w:sig", NS).get(f"{{{W}}}csb0"), 16) & 0x00040000


def test_every_face_the_styles_name_is_in_the_font_table(
    exported: WrittenDocx, styles: etree._Element
) -> None:
    named = set()
    for fonts in styles.iter(f"{{{W}}}rFonts"):
        named |= {fonts.get(f"{{{W}}}{key}") for key in ("ascii", "eastAsia")} - {None}
    assert named <= set(_fonts(exported.path))


def _numbering(path: Path) -> etree._Element:
    return _part(path, "word/numbering.xml")


def _list_paragraphs(document: etree._Element) -> list[etree._Element]:
    return document.xpath("//w:p[w:pPr/w:pStyle/@w:val='ListParagraph']", namespaces=NS)


def test_lists_are_word_lists_with_the_bold_lead_term(
    exported: WrittenDocx, document: etree._Element
) -> None:
    entries = _list_paragraphs(document)
    assert len(entries) == 2
    num_ids = {entry.find("w:pPr/w:numPr/w:numId", NS).get(f"{{{W}}}val") for entry in entries}
    assert len(num_ids) == 1
    numbering = _numbering(exported.path)
    (num,) = numbering.xpath("w:num[@w:numId=$id]", namespaces=NS, id=num_ids.pop())
    abstract_id = num.find("w:abstractNumId", NS).get(f"{{{W}}}val")
    (level,) = numbering.xpath(
        "w:abstractNum[@w:abstractNumId=$id]/w:lvl", namespaces=NS, id=abstract_id
    )
    assert level.find("w:numFmt", NS).get(f"{{{W}}}val") == "bullet"
    assert level.find("w:lvlText", NS).get(f"{{{W}}}val") == "•"
    first_runs = entries[0].findall("w:r", NS)
    assert first_runs[0].findtext("w:t", namespaces=NS) == "活动筹资："
    assert first_runs[0].find("w:rPr/w:b", NS) is not None
    texts = "".join(entries[0].xpath(".//w:t/text()", namespaces=NS))
    assert not texts.startswith("•"), "the marker is Word's, not typed text"
    assert numbering.xpath("count(w:abstractNum[last()]/following-sibling::w:num)", namespaces=NS)


def test_styles_of_headings_keep_with_next_and_their_lines_together(
    styles: etree._Element,
) -> None:
    def on(ppr: etree._Element, tag: str) -> bool:
        element = ppr.find(tag, NS)
        return element is not None and element.get(f"{{{W}}}val") not in ("0", "false")

    for name in ("heading 1", "heading 2", "heading 3", "BS Label", "Subtitle", "BS Theme"):
        ppr = _style(styles, name).find("w:pPr", NS)
        assert on(ppr, "w:keepNext") and on(ppr, "w:keepLines"), name
    body = _style(styles, "Body Text").find("w:pPr", NS)
    assert not on(body, "w:keepNext")
    assert on(body, "w:widowControl")


def test_source_line_keeps_with_the_paragraph_before(document: etree._Element) -> None:
    (source,) = document.xpath("//w:p[w:pPr/w:pStyle/@w:val='BSSource']", namespaces=NS)
    before = source.getprevious()
    assert before.find("w:pPr/w:keepNext", NS) is not None


def test_masthead_band_runs_across_the_page_width(
    document: etree._Element, tree: RenderTree
) -> None:
    body = document.find("w:body", NS)
    band = body[0]
    assert band.tag == f"{{{W}}}tbl", "the masthead opens the document"
    page = tree.layout.page
    twips = {
        name: round(mm / 25.4 * 1440)
        for name, mm in page.model_dump().items()
        if isinstance(mm, float)
    }
    assert band.find("w:tblPr/w:tblW", NS).get(f"{{{W}}}w") == str(twips["width"])
    margins = band.find("w:tblPr/w:tblCellMar", NS)
    assert margins.find("w:left", NS).get(f"{{{W}}}w") == str(twips["margin_inner"])
    assert margins.find("w:right", NS).get(f"{{{W}}}w") == str(twips["margin_outer"])
    assert band.find("w:tblPr/w:tblInd", NS).get(f"{{{W}}}w") == "0"
    fill = band.find("w:tr/w:tc/w:tcPr/w:shd", NS).get(f"{{{W}}}fill")
    assert fill == tree.layout.colors[tree.layout.masthead.band_color].rgb[1:]
    texts = "".join(band.xpath(".//w:t/text()", namespaces=NS))
    assert tree.masthead.title in texts and "总第" in texts


def _controls_issue() -> tuple[Issue, dict[str, bytes]]:
    name, data = _png("#1D6B55", (600, 300))
    return (
        Issue(
            numbering=Numbering(year=2025, number=3, cumulative=21),
            sections=[
                Section(
                    id="sec_one",
                    title="栏目一",
                    items=[
                        Article(
                            id="art_first",
                            title="第一篇",
                            blocks=[
                                Figure(id="f_bare", image=ImageRef(asset=name, alt="图")),
                                Paragraph(id="p_after", text="图下的正文。"),
                                ListBlock(
                                    id="l_steps",
                                    ordered=True,
                                    entries=[ListEntry(text="一"), ListEntry(text="二")],
                                ),
                                ListBlock(
                                    id="l_more",
                                    ordered=True,
                                    entries=[ListEntry(text="三")],
                                ),
                            ],
                        ),
                        Article(id="art_fresh", title="另起一页的文章", new_page=True),
                    ],
                ),
                Section(
                    id="sec_two",
                    kind=SectionKind.PARTNER_NEWS,
                    title="栏目二",
                    items=[
                        PartnerNews(
                            id="pn_quiet",
                            organisation="UNOPS",
                            title="不显示机构",
                            show_organisation=False,
                            new_page=True,
                        )
                    ],
                ),
            ],
        ),
        {name: data},
    )


@pytest.fixture(scope="module")
def controls(tmp_path_factory: pytest.TempPathFactory) -> etree._Element:
    issue, images = _controls_issue()
    tree = compose(issue, load_layout("default"), images)
    out = tmp_path_factory.mktemp("controls") / "controls.docx"
    return _part(write_docx(tree, out, FIXED).path, "word/document.xml")


def _paragraph_with(document: etree._Element, text: str) -> etree._Element:
    found = document.xpath("//w:body//w:p[contains(string(.), $text)]", namespaces=NS, text=text)
    return found[-1]  # the last: the TOC lists titles first


def test_item_on_a_new_page_breaks_before_it_or_before_its_section(
    controls: etree._Element,
) -> None:
    fresh = _paragraph_with(controls, "另起一页的文章")
    assert fresh.find("w:pPr/w:pageBreakBefore", NS) is not None
    first = _paragraph_with(controls, "第一篇")
    assert first.find("w:pPr/w:pageBreakBefore", NS) is None
    section_two = _paragraph_with(controls, "栏目二")
    assert section_two.find("w:pPr/w:pageBreakBefore", NS) is not None
    assert _paragraph_with(controls, "不显示机构").find("w:pPr/w:pageBreakBefore", NS) is None


def test_hidden_organisation_is_not_in_the_docx(controls: etree._Element) -> None:
    assert "UNOPS" not in "".join(controls.xpath("//w:t/text()", namespaces=NS))


def test_figure_without_caption_keeps_space_below(controls: etree._Element) -> None:
    picture = controls.xpath("//w:p[.//w:drawing]", namespaces=NS)[0]
    space = picture.find("w:pPr/w:spacing", NS).get(f"{{{W}}}after")
    caption_space = load_layout("default").styles[Style.CAPTION].space_after
    assert space == str(round(caption_space * 20))


def test_each_numbered_list_starts_again_at_one(controls: etree._Element) -> None:
    entries = _list_paragraphs(controls)
    ids = [entry.find("w:pPr/w:numPr/w:numId", NS).get(f"{{{W}}}val") for entry in entries]
    assert len(ids) == 3 and ids[0] == ids[1] != ids[2]


@pytest.mark.slow
def test_libreoffice_draws_the_band_edge_to_edge_and_no_number_on_the_cover(
    tmp_path: Path, libreoffice: Convert
) -> None:
    """The masthead band as a word processor lays it out: a filled box from the left to the
    right edge of the page, with the title at the margin; the cover's footer is empty."""
    import pdfplumber

    issue, images = _controls_issue()
    tree = compose(issue, load_layout("default"), images)
    docx = write_docx(tree, tmp_path / "band.docx", FIXED).path
    printed = libreoffice(docx, "pdf")
    band_rgb = tuple(int(tree.layout.colors["primary"].rgb[i : i + 2], 16) / 255 for i in (1, 3, 5))
    with pdfplumber.open(printed) as pdf:
        cover = pdf.pages[0]
        filled = [
            rect
            for rect in cover.rects
            if rect.get("non_stroking_color")
            and all(
                abs(a - b) < 0.01
                for a, b in zip(rect["non_stroking_color"], band_rgb, strict=False)
            )
        ]
        assert any(rect["x0"] < 1 and rect["x1"] > float(cover.width) - 1 for rect in filled), (
            "the band reaches both edges of the page"
        )
        title = next(char for char in cover.chars if char["text"] == tree.masthead.title[0])
        margin = tree.layout.page.margin_inner * 72 / 25.4
        assert abs(title["x0"] - margin) < 2
        foot = [char for char in cover.chars if char["top"] > float(cover.height) * 0.93]
        assert foot == []
        second = pdf.pages[1]
        assert any(
            char["text"].isdigit() and char["top"] > float(second.height) * 0.9
            for char in second.chars
        )
