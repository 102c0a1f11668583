"""Export from the window in a worker thread, then a reviewer's comments come back as notes."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog

from bulletin_studio.export.progress import Progress
from bulletin_studio.storage import Document
from bulletin_studio.ui.export_dialog import ExportChoices
from tests.review.wordlike import add_comments


def test_docx_export_then_review_import_lists_notes_on_items(
    make_window, small_document: Document, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(document=small_document)
    window.exporter.offer_folder = False
    out = tmp_path / "review.docx"
    with qtbot.waitSignal(window.exporter.finished, timeout=60_000) as finished:
        window.export_with(ExportChoices(formats=("docx",), folder=str(tmp_path), name="review"))
    assert finished.args[0], finished.args[1]
    assert out.exists()

    article = window.editor.issue.sections[0].items[0]
    reviewed = tmp_path / "reviewed.docx"
    add_comments(out, reviewed, [(article.id, "请核对日期", "审阅人甲")])
    assert window.import_review_from(reviewed)
    message = window.statusBar().currentMessage()
    assert message.startswith("reviewed.docx") and "1" in message and "Summary" not in message
    qtbot.waitUntil(lambda: window.notes.tree.topLevelItemCount() == 1)

    tree = window.notes.tree
    group = tree.topLevelItem(0)
    assert group.text(0) == article.title
    note = group.child(0)
    assert note.text(0) == "请核对日期" and note.text(1) == "审阅人甲"
    window.outline.select("masthead")
    tree.itemClicked.emit(note, 0)
    assert window.outline.selected_key() == article.id

    note.setCheckState(0, Qt.CheckState.Checked)
    assert window.editor.issue.notes[0].resolved
    window.undo_action.trigger()
    assert not window.editor.issue.notes[0].resolved
    qtbot.waitUntil(
        lambda: window.notes.tree.topLevelItem(0).child(0).checkState(0) == Qt.CheckState.Unchecked
    )


def test_progress_arriving_after_the_dialog_closed_is_ignored(window) -> None:  # type: ignore[no-untyped-def]
    """Progress is queued from the worker; it once met a dialog already gone (AttributeError)."""
    runner = window.exporter
    runner.dialog = QProgressDialog("", "", 0, 1000, window)
    runner._progress(Progress(1, 4, "排版：标题"))
    assert runner.dialog.labelText() == "排版：标题" and runner.dialog.value() == 250
    runner._cleanup()
    runner._progress(Progress(2, 4, "排版：下一条"))
    assert runner.dialog is None
