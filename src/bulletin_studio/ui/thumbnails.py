"""Small pictures of the preview's pages, to see the whole issue and jump to a page.

Thumbnails are drawn by QtPdf's own renderer in its thread, only while the strip is shown and
once typing has paused, so they never hold up the page being edited.
"""

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions, QPdfPageRenderer
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

from bulletin_studio.ui.signals import emit

THUMBNAIL_WIDTH = 84
IDLE_MS = 600
"""How long the document must stay unchanged before its thumbnails are redrawn."""


class Thumbnails(QListWidget):
    pageActivated = Signal(int)

    def __init__(self, document: QPdfDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewThumbnails")
        self.document = document
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setSpacing(4)
        self.setIconSize(QSize(THUMBNAIL_WIDTH, round(THUMBNAIL_WIDTH * 1.42)))
        self.setFixedWidth(THUMBNAIL_WIDTH + 34)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the page view is the keyboard's stop
        self._renderer = QPdfPageRenderer(self)
        self._renderer.setRenderMode(QPdfPageRenderer.RenderMode.MultiThreaded)
        self._renderer.setDocument(document)
        self._renderer.pageRendered.connect(self._rendered)
        self._stale: set[int] = set()
        self._requests: dict[int, int] = {}  # request id → page, of the document as it is now
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(IDLE_MS)
        self._timer.timeout.connect(self._request)
        self.itemClicked.connect(lambda item: emit(self.pageActivated, self.row(item)))

    def reload(self) -> None:
        """The document changed: one row per page; pictures follow after a pause."""
        count = self.document.pageCount()
        while self.count() > count:
            self.takeItem(self.count() - 1)
        for page in range(self.count(), count):
            item = QListWidgetItem(self._blank(), str(page + 1))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.addItem(item)
        self._stale = set(range(count))
        self._requests.clear()
        if self.isVisible():
            self._timer.start()

    def _blank(self) -> QIcon:
        pixmap = QPixmap(self.iconSize())
        pixmap.fill(QColor("white"))
        return QIcon(pixmap)

    def _page_size(self, page: int) -> QSize:
        points = self.document.pagePointSize(page)
        scale = THUMBNAIL_WIDTH / max(1.0, points.width())
        return QSize(THUMBNAIL_WIDTH, round(points.height() * scale))

    def _request(self) -> None:
        for page in sorted(self._stale):
            size = self._page_size(page)
            request = self._renderer.requestPage(page, size, QPdfDocumentRenderOptions())
            self._requests[request] = page

    def _rendered(
        self, page: int, _size: QSize, image: QImage, _options: object, request: int
    ) -> None:
        """A picture arrives; one asked for before the document last changed is dropped."""
        if self._requests.pop(request, None) != page or page >= self.count():
            return
        self._stale.discard(page)
        canvas = QPixmap(image.size())
        canvas.fill(QColor("white"))
        painter = QPainter(canvas)
        painter.drawImage(0, 0, image)
        painter.end()
        self.item(page).setIcon(QIcon(canvas))

    def set_current(self, page: int) -> None:
        if 0 <= page < self.count() and page != self.currentRow():
            self.setCurrentRow(page)
            self.scrollToItem(self.item(page))

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self._timer.start()
