"""Chinese line breaking: the rules of render.linebreak on plain measured text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from bulletin_studio.render.linebreak import (
    NO_LINE_END,
    NO_LINE_START,
    Line,
    Measured,
    balanced_lines,
    break_allowed,
    fill_lines,
    is_cjk,
    measure,
)
from bulletin_studio.render.textmeasure import set_width

EM = 10.0


def layout(text: str, width_em: float, indent_em: float = 0.0, url: bool = False) -> list[str]:
    return [text[line.start : line.end] for line in _lines(text, width_em, indent_em, url)]


def _measured(text: str, url: bool = False) -> Measured:
    advances = [EM if is_cjk(char) else EM / 2 for char in text]
    return measure(text, advances, [EM] * len(text), [url] * len(text))


def _lines(text: str, width_em: float, indent_em: float = 0.0, url: bool = False) -> list[Line]:
    return fill_lines(_measured(text, url), width_em * EM, indent_em * EM)


def test_closing_mark_is_pushed_to_next_line_with_its_character() -> None:
    lines = layout("一二三四五，六七", 5)
    assert lines == ["一二三四", "五，六七"]


def test_opening_mark_never_ends_a_line() -> None:
    lines = layout("一二三“四五六", 4)
    assert lines[0] == "一二三"
    assert lines[1].startswith("“")


def test_dash_and_ellipsis_stay_whole() -> None:
    for mark in ("——", "……"):
        lines = layout(f"一二三{mark}四五", 4)
        assert all(not line.endswith(mark[0]) or line.endswith(mark) for line in lines), lines
        assert mark in "".join(lines)
        assert not any(line.startswith(mark[0]) and not line.startswith(mark) for line in lines)


def test_latin_word_is_not_split_and_space_vanishes_at_break() -> None:
    lines = layout("会议讨论了 Global Circularity Protocol 的作用", 9)
    assert "Circularity" in " ".join(lines)
    assert all(not line.startswith(" ") and not line.endswith(" ") for line in lines)
    for word in ("Global", "Circularity", "Protocol"):
        assert any(word in line for line in lines)


def test_url_breaks_after_slash_only() -> None:
    url = "https://www.oneplanetnetwork.org/programmes/sustainable-procurement"
    lines = layout(url, 20, url=True)
    assert len(lines) > 1
    assert all(line.endswith("/") for line in lines[:-1])


def test_word_wider_than_line_is_split_rather_than_overflowing() -> None:
    lines = _lines("Supercalifragilisticexpialidocious", 5)
    assert len(lines) > 1
    assert all(line.natural_width <= 5 * EM + 1e-6 for line in lines)


def test_forced_newline_ends_line_unjustified() -> None:
    lines = _lines("一二\n三四五六七八", 4)
    assert (lines[0].start, lines[0].end, lines[0].forced_end, lines[0].extra) == (0, 2, True, 0.0)


def test_justified_lines_fill_the_measure_exactly() -> None:
    text = "参会嘉宾包括多国负责环境和财政事务的官员，以及来自零售、建筑和信息技术行业的企业代表。"
    measured = _measured(text)
    lines = fill_lines(measured, 9.5 * EM, 2 * EM)
    assert len(lines) > 3
    for line in lines[:-1]:
        available = 9.5 * EM - (2 * EM if line.start == 0 else 0)
        assert abs(set_width(measured, line) - available) < 1e-6


def test_han_latin_gap() -> None:
    text = "2030年"
    advances = [EM / 2] * 4 + [EM]
    measured = measure(text, advances, [EM] * 5, [False] * 5)
    assert measured.gap_after[3] == EM / 4
    assert measured.gap_after[0] == 0.0


def test_break_rules_table() -> None:
    assert not break_allowed("字", "，")
    assert not break_allowed("《", "书")
    assert break_allowed("。", "下")
    assert not break_allowed("a", "b")
    assert break_allowed(" ", "b")
    assert not break_allowed("—", "—")


HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x62FF)
CLOSING = st.sampled_from(sorted("，。、；：？！）》”"))
OPENING = st.sampled_from(sorted("（《“"))
WORD = st.text(
    st.characters(min_codepoint=ord("a"), max_codepoint=ord("z")), min_size=1, max_size=8
)


@st.composite
def chinese_text(draw: st.DrawFn) -> str:
    """Realistic Chinese prose: Han runs, single marks, quoted phrases, Latin words."""
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 30))):
        kind = draw(st.integers(0, 5))
        if kind == 0:
            parts.append(draw(CLOSING))
        elif kind == 1:
            parts.append(draw(OPENING) + draw(HAN))
        elif kind == 2:
            parts.append(f" {draw(WORD)} ")
        elif kind == 3:
            parts.append(draw(st.sampled_from(["——", "……"])))
        parts.append(draw(st.text(HAN, min_size=1, max_size=6)))
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(text=chinese_text(), width_em=st.integers(8, 40), indent=st.sampled_from([0, 2]))
def test_rules_hold_for_any_prose(text: str, width_em: int, indent: int) -> None:
    measured = _measured(text)
    lines = fill_lines(measured, width_em * EM, indent * EM)
    shown = [text[line.start : line.end] for line in lines]
    for number, line_text in enumerate(shown):
        assert line_text, shown
        if number:
            assert line_text[0] not in NO_LINE_START, shown
        if number < len(shown) - 1:
            assert line_text[-1] not in NO_LINE_END, shown
            nxt = shown[number + 1]
            for mark in "—…":
                assert not (line_text.endswith(mark) and nxt.startswith(mark)), shown
    for line in lines:
        available = width_em * EM - (indent * EM if line.start == 0 else 0)
        assert set_width(measured, line) <= available + 1e-6, shown
    assert "".join(shown).replace(" ", "") == text.replace(" ", "")


def test_ragged_text_is_balanced_not_left_with_a_lone_character() -> None:
    text = "高级别政治论坛边会：以可持续消费和生产加速落实议程"
    advances = [EM] * len(text)
    measured = measure(text, advances, [EM] * len(text), [False] * len(text))
    plain = fill_lines(measured, 24 * EM, justify=False)
    balanced = balanced_lines(measured, 24 * EM)
    assert [line.end - line.start for line in plain] == [24, 1]
    assert [text[line.start : line.end] for line in balanced] == [
        "高级别政治论坛边会：",
        "以可持续消费和生产加速落实议程",
    ]
