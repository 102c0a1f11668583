"""Export to PDF or DOCX in a worker thread behind a progress dialog that can cancel."""

from collections.abc import Generator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from bulletin_studio.export.progress import Progress
from bulletin_studio.export.writer import Format, WriteOptions
from bulletin_studio.pipeline import Pipeline
from bulletin_studio.storage import Document
from bulletin_studio.ui.error_dialog import show_error
from bulletin_studio.ui.jobs import JobThread
from bulletin_studio.ui.signals import emit

PROGRESS_STEPS = 1000


def export_job(
    document: Document,
    targets: dict[Format, Path],
    layout: str,
    options: WriteOptions,
    source: Path | None,
) -> Generator[Progress, None, Any]:
    """The pipeline's export, with fonts as the user's settings give them; the issue's own
    file (``source``) is never a target."""
    yield Progress(0, 1, "")
    pipeline = Pipeline.from_settings()
    protected = [source] if source is not None else []
    return (yield from pipeline.export(document, targets, layout, options, protected=protected))


class ExportRunner(QObject):
    """One export at a time; ``finished(ok, message)`` tells tests and the status bar."""

    finished = Signal(bool, str)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.thread: JobThread | None = None
        self.dialog: QProgressDialog | None = None
        self.offer_folder = True

    def start(
        self,
        document: Document,
        targets: dict[Format, Path],
        layout: str,
        options: WriteOptions,
        source: Path | None = None,
    ) -> None:
        """Export in a worker thread, behind a progress dialog that can cancel."""
        names = ", ".join(path.name for path in targets.values())
        dialog = QProgressDialog(
            self.tr("Exporting %1…").replace("%1", names),
            self.tr("Cancel"),
            0,
            PROGRESS_STEPS,
            self._window,
        )
        dialog.setWindowTitle(self.tr("Export"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(200)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        thread = JobThread(lambda: export_job(document, targets, layout, options, source))
        dialog.canceled.connect(thread.cancel)
        thread.progressed.connect(self._progress)
        thread.succeeded.connect(lambda _result: self._done(list(targets.values())))
        thread.failed.connect(self._failed)
        thread.cancelled.connect(lambda: emit(self.finished, False, self.tr("Export cancelled")))
        thread.finished.connect(self._cleanup)
        self.thread, self.dialog = thread, dialog
        thread.start()

    def _progress(self, progress: Progress) -> None:
        """Queued from the worker: the dialog may be gone (closed, cancelled) by the time.

        The value goes last: a modal dialog's ``setValue`` runs the event loop, in which the
        export may finish and the dialog be cleaned up.
        """
        dialog = self.dialog
        if dialog is None:
            return
        if progress.message:
            dialog.setLabelText(progress.message)
        dialog.setValue(int(progress.fraction * PROGRESS_STEPS))

    def _cleanup(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        if self.thread is not None:
            self.thread.deleteLater()
        self.thread = self.dialog = None

    def _failed(self, message: str) -> None:
        self._cleanup_dialog()
        error = self.thread.error if self.thread is not None else None
        show_error(self._window, self.tr("Export failed"), error or message)
        emit(self.finished, False, message)

    def _done(self, paths: list[Path]) -> None:
        self._cleanup_dialog()
        message = self.tr("Exported to %1").replace("%1", ", ".join(str(path) for path in paths))
        emit(self.finished, True, message)
        if not self.offer_folder:
            return
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Export finished"),
            message,
            QMessageBox.StandardButton.Close,
            self._window,
        )
        folder = box.addButton(self.tr("Open containing folder"), QMessageBox.ButtonRole.ActionRole)
        box.exec()
        if box.clickedButton() is folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths[0].parent)))

    def _cleanup_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.hide()
