"""The review panel: a reviewer's tracked changes accepted into the text or rejected (one at a
time or all of an item's), each undoable; replies; refusals said, never guessed."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from bulletin_studio.render.compose import compose
from bulletin_studio.render.layout import load_layout
from bulletin_studio.storage import AssetStore, Document
from bulletin_studio.ui import settings
from bulletin_studio.ui.main_window import MainWindow
from tests.conftest import Convert
from tests.review.sample_issue import review_issue
from tests.review.wordlike import add_comments, track_edit
from tests.ui.keyboard import type_text
from tests.writing import write_docx


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = compose(review_issue(), load_layout("default"), {})
    out = tmp_path_factory.mktemp("panel") / "issue.docx"
    return write_docx(tree, out, datetime(2024, 3, 1, tzinfo=UTC)).path


@pytest.fixture
def reviewed(exported: Path, tmp_path: Path) -> Path:
    """A replacement in one paragraph, an insertion in another, a comment on a third."""
    track_edit(
        exported,
        tmp_path / "a.docx",
        bookmark="p_body",
        before="可持续公共采购是",
        deleted="实现",
        inserted="推动",
        author="赵审阅",
    )
    track_edit(
        tmp_path / "a.docx",
        tmp_path / "b.docx",
        bookmark="p_lead",
        before="本次活动",
        inserted="重点",
        author="钱审阅",
    )
    add_comments(tmp_path / "b.docx", tmp_path / "r.docx", [("p_china", "数据来源？", "李审阅")])
    return tmp_path / "r.docx"


@pytest.fixture
def window(make_window, reviewed: Path, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    window = make_window(document=Document(issue=review_issue(), assets=AssetStore()))
    assert window.import_review_from(reviewed)
    qtbot.waitUntil(lambda: window.notes.row_of(window.editor.issue.notes[0].id) is not None)
    return window


def select(window: MainWindow, kind: str, text: str) -> str:
    note = next(n for n in window.editor.issue.notes if n.kind == kind and n.text == text)
    row = window.notes.row_of(note.id)
    assert row is not None
    window.notes.tree.setCurrentItem(row)
    return note.id


def text_of(window: MainWindow, block_id: str) -> str:
    return window.editor.node(block_id).text  # type: ignore[union-attr]


def test_changes_are_listed_in_their_paragraph(window: MainWindow) -> None:
    row = window.notes.row_of(select(window, "deletion", "实现"))
    assert row.text(0) == "Deleted: 实现" and row.font(0).strikeOut()
    assert row.text(1) == "赵审阅"
    assert row.text(2) == "可持续公共采购是〔实现〕循环经济的关键。"
    assert window.notes.accept_action.isEnabled() and window.notes.accept_all_action.isEnabled()


def test_accept_makes_the_change_and_undo_takes_it_back(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = window.notes
    select(window, "deletion", "实现")
    panel.accept_action.trigger()
    assert text_of(window, "p_body") == "可持续公共采购是循环经济的关键。"
    qtbot.waitUntil(lambda: panel.current_note() is not None and panel.current_note().open_change)
    assert panel.current_note().text == "推动", "the next open change is selected"
    panel.accept_action.trigger()
    assert text_of(window, "p_body") == "可持续公共采购是推动循环经济的关键。"
    qtbot.waitUntil(
        lambda: panel.row_of(panel.current_note().id).text(3) in ("", "Accepted")  # type: ignore[union-attr]
    )
    window.outline.select("res_guide")
    window.undo_action.trigger()
    assert text_of(window, "p_body") == "可持续公共采购是循环经济的关键。"
    assert window.outline.selected_key() == "art_unea", "undo shows where the change was"
    qtbot.waitUntil(lambda: panel.row_of(select_id(window, "推动")).text(3) == "")
    window.undo_action.trigger()
    assert text_of(window, "p_body") == "可持续公共采购是实现循环经济的关键。"
    assert all(n.decision is None for n in window.editor.issue.notes)


def select_id(window: MainWindow, text: str) -> str:
    return next(n.id for n in window.editor.issue.notes if n.text == text)


def test_reject_leaves_the_text_and_shows_the_decision(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    note_id = select(window, "insertion", "重点")
    window.notes.reject_action.trigger()
    assert text_of(window, "p_lead") == "本次活动聚焦公共采购的转型作用。"
    qtbot.waitUntil(lambda: window.notes.row_of(note_id).text(3) == "Rejected")
    assert window.notes.row_of(note_id).checkState(0) == Qt.CheckState.Checked


def test_accept_all_of_an_item_is_one_step(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    select(window, "insertion", "重点")
    steps = window.editor.undo_stack.index()
    window.notes.accept_all_action.trigger()
    assert window.editor.undo_stack.index() == steps + 1
    assert text_of(window, "p_body") == "可持续公共采购是推动循环经济的关键。"
    assert text_of(window, "p_lead") == "本次活动重点聚焦公共采购的转型作用。"
    qtbot.waitUntil(lambda: not window.notes.accept_all_action.isEnabled())
    window.undo_action.trigger()
    assert text_of(window, "p_lead") == "本次活动聚焦公共采购的转型作用。"


def test_reject_all_of_an_item(window: MainWindow) -> None:
    select(window, "deletion", "实现")
    window.notes.reject_all_action.trigger()
    changes = [n for n in window.editor.issue.notes if n.kind != "comment"]
    assert {n.decision for n in changes} == {"rejected"}
    assert text_of(window, "p_body") == "可持续公共采购是实现循环经济的关键。"


def test_a_change_to_text_edited_since_the_export_is_refused_with_the_reason(
    window: MainWindow,
) -> None:
    window.select_node("p_body")
    box = window.forms.form.binding("text", "p_body").text_box
    box.moveCursor(box.textCursor().MoveOperation.End)
    type_text(box, "（已改）")
    note_id = select(window, "deletion", "实现")
    steps = window.editor.undo_stack.index()
    assert not window.notes.decide(True)
    assert window.editor.undo_stack.index() == steps
    assert window.notes.message.isVisible()
    assert "no longer as it was reviewed" in window.notes.message.text()
    assert next(n for n in window.editor.issue.notes if n.id == note_id).open_change


def test_reply_is_threaded_and_signed(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = select(window, "comment", "数据来源？")
    dialog = window.notes.reply()
    assert dialog is not None and not dialog.ok.isEnabled()
    assert dialog.author.text() == "编辑"
    type_text(dialog.text, "已补充统计局数据")
    dialog.author.setText("张编辑")
    dialog.ok.click()
    reply = window.editor.issue.notes[-1]
    assert (reply.parent_id, reply.text, reply.author) == (parent, "已补充统计局数据", "张编辑")
    assert reply.target_id == "p_china" and reply.kind == "comment"
    assert settings.reviewer_name() == "张编辑"
    qtbot.waitUntil(lambda: window.notes.row_of(reply.id) is not None)
    row = window.notes.row_of(reply.id)
    assert row.parent() is window.notes.row_of(parent)
    row.setCheckState(0, Qt.CheckState.Checked)
    assert window.editor.issue.notes[-1].resolved
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert all(n.id != reply.id for n in window.editor.issue.notes)


@pytest.mark.slow
def test_a_file_saved_by_libreoffice_is_applied_and_undone(  # type: ignore[no-untyped-def]
    make_window,
    reviewed: Path,
    libreoffice: Convert,
    qtbot,
) -> None:
    """The reviewer's file opened and saved again by a real word processor."""
    window = make_window(document=Document(issue=review_issue(), assets=AssetStore()))
    assert window.import_review_from(libreoffice(reviewed, "docx"))
    qtbot.waitUntil(lambda: window.notes.tree.topLevelItemCount() > 0)
    select(window, "insertion", "推动")
    window.notes.accept_all_action.trigger()
    assert text_of(window, "p_body") == "可持续公共采购是推动循环经济的关键。"
    assert text_of(window, "p_lead") == "本次活动重点聚焦公共采购的转型作用。"
    window.undo_action.trigger()
    assert text_of(window, "p_body") == "可持续公共采购是实现循环经济的关键。"
    assert text_of(window, "p_lead") == "本次活动聚焦公共采购的转型作用。"
