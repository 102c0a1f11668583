"""The print-accurate preview: the very PDF the export writes, shown with QtPdf.

Rendering runs in a worker thread ~400 ms after the last edit, so typing never waits for
layout; an edit during a render cancels it and starts again. The visible page is kept across
re-renders, and selecting an item jumps to the page where it starts (``anchor_pages``); the
masthead goes to page 1 and the colophon to the last page.
"""

from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QPointF, Qt, QTimer, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from bulletin_studio.export.progress import Progress
from bulletin_studio.export.writer import WriteOptions
from bulletin_studio.pipeline import Pipeline
from bulletin_studio.render.fonts import FontResolver
from bulletin_studio.settings import SettingsError
from bulletin_studio.storage import Document
from bulletin_studio.ui.editor import IssueEditor
from bulletin_studio.ui.jobs import JobThread
from bulletin_studio.ui.signals import emit

DEBOUNCE_MS = 400
PdfJob = Callable[[Document, str], Generator[Progress, None, Any]]


def pdf_job(pipeline: Pipeline) -> PdfJob:
    """The pipeline's in-memory PDF, keeping fonts and shaped paragraphs between renders.

    Renders run one at a time (a new one waits for the previous to finish or cancel), so the
    pipeline is never used by two threads at once.
    """

    def job(document: Document, variant: str) -> Generator[Progress, None, Any]:
        options = WriteOptions(variant="screen" if variant == "screen" else "print")
        return (yield from pipeline.render(document, "pdf", "default", options))

    return job


def settings_pipeline() -> tuple[Pipeline, str | None]:
    """The pipeline the user's settings ask for; if they cannot be read, the default fonts
    and the reason, so the window still opens and says what to fix."""
    try:
        return Pipeline.from_settings(), None
    except SettingsError as error:
        return Pipeline(FontResolver()), error.message


class PreviewPanel(QWidget):
    renderFailed = Signal(str)
    rendered = Signal(object)  # the pipeline's Rendered: PDF bytes, pages, anchors, problems

    def __init__(
        self,
        editor: IssueEditor,
        pipeline: Pipeline | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._editor = editor
        self.settings_problem: str | None = None
        if pipeline is None:
            pipeline, self.settings_problem = settings_pipeline()
        self._job = pdf_job(pipeline)
        self._thread: JobThread | None = None
        self._pending = False
        self._target: str | None = None
        self.anchor_pages: dict[str, int] = {}
        self._buffer: QBuffer | None = None
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setStyleSheet("background: #6b6b6b;")
        self._message = QLabel(self)
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message.setWordWrap(True)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._message)
        self._stack.addWidget(self.view)
        self.variant = QComboBox(self)
        self.variant.addItem(self.tr("Print"), "print")
        self.variant.addItem(self.tr("Screen"), "screen")
        self.variant.setToolTip(self.tr("Print: CMYK with bleed; screen: RGB with live links"))
        self.variant.currentIndexChanged.connect(lambda _: self.schedule(0))
        self.status = QLabel(self)
        self.status.setObjectName("previewStatus")
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 4)
        bar.addWidget(self.variant)
        bar.addStretch(1)
        bar.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self._stack, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start)
        editor.issueChanged.connect(lambda _key: self.schedule())
        self._show_message(self.tr("Preparing preview…"))
        self.schedule(0)

    def _show_message(self, text: str) -> None:
        self._message.setText(text)
        self._stack.setCurrentWidget(self._message)

    def is_busy(self) -> bool:
        return self._thread is not None or self._timer.isActive() or self._pending

    def schedule(self, delay: int = DEBOUNCE_MS) -> None:
        """Render after a pause in editing; a render already running is cancelled."""
        if self._thread is not None:
            self._pending = True
            self._thread.cancel()
            return
        self._timer.start(delay)

    def _start(self) -> None:
        job, document = self._job, self._editor.snapshot()
        variant = str(self.variant.currentData())
        self._pending = False
        self.status.setText(self.tr("Rendering…"))
        thread = JobThread(lambda: job(document, variant))
        thread.succeeded.connect(self._show_result)
        thread.failed.connect(self._failed)
        thread.finished.connect(self._finished)
        self._thread = thread
        thread.start()

    def _finished(self) -> None:
        if self._thread is not None:
            self._thread.deleteLater()
        self._thread = None
        if self._pending:
            self._pending = False
            self._timer.start(0)

    def _failed(self, message: str) -> None:
        self.status.setText(self.tr("Render failed"))
        if self.document.pageCount() == 0:
            self._show_message(
                self.tr("The preview could not be drawn:\n%1").replace("%1", message)
            )
        emit(self.renderFailed, message)

    def _show_result(self, rendered: Any) -> None:
        """Swap in the new PDF and stay on the page the editor was reading."""
        result = rendered.result
        navigator = self.view.pageNavigator()
        page, location = navigator.currentPage(), navigator.currentLocation()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(rendered.data))
        buffer.open(QBuffer.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        # the masthead opens page 1 and the colophon closes the last page (even when it is
        # empty and so has no anchor of its own)
        self.anchor_pages = {"masthead": 1, "colophon": result.pages, **result.anchor_pages}
        self._stack.setCurrentWidget(self.view)
        self.status.setText(self.tr("%1 pages").replace("%1", str(result.pages)))
        if self._target is not None and self._target in self.anchor_pages:
            self.show_node(self._target)
            self._target = None
        else:
            navigator.jump(min(page, max(0, result.pages - 1)), location)
        emit(self.rendered, rendered)

    def current_page(self) -> int:
        """0-based page at the top of the view."""
        return self.view.pageNavigator().currentPage()

    def show_node(self, key: str) -> None:
        """Scroll to the page where an item (or block, masthead, colophon) starts, now or after
        the next render."""
        page = self.anchor_pages.get(key)
        if page is None:
            owner = self._editor.issue.owner_item(key)
            page = self.anchor_pages.get(owner.id) if owner is not None else None
        if page is None or self.document.pageCount() == 0:
            self._target = key
            return
        self.view.pageNavigator().jump(page - 1, QPointF(0, 0))

    def shutdown(self) -> None:
        """Stop a running render before the window goes away."""
        self._timer.stop()
        if self._thread is not None:
            self._thread.cancel()
            self._thread.wait(5000)
