"""Crash recovery is offered on every way of opening a file (issue 8.1), and never loses a copy.

A crashed session is what it leaves on disk: its last autosave (written by the same
``RecoveryStore.write`` the autosave timer calls) and a lock file. The first test makes a real
one: a ``bulletin-studio FILE`` process, killed with SIGKILL after its autosave ran.
"""

import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox

from bulletin_studio.model import FieldDraft, Paragraph
from bulletin_studio.storage import Document, load_document, sample_document, save_document
from bulletin_studio.ui import app, preview, settings
from bulletin_studio.ui.files import AUTOSAVE_ENV, autosave_interval_ms
from bulletin_studio.ui.main_window import MainWindow
from bulletin_studio.ui.recovery import COLOPHON, MASTHEAD, RecoveryStore, compare
from bulletin_studio.ui.recovery_dialog import RecoveryDialog
from tests.ui.keyboard import type_text

ROOT = Path(__file__).resolve().parents[2]
PARAGRAPH = "p_hlpf_lead"
TYPED = "（崩溃前输入的一句话）"


class DialogAnswers:
    """Answers recovery dialogs by clicking one of their buttons; keeps what each one said."""

    def __init__(self) -> None:
        self.button = "restoreButton"
        self.shown: list[str] = []

    def exec(self, dialog: RecoveryDialog) -> int:
        self.shown.append("\n".join([dialog.text(), dialog.informativeText()]))
        button = dialog.findChild(QAbstractButton, self.button)
        assert button is not None, f"no {self.button} in the dialog"
        button.click()
        return 0


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> DialogAnswers:
    recorder = DialogAnswers()
    monkeypatch.setattr(RecoveryDialog, "exec", lambda dialog: recorder.exec(dialog))
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: pytest.fail(str(a[2])))
    return recorder


@pytest.fixture
def store(tmp_path: Path) -> RecoveryStore:
    return RecoveryStore(tmp_path / "recovery")


@pytest.fixture
def start(
    qapp, store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[..., MainWindow]]:  # type: ignore[no-untyped-def]
    """``app.start_window``: what ``bulletin-studio [FILE]`` shows (with this test's store)."""
    monkeypatch.setattr(preview.PreviewPanel, "schedule", lambda self, delay=0: None)
    windows: list[MainWindow] = []

    def started(path: Path | None, recovery: RecoveryStore = store) -> MainWindow:
        window = app.start_window(path, recovery)
        window.show()
        windows.append(window)
        return window

    yield started
    for window in windows:
        window.editor.undo_stack.setClean()
        window.close()
        window.deleteLater()


@pytest.fixture
def saved_file(tmp_path: Path) -> Path:
    path = tmp_path / "第3期.bulletin"
    save_document(sample_document(), path)
    return path


def paragraph_of(document: Document) -> str:
    paragraph = document.issue.find(PARAGRAPH)
    assert isinstance(paragraph, Paragraph)
    return paragraph.text


def paragraph_text(window: MainWindow) -> str:
    return paragraph_of(window.editor.document())


def leave_crashed_copy(store: RecoveryStore, path: Path) -> Document:
    """What a session that crashed while editing ``path`` leaves: its last autosave."""
    doc = load_document(path)
    paragraph = doc.issue.find(PARAGRAPH)
    assert isinstance(paragraph, Paragraph)
    edited = paragraph.model_copy(update={"text": paragraph.text + TYPED})
    section = doc.issue.sections[0]
    item = section.items[0].model_copy(update={"blocks": [edited, *section.items[0].blocks[1:]]})
    sections = [section.model_copy(update={"items": [item, *section.items[1:]]})]
    doc.issue = doc.issue.model_copy(update={"sections": sections + doc.issue.sections[1:]})
    store.write(doc, store.slot_for(path), path)
    return doc


def wait_for_line(process: subprocess.Popen[str], seconds: float) -> str:
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], seconds)
    assert ready, f"no output from the app within {seconds} s"
    return process.stdout.readline().strip()


def test_killed_app_offers_its_autosave_when_the_file_is_opened_again(
    saved_file: Path, tmp_path: Path, start, answers: DialogAnswers
) -> None:  # type: ignore[no-untyped-def]
    """edit -> SIGKILL after autosave -> ``bulletin-studio FILE`` -> Restore -> the typed text."""
    crashed_store = RecoveryStore(tmp_path / "data" / "bulletin-studio" / "recovery")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),  # the app's recovery folder is under it
        "BULLETIN_STUDIO_AUTOSAVE_SECONDS": "0.3",
        "PYTHONPATH": str(ROOT),
    }
    before = paragraph_of(load_document(saved_file))
    command = [sys.executable, "-m", "tests.ui.crash_session", str(saved_file), "art_hlpf", TYPED]
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert wait_for_line(process, 120) == "typed"
        slot = crashed_store.slot_for(saved_file)
        deadline = time.monotonic() + 60
        while crashed_store.read(slot) is None:
            assert time.monotonic() < deadline, "the app never autosaved"
            assert process.poll() is None, "the app ended by itself"
            time.sleep(0.05)
        assert crashed_store.leftover(saved_file) is None, "a running app's copy is not offered"
        process.send_signal(signal.SIGKILL)
        assert process.wait(30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert paragraph_of(load_document(saved_file)) == before

    window = start(saved_file, crashed_store)
    assert len(answers.shown) == 1, "recovery must be offered"
    assert paragraph_text(window) == before + TYPED
    assert window.files.path == saved_file and window.isWindowModified()
    window.outline.select("art_hlpf")
    assert window.forms.form.blocks.cards[0].bindings[0].widget.text() == before + TYPED


def open_from_command_line(path: Path, start, make_window, monkeypatch) -> MainWindow:  # type: ignore[no-untyped-def]
    return start(path)


def open_from_file_menu(path: Path, start, make_window, monkeypatch) -> MainWindow:  # type: ignore[no-untyped-def]
    window = make_window()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.open_action.trigger()
    return window


def open_from_recent_files(path: Path, start, make_window, monkeypatch) -> MainWindow:  # type: ignore[no-untyped-def]
    window = make_window()
    settings.add_recent_file(path)
    window.recent_menu.aboutToShow.emit()
    [action] = [a for a in window.recent_menu.actions() if a.text() == str(path)]
    action.trigger()
    return window


def open_last_file_at_start(path: Path, start, make_window, monkeypatch) -> MainWindow:  # type: ignore[no-untyped-def]
    settings.add_recent_file(path)
    settings.settings().setValue("files/last", str(path))
    return start(None)


@pytest.mark.parametrize(
    "open_file",
    [open_from_command_line, open_from_file_menu, open_from_recent_files, open_last_file_at_start],
)
def test_every_way_of_opening_offers_the_copy(
    open_file, saved_file: Path, store: RecoveryStore, start, make_window, answers, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    leave_crashed_copy(store, saved_file)
    window = open_file(saved_file, start, make_window, monkeypatch)
    assert len(answers.shown) == 1
    assert paragraph_text(window).endswith(TYPED)
    assert window.files.path == saved_file
    assert window.isWindowModified(), "restored work is unsaved until saved"
    assert store.read(store.slot_for(saved_file)) is not None, "kept until saved"


def test_the_dialog_says_when_the_copy_was_saved_and_how_much_differs(
    saved_file: Path, store: RecoveryStore, start, answers: DialogAnswers
) -> None:  # type: ignore[no-untyped-def]
    leave_crashed_copy(store, saved_file)
    copy = store.leftover(saved_file)
    assert copy is not None
    start(saved_file)
    [text] = answers.shown
    assert copy.saved_at.strftime("%Y-%m-%d %H:%M") in text
    assert saved_file.name in text
    assert f"Parts changed: 1 (about {len(TYPED)} characters typed or deleted)" in text
    assert sample_document().issue.find("art_hlpf").title in text  # type: ignore[union-attr]


def test_keep_both_saves_the_copy_beside_the_file_and_opens_it(
    saved_file: Path, store: RecoveryStore, start, answers: DialogAnswers
) -> None:  # type: ignore[no-untyped-def]
    original = saved_file.read_bytes()
    answers.button = "keepBothButton"
    window = start(saved_file)
    assert answers.shown == []  # nothing left behind yet: opened as is
    window.close()

    leave_crashed_copy(store, saved_file)
    window = start(saved_file)
    beside = window.files.path
    assert beside is not None and beside != saved_file and beside.parent == saved_file.parent
    assert beside.suffix == ".bulletin" and saved_file.stem in beside.stem
    assert load_document(beside).issue.find(PARAGRAPH).text.endswith(TYPED)  # type: ignore[union-attr]
    assert saved_file.read_bytes() == original
    assert not window.isWindowModified()
    assert store.leftovers() == []


def test_discard_deletes_the_copy_and_opens_the_file_as_saved(
    saved_file: Path, store: RecoveryStore, start, answers: DialogAnswers
) -> None:  # type: ignore[no-untyped-def]
    leave_crashed_copy(store, saved_file)
    answers.button = "discardButton"
    window = start(saved_file)
    assert not paragraph_text(window).endswith(TYPED)
    assert window.files.path == saved_file and not window.isWindowModified()
    assert store.leftovers() == []


def test_later_opens_nothing_and_keeps_the_copy_for_next_time(
    saved_file: Path, store: RecoveryStore, start, answers: DialogAnswers
) -> None:  # type: ignore[no-untyped-def]
    leave_crashed_copy(store, saved_file)
    answers.button = "laterButton"
    window = start(saved_file)
    assert window.files.path is None
    window.close()
    assert store.leftover(saved_file) is not None
    answers.button = "restoreButton"
    assert paragraph_text(start(saved_file)).endswith(TYPED)


def test_later_at_start_is_not_asked_again_for_the_last_file(
    saved_file: Path, store: RecoveryStore, start, answers: DialogAnswers
) -> None:  # type: ignore[no-untyped-def]
    settings.add_recent_file(saved_file)
    settings.settings().setValue("files/last", str(saved_file))
    leave_crashed_copy(store, saved_file)
    answers.button = "laterButton"
    window = start(None)
    assert len(answers.shown) == 1
    assert window.files.path is None
    assert store.leftover(saved_file) is not None


def test_an_unreadable_copy_is_set_aside_and_the_file_opens(
    saved_file: Path, store: RecoveryStore, start, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    leave_crashed_copy(store, saved_file)
    slot = store.slot_for(saved_file)
    slot.write_bytes(b"not a zip")
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: errors.append(a[2]))
    window = start(saved_file)
    assert window.files.path == saved_file and not window.isWindowModified()
    [aside] = store.folder.glob("unreadable-*")
    assert aside.read_bytes() == b"not a zip"
    assert len(errors) == 1 and str(aside) in errors[0]
    assert store.leftovers() == []


def test_closing_a_restored_session_after_saving_removes_the_copy(
    saved_file: Path, store: RecoveryStore, start, answers: DialogAnswers
) -> None:  # type: ignore[no-untyped-def]
    leave_crashed_copy(store, saved_file)
    window = start(saved_file)
    window.save_action.trigger()
    assert load_document(saved_file).issue.find(PARAGRAPH).text.endswith(TYPED)  # type: ignore[union-attr]
    assert store.leftovers() == []


def test_untitled_work_is_offered_at_start(
    make_window, store: RecoveryStore, start, answers: DialogAnswers
) -> None:  # type: ignore[no-untyped-def]
    crashed = make_window()
    crashed.outline.add_article_action.trigger()
    type_text(crashed.forms.form.binding("title").widget, "未保存的工作")
    crashed.files.autosave()
    crashed.files.autosave_timer.stop()  # the "crash": this window never closes cleanly
    assert store.leftovers()

    restarted = start(None)
    assert len(answers.shown) == 1
    titles = [item.title for section in restarted.editor.issue.sections for item in section.items]
    assert "未保存的工作" in titles
    assert restarted.files.path is None and restarted.isWindowModified()


WRITER = """
import sys, time
from pathlib import Path
from bulletin_studio.storage import sample_document
from bulletin_studio.ui.files import AUTOSAVE_ENV, autosave_interval_ms
from bulletin_studio.ui.recovery import COLOPHON, MASTHEAD, RecoveryStore, compare
store = RecoveryStore(Path(sys.argv[1]))
store.write(sample_document(), store.slot_for(None, session="other"), None)
print("written", flush=True)
time.sleep(120)
"""


def test_a_running_sessions_copy_is_offered_only_once_it_is_gone(
    store: RecoveryStore, start, answers: DialogAnswers
) -> None:  # type: ignore[no-untyped-def]
    """Another Bulletin Studio process is still writing its untitled work's copy."""
    command = [sys.executable, "-c", WRITER, str(store.folder)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert wait_for_line(process, 60) == "written"
        assert store.leftovers() == []
        start(None)
        assert answers.shown == []
    finally:
        process.kill()
        process.wait()
    assert len(store.leftovers()) == 1
    start(None)
    assert len(answers.shown) == 1


def test_a_copy_identical_to_the_file_is_not_asked_about(
    saved_file: Path, store: RecoveryStore, start, answers: DialogAnswers
) -> None:  # type: ignore[no-untyped-def]
    store.write(load_document(saved_file), store.slot_for(saved_file), saved_file)
    window = start(saved_file)
    assert answers.shown == [] and window.files.path == saved_file
    assert store.leftovers() == []


def test_compare_counts_parts_and_characters_and_names_places() -> None:
    saved = sample_document().issue
    section = saved.sections[0]
    first, second = section.items[0], section.items[1]
    edited = first.model_copy(
        update={
            "blocks": [first.blocks[0].model_copy(update={"text": "新的导语"}), *first.blocks[2:]]
        }
    )
    recovered = saved.model_copy(
        update={
            "sections": [
                section.model_copy(update={"items": [edited, *section.items[2:]]}),
                *saved.sections[1:],
            ],
            "colophon": saved.colophon.model_copy(update={"editor": "王五"}),
        }
    )
    difference = compare(saved, recovered)
    removed_item_parts = 1 + len(second.blocks)
    assert (
        difference.parts == 1 + 1 + removed_item_parts + 1
    )  # edited, removed block, item, colophon
    assert difference.places == [first.title, COLOPHON, second.title]
    assert not difference.reordered
    assert difference.characters >= len(first.blocks[1].text)


def test_compare_sees_moves_and_drafts() -> None:
    saved = sample_document().issue
    moved = saved.model_copy(
        update={"sections": [saved.sections[1], saved.sections[0], *saved.sections[2:]]}
    )
    assert compare(saved, moved).reordered and compare(saved, moved).parts == 0
    drafted = saved.model_copy(
        update={"drafts": [FieldDraft(key="numbering", field="cumulative", text="1")]}
    )
    difference = compare(saved, drafted)
    assert (difference.parts, difference.places, difference.characters) == (1, [MASTHEAD], 1)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, 30_000),
        ("0.3", 300),
        ("2", 2000),
        ("0", 30_000),
        ("-1", 30_000),
        ("nan", 30_000),
        ("soon", 30_000),
    ],
)
def test_autosave_interval_can_be_set_for_tests(
    value: str | None, expected: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(AUTOSAVE_ENV, raising=False)
    if value is not None:
        monkeypatch.setenv(AUTOSAVE_ENV, value)
    assert autosave_interval_ms() == expected
