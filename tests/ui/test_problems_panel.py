"""The Problems panel speaks the UI's language, names items by title and goes there."""

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QFormLayout, QTreeWidgetItem

from bulletin_studio.model import Article
from bulletin_studio.storage import sample_document, save_document
from bulletin_studio.ui import i18n
from bulletin_studio.ui.app import start_window
from bulletin_studio.ui.main_window import MainWindow
from tests.ui.test_drafts import BAD_EMAIL, colophon_email, problem_rows, replace_text


def rows_of(window: MainWindow) -> list[QTreeWidgetItem]:
    tree = window.problems.tree
    return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]


def test_messages_are_english_under_the_english_ui(window: MainWindow) -> None:
    replace_text(colophon_email(window).widget, BAD_EMAIL)
    assert colophon_email(window).error.text() == (f"The email address “{BAD_EMAIL}” has no @")
    assert ("Email: " + f"The email address “{BAD_EMAIL}” has no @", "Colophon") in problem_rows(
        window
    )


def test_messages_are_chinese_under_the_chinese_ui(qapp, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    translators = i18n.install_translators(qapp, QLocale("zh_CN"))
    try:
        replace_text(colophon_email(window).widget, BAD_EMAIL)
        expected = f"电子邮箱：电子邮箱“{BAD_EMAIL}”无效：缺少 @ 符号"
        assert (expected, "版权页") in problem_rows(window)
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale.system())


def test_an_untitled_item_is_named_by_its_kind_never_by_its_id(make_window) -> None:  # type: ignore[no-untyped-def]
    document = sample_document()
    section = document.issue.sections[0]
    untitled = Article(id="art_untitled", title="", blocks=[])
    section.items.append(untitled)
    window = make_window(document=document)
    places = [where for _, where in problem_rows(window)]
    assert "art_untitled" not in places
    assert "Article (untitled)" in places


def test_double_click_goes_to_the_item(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    replace_text(colophon_email(window).widget, BAD_EMAIL)
    window.outline.select("art_hlpf")
    problem_rows(window)
    row = next(row for row in rows_of(window) if BAD_EMAIL in row.text(0))
    tree = window.problems.tree
    window.problems_dock.raise_()
    tree.scrollToItem(row)
    rect = tree.visualItemRect(row)
    port, left, centre = tree.viewport(), Qt.MouseButton.LeftButton, rect.center()
    activated: list[str] = []
    window.problems.nodeActivated.connect(activated.append)
    qtbot.mouseClick(port, left, pos=centre)  # what a double click delivers: a click,
    qtbot.mouseDClick(port, left, pos=centre)  # then a press that is a double click,
    qtbot.mouseRelease(port, left, pos=centre)  # then its release
    assert activated[-1] == "colophon"
    assert window.outline.selected_key() == "colophon"


def test_opening_a_file_shows_no_warnings_of_the_empty_window(tmp_path: Path) -> None:
    """The app starts on an empty issue and then opens the file: the panel must show the
    file's problems when the window appears, not the empty issue's "section has no items"
    warnings until the next refresh."""
    path = tmp_path / "issue.bulletin"
    save_document(sample_document(), path)
    window = start_window(path)
    try:
        assert [row.text(0) for row in rows_of(window) if "has no items" in row.text(0)] == []
    finally:
        window.editor.undo_stack.setClean()
        window.close()
        window.deleteLater()


def test_source_line_label_has_its_own_caption(window: MainWindow) -> None:
    """A source line's label is the words before its link (「摘自：」), not an event label."""
    window.outline.select("art_hlpf")
    card = next(card for card in window.forms.form.blocks.cards if card.block_id == "s_hlpf")
    binding = next(binding for binding in card.bindings if binding.field == "label")
    captions = [
        form.labelForField(binding.row)
        for form in card.findChildren(QFormLayout)
        if form.labelForField(binding.row) is not None
    ]
    assert [caption.text() for caption in captions] == ["Words before the link"]
