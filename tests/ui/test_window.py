"""The window on a laptop screen, its memory of size and splitters, and the keyboard:
shortcuts from any field, Tab through outline → form → preview, toolbar labels."""

import itertools
from pathlib import Path

from PySide6.QtCore import QLocale, QRect, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QScrollBar, QToolButton

from bulletin_studio.storage import sample_document
from bulletin_studio.ui.focus import toolbar_text
from bulletin_studio.ui.i18n import install_translators
from bulletin_studio.ui.main_window import MainWindow, start_geometry
from bulletin_studio.ui.recovery import RecoveryStore
from tests.ui.keyboard import type_text


def test_first_start_fits_a_1280x800_laptop_and_larger_screens_cap_it() -> None:
    laptop = QRect(0, 0, 1280, 800 - 32)  # a panel takes the bottom of the screen
    window = start_geometry(laptop)
    assert laptop.contains(window) and window.width() >= 1150 and window.height() >= 700
    small = QRect(0, 0, 1024, 700)
    assert small.contains(start_geometry(small))
    wide = start_geometry(QRect(0, 0, 2560, 1440))
    assert (wide.width(), wide.height()) == (1440, 900)
    assert wide.center() == QRect(0, 0, 2560, 1440).center()


def test_everything_fits_at_1024x700(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    hint = window.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 700
    window.resize(1024, 700)
    window.outline.select(window.editor.issue.sections[0].items[0].id)
    QApplication.processEvents()
    assert window.width() == 1024 and window.height() == 700
    parts = [window.outline, window.forms, window.preview]
    for part in parts:
        assert part.isVisible() and part.width() >= 200, type(part).__name__
    spans = sorted((p.mapTo(window, p.rect().topLeft()).x(), p.width()) for p in parts)
    for (left, width), (next_left, _) in itertools.pairwise(spans):
        assert left + width <= next_left  # side by side, none hidden under another
    # text boxes wrap and grow: no horizontal scroll bar anywhere in the form
    bars = window.forms.widget().findChildren(QScrollBar)
    shown = [bar for bar in bars if bar.isVisible() and bar.orientation() == Qt.Horizontal]
    assert shown == []


def test_paragraph_boxes_grow_with_their_text(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.outline.select(window.editor.issue.sections[0].items[0].id)
    box = window.forms.form.blocks.cards[0].bindings[0].widget.text_edit
    QApplication.processEvents()
    before = box.height()
    assert not box.verticalScrollBar().isVisible()
    type_text(box, "增加一些文字。" * 30)
    QApplication.processEvents()
    assert box.height() > before + 3 * box.fontMetrics().lineSpacing()
    assert not box.verticalScrollBar().isVisible()
    assert not box.horizontalScrollBar().isVisible()


def test_geometry_and_splitter_sizes_are_remembered(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    recovery = RecoveryStore(tmp_path / "recovery")
    first = MainWindow(sample_document(), recovery)
    first.show()
    screen = first.screen().availableGeometry()  # the offscreen platform's is 800×800
    chosen = screen.adjusted(10, 10, -60, -50)
    first.setGeometry(chosen)
    first.splitter.setSizes([210, 300])
    QApplication.processEvents()
    sizes = first.splitter.sizes()
    assert first.close()
    first.deleteLater()

    second = MainWindow(sample_document(), recovery)
    second.show()
    QApplication.processEvents()
    try:
        assert second.size() == chosen.size()
        assert second.splitter.sizes() == sizes
    finally:
        assert second.close()
        second.deleteLater()


def _focus(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    widget.window().activateWindow()
    qtbot.waitUntil(widget.window().isActiveWindow)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def test_ctrl_e_opens_the_export_dialog_from_a_text_field(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    title = window.forms.form.binding("title").widget
    assert isinstance(title, QLineEdit)
    _focus(qtbot, title)
    qtbot.keyClick(title, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(window, "export_dialog", None) is not None)
    dialog = window.export_dialog
    assert dialog.isVisible()
    dialog.reject()


def test_ctrl_s_saves_and_ctrl_z_undoes_from_a_text_field(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "issue.bulletin"
    assert window.files.save_to(path)
    title = window.forms.form.binding("title").widget
    _focus(qtbot, title)
    title.end(False)
    type_text(title, "（修订）")
    assert not window.editor.undo_stack.isClean()
    qtbot.keyClick(title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.undo_stack.isClean()
    saved = window.editor.issue.masthead.title
    assert saved.endswith("（修订）")
    qtbot.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.issue.masthead.title == saved.removesuffix("（修订）")


def test_tab_goes_outline_form_preview_and_round(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(with_preview=True)
    qtbot.waitUntil(window.preview.page_view.isVisible, timeout=90_000)
    article = window.editor.issue.sections[0].items[0]
    window.outline.select(article.id)
    outline = window.outline.view
    _focus(qtbot, outline)
    stops = window.focus_ring.form_stops()
    assert stops[0] is window.forms.form.binding("label").widget
    qtbot.keyClick(outline, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is stops[0]
    for expected in stops[1:4]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is expected
    _focus(qtbot, stops[-1])
    qtbot.keyClick(stops[-1], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.preview.page_view
    qtbot.keyClick(window.preview.page_view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is outline
    qtbot.keyClick(outline, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.preview.page_view
    qtbot.keyClick(window.preview.page_view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is stops[-1]


def test_form_fields_read_top_to_bottom(window) -> None:  # type: ignore[no-untyped-def]
    window.outline.select(window.editor.issue.sections[0].items[0].id)
    stops = window.focus_ring.form_stops()
    tops = [stop.mapTo(window, stop.rect().topLeft()).y() for stop in stops]
    assert tops == sorted(tops) and len(stops) > 10


def test_toolbar_labels_drop_menu_mnemonics() -> None:
    assert toolbar_text("打开(&O)…") == "打开"
    assert toolbar_text("导出（&E）…") == "导出"
    assert toolbar_text("&Open…") == "Open"
    assert toolbar_text("Save &As...") == "Save As"
    assert toolbar_text("Fish && Chips") == "Fish & Chips"


def test_chinese_toolbar_reads_without_mnemonics(qapp, make_window) -> None:  # type: ignore[no-untyped-def]
    translators = install_translators(qapp, QLocale("zh_CN"))
    try:
        window = make_window()
        labels = [
            button.text()
            for button in window.findChildren(QToolButton)
            if button.defaultAction() in (window.open_action, window.export_action)
        ]
        assert labels == ["打开", "导出"]
        assert "(&O)" in window.open_action.text()  # the menu keeps its mnemonic
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale.system())
