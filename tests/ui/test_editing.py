"""Editing through the widgets: outline, forms, undo/redo, moving, validation messages."""

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

from bulletin_studio.model import Article, Paragraph, Quote
from bulletin_studio.ui.main_window import MainWindow
from bulletin_studio.ui.outline_model import MIME_TYPE
from tests.ui.keyboard import type_text


def add_article_with_two_blocks(window: MainWindow) -> str:
    window.outline.add_article_action.trigger()
    key = window.outline.selected_key()
    form = window.forms.form
    assert form is not None and form.key == key
    type_text(form.binding("title").widget, "新文章：绿色采购")
    blocks = form.blocks
    assert blocks is not None
    for action in blocks.add_menu.actions():
        if action.data() in ("paragraph", "quote"):
            action.trigger()
    paragraph_card, quote_card = blocks.cards
    type_text(paragraph_card.bindings[0].widget.text_edit, "第一段正文。")
    type_text(quote_card.bindings[0].widget.text_edit, "引语")
    return key


def test_add_article_type_undo_redo(window: MainWindow) -> None:
    key = add_article_with_two_blocks(window)
    article = window.editor.node(key)
    assert isinstance(article, Article)
    assert article.title == "新文章：绿色采购"
    assert [type(block) for block in article.blocks] == [Paragraph, Quote]
    assert article.blocks[0].text == "第一段正文。"
    assert window.isWindowModified()

    window.undo_action.trigger()  # the quote's text
    window.undo_action.trigger()  # the paragraph's text
    article = window.editor.node(key)
    assert article.blocks[0].text == ""
    card = window.forms.form.blocks.cards[0]
    assert card.bindings[0].widget.text() == ""
    window.redo_action.trigger()
    assert window.editor.node(key).blocks[0].text == "第一段正文。"
    assert card.bindings[0].widget.text() == "第一段正文。"


def test_move_and_drag_items(window: MainWindow) -> None:
    issue = window.editor.issue
    first, second = issue.sections[0].items[0].id, issue.sections[0].items[1].id
    window.outline.select(second)
    window.outline.up_action.trigger()
    assert [item.id for item in window.editor.issue.sections[0].items[:2]] == [second, first]
    assert window.outline.selected_key() == second

    model = window.outline.model
    target = window.editor.issue.sections[2]
    mime = QMimeData()
    mime.setData(MIME_TYPE, first.encode())
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, model.index_of(target.id))
    assert window.editor.issue.sections[2].items[0].id == first
    assert first not in [item.id for item in window.editor.issue.sections[0].items]
    window.undo_action.trigger()
    assert window.editor.issue.sections[0].items[1].id == first


def test_invalid_email_shows_model_message_and_keeps_text(window: MainWindow) -> None:
    window.outline.select("colophon")
    form = window.forms.form
    email = form.binding("email").widget
    assert isinstance(email, QLineEdit)
    email.clear()
    type_text(email, "editor-at-example")
    error = form.findChild(QLabel, "error_email")
    assert error.isVisible()
    assert "The email address" in error.text()
    assert email.text() == "editor-at-example"
    assert window.editor.issue.colophon.email != "editor-at-example"
    type_text(email, "@example.org")
    assert not error.isVisible()
    assert window.editor.issue.colophon.email == "editor-at-example@example.org"


def test_delete_and_duplicate_from_outline(window: MainWindow) -> None:
    issue = window.editor.issue
    victim = issue.sections[1].items[0]
    window.outline.select(victim.id)
    window.outline.duplicate_action.trigger()
    copy_id = window.outline.selected_key()
    assert copy_id != victim.id
    assert window.editor.node(copy_id).title == victim.title
    window.outline.delete_action.trigger()
    window.outline.select(victim.id)
    window.outline.delete_action.trigger()
    assert window.editor.node(victim.id) is None
    window.undo_action.trigger()
    assert window.editor.node(victim.id) is not None


def test_next_item_shortcut_walks_the_outline(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.outline.select("masthead")
    window.outline.next_action.trigger()
    assert window.outline.selected_key() == window.editor.issue.sections[0].id
    window.outline.next_action.trigger()
    assert window.outline.selected_key() == window.editor.issue.sections[0].items[0].id
    window.outline.previous_action.trigger()
    assert window.outline.selected_key() == window.editor.issue.sections[0].id


def test_bold_button_wraps_selection(window: MainWindow) -> None:
    window.outline.select(window.editor.issue.sections[0].items[0].id)
    rich = window.forms.form.blocks.cards[0].bindings[0].widget
    edit: QPlainTextEdit = rich.text_edit
    edit.selectAll()
    before = edit.toPlainText()
    rich.make_bold()
    block_id = window.forms.form.blocks.cards[0].block_id
    assert window.editor.node(block_id).text == f"**{before}**"
