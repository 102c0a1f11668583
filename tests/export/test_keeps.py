"""Keeps and floats in the PDF, measured on the glyphs and images of the exported pages.

A source line stays with the block before it, a figure that does not fit lets the text after
it fill the page and opens the next one, a figure without caption keeps space below it,
headings keep with two lines of their text, an item may start a new page.
"""

import math

from tests.export.layout_cases import (
    MM,
    Laid,
    article,
    filler,
    issue_of,
    lay_out,
    png,
    section,
)

from bulletin_studio.export.pdf_text import baseline_offset
from bulletin_studio.model import (
    Article,
    Figure,
    ImageRef,
    LogoStrip,
    Paragraph,
    PartnerNews,
    Resource,
    SectionKind,
    SourceLine,
)
from bulletin_studio.render.layout import Style

PAGE_HEIGHT = 297 * MM
TEXT_WIDTH = (210 - 20 - 20) * MM


def _source_case(figure_height: float) -> Laid:
    """A figure of ``figure_height`` points, a paragraph of 15 lines and its source line."""
    name, data = png(1000, max(1, round(figure_height / TEXT_WIDTH * 1000)))
    article_ = article(
        "art_src",
        [
            Figure(id="f_spacer", image=ImageRef(asset=name)),
            Paragraph(id="p_news", text=filler(14)),
            SourceLine(id="s_news", url="https://example.org/news"),
        ],
    )
    return lay_out(issue_of(section("sec_1", [article_])), {name: data})


def test_source_line_never_opens_a_page_alone() -> None:
    """Measured first where it falls, then the figure above grows until the source line's
    box is one point too low for the page: it must take the paragraph's last lines along."""
    first = _source_case(48.0)
    source = first.line("摘自")
    style = first.layout.styles[Style.SOURCE]
    box_bottom = source.baseline - (style.leading - baseline_offset(style.size, style.leading))
    slack = box_bottom - first.layout.page.margin_bottom * MM
    assert source.page == 2 and slack > 20

    laid = _source_case(48.0 + math.ceil(slack + 1))
    source = laid.line("摘自")
    assert source.page == 3, "the case did not happen: the source line still fits"
    above = [line for line in laid.on_page(3) if line.top < source.top]
    assert len(above) >= 2, "the source line opens the page without its text"
    assert all(SENTENCE_CHARS & set(line.text) for line in above[-2:])
    assert laid.on_page(2)[-1].page == 2  # the paragraph began on page 2 and goes on


SENTENCE_CHARS = set("公共采购是推动可持续消费和生产的重要工具")


def _float_case(first_lines: int) -> tuple[Laid, float]:
    name, data = png(1000, 800)
    article_ = article(
        "art_float",
        [
            Paragraph(id="p_before", text=filler(first_lines)),
            Figure(id="f_tall", image=ImageRef(asset=name), caption="图一：一张很高的图"),
            Paragraph(id="p_after", text="第二段" + filler(20)),
            Paragraph(id="p_last", text="第三段" + filler(6)),
        ],
    )
    laid = lay_out(issue_of(section("sec_1", [article_])), {name: data})
    leading = laid.layout.styles[Style.BODY].leading
    return laid, leading


def test_figure_that_does_not_fit_floats_to_the_next_page_and_text_fills_this_one() -> None:
    laid, leading = _float_case(16)
    [image] = laid.images
    assert image.page == 3
    assert image.top - laid.frame_top < 6, "the figure opens the next page"
    page_two = laid.on_page(2)
    assert page_two[-1].top > laid.frame_bottom - 2 * leading, "page 2 is filled to its foot"
    assert any(line.text.startswith("第二段") for line in page_two)
    caption = laid.line("图一")
    assert caption.page == 3 and 0 < caption.top - image.bottom < 20
    below = [line for line in laid.on_page(3) if line.top > caption.top]
    margin = laid.layout.page.margin_inner * MM
    assert abs(below[0].x0 - margin) < 0.5, "the paragraph goes on under the figure, unindented"
    assert laid.line("第三段").page == 3


def test_figure_that_fits_stays_where_it_stands() -> None:
    laid, _ = _float_case(4)
    [image] = laid.images
    assert image.page == 2
    assert image.top < laid.line("第二段").top
    assert laid.line("第二段").page == 2


def test_figure_without_caption_keeps_the_captions_space_below() -> None:
    name, data = png(1000, 300)
    article_ = article(
        "art_plain",
        [
            Paragraph(id="p_above", text=filler(3)),
            Figure(id="f_plain", image=ImageRef(asset=name)),
            Paragraph(id="p_below", text="下一段" + filler(3)),
        ],
    )
    laid = lay_out(issue_of(section("sec_1", [article_])), {name: data})
    [image] = laid.images
    below = laid.line("下一段")
    body = laid.layout.styles[Style.BODY]
    glyph_inset = (body.leading - body.size) / 2  # the line box starts above its glyphs
    space = laid.layout.styles[Style.CAPTION].space_after
    assert below.top - image.bottom >= space + glyph_inset - 1


def test_heading_keeps_with_two_lines_in_columns() -> None:
    """A partner news item whose title would end a column moves with its first two lines."""
    items = [
        PartnerNews(
            id=f"pn_{number}",
            organisation="UNEP",
            title=f"伙伴新闻第{number}条",
            blocks=[Paragraph(id=f"p_{number}", text=filler(lines))],
        )
        for number, lines in enumerate((9, 11, 7, 13, 8, 10, 12, 6, 9, 14), start=1)
    ]
    laid = lay_out(issue_of(section("sec_1", items, SectionKind.PARTNER_NEWS)), {})
    checked = 0
    for item in items:
        title = laid.line(item.title)
        column = title.x0 >= laid.middle
        below = [
            line
            for line in laid.on_page(title.page)
            if (line.x0 >= laid.middle) == column and line.top > title.top
        ]
        assert len(below) >= 2, f"{item.title} is not followed by two lines in its column"
        checked += 1
    assert checked == len(items)
    assert any(laid.line(item.title).x0 >= laid.middle for item in items), "two columns"


def test_item_may_start_a_new_page_even_with_room_left() -> None:
    short = article("art_short", [Paragraph(id="p_short", text=filler(3))])
    fresh = article("art_fresh", [Paragraph(id="p_fresh", text=filler(3))], new_page=True)
    following = article("art_next", [Paragraph(id="p_next", text=filler(3))])
    partners = [
        PartnerNews(id=f"pn_{name}", title=f"伙伴{name}", new_page=name == "two", blocks=[])
        for name in ("one", "two", "three")
    ]
    laid = lay_out(
        issue_of(
            section("sec_1", [short, fresh, following]),
            section("sec_2", partners, SectionKind.PARTNER_NEWS),
        ),
        {},
    )
    pages = laid.anchor_pages
    assert pages["art_short"] == 2
    assert pages["art_fresh"] == pages["art_next"] == 3
    assert laid.line("标题art_fresh").top - laid.frame_top < 20, "at the top of its page"
    assert pages["sec_2"] == pages["pn_one"] == 3, "the section itself follows on"
    assert pages["pn_two"] == pages["pn_three"] == 4
    assert laid.pages == 4


def test_first_item_on_a_new_page_takes_its_section_title_along() -> None:
    first = article("art_first", [Paragraph(id="p_first", text=filler(3))])
    opener = article("art_opener", [Paragraph(id="p_opener", text=filler(3))], new_page=True)
    laid = lay_out(issue_of(section("sec_1", [first]), section("sec_2", [opener])), {})
    assert laid.anchor_pages["sec_2"] == laid.anchor_pages["art_opener"] == 3
    assert laid.line("栏目2").page == 3


def test_item_on_a_new_page_at_the_top_of_one_leaves_no_empty_page() -> None:
    opener = article("art_opener", [Paragraph(id="p_opener", text=filler(3))], new_page=True)
    laid = lay_out(issue_of(section("sec_1", [opener])), {})
    assert laid.pages == 2
    assert laid.anchor_pages["art_opener"] == 2


def _cover_case(description_lines: int) -> Laid:
    """A page of text, then a resource whose tall cover does not fit under it."""
    name, data = png(700, 1000)
    before = article("art_fill", [Paragraph(id="p_fill", text=filler(27))])
    resource = Resource(
        id="res_cover",
        title="带封面的资源",
        cover=ImageRef(asset=name),
        description="简介" + filler(description_lines),
    )
    return lay_out(issue_of(section("sec_1", [before, resource])), {name: data})


def test_cover_that_does_not_fit_floats_and_its_text_fills_the_page() -> None:
    laid = _cover_case(30)
    [cover] = laid.images
    assert laid.line("带封面的资源").page == laid.line("简介").page == 2
    assert cover.page == 3 and cover.top - laid.frame_top < 6
    beside = [line for line in laid.on_page(3) if line.top < cover.bottom]
    assert beside and all(line.x0 > cover.x1 for line in beside), "the text goes on beside it"
    assert laid.on_page(2)[-1].top > laid.frame_bottom - 2 * 18


def test_cover_item_whose_text_would_all_fit_above_moves_whole() -> None:
    laid = _cover_case(2)
    [cover] = laid.images
    title = laid.line("带封面的资源")
    assert title.page == cover.page == laid.line("简介").page == 3
    assert title.top < cover.top


def test_columns_whose_first_heading_does_not_fit_start_on_the_next_page() -> None:
    """A partner news item with a title of a column's height, under text that leaves less
    than that: the columns open the next page (found by the long fuzz run, which failed)."""
    long_title = "合作伙伴发布可持续公共采购年度报告" * 22
    laid = lay_out(
        issue_of(
            section("sec_1", [article("art_lead", [Paragraph(id="p_lead", text=filler(20))])]),
            section(
                "sec_2",
                [
                    PartnerNews(
                        id="pn_tall",
                        organisation="UNEP",
                        title=long_title,
                        blocks=[Paragraph(id="p_tall", text=filler(1))],
                    )
                ],
                SectionKind.PARTNER_NEWS,
            ),
        ),
        {},
    )
    title = laid.line("合作伙伴发布")
    assert title.page == laid.line("公共采购是推动").page + 1
    assert laid.anchor_pages["pn_tall"] == title.page


def test_columns_of_items_with_nothing_to_print_still_export() -> None:
    """An untitled, empty item alone in a columns section keeps its place (TOC link target)."""
    untitled = Article(id="art_empty", title="", blocks=[])
    laid = lay_out(
        issue_of(
            section("sec_1", [article("art_lead", [Paragraph(id="p_lead", text=filler(3))])]),
            section("sec_2", [untitled], SectionKind.PARTNER_NEWS),
        ),
        {},
    )
    assert "art_empty" in laid.anchor_pages


def test_headings_before_a_block_taller_than_the_page_go_first_alone() -> None:
    """A long organisation label and title before a logo strip whose caption fills a page,
    with source lines kept under it: no page holds them together, so the headings are set
    where they are and the block follows (found by the property test, which failed)."""
    item = PartnerNews(
        id="pn_long",
        organisation="伙伴机构名称、" * 64,
        title="合作伙伴新闻",
        blocks=[
            LogoStrip(id="g_long", logos=[], caption="伙伴标志说明文字，" * 280),
            SourceLine(id="s_one", url="https://example.org/a"),
            SourceLine(id="s_two", url="https://example.org/b"),
        ],
    )
    first = article("art_first", [Paragraph(id="p_first", text=filler(3))])
    laid = lay_out(issue_of(section("sec_1", [first, item])), {})
    assert laid.anchor_pages["pn_long"] <= laid.line("伙伴标志说明文字").page
    assert laid.line("合作伙伴新闻").page == laid.anchor_pages["pn_long"]
