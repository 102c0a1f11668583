"""Snippets: managed on their own outline page, inserted into an item from its block menu."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QToolButton

from bulletin_studio.model import Paragraph
from bulletin_studio.ui.main_window import MainWindow
from tests.ui.keyboard import type_text


def test_add_rename_edit_delete_snippets_with_undo(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.outline.snippets_action.trigger()
    assert window.outline.selected_key() == "snippets"
    page = window.forms.form.snippets
    assert page is not None
    kept = window.editor.issue.snippets[0]
    assert [card.snippet_id for card in page.cards] == [kept.id]

    qtbot.mouseClick(page.findChild(QPushButton, "addSnippet"), Qt.MouseButton.LeftButton)
    assert len(page.cards) == 2
    card = page.cards[1]
    name, text = (binding.widget for binding in card.bindings)
    assert QApplication.focusWidget() is name
    type_text(name, "活动预告")
    type_text(text.text_edit, "欢迎报名参加下期网络研讨会。")
    added = window.editor.issue.snippets[1]
    assert (added.name, added.text) == ("活动预告", "欢迎报名参加下期网络研讨会。")

    name.selectAll()
    type_text(name, "研讨会预告")  # rename
    assert window.editor.issue.snippets[1].name == "研讨会预告"
    window.undo_action.trigger()
    assert window.editor.issue.snippets[1].name == "活动预告"
    assert name.text() == "活动预告"

    qtbot.mouseClick(card.findChild(QToolButton, "deleteSnippet"), Qt.MouseButton.LeftButton)
    assert [snippet.id for snippet in window.editor.issue.snippets] == [kept.id]
    qtbot.waitUntil(lambda: len(page.cards) == 1)
    window.undo_action.trigger()
    assert window.editor.issue.snippets[1].name == "活动预告"
    assert [card.snippet_id for card in page.cards] == [kept.id, added.id]
    for _ in range(3):  # text, name, the new snippet itself
        window.undo_action.trigger()
    assert window.editor.issue.snippets == [kept]
    assert len(page.cards) == 1


def test_insert_snippet_from_block_menu_and_undo_with_ctrl_z(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    snippet = window.editor.issue.snippets[0]
    article = window.editor.issue.sections[0].items[0]
    window.outline.select(article.id)
    blocks = window.forms.form.blocks
    assert blocks is not None
    insert_menu = next(
        action.menu() for action in blocks.add_menu.actions() if action.menu() is not None
    )
    assert insert_menu.title() == "Insert snippet"
    action = next(action for action in insert_menu.actions() if action.text() == snippet.name)
    count = len(article.blocks)

    action.trigger()
    inserted = window.editor.node(article.id).blocks
    assert len(inserted) == count + 1
    assert isinstance(inserted[-1], Paragraph) and inserted[-1].text == snippet.text
    assert inserted[-1].id != snippet.id
    card = blocks.cards[-1]
    assert card.block_id == inserted[-1].id
    assert card.bindings[0].widget.text() == snippet.text

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    focused = QApplication.focusWidget()
    assert focused is card.bindings[0].widget.text_edit
    qtbot.keyClick(focused, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(window.editor.node(article.id).blocks) == count
    qtbot.waitUntil(lambda: len(blocks.cards) == count)


def test_insert_menu_follows_renames_and_their_undo(window: MainWindow) -> None:
    snippet = window.editor.issue.snippets[0]
    window.outline.select("snippets")
    name = window.forms.form.snippets.cards[0].bindings[0].widget
    name.selectAll()
    type_text(name, "新名称")
    article = window.editor.issue.sections[0].items[0]
    window.outline.select(article.id)
    blocks = window.forms.form.blocks
    assert blocks is not None
    assert [action.text() for action in blocks.snippet_menu.actions()] == ["新名称"]
    window.undo_action.trigger()  # shows the snippet it renamed, its name selected again
    assert window.outline.selected_key() == "snippets"
    name = window.forms.form.snippets.cards[0].bindings[0].widget
    assert name.hasFocus() and name.selectedText() == snippet.name
    window.outline.select(article.id)
    blocks = window.forms.form.blocks
    assert [action.text() for action in blocks.snippet_menu.actions()] == [snippet.name]
