"""Export to PDF or DOCX in a worker thread behind a progress dialog that can cancel."""

from collections.abc import Generator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from bulletin_studio.export.progress import Progress
from bulletin_studio.export.writer import Format, PdfX, WriteOptions
from bulletin_studio.pipeline import Pipeline
from bulletin_studio.storage import Document
from bulletin_studio.ui.jobs import JobThread
from bulletin_studio.ui.signals import emit

PROGRESS_STEPS = 1000


def export_job(
    kind: Format, document: Document, out: Path, variant: str, pdfx: PdfX | None = None
) -> Generator[Progress, None, Any]:
    """The pipeline's export, with fonts as the user's settings give them.

    ``pdfx`` is the print file's standard (X-4 when None); a screen PDF has none.
    """
    yield Progress(0, 1, "")
    screen = variant == "screen"
    options = WriteOptions(variant="screen" if screen else "print", pdfx=None if screen else pdfx)
    return (yield from Pipeline.from_settings().export(document, {kind: out}, "default", options))


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
        kind: Format,
        document: Document,
        out: Path,
        variant: str,
        pdfx: PdfX | None = None,
    ) -> None:
        dialog = QProgressDialog(
            self.tr("Exporting %1…").replace("%1", out.name),
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
        thread = JobThread(lambda: export_job(kind, document, out, variant, pdfx))
        dialog.canceled.connect(thread.cancel)
        thread.progressed.connect(self._progress)
        thread.succeeded.connect(lambda _result: self._done(out))
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
        QMessageBox.critical(self._window, self.tr("Export failed"), message)
        emit(self.finished, False, message)

    def _done(self, out: Path) -> None:
        self._cleanup_dialog()
        message = self.tr("Exported to %1").replace("%1", str(out))
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
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(out.parent)))

    def _cleanup_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.hide()
