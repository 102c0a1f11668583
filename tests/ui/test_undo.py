"""Undo a word at a time, one history for the document, the cursor back where the change was;
Enter makes a new paragraph, Shift+Enter a line break."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from bulletin_studio.model import Article, Issue, Numbering, Paragraph, Section
from bulletin_studio.storage import AssetStore, Document
from bulletin_studio.ui.main_window import MainWindow
from tests.ui.keyboard import type_text


def two_articles() -> Document:
    issue = Issue(
        numbering=Numbering(year=2025, number=3, cumulative=21),
        sections=[
            Section(
                id="sec_news",
                title="最新进展",
                items=[
                    Article(
                        id="art_one",
                        title="第一篇",
                        blocks=[
                            Paragraph(id="p_one", text=""),
                            Paragraph(id="p_rich", text="前文**重点内容**后文"),
                            Paragraph(id="p_last", text="最后一段。"),
                        ],
                    ),
                    Article(id="art_two", title="第二篇", blocks=[Paragraph(id="p_two")]),
                ],
            )
        ],
    )
    return Document(issue=issue, assets=AssetStore())


class Clock:
    """The editor's clock, moved by hand: a pause is a step of the test, not a sleep."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def pause(self) -> None:
        self.now += 5.0


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def window(make_window, clock: Clock) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    window = make_window(document=two_articles())
    window.editor.clock = clock
    window.outline.select("art_one")
    yield window


def box(window: MainWindow, block_id: str) -> QPlainTextEdit:
    form = window.forms.form
    assert form is not None
    text_box = form.binding("text", block_id).text_box
    assert isinstance(text_box, QPlainTextEdit)
    return text_box


def text_of(window: MainWindow, block_id: str) -> str:
    return window.editor.node(block_id).text  # type: ignore[union-attr]


def undo(window: MainWindow) -> None:
    window.editor.undo_stack.undo()


def test_a_pause_between_two_words_makes_two_steps(window: MainWindow, qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    edit = box(window, "p_one")
    edit.setFocus()
    qtbot.keyClicks(edit, "alpha")
    clock.pause()
    qtbot.keyClicks(edit, "beta")
    assert text_of(window, "p_one") == "alphabeta"
    undo(window)
    assert text_of(window, "p_one") == "alpha" and edit.toPlainText() == "alpha"
    undo(window)
    assert text_of(window, "p_one") == ""


def test_a_space_after_a_word_ends_its_step(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = box(window, "p_one")
    edit.setFocus()
    qtbot.keyClicks(edit, "green public procurement")
    for expected in ("green public ", "green ", ""):
        undo(window)
        assert text_of(window, "p_one") == expected


def test_each_phrase_an_input_method_commits_is_a_step(window: MainWindow) -> None:
    edit = box(window, "p_one")
    for phrase in ("可持续", "公共", "采购"):
        type_text(edit, phrase)
    assert text_of(window, "p_one") == "可持续公共采购"
    undo(window)
    assert text_of(window, "p_one") == "可持续公共"
    undo(window)
    assert edit.toPlainText() == "可持续"


def test_backspacing_is_one_step_until_a_pause(window: MainWindow, qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    edit = box(window, "p_last")
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    for _ in range(3):
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    clock.pause()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert text_of(window, "p_last") == "最"
    undo(window)
    assert text_of(window, "p_last") == "最后"
    undo(window)
    assert text_of(window, "p_last") == "最后一段。"


def test_a_cursor_jump_starts_a_new_step(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = box(window, "p_one")
    edit.setFocus()
    qtbot.keyClicks(edit, "abc")
    qtbot.keyClick(edit, Qt.Key.Key_Left)
    qtbot.keyClick(edit, Qt.Key.Key_Right)  # back where it was: still a jump
    qtbot.keyClicks(edit, "d")
    qtbot.keyClick(edit, Qt.Key.Key_Home)
    qtbot.keyClicks(edit, "x")
    assert text_of(window, "p_one") == "xabcd"
    undo(window)
    assert text_of(window, "p_one") == "abcd"
    undo(window)
    assert text_of(window, "p_one") == "abc"


def test_ctrl_z_in_a_field_goes_through_the_document_and_puts_the_cursor_back(
    window: MainWindow, qtbot
) -> None:  # type: ignore[no-untyped-def]
    edit = box(window, "p_one")
    edit.setFocus()
    qtbot.keyClicks(edit, "alpha beta")
    steps = window.editor.undo_stack.index()
    qtbot.keyClick(edit, Qt.Key.Key_Home)
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.undo_stack.index() == steps - 1
    assert text_of(window, "p_one") == "alpha " and edit.toPlainText() == "alpha "
    assert edit.hasFocus() and edit.textCursor().position() == len("alpha ")
    qtbot.keyClick(
        edit,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert text_of(window, "p_one") == "alpha beta"
    assert edit.textCursor().position() == len("alpha beta")


def test_undo_selects_what_typing_replaced(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = box(window, "p_last")
    cursor = edit.textCursor()
    cursor.setPosition(2)
    cursor.setPosition(4, cursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    edit.setFocus()
    qtbot.keyClicks(edit, "x")
    assert text_of(window, "p_last") == "最后x。"
    undo(window)
    assert edit.toPlainText() == "最后一段。"
    assert edit.textCursor().selectedText() == "一段"


def test_undo_brings_back_the_item_and_field_it_changed(window: MainWindow) -> None:
    for _ in range(25):  # a long article: the last paragraph is far below the first
        window.forms.form.blocks.add_block("paragraph")
    last = window.editor.node("art_one").blocks[-1].id
    type_text(box(window, last), "补充")
    window.outline.select("art_two")
    assert window.forms.form.key == "art_two"
    window.undo_action.trigger()
    assert window.outline.selected_key() == "art_one"
    edit = box(window, last)
    assert edit.toPlainText() == "" and edit.hasFocus()
    viewport = window.forms.viewport()
    shown = QRect(edit.mapTo(viewport, QPoint(0, 0)), edit.size())
    assert window.forms.verticalScrollBar().value() > 0
    assert viewport.rect().contains(shown.center())


def test_a_line_edit_is_undone_word_by_word_too(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    title = window.forms.form.binding("title").widget
    assert isinstance(title, QLineEdit)
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, " and more")
    undo(window)
    assert window.editor.node("art_one").title == title.text() == "第一篇 and"  # stripped
    assert title.hasFocus() and title.cursorPosition() == len("第一篇 and")
    undo(window)
    assert title.text() == "第一篇"


# --- Enter and Shift+Enter ------------------------------------------------------------------


def test_enter_in_the_middle_splits_the_paragraph_in_one_step(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = box(window, "p_last")
    cursor = edit.textCursor()
    cursor.setPosition(2)
    edit.setTextCursor(cursor)
    edit.setFocus()
    steps = window.editor.undo_stack.index()
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    blocks = window.editor.node("art_one").blocks
    assert [b.text for b in blocks] == ["", "前文**重点内容**后文", "最后", "一段。"]
    assert window.editor.undo_stack.index() == steps + 1
    new = box(window, blocks[3].id)
    assert new.hasFocus() and new.textCursor().position() == 0
    type_text(new, "这是")
    assert window.editor.node(blocks[3].id).text == "这是一段。"
    undo(window)
    undo(window)
    assert [b.text for b in window.editor.node("art_one").blocks][2:] == ["最后一段。"]
    edit = box(window, "p_last")
    assert edit.hasFocus() and edit.textCursor().position() == 2


def test_enter_inside_bold_keeps_both_halves_bold(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = box(window, "p_rich")
    cursor = edit.textCursor()
    cursor.setPosition(len("前文**重点"))
    edit.setTextCursor(cursor)
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Enter)
    texts = [b.text for b in window.editor.node("art_one").blocks]
    assert texts[1:3] == ["前文**重点**", "**内容**后文"]


def test_enter_at_the_end_opens_an_empty_paragraph(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = box(window, "p_last")
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    blocks = window.editor.node("art_one").blocks
    assert [b.text for b in blocks][2:] == ["最后一段。", ""]
    assert isinstance(blocks[3], Paragraph) and not blocks[3].lead
    assert box(window, blocks[3].id).hasFocus()


def test_shift_enter_is_a_line_break_inside_the_paragraph(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = box(window, "p_last")
    cursor = edit.textCursor()
    cursor.setPosition(2)
    edit.setTextCursor(cursor)
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert text_of(window, "p_last") == "最后\n一段。"
    assert len(window.editor.node("art_one").blocks) == 3


def test_enter_in_a_text_that_is_not_a_paragraph_is_a_line_break(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.forms.form.blocks.add_block("quote")
    quote = window.editor.node("art_one").blocks[-1]
    edit = box(window, quote.id)
    edit.setFocus()
    qtbot.keyClicks(edit, "ab")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "c")
    assert window.editor.node(quote.id).text == "ab\nc"


def test_enter_in_a_refused_text_is_a_line_break(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A draft (a link the model refuses) cannot be cut into two paragraphs."""
    edit = box(window, "p_one")
    type_text(edit, "见[官网](javascript:x)")
    assert window.editor.draft("p_one", "text") is not None
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert len(window.editor.node("art_one").blocks) == 3
    assert window.editor.draft("p_one", "text").text == "见[官网](javascript:x)\n"


def test_the_context_menu_undoes_through_the_document(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = box(window, "p_one")
    edit.setFocus()
    qtbot.keyClicks(edit, "alpha")
    seen: list[str] = []

    def use_menu() -> None:
        menu = QApplication.activePopupWidget()
        assert menu is not None
        undo_action = next(a for a in menu.actions() if a.objectName() == "edit-undo")
        seen.append(undo_action.text())
        menu.close()
        undo_action.trigger()

    QTimer.singleShot(0, use_menu)
    QCoreApplication.sendEvent(
        edit.viewport(),
        QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, QPoint(5, 5), edit.mapToGlobal(QPoint(5, 5))
        ),
    )
    assert seen and seen[0].startswith("Undo")
    assert text_of(window, "p_one") == "" and edit.toPlainText() == ""
