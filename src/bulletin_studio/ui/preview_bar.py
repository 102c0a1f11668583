"""The controls above the preview: what it shows (layout, print or screen view) and how
(pages, thumbnails, zoom). Only the preview: the export dialog makes its own choices."""

from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bulletin_studio.ui import settings
from bulletin_studio.ui.layout_choice import DEFAULT_LAYOUT, fill_layout_box, selected_layout
from bulletin_studio.ui.page_view import ZOOM_STEPS, Fit, PageView
from bulletin_studio.ui.signals import emit
from bulletin_studio.ui.thumbnails import Thumbnails


class PreviewBar(QWidget):
    choiceChanged = Signal()  # another layout or view: the preview renders again

    def __init__(
        self, page_view: PageView, thumbnails: Thumbnails, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.page_view = page_view
        self.thumbnails = thumbnails
        self._listed = False
        self.layout_box = QComboBox(self)
        self.layout_box.setObjectName("previewLayout")
        self.layout_box.setToolTip(self.tr("Layout the preview shows"))
        self.layout_box.addItem(DEFAULT_LAYOUT, DEFAULT_LAYOUT)  # all of them: list_layouts
        self.layout_box.currentIndexChanged.connect(lambda _: emit(self.choiceChanged))
        self.variant = QComboBox(self)
        self.variant.setObjectName("previewVariant")
        self.variant.addItem(self.tr("Print"), "print")
        self.variant.addItem(self.tr("Screen"), "screen")
        self.variant.setToolTip(
            self.tr(
                "Print: CMYK with bleed and crop marks; screen: RGB at trim size. "
                "Only the preview: the export dialog has its own choice."
            )
        )
        self.variant.currentIndexChanged.connect(lambda _: emit(self.choiceChanged))
        self.status = QLabel(self)
        self.status.setObjectName("previewStatus")
        self._make_page_controls()
        self._make_zoom_controls()
        for widget in (self.layout_box, self.variant, self.page_box, self.zoom_box):
            widget.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab goes to the pages
        page_view.currentPageChanged.connect(self._page_changed)
        page_view.zoomChanged.connect(self._zoom_changed)
        thumbnails.setVisible(self.thumbnails_button.isChecked())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(self._choice_row())
        layout.addLayout(self._navigation_row())

    def _make_page_controls(self) -> None:
        pixmap = QStyle.StandardPixmap
        view = self.page_view
        self.thumbnails_button = self._button(self.tr("Pages"), self.tr("Show page thumbnails"))
        self.thumbnails_button.setCheckable(True)
        shown = settings.settings().value("preview/thumbnails", False, bool)
        self.thumbnails_button.setChecked(bool(shown))
        self.thumbnails_button.toggled.connect(self.show_thumbnails)
        self.previous_button = self._button("", self.tr("Previous page (Page Up)"))
        self.previous_button.setIcon(self.style().standardIcon(pixmap.SP_ArrowUp))
        self.previous_button.clicked.connect(view.previous_page)
        self.next_button = self._button("", self.tr("Next page (Page Down)"))
        self.next_button.setIcon(self.style().standardIcon(pixmap.SP_ArrowDown))
        self.next_button.clicked.connect(view.next_page)
        self.page_box = QSpinBox(self)
        self.page_box.setObjectName("previewPage")
        self.page_box.setRange(1, 1)
        self.page_box.setKeyboardTracking(False)
        self.page_box.setToolTip(self.tr("Page shown"))
        self.page_box.valueChanged.connect(lambda value: view.go_to_page(value - 1))
        self.page_count = QLabel("/ 1", self)

    def _make_zoom_controls(self) -> None:
        view = self.page_view
        self.zoom_out_button = self._button("−", self.tr("Zoom out (Ctrl+-)"))
        self.zoom_out_button.clicked.connect(view.zoom_out)
        self.zoom_in_button = self._button("+", self.tr("Zoom in (Ctrl++)"))
        self.zoom_in_button.clicked.connect(view.zoom_in)
        self.zoom_box = QComboBox(self)
        self.zoom_box.setObjectName("previewZoom")
        self.zoom_box.addItem(self.tr("Fit width"), Fit.WIDTH)
        self.zoom_box.addItem(self.tr("Fit page"), Fit.PAGE)
        for factor in ZOOM_STEPS:  # every step of + and -, so the box always names it
            self.zoom_box.addItem(f"{factor:.0%}", factor)
        self.zoom_box.setToolTip(self.tr("Zoom"))
        self.zoom_box.activated.connect(lambda index: view.set_zoom(self.zoom_box.itemData(index)))

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def _choice_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(6, 4, 6, 2)
        row.addWidget(QLabel(self.tr("Layout"), self))
        row.addWidget(self.layout_box)
        row.addSpacing(8)
        row.addWidget(QLabel(self.tr("View"), self))
        row.addWidget(self.variant)
        row.addStretch(1)
        row.addWidget(self.status)
        return row

    def _navigation_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(6, 2, 6, 4)
        row.setSpacing(2)
        for widget in (self.thumbnails_button, self.previous_button, self.page_box):
            row.addWidget(widget)
        row.addWidget(self.page_count)
        row.addWidget(self.next_button)
        row.addStretch(1)
        for widget in (self.zoom_out_button, self.zoom_box, self.zoom_in_button):
            row.addWidget(widget)
        return row

    # --- layout and view ---------------------------------------------------------------------

    def list_layouts(self, directory: Path) -> None:
        """Every layout file, keeping the one chosen (reading them all takes a moment: the
        preview does this once the window is up)."""
        with QSignalBlocker(self.layout_box):
            fill_layout_box(self.layout_box, self.layout_name(), directory)
        self._listed = True

    def layout_name(self) -> str:
        return selected_layout(self.layout_box)

    def set_layout_name(self, name: str) -> None:
        """Show another layout (before the list is read: the one to select then)."""
        if not self._listed:
            self.layout_box.setItemText(0, name)
            self.layout_box.setItemData(0, name)
            return
        index = self.layout_box.findData(name)
        if index >= 0:
            self.layout_box.setCurrentIndex(index)

    def variant_name(self) -> str:
        return "screen" if self.variant.currentData() == "screen" else "print"

    # --- pages and zoom ----------------------------------------------------------------------

    def show_thumbnails(self, shown: bool) -> None:
        self.thumbnails.setVisible(shown)
        self.thumbnails_button.setChecked(shown)
        settings.settings().setValue("preview/thumbnails", shown)

    def set_page_count(self, pages: int) -> None:
        self.page_box.setMaximum(pages)
        self.page_count.setText(f"/ {pages}")

    def _page_changed(self, page: int) -> None:
        with QSignalBlocker(self.page_box):
            self.page_box.setValue(page + 1)
        self.thumbnails.set_current(page)

    def _zoom_changed(self) -> None:
        index = self.zoom_box.findData(self.page_view.zoom())
        self.zoom_box.setCurrentIndex(index)
        if index < 0:
            self.zoom_box.setPlaceholderText(f"{self.page_view.zoom_factor():.0%}")
