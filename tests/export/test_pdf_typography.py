"""Chinese typesetting in the exported PDF, measured on glyph boxes read with pypdfium2."""

import itertools

import pytest
from tests.export.pdf_glyphs import (
    Glyph,
    glyph_lines,
    is_han,
    is_lone,
    line_end_mark_widths,
    page_glyphs,
    pair_widths,
    text_of,
    widest_han_gap,
)
from tests.writing import WrittenPdf, write_pdf

from bulletin_studio.export.pdf import TypesetSession
from bulletin_studio.export.pdf_text import TextFlowable, shape
from bulletin_studio.model import (
    Article,
    Block,
    Figure,
    Issue,
    Numbering,
    Paragraph,
    Quote,
    Section,
    SectionKind,
)
from bulletin_studio.model.markup import Run
from bulletin_studio.render.compose import compose
from bulletin_studio.render.fonts import FontResolver
from bulletin_studio.render.layout import Style, load_layout
from bulletin_studio.storage import AssetStore, Document

PROSE = (
    "多国代表介绍了将循环经济和资源效率目标写入中长期发展规划的做法。与会者指出，单独设立的"
    "行动计划往往难以获得稳定的预算支持，而把相关目标纳入财政、产业和城乡建设等部门的核心规划，"
    "才能让可持续消费和生产从“环境议题”转变为“发展议题”。"
)


def _lines(data: bytes) -> list[list[Glyph]]:
    return [line for page in page_glyphs(data)[1:] for line in glyph_lines(page)]


def _export(blocks: list[Block], title: str = "标题") -> bytes:
    article = Article(id="art_one", title=title, blocks=blocks)
    section = Section(id="sec_one", kind=SectionKind.NETWORK_NEWS, title="栏目", items=[article])
    issue = Issue(numbering=Numbering(year=2025, number=3, cumulative=21), sections=[section])
    tree = compose(issue, load_layout("default"), AssetStore())
    return write_pdf(tree, "screen").data


@pytest.fixture(scope="module")
def sample_lines(print_pdf: WrittenPdf) -> list[list[Glyph]]:
    return _lines(print_pdf.data)


@pytest.fixture(scope="module")
def a5_lines(sample: Document) -> list[list[Glyph]]:
    tree = compose(sample.issue, load_layout("a5"), sample.assets)
    return _lines(write_pdf(tree, "print").data)


def test_two_marks_in_a_row_take_at_most_one_and_a_half_em(
    sample_lines: list[list[Glyph]], a5_lines: list[list[Glyph]]
) -> None:
    for lines in (sample_lines, a5_lines):
        widths = pair_widths(lines)
        assert len(widths) >= 10
        assert max(widths) <= 1.5 + 0.01


def test_closing_mark_at_a_line_end_is_half_width() -> None:
    paragraphs = [Paragraph(id=f"p_{n}", text=(PROSE * 3)[n * 3 :]) for n in range(12)]
    lines = _lines(_export(paragraphs))
    full = [line for line in lines if is_han(line[-1].char)]
    right_edge = max(line[-1].right for line in full)
    widths = line_end_mark_widths(lines, right_edge)
    assert widths
    assert all(abs(width - 0.5) < 0.02 for width in widths), widths


def test_no_paragraph_ends_on_one_character(
    sample_lines: list[list[Glyph]], a5_lines: list[list[Glyph]]
) -> None:
    for lines in (sample_lines, a5_lines):
        assert [text_of(line) for line in lines if len(line) <= 4 and is_lone(line)] == []


def test_han_characters_are_never_spaced_loosely(
    sample_lines: list[list[Glyph]], a5_lines: list[list[Glyph]]
) -> None:
    """At most 0.12 em between Han characters; 0.15 em beside a logo (a narrow measure)."""
    for lines in (sample_lines, a5_lines):
        left = min(line[0].x for line in lines)
        for line in lines:
            beside_float = line[0].x - left > 3 * line[0].size
            limit = 0.15 if beside_float else 0.12
            assert widest_han_gap(line) <= limit + 0.002, text_of(line)


def test_each_mark_comes_from_the_chinese_face_and_dashes_join() -> None:
    text = "修订版见12.7.1——其中“循环”一词……后文再述。"
    data = _export(
        [
            Paragraph(id="p_body", text=text),
            Quote(id="q_kai", text=text, attribution="工作组"),
            Figure(id="f_caption", caption=text),
        ],
        title="标题——“循环”与……",
    )
    checked = 0
    for line in _lines(data):
        han_fonts = {glyph.font for glyph in line if is_han(glyph.char)}
        if len(han_fonts) != 1:
            continue
        (han_font,) = han_fonts
        for glyph in line:
            if glyph.char in "“”—…":
                assert glyph.font == han_font, text_of(line)
                checked += 1
        for first, second in itertools.pairwise(line):
            if first.char == second.char == "—":
                assert abs(second.ink_left - first.ink_right) < 0.3, text_of(line)
    assert checked >= 20


def test_quotes_in_kai_text_are_full_width() -> None:
    """LXGW WenKai's quotes are 0.35 em glyphs: each still gets a full em box."""
    data = _export([Quote(id="q_kai", text="大家都说“循环”很重要")])
    line = next(line for line in _lines(data) if "“" in text_of(line))
    chars = text_of(line)
    before = line[chars.index("“") - 1]
    after_open = line[chars.index("“") + 1]
    assert (after_open.x - before.right) / before.size == pytest.approx(1.0, abs=0.02)


def test_a_typed_break_shapes_the_heading_but_not_the_toc() -> None:
    data = _export([Paragraph(id="p_body", text=PROSE)], title="循环经济\n政策对话")
    cover = [text_of(line) for line in glyph_lines(page_glyphs(data)[0])]
    assert any("循环经济政策对话" in text for text in cover)
    body = [text_of(line) for line in _lines(data)]
    assert "循环经济" in body and "政策对话" in body


def test_a_split_paragraph_goes_on_with_the_lines_it_was_broken_into() -> None:
    """Splitting across pages reuses the one layout (no new breaking of the rest)."""
    article = Article(id="art_one", title="标题", blocks=[Paragraph(id="p_long", text=PROSE)])
    section = Section(id="sec_one", kind=SectionKind.NETWORK_NEWS, title="栏目", items=[article])
    issue = Issue(numbering=Numbering(year=2025, number=3, cumulative=21), sections=[section])
    tree = compose(issue, load_layout("default"), AssetStore())
    palette = TypesetSession(FontResolver()).palette(tree, "screen")
    style = palette.style(Style.BODY)
    paragraph = TextFlowable(shape([Run(text=PROSE * 20)], style, palette), style)
    paragraph.wrap(300, 1e6)
    lines = list(paragraph._lines)
    first, rest = paragraph.split(300, style.leading * 10)
    assert rest.layouts is paragraph.layouts
    first.wrap(300, 1e6)
    rest.wrap(300, 1e6)
    assert list(first._lines) == lines[:10]
    assert all(a is b for a, b in zip(rest._lines, lines[10:], strict=True))
    _, tail = rest.split(300, style.leading * 5)
    tail.wrap(300, 1e6)
    assert all(a is b for a, b in zip(tail._lines, lines[15:], strict=True))
