"""Saving, reopening, failing saves and the lock, through the window (recovery: test_recovery)."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from bulletin_studio.ui.main_window import MainWindow
from tests.ui.keyboard import type_text
from tests.ui.test_editing import add_article_with_two_blocks


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Record message boxes instead of blocking on them; answer questions with Yes/Open."""
    seen: dict[str, list[str]] = {"critical": [], "question": [], "warning": []}

    def recorder(kind: str, answer: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def show(_parent, _title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
            seen[kind].append(text)
            return answer

        return show

    monkeypatch.setattr(
        QMessageBox, "critical", recorder("critical", QMessageBox.StandardButton.Ok)
    )
    monkeypatch.setattr(
        QMessageBox, "question", recorder("question", QMessageBox.StandardButton.Yes)
    )
    monkeypatch.setattr(
        QMessageBox, "warning", recorder("warning", QMessageBox.StandardButton.Cancel)
    )
    return seen


def save_as(window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    window.save_as_action.trigger()


def test_save_and_reopen_keeps_content(
    make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    key = add_article_with_two_blocks(window)
    window.outline.up_action.trigger()
    order = [item.id for item in window.editor.issue.sections[-1].items]
    path = tmp_path / "第3期.bulletin"
    save_as(window, path, monkeypatch)
    assert path.exists()
    assert not window.isWindowModified()
    assert "第3期.bulletin" in window.windowTitle()
    window.close()

    reopened = make_window()
    assert reopened.open_path(path)
    assert [item.id for item in reopened.editor.issue.sections[-1].items] == order
    reopened.outline.select(key)
    form = reopened.forms.form
    assert form.binding("title").widget.text() == "新文章：绿色采购"
    assert form.blocks.cards[0].bindings[0].widget.text() == "第一段正文。"


def test_failing_save_shows_message_and_keeps_issue(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers
) -> None:  # type: ignore[no-untyped-def]
    blocked = tmp_path / "x.bulletin"
    blocked.mkdir()  # a folder where the file should go: the write itself fails (even as root)
    window.outline.add_article_action.trigger()
    type_text(window.forms.form.binding("title").widget, "保存失败也不丢")
    save_as(window, blocked, monkeypatch)
    assert answers["critical"], "the failure must be shown"
    assert window.isWindowModified()
    assert window.files.path is None
    titles = [item.title for section in window.editor.issue.sections for item in section.items]
    assert "保存失败也不丢" in titles


def test_second_window_on_same_file_is_warned(
    make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "shared.bulletin"
    first = make_window()
    save_as(first, path, monkeypatch)
    second = make_window()
    assert not second.open_path(path)  # the warning was answered with Cancel
    assert answers["warning"]
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Open)
    assert second.open_path(path)
    assert second.files.read_only
    assert "[" in second.windowTitle()


def test_closing_with_unsaved_changes_asks(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window.outline.add_article_action.trigger()
    asked: list[str] = []

    def cancel(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", cancel)
    assert not window.close()
    assert asked and window.isVisible()
