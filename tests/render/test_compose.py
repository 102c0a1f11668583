"""Layout controls resolved into the render tree: what both writers then print."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bulletin_studio.model import (
    Article,
    Colophon,
    Issue,
    Masthead,
    Numbering,
    PartnerNews,
    Resource,
    Section,
    SectionKind,
)
from bulletin_studio.render.compose import compose
from bulletin_studio.render.layout import (
    Layout,
    RunningText,
    Style,
    check_placeholders,
    fill_placeholders,
    load_layout,
)


@pytest.fixture(scope="module")
def layout() -> Layout:
    return load_layout("default")


def _issue(**fields: object) -> Issue:
    return Issue(numbering=Numbering(year=2025, number=3, cumulative=21), **fields)


def test_organisation_label_is_printed_only_when_asked(layout: Layout) -> None:
    shown = PartnerNews(id="pn_shown", organisation="UNEP", title="新闻甲")
    hidden = PartnerNews(
        id="pn_hidden", organisation="UNOPS", title="新闻乙", show_organisation=False
    )
    issue = _issue(sections=[Section(kind=SectionKind.PARTNER_NEWS, items=[shown, hidden])])
    first, second = compose(issue, layout, {}).sections[0].items
    assert [text.style for text in first.heading] == [Style.LABEL, Style.PARTNER_TITLE]
    assert first.heading[0].plain == "UNEP"
    assert [text.style for text in second.heading] == [Style.PARTNER_TITLE]
    assert "UNOPS" not in "".join(text.plain for text in compose(issue, layout, {}).texts())


def test_new_page_is_carried_to_every_item_kind(layout: Layout) -> None:
    items = [
        Article(id="art_one", title="甲", new_page=True),
        PartnerNews(id="pn_one", title="乙", new_page=True),
        Resource(id="res_one", title="丙", new_page=True),
        Article(id="art_two", title="丁"),
    ]
    issue = _issue(sections=[Section(items=items)])
    nodes = compose(issue, layout, {}).sections[0].items
    assert [node.new_page for node in nodes] == [True, True, True, False]


def test_compiler_line_is_left_out_when_the_source_statement_names_the_compiler(
    layout: Layout,
) -> None:
    colophon = Colophon(
        source_statement="内容来源于公开信息，由青禾联合认证中心汇编制作。",
        compiler="青禾 联合认证中心",
        editor="林清",
    )
    lines = [text.plain for text in compose(_issue(colophon=colophon), layout, {}).colophon]
    assert lines == ["内容来源于公开信息，由青禾联合认证中心汇编制作。", "编辑：林清"]


def test_compiler_line_is_printed_when_the_statement_does_not_name_it(layout: Layout) -> None:
    colophon = Colophon(source_statement="内容来源于公开信息。", compiler="青禾联合认证中心")
    lines = [text.plain for text in compose(_issue(colophon=colophon), layout, {}).colophon]
    assert lines == ["内容来源于公开信息。", "汇编：青禾联合认证中心"]


@given(st.sampled_from(["", "   ", "\n", " \n \n"]))
def test_empty_tagline_prints_nothing_and_leaves_no_separator(tagline: str) -> None:
    issue = _issue(masthead=Masthead(tagline=tagline))
    tree = compose(issue, load_layout("default"), {})
    assert tree.masthead.tagline == ()
    assert tree.metadata.subject == "同一个地球网络"
    assert "·" not in tree.metadata.subject


def test_section_placeholder_is_known_and_left_for_the_writers(layout: Layout) -> None:
    check_placeholders("{title}　{section}　{page}")
    running = layout.model_copy(
        update={"running": RunningText(header="{section}｜{title}", footer="{page}")}
    )
    tree = compose(_issue(), running, {})
    assert tree.header == "{section}｜可持续公共采购计划简报"
    assert fill_placeholders(tree.header, {"section": "资源"}) == "资源｜可持续公共采购计划简报"


def test_unknown_placeholder_is_still_refused() -> None:
    with pytest.raises(ValueError, match=r"\{chapter\}.*\{section\}"):
        check_placeholders("{chapter}")


@pytest.mark.parametrize("name", ["default", "a5"])
def test_lead_is_set_in_the_body_face_and_larger(name: str) -> None:
    styles = load_layout(name).styles
    lead, body = styles[Style.LEAD], styles[Style.BODY]
    assert lead.font == body.font == "body"
    assert lead.size > body.size
    assert lead.leading >= lead.size * 1.5


def test_colophon_is_filled_not_balanced_like_a_heading(layout: Layout) -> None:
    """Left-aligned styles are balanced line by line; a colophon paragraph must fill."""
    assert layout.styles[Style.COLOPHON].align == "justify"
