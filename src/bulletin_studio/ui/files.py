"""New, open, save, save as, lock and crash recovery for the one document a window edits.

Failures never lose work: a refused save shows storage's message and keeps the in-memory
issue (still marked unsaved). Unsaved work is copied to the recovery folder every 30 s
(``BULLETIN_STUDIO_AUTOSAVE_SECONDS`` changes that; the crash test kills the app right after
an autosave). Every way of opening a file (command line, File ▸ Open, recent files, the last
file at start) goes through :meth:`FileManager.open`, which offers the work a crashed session
left on that file before this session can write over it.
"""

import datetime as dt
import math
import os
import secrets
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from bulletin_studio.errors import BulletinError
from bulletin_studio.storage import (
    Document,
    FileLock,
    FileLockedError,
    StorageError,
    acquire_lock,
    load_document,
    new_document_from,
    save_document,
)
from bulletin_studio.ui import settings
from bulletin_studio.ui.editor import IssueEditor
from bulletin_studio.ui.recovery import RecoveryCopy, RecoveryStore, compare
from bulletin_studio.ui.recovery_dialog import RecoveryChoice, RecoveryDialog
from bulletin_studio.ui.signals import emit

AUTOSAVE_SECONDS = 30.0
AUTOSAVE_ENV = "BULLETIN_STUDIO_AUTOSAVE_SECONDS"
SUFFIX = ".bulletin"


def autosave_interval_ms() -> int:
    """30 s, or the seconds the environment asks for (anything unusable falls back to 30 s)."""
    try:
        seconds = float(os.environ.get(AUTOSAVE_ENV, AUTOSAVE_SECONDS))
    except ValueError:
        seconds = AUTOSAVE_SECONDS
    if not (math.isfinite(seconds) and 0 < seconds <= 24 * 3600):
        seconds = AUTOSAVE_SECONDS
    return max(1, round(seconds * 1000))


def _modified_at(path: Path) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    except OSError:
        return None


class FileManager(QObject):
    """Owns the file side of the session: path, lock, read-only state, autosave, recovery.

    This session's recovery copy lives in its *slot*: the file's while it holds the file's
    lock, else (untitled, or read-only beside another window) one of its own.
    """

    pathChanged = Signal()

    def __init__(self, editor: IssueEditor, window: QWidget, recovery: RecoveryStore) -> None:
        super().__init__(window)
        self.editor = editor
        self.window = window
        self.recovery = recovery
        self.path: Path | None = None
        self.read_only = False
        self._lock: FileLock | None = None
        self._session = secrets.token_hex(8)
        self._slot = self._slot_for(None, False)
        self._autosaved_index = -1
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(autosave_interval_ms())
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()

    def _file_filter(self) -> str:
        return self.tr("Bulletin files (*.bulletin)")

    def is_modified(self) -> bool:
        return not self.editor.undo_stack.isClean()

    def _slot_for(self, path: Path | None, read_only: bool) -> Path:
        if path is None or read_only:
            return self.recovery.slot_for(None, self._session)
        return self.recovery.slot_for(path)

    # --- opening -----------------------------------------------------------------------

    def start_new(self, document: Document) -> None:
        self._switch(document, None, None, read_only=False)

    def new_from_previous(self) -> bool:
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Choose the previous issue"), "", self._file_filter()
        )
        if not name:
            return False
        try:
            document = new_document_from(load_document(Path(name)))
        except BulletinError as error:  # unreadable, or no number left after it
            self._error(self.tr("Could not start the next issue"), error.message)
            return False
        self.start_new(document)
        return True

    def ask_open(self) -> bool:
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open issue"), "", self._file_filter()
        )
        return bool(name) and self.open(Path(name))

    def open(self, path: Path) -> bool:
        """Open a file, locking it; if another window holds it, offer read-only or cancel.
        Work a crashed session left on it is offered first (even when the file is unreadable)."""
        lock, read_only = None, False
        try:
            lock = acquire_lock(path)
        except FileLockedError as error:
            answer = QMessageBox.warning(
                self.window,
                self.tr("File in use"),
                self.tr("%1\n\nOpen it read-only?").replace("%1", error.message),
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Open:
                return False
            read_only = True
        except StorageError as error:
            self._error(self.tr("Could not open the file"), error.message)
            return False
        try:
            document, unreadable = load_document(path), ""
        except StorageError as error:
            document, unreadable = None, error.message
        copy = None if read_only else self.recovery.leftover(path)  # read-only: not ours
        if copy is not None:
            opened = self._offer(copy, path, lock, document, unreadable)
        elif document is not None:
            self._switch(document, path, lock, read_only)
            opened = True
        else:
            self._error(self.tr("Could not open the file"), unreadable)
            opened = False
        if not opened and lock is not None:
            lock.release()
        if opened and self.path is not None:
            settings.add_recent_file(self.path)
        return opened

    def recover_at_start(self) -> bool:
        """At start without a file: offer what crashed sessions left, newest first (a file's
        work through :meth:`open`); True once a document was opened."""
        for copy in self.recovery.leftovers():
            if copy.original is not None and copy.original.parent.is_dir():
                if self.open(copy.original):
                    return True
            elif self._offer_untitled(copy):
                return True
        return False

    def _offer(
        self,
        copy: RecoveryCopy,
        path: Path,
        lock: FileLock | None,
        saved: Document | None,
        unreadable: str,
    ) -> bool:
        """Restore / Keep both / Discard / Later for the work left on ``path``."""
        recovered = self._load_copy(copy)
        if recovered is None:
            if saved is None:
                self._error(self.tr("Could not open the file"), unreadable)
                return False
            self._switch(saved, path, lock, read_only=False)
            return True
        if saved is not None and recovered.issue == saved.issue:
            self.recovery.discard(copy.copy)  # it holds nothing the file lacks
            self._switch(saved, path, lock, read_only=False)
            return True
        beside = self._beside(path, copy.saved_at) if saved is not None else None
        choice = RecoveryDialog(
            self.window,
            copy,
            compare(saved.issue, recovered.issue) if saved is not None else None,
            file_saved=_modified_at(path),
            unreadable=unreadable,
            beside=beside,
        ).ask()
        if choice is RecoveryChoice.RESTORE:
            self._switch(recovered, path, lock, read_only=False, modified=True)
            return True
        if choice is RecoveryChoice.KEEP_BOTH and beside is not None:
            return self._keep_both(recovered, copy, beside)
        if choice is RecoveryChoice.DISCARD:
            self.recovery.discard(copy.copy)
            if saved is None:
                self._error(self.tr("Could not open the file"), unreadable)
                return False
            self._switch(saved, path, lock, read_only=False)
            return True
        return False

    def _keep_both(self, recovered: Document, copy: RecoveryCopy, beside: Path) -> bool:
        """Save the recovered work as a file of its own beside the original and open it.

        Rather than an untitled window: a named file cannot be lost by closing without saving
        or by another crash, and both versions sit side by side in the folder to compare.
        """
        try:
            lock = acquire_lock(beside)
        except StorageError as error:
            self._error(self.tr("Could not save the recovered work"), error.message)
            return False
        try:
            save_document(recovered, beside)
        except StorageError as error:
            lock.release()
            self._error(self.tr("Could not save the recovered work"), error.message)
            return False
        self.recovery.discard(copy.copy)
        self._switch(recovered, beside, lock, read_only=False)
        return True

    def _beside(self, path: Path, saved_at: dt.datetime) -> Path:
        """``第3期 (recovered 2025-07-16 10.42).bulletin``, numbered if that name is taken."""
        stamp = saved_at.astimezone().strftime("%Y-%m-%d %H.%M")
        base = self.tr("%1 (recovered %2)").replace("%1", path.stem).replace("%2", stamp)
        candidate, number = path.with_name(base + SUFFIX), 2
        while candidate.exists():
            candidate, number = path.with_name(f"{base} {number}{SUFFIX}"), number + 1
        return candidate

    def _offer_untitled(self, copy: RecoveryCopy) -> bool:
        """Work with no file to go back to (untitled, or its folder is gone)."""
        recovered = self._load_copy(copy)
        if recovered is None:
            return False
        choice = RecoveryDialog(self.window, copy, None).ask()
        if choice is RecoveryChoice.RESTORE:
            self._switch(recovered, None, None, read_only=False, modified=True, slot=copy.copy)
            return True
        if choice is RecoveryChoice.DISCARD:
            self.recovery.discard(copy.copy)
        return False

    def _load_copy(self, copy: RecoveryCopy) -> Document | None:
        """The recovered work; one that cannot be read is set aside (kept) and said so."""
        try:
            return self.recovery.load(copy)
        except StorageError as error:
            try:
                where = str(self.recovery.set_aside(copy))
            except OSError as move_error:
                where = f"{copy.copy} ({move_error.strerror or move_error})"
            self._error(
                self.tr("Could not read the recovered work"),
                self.tr("%1\n\nThe copy was kept as %2.")
                .replace("%1", error.message)
                .replace("%2", where),
            )
            return None

    def _switch(
        self,
        document: Document,
        path: Path | None,
        lock: FileLock | None,
        read_only: bool,
        modified: bool = False,
        slot: Path | None = None,
    ) -> None:
        """Show another document. The outgoing session's copy goes: by now the editor has
        decided about that work (saved it, or discarded it when asked about unsaved changes)."""
        new_slot = slot or self._slot_for(path, read_only)
        if new_slot != self._slot:
            self.recovery.discard(self._slot)
        if lock is not self._lock:
            self._release()
        self._lock, self.path, self.read_only, self._slot = lock, path, read_only, new_slot
        self._autosaved_index = -1
        self.editor.replace_document(document)
        if modified:
            self.editor.undo_stack.resetClean()  # restored work is unsaved until saved
        emit(self.pathChanged)

    # --- saving ------------------------------------------------------------------------

    def save(self) -> bool:
        if self.path is None or self.read_only:
            return self.save_as()
        return self._write(self.path)

    def save_as(self) -> bool:
        start = str(self.path) if self.path else self.tr("bulletin") + SUFFIX
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save issue as"), start, self._file_filter()
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        """Save under a new name: lock it first, so two windows never write one file."""
        if path != self.path or self.read_only:
            try:
                lock = acquire_lock(path)
            except StorageError as error:
                self._error(self.tr("Could not save"), error.message)
                return False
            if not self._write(path):
                lock.release()
                return False
            self._release()
            self._lock, self.path, self.read_only = lock, path, False
            self._slot = self._slot_for(path, False)
            settings.add_recent_file(path)
            emit(self.pathChanged)
            return True
        return self._write(path)

    def _write(self, path: Path) -> bool:
        try:
            save_document(self.editor.document(), path)
        except StorageError as error:
            self._error(self.tr("Could not save"), error.message)
            return False
        self.editor.undo_stack.setClean()
        self.recovery.discard(self._slot)
        return True

    def maybe_save(self) -> bool:
        """Before closing or replacing unsaved work: Save / Discard / Cancel."""
        if not self.is_modified():
            return True
        name = self.path.name if self.path else self.tr("Untitled")
        answer = QMessageBox.question(
            self.window,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to “%1”?").replace("%1", name),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # --- recovery ----------------------------------------------------------------------

    def autosave(self) -> None:
        """Copy unsaved work to this session's slot (only when it changed since last time)."""
        index = self.editor.undo_stack.index()
        if not self.is_modified() or index == self._autosaved_index:
            return
        original = None if self.read_only else self.path
        try:
            self.recovery.write(self.editor.document(), self._slot, original)
        except (StorageError, OSError):
            return  # the next tick tries again; the editor's work is still in memory
        self._autosaved_index = index

    def close_cleanly(self) -> None:
        """The window closes with nothing unsaved (saved or discarded): no recovery needed."""
        self.autosave_timer.stop()
        self.recovery.discard(self._slot)
        self._release()

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _error(self, title: str, message: str) -> None:
        QMessageBox.critical(self.window, title, message)
