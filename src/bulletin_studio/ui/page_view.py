"""The preview's pages: a QPdfDocument drawn page under page, with zoom, a current page,
a highlighted node and clicks mapped to PDF points.

QPdfView cannot say where a page lies on screen, so neither highlights nor clicks could be
placed with it; this view lays the pages out itself and renders the visible ones through
``QPdfDocument.render`` (onto white: the rendered image is transparent).
"""

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QCursor,
    QFocusEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QWidget

from bulletin_studio.ui.signals import emit

Box = tuple[float, float, float, float]
"""x0, y0, x1, y1 in PDF points from the bottom-left corner of the page."""

MARGIN = 12
SPACING = 10
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)
"""Zoom factors the +/- buttons step through; 1.0 shows the page at its printed size."""
CACHED_IMAGES = 8
HIGHLIGHT_FILL = QColor(255, 196, 0, 40)
HIGHLIGHT_EDGE = QColor(214, 140, 0)


class Fit:
    """Zoom modes that follow the view's size."""

    WIDTH = "fit-width"
    PAGE = "fit-page"


@dataclass(frozen=True)
class PagePoint:
    """A point on a page: index from 0 and PDF points from the page's bottom-left corner."""

    page: int
    x: float
    y: float


def merge_boxes(boxes: Iterable[Box], gap: float = 16.0) -> list[Box]:
    """Join boxes that sit one under the other in one column (a heading and its paragraphs)
    into one, so a highlighted item reads as one shape per column rather than a stack."""

    def joinable(a: Box, b: Box) -> bool:
        overlap = min(a[2], b[2]) - max(a[0], b[0])
        narrower = min(a[2] - a[0], b[2] - b[0])
        near = a[3] >= b[1] - gap and a[1] <= b[3] + gap
        return narrower > 0 and overlap >= narrower / 2 and near

    merged = list(boxes)
    joined = True
    while joined:  # a grown box may now reach one it did not before
        joined = False
        for i, j in itertools.combinations(range(len(merged)), 2):
            a, b = merged[i], merged[j]
            if joinable(a, b):
                merged[i] = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
                del merged[j]
                joined = True
                break
    return merged


class PageView(QAbstractScrollArea):
    """Pages of ``document`` one under the other; see the module docstring."""

    currentPageChanged = Signal(int)
    zoomChanged = Signal()
    clicked = Signal(object)  # PagePoint
    painted = Signal()  # the visible pages are on screen (the latency benchmark waits for it)

    def __init__(self, document: QPdfDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._zoom: float | str = Fit.WIDTH
        self._scale = 1.0  # device-independent pixels per PDF point
        self._rects: list[QRectF] = []  # page rectangles in content coordinates
        self._sizes: list[QSizeF] = []
        self._content = QSize(0, 0)
        self._images: dict[tuple[int, int, int], QImage] = {}
        self._highlight: dict[int, list[Box]] = {}
        self._current = 0
        self.clickable: set[int] = set()
        """Pages on which a click means something (the hand cursor shows there)."""
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.viewport().setAutoFillBackground(False)
        self.verticalScrollBar().valueChanged.connect(lambda _value: self._track_current())
        self.verticalScrollBar().setSingleStep(24)

    # --- document and layout ---------------------------------------------------------------

    def reload(self, keep: Iterable[int] = ()) -> None:
        """The document was loaded anew: keep the place if the pages kept their sizes, and
        the pictures of pages ``keep`` (already drawn from the same content)."""
        sizes = [self.document.pagePointSize(page) for page in range(self.document.pageCount())]
        same = sizes == self._sizes
        page = self._current
        kept = set(keep) if same else set()
        self._images = {key: image for key, image in self._images.items() if key[0] in kept}
        self._sizes = sizes
        self._relayout()
        if not same:
            self.go_to_page(min(page, max(0, len(sizes) - 1)))
        self._track_current()
        self.viewport().update()

    def _fit_scale(self) -> float:
        if not self._sizes:
            return 1.0
        width = max(size.width() for size in self._sizes)
        height = max(size.height() for size in self._sizes)
        area = self.viewport().size()
        by_width = max(0.05, (area.width() - 2 * MARGIN) / width)
        if self._zoom == Fit.WIDTH:
            return by_width
        return max(0.05, min(by_width, (area.height() - 2 * MARGIN) / height))

    def _relayout(self) -> None:
        if isinstance(self._zoom, float):
            self._scale = self._zoom * self.logicalDpiX() / 72
        else:
            self._scale = self._fit_scale()
        widest = max((size.width() for size in self._sizes), default=0.0) * self._scale
        content_width = widest + 2 * MARGIN
        left_of = max(content_width, self.viewport().width())
        y = float(MARGIN)
        self._rects = []
        for size in self._sizes:
            width, height = size.width() * self._scale, size.height() * self._scale
            self._rects.append(QRectF((left_of - width) / 2, y, width, height))
            y += height + SPACING
        # room under the last page, so that any page can be scrolled to the top
        last = self._rects[-1].height() if self._rects else 0.0
        bottom = max(float(MARGIN), self.viewport().height() - last - MARGIN)
        self._content = QSize(round(content_width), round(y - SPACING + bottom))
        self.horizontalScrollBar().setRange(
            0, max(0, self._content.width() - self.viewport().width())
        )
        self.horizontalScrollBar().setPageStep(self.viewport().width())
        self.verticalScrollBar().setRange(
            0, max(0, self._content.height() - self.viewport().height())
        )
        self.verticalScrollBar().setPageStep(self.viewport().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        top = self._top_point()
        super().resizeEvent(event)
        self._relayout()
        if top is not None:
            self._scroll_to(top)

    # --- zoom ------------------------------------------------------------------------------

    def zoom(self) -> float | str:
        """A factor (1.0 = printed size) or ``Fit.WIDTH`` / ``Fit.PAGE``."""
        return self._zoom

    def zoom_factor(self) -> float:
        """The factor in effect, also when fitting (for the zoom box and the +/- steps)."""
        return self._scale * 72 / self.logicalDpiX()

    def set_zoom(self, zoom: float | str) -> None:
        """Change the zoom and keep the point at the top of the view where it is."""
        if zoom == self._zoom:
            return
        top = self._top_point()
        self._zoom = float(zoom) if isinstance(zoom, int | float) else zoom
        self._images.clear()
        self._relayout()
        if top is not None:
            self._scroll_to(top)
        self.viewport().update()
        emit(self.zoomChanged)

    def zoom_in(self) -> None:
        current = self.zoom_factor()
        self.set_zoom(next((s for s in ZOOM_STEPS if s > current + 0.01), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        current = self.zoom_factor()
        smaller = [step for step in ZOOM_STEPS if step < current - 0.01]
        self.set_zoom(smaller[-1] if smaller else ZOOM_STEPS[0])

    # --- pages and positions ----------------------------------------------------------------

    def current_page(self) -> int:
        """0-based page at the top of the view."""
        return self._current

    def _track_current(self) -> None:
        top = self.verticalScrollBar().value() + self.viewport().height() * 0.1
        page = 0
        for index, rect in enumerate(self._rects):
            if rect.bottom() > top:
                page = index
                break
        else:
            page = max(0, len(self._rects) - 1)
        if page != self._current:
            self._current = page
            emit(self.currentPageChanged, page)

    def go_to_page(self, page: int) -> None:
        if 0 <= page < len(self._rects):
            self.verticalScrollBar().setValue(round(self._rects[page].top() - MARGIN))
            self._track_current()

    def next_page(self) -> None:
        self.go_to_page(min(self._current + 1, len(self._rects) - 1))

    def previous_page(self) -> None:
        self.go_to_page(max(self._current - 1, 0))

    def show_box(self, page: int, box: Box) -> None:
        """Scroll so that a box of a page is in view: from its page's top when the box fits
        below it, else from just above the box."""
        if not 0 <= page < len(self._rects):
            return
        rect = self._content_rect(page, box)
        vertical, horizontal = self.verticalScrollBar(), self.horizontalScrollBar()
        height, width = self.viewport().height(), self.viewport().width()
        if rect.top() < vertical.value() or rect.bottom() > vertical.value() + height:
            page_top = self._rects[page].top() - MARGIN
            fits = rect.bottom() - page_top <= height
            vertical.setValue(round(page_top if fits else rect.top() - 2 * MARGIN))
        if rect.left() < horizontal.value() or rect.right() > horizontal.value() + width:
            horizontal.setValue(round(rect.left() - MARGIN))
        self._track_current()

    def _offset(self) -> QPointF:
        return QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())

    def _content_rect(self, page: int, box: Box) -> QRectF:
        """A page box (PDF points) as a rectangle in content coordinates."""
        rect = self._rects[page]
        height = self._sizes[page].height()
        x0, y0, x1, y1 = box
        return QRectF(
            rect.left() + x0 * self._scale,
            rect.top() + (height - y1) * self._scale,
            (x1 - x0) * self._scale,
            (y1 - y0) * self._scale,
        )

    def point_at(self, position: QPointF) -> PagePoint | None:
        """The page point under a viewport position, or None between pages."""
        content = position + self._offset()
        for page, rect in enumerate(self._rects):
            if rect.contains(content):
                x = (content.x() - rect.left()) / self._scale
                y = self._sizes[page].height() - (content.y() - rect.top()) / self._scale
                return PagePoint(page, x, y)
        return None

    def view_point(self, point: PagePoint) -> QPointF:
        """Where a page point is in the viewport (the inverse of ``point_at``)."""
        rect = self._rects[point.page]
        height = self._sizes[point.page].height()
        content = QPointF(
            rect.left() + point.x * self._scale, rect.top() + (height - point.y) * self._scale
        )
        return content - self._offset()

    def page_rect(self, page: int) -> QRectF:
        """A page's rectangle in the viewport."""
        return self._rects[page].translated(-self._offset())

    def _top_point(self) -> PagePoint | None:
        """What is at the top of the view, to keep there across a zoom or a resize."""
        if not self._rects:
            return None
        page = self._current
        rect = self._rects[page]
        offset = (self.verticalScrollBar().value() + MARGIN - rect.top()) / self._scale
        return PagePoint(page, 0.0, offset)

    def _scroll_to(self, point: PagePoint) -> None:
        if point.page < len(self._rects):
            rect = self._rects[point.page]
            self.verticalScrollBar().setValue(round(rect.top() - MARGIN + point.y * self._scale))
            self._track_current()

    # --- highlight -------------------------------------------------------------------------

    def set_highlight(self, boxes: Sequence[tuple[int, Box]]) -> None:
        """Boxes to mark (0-based page, PDF points); boxes in one column are drawn as one."""
        by_page: dict[int, list[Box]] = {}
        for page, box in boxes:
            by_page.setdefault(page, []).append(box)
        self._highlight = {page: merge_boxes(found) for page, found in by_page.items()}
        self.viewport().update()

    def highlighted(self) -> dict[int, list[Box]]:
        return self._highlight

    # --- painting --------------------------------------------------------------------------

    def _image(self, page: int, size: QSize, document: QPdfDocument | None = None) -> QImage:
        """A page as shown at ``size``, drawn once (from ``document`` if given, a PDF whose
        page is the same as this view's) and then kept while the view shows it."""
        ratio = self.devicePixelRatioF()
        pixels = QSize(round(size.width() * ratio), round(size.height() * ratio))
        key = (page, pixels.width(), pixels.height())
        image = self._images.get(key) if document is None else None
        if image is None:
            image = QImage(pixels, QImage.Format.Format_RGB32)
            image.fill(Qt.GlobalColor.white)
            painter = QPainter(image)
            painter.drawImage(0, 0, (document or self.document).render(page, pixels))
            painter.end()
            image.setDevicePixelRatio(ratio)
            self._images.pop(key, None)
            while len(self._images) >= CACHED_IMAGES:
                self._images.pop(next(iter(self._images)))
            self._images[key] = image
        return image

    def show_pages_from(self, document: QPdfDocument, pages: Iterable[int]) -> None:
        """Show some pages as drawn in another PDF (the pages in view, set before the rest)."""
        for page in pages:
            if 0 <= page < min(len(self._rects), document.pageCount()):
                self._image(page, self._rects[page].size().toSize(), document)
        self.viewport().update()

    def visible_pages(self) -> tuple[int, int]:
        """First and last page (from 0) with any part in view."""
        visible = QRectF(self.viewport().rect()).translated(self._offset())
        shown = [page for page, rect in enumerate(self._rects) if rect.intersects(visible)]
        return (shown[0], shown[-1]) if shown else (self._current, self._current)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.fillRect(self.viewport().rect(), QColor(107, 107, 107))
        visible = QRectF(self.viewport().rect()).translated(self._offset())
        drawn = False
        for page, rect in enumerate(self._rects):
            if not rect.intersects(visible):
                continue
            target = rect.translated(-self._offset())
            painter.drawImage(target.topLeft(), self._image(page, rect.size().toSize()))
            drawn = True
            for box in self._highlight.get(page, []):
                marked = self._content_rect(page, box).translated(-self._offset())
                marked = marked.adjusted(-3, -3, 3, 3)
                painter.setPen(QPen(HIGHLIGHT_EDGE, 1.5))
                painter.setBrush(HIGHLIGHT_FILL)
                painter.drawRoundedRect(marked, 3, 3)
        if self.hasFocus():
            painter.setPen(QPen(self.palette().highlight().color(), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.viewport().rect()).adjusted(1, 1, -1, -1))
        painter.end()
        if drawn:
            emit(self.painted)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    # --- input -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if event.button() == Qt.MouseButton.LeftButton:
            point = self.point_at(event.position())
            if point is not None:
                emit(self.clicked, point)
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = self.point_at(event.position())
        on_page = point is not None and point.page in self.clickable
        shape = Qt.CursorShape.PointingHandCursor if on_page else Qt.CursorShape.ArrowCursor
        self.viewport().setCursor(QCursor(shape))
        super().mouseMoveEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y()
            if steps > 0:
                self.zoom_in()
            elif steps < 0:
                self.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_PageDown:
            self.next_page()
        elif key == Qt.Key.Key_PageUp:
            self.previous_page()
        elif key == Qt.Key.Key_Home:
            self.go_to_page(0)
        elif key == Qt.Key.Key_End:
            self.go_to_page(len(self._rects) - 1)
        else:
            super().keyPressEvent(event)
