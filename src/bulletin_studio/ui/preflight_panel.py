"""The print shop's preflight in the app: the report of ``bulletin-studio preflight``.

The check makes the print PDF in memory (in a worker thread) and reads it as a print shop
would; each finding shows where it is and what to do, and clicking one selects its item.
"""

from collections.abc import Generator
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bulletin_studio.export.progress import Progress
from bulletin_studio.export.writer import PdfX
from bulletin_studio.pipeline import Pipeline
from bulletin_studio.preflight.print_file import Finding, PrintReport
from bulletin_studio.storage import Document
from bulletin_studio.ui.editor import IssueEditor
from bulletin_studio.ui.jobs import JobThread
from bulletin_studio.ui.signals import emit

KEY_ROLE = Qt.ItemDataRole.UserRole


def preflight_job(document: Document, pdfx: PdfX) -> Generator[Progress, None, Any]:
    """The pipeline's print preflight, with fonts and profile as the user's settings give."""
    yield Progress(0, 1, "")
    return (yield from Pipeline.from_settings().preflight_print(document, "default", pdfx))


class PreflightPanel(QWidget):
    """Findings, worst first; ``finished`` tells tests and the window the check is done."""

    nodeActivated = Signal(str)
    finished = Signal(bool)  # True when the file would be accepted

    def __init__(self, editor: IssueEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print preflight"))
        self._editor = editor
        self.thread: JobThread | None = None
        self.report: PrintReport | None = None
        self.standard = QComboBox(self)
        self.standard.addItem(self.tr("PDF/X-4"), "x4")
        self.standard.addItem(self.tr("PDF/X-1a:2003"), "x1a")
        self.run_button = QPushButton(self.tr("Check print file"), self)
        self.run_button.clicked.connect(self.run)
        self.summary = QLabel(self.tr("Not checked yet"), self)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("preflightTree")
        self.tree.setHeaderLabels([self.tr("Finding"), self.tr("Where"), self.tr("What to do")])
        self.tree.setColumnWidth(0, 420)
        self.tree.setColumnWidth(1, 260)
        self.tree.setRootIsDecorated(False)
        self.tree.itemClicked.connect(self._clicked)
        bar = QHBoxLayout()
        bar.addWidget(self.standard)
        bar.addWidget(self.run_button)
        bar.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.tree)

    def run(self) -> None:
        """Check the issue as it is now; a check already running is left to finish."""
        if self.thread is not None:
            return
        document = self._editor.snapshot()
        pdfx: PdfX = "x1a" if self.standard.currentData() == "x1a" else "x4"
        self.run_button.setEnabled(False)
        self.summary.setText(self.tr("Checking…"))
        thread = JobThread(lambda: preflight_job(document, pdfx))
        thread.succeeded.connect(self._show)
        thread.failed.connect(self._failed)
        thread.finished.connect(self._done)
        self.thread = thread
        thread.start()

    def _done(self) -> None:
        if self.thread is not None:
            self.thread.deleteLater()
        self.thread = None
        self.run_button.setEnabled(True)

    def _failed(self, message: str) -> None:
        self.tree.clear()
        self.summary.setText(self.tr("Could not check: %1").replace("%1", message))
        emit(self.finished, False)

    def _show(self, report: PrintReport) -> None:
        self.report = report
        self.tree.clear()
        style = self.style()
        icons = {
            "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            "info": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
        }
        for finding in report.findings:
            row = QTreeWidgetItem([finding.message, self._where(finding), finding.action])
            row.setIcon(0, icons[finding.severity])
            row.setToolTip(0, finding.message)
            row.setToolTip(2, finding.action)
            row.setData(0, KEY_ROLE, finding.item_id or "")
            self.tree.addTopLevelItem(row)
        errors, warnings = report.count("error"), report.count("warning")
        verdict = (
            self.tr("the print shop would refuse it")
            if report.refused
            else self.tr("ready for the print shop")
        )
        self.summary.setText(
            self.tr("%1 errors, %2 warnings: %3")
            .replace("%1", str(errors))
            .replace("%2", str(warnings))
            .replace("%3", verdict)
        )
        emit(self.finished, not report.refused)

    def _where(self, finding: Finding) -> str:
        parts = []
        if finding.pages:
            pages = ", ".join(str(page) for page in finding.pages)
            parts.append(self.tr("p. %1").replace("%1", pages))
        if finding.item_title:
            parts.append(finding.item_title)
        return " · ".join(parts)

    def _clicked(self, row: QTreeWidgetItem, _column: int) -> None:
        key = row.data(0, KEY_ROLE)
        if key:
            emit(self.nodeActivated, key)
