"""Punctuation compression, total-fit breaking and balanced headings on constructed paragraphs.

Every Chinese character is one em (10 pt) wide, a Latin letter half an em, as in the
rule tests; marks are set in full em boxes, as the PDF writer sets them in Chinese text.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from bulletin_studio.render.linebreak import Line, balanced_lines, fill_lines, is_cjk, measure
from bulletin_studio.render.segment import word_boundaries
from bulletin_studio.render.textmeasure import (
    HAN_STRETCH_LIMIT_EM,
    Measured,
    greedy_lines,
    line_width,
    set_width,
)

EM = 10.0


def measured(text: str) -> Measured:
    advances = [EM if is_cjk(char) else EM / 2 for char in text]
    return measure(text, advances, [EM] * len(text), [False] * len(text))


def shown(paragraph: Measured, lines: list[Line]) -> list[str]:
    return [paragraph.text[line.start : line.end] for line in lines]


def han_spacing(paragraph: Measured, lines: list[Line]) -> float:
    """Widest extra gap between Chinese characters on a non-final line, in ems."""
    return max((line.han_extra for line in lines[:-1]), default=0.0) / EM


# --- punctuation compression ---------------------------------------------------------------


def test_two_adjacent_marks_take_one_and_a_half_em() -> None:
    for pair in ("，“", "。”", "）、", "”（", "”。", "（“"):
        text = f"字{pair}字"
        width = line_width(measured(text), 0, len(text))
        assert width == 3.5 * EM, pair


def test_marks_apart_keep_their_full_width() -> None:
    text = "字，字。字"
    assert line_width(measured(text), 0, 5) == 5 * EM


def test_closing_mark_at_line_end_is_half_width() -> None:
    text = "一二三四。"
    assert line_width(measured(text), 0, 5) == 4.5 * EM
    assert line_width(measured(text), 0, 5, "hang") == 4 * EM


def test_line_end_mark_lets_a_line_take_one_more_character() -> None:
    text = "一二三四五六七八九，十一二三四五六七八九十"
    lines = fill_lines(measured(text), 9.5 * EM)
    assert shown(measured(text), lines)[0] == "一二三四五六七八九，"


def test_hanging_mark_sits_beyond_the_measure() -> None:
    paragraph = measured("一二三四五六七八九十，一二三四五六七八九十")
    lines = fill_lines(paragraph, 10 * EM, line_end="hang")
    assert shown(paragraph, lines)[0] == "一二三四五六七八九十，"
    assert set_width(paragraph, lines[0]) == 10 * EM


def test_a_line_shrinks_by_compressing_punctuation_before_latin_spaces() -> None:
    paragraph = measured("一二，三四 go 五六七八九十一二三四五六七八九十")
    line = fill_lines(paragraph, 7.9 * EM)[0]
    assert shown(paragraph, [line])[0] == "一二，三四 go 五"  # 8 em set in 7.9
    assert line.squeeze > 0
    assert line.space_extra == 0.0


def test_a_line_stretches_at_latin_spaces_before_spacing_han_apart() -> None:
    paragraph = measured("会议讨论了 the new plan 的作用和意义以及未来的工作方向与安排")
    lines = fill_lines(paragraph, 13.3 * EM)
    first = lines[0]
    assert " plan" in shown(paragraph, [first])[0]
    assert first.space_extra > 0
    assert first.han_extra < first.space_extra


# --- total fit -------------------------------------------------------------------------------


def test_no_paragraph_ends_with_a_lone_character() -> None:
    text = "一二三四五六七八九十" * 6 + "容。"
    paragraph = measured(text)
    assert shown(paragraph, greedy_lines(paragraph, 30 * EM))[-1] == "容。"
    lines = fill_lines(paragraph, 30 * EM)
    assert len(shown(paragraph, lines)[-1]) > 2
    assert len(lines) == 3
    assert han_spacing(paragraph, lines) <= HAN_STRETCH_LIMIT_EM


def test_no_lone_character_after_a_closing_quote_either() -> None:
    text = "一二三四五六七八九十" * 5 + "“一二三四五六七八优”。"
    paragraph = measured(text)
    lines = fill_lines(paragraph, 29.5 * EM)
    assert shown(paragraph, lines)[-1] not in ("优”。", "”。")


def test_a_latin_word_does_not_leave_a_loose_line_when_breaks_can_move() -> None:
    text = "纺织循环基金（Textile Circularity Fund）支持一二三四五六七八九十一二三四五六七八九十"
    paragraph = measured(text)
    lines = fill_lines(paragraph, 16 * EM)
    assert han_spacing(paragraph, lines) <= HAN_STRETCH_LIMIT_EM
    for line in lines[:-1]:
        assert abs(set_width(paragraph, line) - 16 * EM) < 1e-6


def test_word_wider_than_the_line_is_split_only_where_it_must_be() -> None:
    text = "说明：" + "x" * 50 + "之后的文字"
    paragraph = measured(text)
    lines = fill_lines(paragraph, 10 * EM)
    assert all(set_width(paragraph, line) <= 10 * EM + 1e-6 for line in lines)
    assert "".join(shown(paragraph, lines)) == text


def test_forced_breaks_start_independent_pieces() -> None:
    text = "\n".join(f"第{n}行" for n in range(50))
    paragraph = measured(text)
    lines = fill_lines(paragraph, 30 * EM)
    assert len(lines) == 50
    assert all(line.forced_end for line in lines[:-1])


def test_breaking_from_a_character_continues_a_paragraph() -> None:
    text = "一二三四五六七八九十" * 8
    paragraph = measured(text)
    whole = fill_lines(paragraph, 12 * EM, 2 * EM)
    rest = fill_lines(paragraph, 12 * EM, 2 * EM, start=whole[2].start)
    assert rest[0].start == whole[2].start
    assert "".join(shown(paragraph, rest)) == text[whole[2].start :]


def test_a_piece_of_spaces_between_breaks_sets_no_line() -> None:
    """Found by the export property: a line of spaces only between two typed breaks."""
    paragraph = measured("甲" * 40 + "\n   \n" + "乙" * 40)
    lines = fill_lines(paragraph, 12 * EM, 2 * EM)
    assert "".join(shown(paragraph, lines)).replace(" ", "") == "甲" * 40 + "乙" * 40


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(st.sampled_from("一二三，。“”（）ab \n—…"), max_size=120),
    width_em=st.integers(1, 30),
)
def test_any_text_breaks_into_lines_that_keep_every_visible_character(
    text: str, width_em: int
) -> None:
    paragraph = measured(text)
    for lines in (
        fill_lines(paragraph, width_em * EM, 2 * EM),
        balanced_lines(paragraph, width_em * EM),
    ):
        kept = "".join(shown(paragraph, lines))
        assert [char for char in kept if not char.isspace()] == [
            char for char in text if not char.isspace()
        ]


@st.composite
def prose(draw: st.DrawFn) -> str:
    han = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), min_size=2, max_size=9)
    parts = [draw(han)]
    for _ in range(draw(st.integers(3, 25))):
        parts.append(draw(st.sampled_from(["，", "。", "、", "“", "”", "（", "）", " ok ", ""])))
        parts.append(draw(han))
    return "".join(parts) + "。"


@settings(max_examples=200, deadline=None)
@given(text=prose(), width_em=st.integers(14, 40))
def test_justified_lines_fill_the_measure_unless_that_spaces_han_apart(
    text: str, width_em: int
) -> None:
    paragraph = measured(text)
    lines = fill_lines(paragraph, width_em * EM, 2 * EM)
    for line in lines[:-1]:
        available = width_em * EM - (2 * EM if line.start == 0 else 0)
        if line.han_extra <= HAN_STRETCH_LIMIT_EM * EM + 1e-9:
            assert abs(set_width(paragraph, line) - available) < 1e-6, shown(paragraph, lines)
        assert set_width(paragraph, line) <= available + 1e-6


# --- balanced headings -------------------------------------------------------------------------


def _heading(text: str, width_em: float) -> list[str]:
    paragraph = measured(text)
    return shown(paragraph, balanced_lines(paragraph, width_em * EM))


def test_headings_break_between_words_not_inside_them() -> None:
    for text in (
        "公共采购推动实现更新数据中心和服务器的循环利用",
        "合作伙伴推动纺织项目转变为循环商业模式的实践",
    ):
        lines = _heading(text, 14)
        assert len(lines) == 2
        boundary = len(lines[0])
        assert boundary in word_boundaries(text), lines


def test_headings_prefer_a_break_after_a_colon_or_dash() -> None:
    assert _heading("政策对话与合作——公共采购如何支持循环经济", 14)[0] == "政策对话与合作——"
    assert _heading("高级别政治论坛边会：以可持续消费和生产加速落实议程", 24)[0] == (
        "高级别政治论坛边会："
    )


def test_a_typed_line_break_is_kept_in_a_heading() -> None:
    lines = _heading("第一部分\n公共采购与循环经济", 30)
    assert lines == ["第一部分", "公共采购与循环经济"]


# --- the font's own widths -------------------------------------------------------------------


def test_a_fonts_own_halves_decide_the_compression() -> None:
    """A colon drawn in the middle of its em (as some faces do) gives a quarter on each side."""
    text = "字：“字"
    advances = [EM] * 4
    centred = [None, (EM / 4, EM / 4), None, None]
    own = measure(text, advances, [EM] * 4, [False] * 4, centred)
    textbook = measured(text)
    assert line_width(textbook, 0, 4) == 3.5 * EM
    assert line_width(own, 0, 4) == 3.5 * EM
    assert own.squeeze_after[1] == EM * 0.25  # 0.75 em between the glyphs, 0.5 taken out
    assert line_width(own, 0, 2) == 1.75 * EM  # at a line end only its right quarter goes
