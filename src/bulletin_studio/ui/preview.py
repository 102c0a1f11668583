"""The print-accurate preview: the very PDF the export writes, in the layout and view chosen
above it (the export dialog makes its own choices: looking at "Screen" never changes a file).

Rendering runs in a worker thread shortly after an edit (``debounce``); an edit during a
render cancels it and starts again. After an edit the pages in view are set first, on their
own (the PDF set through the last of them, ``WriteOptions.through_page``), and shown at once;
the whole issue follows. The selected node is highlighted on the page, and a click on a page
names the node drawn there (``nodeClicked``), both from the writer's regions.
"""

import time
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, Qt, QTimer, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from bulletin_studio.export.pdf import PdfResult
from bulletin_studio.export.progress import Progress
from bulletin_studio.export.writer import WriteOptions
from bulletin_studio.pipeline import Pipeline, Rendered
from bulletin_studio.render.fonts import FontResolver
from bulletin_studio.render.layout import LayoutError
from bulletin_studio.settings import SettingsError
from bulletin_studio.storage import Document
from bulletin_studio.ui.debounce import AdaptiveDebounce
from bulletin_studio.ui.editor import IssueEditor
from bulletin_studio.ui.font_setup import FontSetup, FontSetupView
from bulletin_studio.ui.jobs import JobThread
from bulletin_studio.ui.page_view import PagePoint, PageView
from bulletin_studio.ui.preview_bar import PreviewBar
from bulletin_studio.ui.signals import emit
from bulletin_studio.ui.thumbnails import Thumbnails

PdfJob = Callable[[Document, str, str, int | None], Generator[Progress, None, Any]]


def pdf_job(pipeline: Pipeline) -> PdfJob:
    """The pipeline's in-memory PDF, keeping fonts and shaped paragraphs between renders;
    streams are not deflated (the PDF is read at once from memory), and with ``through_page``
    only the pages up to it are set.

    Renders run one at a time (a new one waits for the previous to finish or cancel), so the
    pipeline is never used by two threads at once.
    """

    def job(
        document: Document, layout: str, variant: str, through_page: int | None
    ) -> Generator[Progress, None, Any]:
        options = WriteOptions(
            variant="screen" if variant == "screen" else "print",
            compress=False,
            through_page=through_page,
        )
        return (yield from pipeline.render(document, "pdf", layout, options))

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
    rendered = Signal(object)  # the pipeline's Rendered: PDF bytes, pages, regions, problems
    pagesUpdated = Signal()  # new pages are in the view (those in view first, then all)
    nodeClicked = Signal(str)  # the id of the node drawn where the editor clicked

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
        self._pipeline = pipeline
        self._job = pdf_job(pipeline)
        self._thread: JobThread | None = None
        self._pending = False
        self._target: str | None = None
        self._highlighted: str | None = None
        self._started_at = 0.0
        self._whole_next: Document | None = None  # after the pages in view, the whole issue
        self._shown: tuple[str, str] | None = None  # layout and view of the pages shown
        self._interim_pages: list[int] = []
        self.debounce = AdaptiveDebounce()
        self.anchor_pages: dict[str, int] = {}
        self.result: PdfResult | None = None
        self._buffer: QBuffer | None = None
        self._interim_buffer: QBuffer | None = None
        self.document = QPdfDocument(self)
        self.interim_document = QPdfDocument(self)
        self.page_view = PageView(self.document, self)
        self.page_view.setObjectName("previewPages")
        self.page_view.clicked.connect(self._clicked)
        self.thumbnails = Thumbnails(self.document, self)
        self.thumbnails.pageActivated.connect(self.page_view.go_to_page)
        self.bar = PreviewBar(self.page_view, self.thumbnails, self)
        self.bar.choiceChanged.connect(lambda: self.schedule(0))
        self._message = QLabel(self)
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message.setWordWrap(True)
        pages = QWidget(self)
        pages_layout = QHBoxLayout(pages)
        pages_layout.setContentsMargins(0, 0, 0, 0)
        pages_layout.setSpacing(0)
        pages_layout.addWidget(self.thumbnails)
        pages_layout.addWidget(self.page_view, 1)
        self._pages = pages
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._message)
        self._stack.addWidget(pages)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.bar)
        layout.addWidget(self._stack, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self._start())
        editor.issueChanged.connect(lambda _key: self.schedule(self.debounce.after_edit()))
        self._show_message(self.tr("Preparing preview…"))
        self.font_setup: FontSetup | None = None
        self._begun = False
        QTimer.singleShot(0, self._begin)  # once the window is up: it need not wait for this

    def _begin(self) -> None:
        """The layouts listed, the fonts checked (and converted on a first start), the
        first render: reading layouts and the system's fonts takes a moment."""
        self.bar.list_layouts(self._pipeline.layouts_dir)
        self._begun = True
        self.font_setup = self._font_setup()
        if self.font_setup is None:
            self.schedule(0)

    def layouts_dir(self) -> Path:
        return self._pipeline.layouts_dir

    def layout_name(self) -> str:
        return self.bar.layout_name()

    # --- first start -------------------------------------------------------------------------

    def _font_setup(self) -> FontSetup | None:
        """Before the first render: the shown layout's faces, converted if the cache lacks
        them (a first start), with a progress bar then."""
        try:
            layout = self._pipeline.layout(self.layout_name())
        except LayoutError:
            return None  # the render reports the layout's problem
        setup = FontSetup(self._pipeline.session.fonts, layout, self)
        setup.conversionStarted.connect(self._show_font_setup)
        setup.finished.connect(self._fonts_ready)
        setup.start()
        return setup

    def _show_font_setup(self) -> None:
        assert self.font_setup is not None
        view = FontSetupView(self.font_setup, self)
        self._stack.addWidget(view)
        self._stack.setCurrentWidget(view)

    def _fonts_ready(self, message: str) -> None:
        if message:
            emit(self.renderFailed, message)
        self._show_message(self.tr("Preparing preview…"))
        self.schedule(0)

    # --- rendering ---------------------------------------------------------------------------

    def _show_message(self, text: str) -> None:
        self._message.setText(text)
        self._stack.setCurrentWidget(self._message)

    def is_busy(self) -> bool:
        setup = self.font_setup is not None and self.font_setup.running()
        rendering = self._thread is not None or self._timer.isActive() or self._pending
        return not self._begun or setup or rendering

    def schedule(self, delay: int = 0) -> None:
        """Render after ``delay`` ms; a render already running is cancelled and redone."""
        if not self._begun or (self.font_setup is not None and self.font_setup.running()):
            return  # the first render follows the font check
        if self._thread is not None:
            self._pending = True
            self._thread.cancel()
            return
        self._timer.start(delay)

    def _pages_first(self, layout: str, variant: str) -> int | None:
        """The last page in view (from 1), when setting only through it is worth doing: the
        pages shown have the new pages' sizes, a page after the cover is in view (the TOC's
        numbers need the whole issue), and at least two pages would be left for later."""
        result = self.result
        if result is None or not result.complete or self._shown != (layout, variant):
            return None
        _first, last = self.page_view.visible_pages()
        through = last + 1
        return through if last > 0 and through < result.pages - 1 else None

    def _start(self, whole: Document | None = None) -> None:
        """Render a snapshot of the issue: the pages in view first if that helps, else all;
        ``whole`` is the snapshot whose pages in view were just shown."""
        layout, variant = self.layout_name(), self.bar.variant_name()
        document = whole or self._editor.snapshot()
        through = None if whole is not None else self._pages_first(layout, variant)
        self._whole_next = document if through is not None else None
        job = self._job
        self._pending = False
        self.bar.status.setText(self.tr("Rendering…"))
        thread = JobThread(lambda: job(document, layout, variant, through))
        thread.succeeded.connect(
            lambda rendered: self._show_result(rendered, layout, variant, through)
        )
        thread.failed.connect(self._failed)
        thread.finished.connect(self._finished)
        self._thread = thread
        if whole is None:
            self._started_at = time.perf_counter()
        thread.start()

    def _finished(self) -> None:
        if self._thread is not None:
            self._thread.deleteLater()
        self._thread = None
        whole, self._whole_next = self._whole_next, None
        if self._pending:
            self._pending = False
            self._timer.start(0)
        elif whole is not None:
            self._start(whole)

    def _failed(self, message: str) -> None:
        self._whole_next = None
        self.bar.status.setText(self.tr("Render failed"))
        if self.document.pageCount() == 0:
            self._show_message(
                self.tr("The preview could not be drawn:\n%1").replace("%1", message)
            )
        emit(self.renderFailed, message)

    def _show_result(
        self, rendered: Rendered, layout: str, variant: str, through: int | None
    ) -> None:
        """Swap in the new PDF, staying where the editor was reading."""
        result = rendered.result
        assert isinstance(result, PdfResult)
        if self._started_at:  # the first PDF after an edit: how long the editor waited
            self.debounce.rendered(time.perf_counter() - self._started_at)
            self._started_at = 0.0
        if through is not None and not result.complete:
            self._show_pages_in_view(rendered.data, through)
            return
        buffer = QBuffer(self)
        buffer.setData(QByteArray(rendered.data))
        buffer.open(QBuffer.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        self.result = result
        self._shown = (layout, variant)
        # the masthead opens page 1 and the colophon closes the last page (even when it is
        # empty and so has no anchor of its own)
        self.anchor_pages = {"masthead": 1, "colophon": result.pages, **result.anchor_pages}
        self.page_view.clickable = {
            region.page - 1 for found in result.regions.values() for region in found
        }
        self._stack.setCurrentWidget(self._pages)
        self.page_view.reload(keep=self._interim_pages)
        self._interim_pages = []
        self.thumbnails.reload()
        self.bar.set_page_count(result.pages)
        self.bar.status.setText(self.tr("%1 pages").replace("%1", str(result.pages)))
        if self._highlighted is not None:
            self.highlight(self._highlighted)
        if self._target is not None:
            target, self._target = self._target, None
            self.show_node(target)
        emit(self.pagesUpdated)
        emit(self.rendered, rendered)

    def _show_pages_in_view(self, data: bytes, through: int) -> None:
        """Draw the pages in view from a PDF set through them; the whole issue follows (and
        keeps these pictures: its pages there are the same)."""
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QBuffer.OpenModeFlag.ReadOnly)
        self.interim_document.load(buffer)
        if self._interim_buffer is not None:
            self._interim_buffer.deleteLater()
        self._interim_buffer = buffer
        emit(self.pagesUpdated)
        first, last = self.page_view.visible_pages()  # the editor may have scrolled since
        self._interim_pages = list(range(max(first, 1), min(last + 1, through)))
        self.page_view.show_pages_from(self.interim_document, self._interim_pages)

    # --- nodes on the page -------------------------------------------------------------------

    def current_page(self) -> int:
        """0-based page at the top of the view."""
        return self.page_view.current_page()

    def _regions(self, key: str) -> list[tuple[int, tuple[float, float, float, float]]]:
        """Where a node is drawn (0-based pages): an item with its blocks, a section's banner."""
        if self.result is None:
            return []
        keys = [key]
        item = self._editor.issue.owner_item(key)
        if item is not None and item.id == key:
            keys += [block.id for block in getattr(item, "blocks", [])]
        regions = self.result.regions
        return [(region.page - 1, region.box) for k in keys for region in regions.get(k, ())]

    def highlight(self, key: str | None) -> None:
        """Mark a node on the page (the selected item, the block being edited)."""
        self._highlighted = key
        self.page_view.set_highlight(self._regions(key) if key else [])

    def show_node(self, key: str) -> None:
        """Bring the start of a node into view and mark it, now or after the next render.

        The masthead goes to page 1 and the colophon to the last page; a node without a
        region of its own (an empty block) goes to its item's page.
        """
        if self.result is None:
            self._target = key
            return
        self.highlight(key)
        found = self._regions(key)
        if found:
            self.page_view.show_box(*found[0])
            return
        page = self.anchor_pages.get(key)
        if page is None:
            owner = self._editor.issue.owner_item(key)
            page = self.anchor_pages.get(owner.id) if owner is not None else None
        if page is not None:
            self.page_view.go_to_page(page - 1)

    def _clicked(self, point: PagePoint) -> None:
        if self.result is None:
            return
        key = self.result.node_at(point.page + 1, point.x, point.y)
        if key is not None:
            emit(self.nodeClicked, key)

    def shutdown(self) -> None:
        """Stop a running render (and wait for a font conversion) before the window goes."""
        self._timer.stop()
        if self._thread is not None:
            self._thread.cancel()
            self._thread.wait(5000)
        if self.font_setup is not None:
            self.font_setup.wait(60_000)
