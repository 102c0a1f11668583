"""When one keystroke joins the undo step of the one before: the rules without a window."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bulletin_studio.ui.commands import FieldEdit, Keystroke, continues

texts = st.text(alphabet="ab 中文，", max_size=12)


@given(texts, texts, st.data())
def test_a_keystroke_rebuilds_the_new_text(before: str, after: str, data: st.DataObject) -> None:
    cursor = data.draw(st.integers(0, len(after)))
    key = Keystroke.between(before, after, cursor)
    assert before[key.start : key.start + len(key.removed)] == key.removed
    assert before[: key.start] + key.inserted + before[key.start + len(key.removed) :] == after


def test_the_cursor_says_which_of_two_letters_was_typed() -> None:
    assert Keystroke.between("hello", "helllo", 3) == Keystroke(2, "", "l")
    assert Keystroke.between("hello", "helllo", 4) == Keystroke(3, "", "l")
    assert Keystroke.between("hello", "helo", 2) == Keystroke(2, "l", "")


def edit(start: int, removed: str = "", inserted: str = "", at: float = 0.0) -> FieldEdit:
    return FieldEdit("p_one", "text", at, Keystroke(start, removed, inserted))


@pytest.mark.parametrize(
    ("previous", "new", "joined"),
    [
        (edit(0, inserted="a"), edit(1, inserted="b"), True),
        (edit(0, inserted="a"), edit(1, inserted="b", at=5.0), False),
        (edit(0, inserted="a"), edit(3, inserted="b"), False),
        (edit(1, inserted=" "), edit(2, inserted="b"), False),
        (edit(1, inserted=" "), edit(2, inserted=" "), True),
        (edit(1, inserted="，"), edit(2, inserted="中"), False),
        (edit(0, inserted="可持续"), edit(3, inserted="公"), False),
        (edit(0, inserted="a"), edit(1, inserted="公共"), False),
        (edit(0, removed="x", inserted="a"), edit(1, inserted="b"), True),
        (edit(5, removed="a"), edit(4, removed="b"), True),
        (edit(5, removed="a"), edit(5, removed="b"), True),
        (edit(5, removed="a"), edit(2, removed="b"), False),
        (edit(5, removed="a"), edit(5, inserted="b"), False),
        (edit(0, inserted="a"), FieldEdit("p_one", "lead", 0.0, Keystroke(1, "", "b")), False),
        (FieldEdit("p_one", "width", 0.0), FieldEdit("p_one", "width", 0.5), True),
    ],
    ids=[
        "next-letter",
        "after-a-pause",
        "elsewhere",
        "a-word-after-a-space",
        "spaces",
        "after-chinese-punctuation",
        "after-a-phrase",
        "a-phrase",
        "typed-over-a-selection",
        "backspace",
        "delete",
        "deleting-elsewhere",
        "typing-after-deleting",
        "another-field",
        "a-number-spun",
    ],
)
def test_continues(previous: FieldEdit, new: FieldEdit, joined: bool) -> None:
    assert continues(previous, new) is joined
