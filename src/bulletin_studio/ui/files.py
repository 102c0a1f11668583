"""New, open, save, save as, lock and crash recovery for the one document a window edits.

Failures never lose work: a refused save shows storage's message and keeps the in-memory
issue (still marked unsaved); every 30 s unsaved work is copied to the recovery folder.
"""

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
from bulletin_studio.ui.recovery import RecoveryStore
from bulletin_studio.ui.signals import emit

AUTOSAVE_MS = 30_000
SUFFIX = ".bulletin"


class FileManager(QObject):
    """Owns the file side of the session: path, lock, read-only state, autosave."""

    pathChanged = Signal()

    def __init__(self, editor: IssueEditor, window: QWidget, recovery: RecoveryStore) -> None:
        super().__init__(window)
        self.editor = editor
        self.window = window
        self.recovery = recovery
        self.path: Path | None = None
        self.read_only = False
        self._lock: FileLock | None = None
        self._autosaved_index = -1
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()

    def _file_filter(self) -> str:
        return self.tr("Bulletin files (*.bulletin)")

    def is_modified(self) -> bool:
        return not self.editor.undo_stack.isClean()

    # --- opening -----------------------------------------------------------------------

    def start_new(self, document: Document) -> None:
        self._release()
        self.path, self.read_only = None, False
        self.editor.replace_document(document)
        emit(self.pathChanged)

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
        """Open a file, locking it; if another window holds it, offer read-only or cancel."""
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
            document = load_document(path)
        except StorageError as error:
            if lock is not None:
                lock.release()
            self._error(self.tr("Could not open the file"), error.message)
            return False
        self._release()
        self._lock, self.path, self.read_only = lock, path, read_only
        self.editor.replace_document(document)
        settings.add_recent_file(path)
        emit(self.pathChanged)
        return True

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
            old_path = self.path
            if not self._write(path):
                lock.release()
                return False
            self.recovery.remove(old_path)
            self._release()
            self._lock, self.path, self.read_only = lock, path, False
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
        self.recovery.remove(path)
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
        """Copy unsaved work to the recovery folder (only when it changed since last time)."""
        index = self.editor.undo_stack.index()
        if not self.is_modified() or index == self._autosaved_index:
            return
        try:
            self.recovery.write(self.editor.document(), self.path)
        except (StorageError, OSError):
            return  # the next tick tries again; the editor's work is still in memory
        self._autosaved_index = index

    def offer_recovery(self) -> bool:
        """At start: restore work a crashed session left behind; True if something was restored."""
        for copy in self.recovery.pending():
            where = str(copy.original) if copy.original else self.tr("an untitled issue")
            answer = QMessageBox.question(
                self.window,
                self.tr("Recover unsaved work"),
                self.tr(
                    "Bulletin Studio did not close properly. Unsaved work on %1 was kept (%2).\n\n"
                    "Restore it?"
                )
                .replace("%1", where)
                .replace("%2", copy.saved_at.replace("T", " ")),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard,
                QMessageBox.StandardButton.Yes,
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.recovery.discard(copy)
                continue
            try:
                document = self.recovery.load(copy)
            except StorageError as error:
                self._error(self.tr("Could not restore"), error.message)
                continue
            self._release()
            self.path, self.read_only = copy.original, False
            if copy.original is not None and copy.original.exists():
                try:
                    self._lock = acquire_lock(copy.original)
                except StorageError:
                    self.read_only = True
            self.editor.replace_document(document)
            self.editor.undo_stack.resetClean()  # restored work is unsaved until saved
            emit(self.pathChanged)
            return True
        return False

    def close_cleanly(self) -> None:
        """The window closes with nothing unsaved (saved or discarded): no recovery needed."""
        self.autosave_timer.stop()
        self.recovery.remove(self.path)
        self._release()

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _error(self, title: str, message: str) -> None:
        QMessageBox.critical(self.window, title, message)
