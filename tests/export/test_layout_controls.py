"""Layout controls on the PDF's pages: running head with the section, cover without page
number, lead and colophon set as a reader expects, organisation label shown or hidden."""

import io

import pdfplumber
from tests.export.layout_cases import MM, article, filler, issue_of, lay_out, section

from bulletin_studio.model import (
    Colophon,
    Issue,
    Numbering,
    Paragraph,
    PartnerNews,
    Section,
    SectionKind,
)
from bulletin_studio.render.layout import Style, load_layout


def _head(laid, page: int) -> str:  # type: ignore[no-untyped-def]
    """The running head: the text above the frame on a body page."""
    return "".join(
        line.text for line in laid.lines if line.page == page and line.top < laid.frame_top - 2
    )


def test_running_head_names_the_section_at_the_top_of_each_page() -> None:
    long = article("art_long", [Paragraph(id="p_long", text=filler(60))])
    tail = article("art_tail", [Paragraph(id="p_tail", text=filler(4))])
    opener = article("art_open", [Paragraph(id="p_open", text=filler(3))], new_page=True)
    laid = lay_out(issue_of(section("sec_1", [long, tail]), section("sec_2", [opener])), {})
    pages = laid.anchor_pages
    assert pages["art_long"] == 2 and pages["art_tail"] == 3 and pages["sec_2"] == 4
    assert _head(laid, 2).endswith("栏目1")
    assert _head(laid, 3).endswith("栏目1"), "the section goes on at the top of page 3"
    assert _head(laid, 4).endswith("栏目2"), "a page opening with a section is that section's"
    assert _head(laid, 2).startswith("可持续公共采购计划简报")


def test_section_starting_low_on_a_page_leaves_the_head_to_the_one_above() -> None:
    first = article("art_first", [Paragraph(id="p_first", text=filler(48))])
    second = article("art_second", [Paragraph(id="p_second", text=filler(40))])
    laid = lay_out(issue_of(section("sec_1", [first]), section("sec_2", [second])), {})
    assert laid.anchor_pages["sec_2"] == 3
    banner = laid.line("栏目2")
    assert banner.top > laid.frame_top + 200, "the second section starts below the first's end"
    assert _head(laid, 3).endswith("栏目1")
    assert _head(laid, 4).endswith("栏目2")


def test_cover_has_no_page_number_and_body_pages_have_theirs() -> None:
    laid = lay_out(issue_of(section("sec_1", [article("art_one", [])])), {})
    foot = [line for line in laid.lines if line.top > laid.frame_bottom + 5]
    assert [line.text for line in foot if line.page == 1] == []
    assert [line.text for line in foot if line.page == 2] == ["2"]


def test_lead_is_larger_and_in_the_body_face() -> None:
    body = article(
        "art_lead",
        [
            Paragraph(id="p_lead", text="导语" + filler(2), lead=True),
            Paragraph(id="p_body", text="正文" + filler(2)),
        ],
    )
    laid = lay_out(issue_of(section("sec_1", [body])), {})
    with pdfplumber.open(io.BytesIO(laid.data)) as pdf:
        chars = pdf.pages[1].chars
    lead = next(char for char in chars if char["text"] == "导")
    text = next(char for char in chars if char["text"] == "正")
    assert lead["fontname"] == text["fontname"]
    styles = load_layout("default").styles
    assert round(lead["size"], 1) == styles[Style.LEAD].size > round(text["size"], 1)


def test_colophon_statement_fills_its_lines() -> None:
    statement = "简报内容来源于公开信息，" * 12 + "由编辑部汇编。"
    issue = Issue(
        numbering=Numbering(year=2025, number=3, cumulative=21),
        sections=[Section(id="sec_1", title="栏目1", items=[article("art_one", [])])],
        colophon=Colophon(source_statement=statement, editor="林清"),
    )
    laid = lay_out(issue, {})
    first = laid.line("简报内容来源于")
    with pdfplumber.open(io.BytesIO(laid.data)) as pdf:
        chars = [
            char
            for char in pdf.pages[first.page - 1].chars
            if round(char["matrix"][5]) == first.baseline
        ]
    right = max(char["x1"] for char in chars)
    text_right = (210 - 20) * MM
    assert text_right - right < 10, "the first line runs to the right margin, not balanced"


def test_organisation_label_shown_or_hidden_on_the_page() -> None:
    items = [
        PartnerNews(id="pn_shown", organisation="UNEP", title="显示机构的新闻", blocks=[]),
        PartnerNews(
            id="pn_hidden",
            organisation="UNOPS",
            title="隐藏机构的新闻",
            show_organisation=False,
            blocks=[],
        ),
    ]
    laid = lay_out(issue_of(section("sec_1", items, SectionKind.PARTNER_NEWS)), {})
    texts = [line.text for line in laid.lines if line.page > 1]
    assert "UNEP" in texts
    assert not any("UNOPS" in text for text in texts)
