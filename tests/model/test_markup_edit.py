"""Editing marked-up text by visible positions: what a reviewer's change and Enter need."""

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bulletin_studio.model import Run, parse_inline, plain_text
from bulletin_studio.model.markup_edit import (
    edit_visible,
    escape_markup,
    markup_from_runs,
    source_map,
    split_markup,
)
from tests.strategies import CJK, TEXT_ALPHABET, urls

SOURCE = "详见[官网](https://www.unep.org)。**重点**内容"


@pytest.mark.parametrize(
    ("start", "end", "inserted", "result"),
    [
        (4, 4, "链接", "详见[官网](https://www.unep.org)链接。**重点**内容"),
        (3, 3, "方", "详见[官方网](https://www.unep.org)。**重点**内容"),
        (6, 6, "难", "详见[官网](https://www.unep.org)。**重难点**内容"),
        (7, 7, "的", "详见[官网](https://www.unep.org)。**重点的**内容"),
        (5, 7, "", "详见[官网](https://www.unep.org)。内容"),
        (2, 4, "", "详见。**重点**内容"),
        (0, 2, "请看", "请看[官网](https://www.unep.org)。**重点**内容"),
        (6, 7, "*", r"详见[官网](https://www.unep.org)。**重\***内容"),
    ],
    ids=[
        "after-a-link-stays-out-of-it",
        "inside-a-link",
        "inside-bold",
        "end-of-bold-stays-bold",
        "bold-emptied-loses-its-stars",
        "link-emptied-goes",
        "replace-the-start",
        "markup-character-escaped",
    ],
)
def test_edit_visible(start: int, end: int, inserted: str, result: str) -> None:
    assert edit_visible(SOURCE, start, end, inserted) == result


def test_a_space_left_at_the_edge_of_bold_moves_out() -> None:
    assert edit_visible("**采购 指南**", 3, 5, "") == "**采购** "


@pytest.mark.parametrize(
    ("source", "position", "halves"),
    [
        ("前文。后文", 3, ("前文。", "后文")),
        ("前文**重点内容**后文", 6, ("前文**重点**", "**内容**后文")),
        ("前文**重点内容**后文", 2, ("前文", "**重点内容**后文")),
        ("前文**重点内容**后文", 3, ("前文", "**重点内容**后文")),
        (
            "详见[官网链接](https://a.org)。",
            5,
            ("详见[官网](https://a.org)", "[链接](https://a.org)。"),
        ),
        ("详见[官网](https://a.org)。", 12, ("详见[官网](https://a.org)", "。")),
    ],
    ids=["plain", "inside-bold", "before-bold", "inside-the-stars", "inside-a-link", "in-the-url"],
)
def test_split_markup(source: str, position: int, halves: tuple[str, str]) -> None:
    assert split_markup(source, position) == halves


# --- properties ---------------------------------------------------------------------------

words = st.text(alphabet=TEXT_ALPHABET + "*_[]\\", min_size=1, max_size=8)
runs = st.lists(
    st.builds(
        Run,
        text=words,
        bold=st.booleans(),
        italic=st.booleans(),
        href=st.none() | urls,
    ),
    max_size=6,
)
sources = runs.map(markup_from_runs) | st.text(alphabet=TEXT_ALPHABET + "*_[]()\\\n", max_size=40)


@given(sources)
def test_the_map_points_at_each_visible_character(source: str) -> None:
    try:
        plain = plain_text(source)
    except ValueError:
        return
    mapped = source_map(source)
    assume(mapped is not None)
    assert [source[index] for index in mapped.positions] == list(plain)
    assert list(mapped.positions) == sorted(set(mapped.positions))


@given(runs.map(markup_from_runs))
def test_written_markup_is_always_mapped(source: str) -> None:
    assert source_map(source) is not None


def test_runs_written_as_markup() -> None:
    drawn = [
        Run(text="详见 "),
        Run(text="官网", bold=True, href="https://a.org"),
        Run(text="与", href="https://a.org"),
        Run(text=" 指南 ", italic=True),
        Run(text="2*3"),
    ]
    source = markup_from_runs(drawn)
    assert source == r"详见 [**官网**与](https://a.org) *指南* 2\*3"
    assert plain_text(source) == "详见 官网与 指南 2*3"
    assert Run(text="指南", italic=True) in parse_inline(source)


@given(sources, st.data())
def test_an_edit_shows_exactly_the_edited_text(source: str, data: st.DataObject) -> None:
    try:
        plain = plain_text(source)
    except ValueError:
        return
    start = data.draw(st.integers(0, len(plain)))
    end = data.draw(st.integers(start, len(plain)))
    inserted = data.draw(st.text(alphabet=TEXT_ALPHABET + "*[\\", max_size=4))
    edited = edit_visible(source, start, end, inserted)
    if edited is not None:
        assert plain_text(edited) == plain[:start] + inserted + plain[end:]


clean_runs = st.lists(
    st.builds(
        Run,
        text=st.text(alphabet=CJK + " ", min_size=1, max_size=8),
        bold=st.booleans(),
        italic=st.booleans(),
        href=st.none() | urls,
    ),
    max_size=6,
)


@given(clean_runs.map(markup_from_runs), st.data())
def test_text_as_editors_write_it_can_always_be_edited(source: str, data: st.DataObject) -> None:
    """Chinese words never defeat the markup around them (a literal star, or a Latin letter
    right before a bold phrase, can: CommonMark's flanking rules; then the edit is refused,
    never made wrong)."""
    plain = plain_text(source)
    start = data.draw(st.integers(0, len(plain)))
    end = data.draw(st.integers(start, len(plain)))
    inserted = data.draw(st.text(alphabet=CJK + "，。 ", max_size=4))
    edited = edit_visible(source, start, end, inserted)
    assert edited is not None
    assert plain_text(edited) == plain[:start] + inserted + plain[end:]


@given(sources, st.data())
def test_a_split_loses_nothing_visible(source: str, data: st.DataObject) -> None:
    try:
        plain = plain_text(source)
    except ValueError:
        return
    position = data.draw(st.integers(0, len(source)))
    first, second = split_markup(source, position)
    try:
        shown = plain_text(first) + plain_text(second)
    except ValueError:
        assert first + second == source  # a link cut in its address: the source as it was
        return
    assert shown == plain or first + second == source


@given(st.text(alphabet=TEXT_ALPHABET + "*_[]\\", max_size=20))
def test_escaped_text_shows_as_typed(text: str) -> None:
    assert plain_text(escape_markup(text)) == text
    assert parse_inline(escape_markup(text)) == ([Run(text=text)] if text else [])
