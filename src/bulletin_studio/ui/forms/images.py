"""Image fields: a thumbnail, a file dialog and drag-and-drop, all storing into the package.

Adding goes through ``AssetStore.add_file`` so an unusable file is refused with storage's
own message (size, format, decompression bomb) before the model ever refers to it.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bulletin_studio.model.blocks import ImageRef
from bulletin_studio.storage import AssetStore, StorageError
from bulletin_studio.ui.signals import emit

THUMB = 72
IMAGE_FILTER = "*.png *.jpg *.jpeg *.gif *.webp"


def dropped_files(mime: QMimeData) -> list[Path]:
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def choose_image_files(parent: QWidget, many: bool) -> list[Path]:
    caption = QCoreApplication.translate("Images", "Choose image")
    file_filter = QCoreApplication.translate("Images", "Images") + f" ({IMAGE_FILTER})"
    if many:
        names, _ = QFileDialog.getOpenFileNames(parent, caption, "", file_filter)
        return [Path(name) for name in names]
    name, _ = QFileDialog.getOpenFileName(parent, caption, "", file_filter)
    return [Path(name)] if name else []


def thumbnail(assets: AssetStore, name: str) -> QPixmap:
    pixmap = QPixmap()
    pixmap.loadFromData(assets.get(name, b""))
    if pixmap.isNull():
        return pixmap
    return pixmap.scaled(
        THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


class _Thumb(QLabel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFixedSize(THUMB + 6, THUMB + 6)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("background: palette(base); color: palette(mid);")

    def show_asset(self, assets: AssetStore, name: str | None) -> None:
        pixmap = thumbnail(assets, name) if name else QPixmap()
        self.setPixmap(pixmap)
        if pixmap.isNull():
            self.setText(
                QCoreApplication.translate("Images", "No image")
                if not name
                else QCoreApplication.translate("Images", "Missing")
            )


class ImageField(QWidget):
    """One optional image with its alternative text; ``changed`` carries ImageRef or None."""

    changed = Signal(object)
    failed = Signal(str)

    def __init__(self, assets: AssetStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._assets = assets
        self._value: ImageRef | None = None
        self.setAcceptDrops(True)
        self._thumb = _Thumb(self)
        self._choose = QPushButton(QCoreApplication.translate("Images", "Choose…"), self)
        self._choose.clicked.connect(self._pick)
        self._remove = QPushButton(QCoreApplication.translate("Images", "Remove"), self)
        self._remove.clicked.connect(lambda: self._emit(None))
        self._alt = QLineEdit(self)
        self._alt.setPlaceholderText(
            QCoreApplication.translate("Images", "Alternative text (for screen readers)")
        )
        self._alt.textEdited.connect(self._alt_edited)
        hint = QLabel(QCoreApplication.translate("Images", "or drop an image file here"), self)
        hint.setStyleSheet("color: palette(mid);")
        buttons = QHBoxLayout()
        buttons.addWidget(self._choose)
        buttons.addWidget(self._remove)
        buttons.addStretch(1)
        side = QVBoxLayout()
        side.addLayout(buttons)
        side.addWidget(self._alt)
        side.addWidget(hint)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._thumb)
        layout.addLayout(side, 1)
        self.set_value(None)

    def value(self) -> ImageRef | None:
        return self._value

    def set_value(self, value: ImageRef | None) -> None:
        self._value = value
        self._thumb.show_asset(self._assets, value.asset if value else None)
        self._remove.setEnabled(value is not None)
        self._alt.setEnabled(value is not None)
        alt = value.alt if value else ""
        if self._alt.text().strip() != alt:  # the model strips: keep the space being typed
            self._alt.setText(alt)

    def add_file(self, path: Path) -> None:
        try:
            name = self._assets.add_file(path)
        except StorageError as error:
            emit(self.failed, error.message)
            return
        self._emit(ImageRef(asset=name, alt=self._value.alt if self._value else ""))

    def _pick(self) -> None:
        for path in choose_image_files(self, many=False):
            self.add_file(path)

    def _alt_edited(self, text: str) -> None:
        if self._value is not None:
            self._emit(ImageRef(asset=self._value.asset, alt=text))

    def _emit(self, value: ImageRef | None) -> None:
        self.set_value(value)
        emit(self.changed, value)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = dropped_files(event.mimeData())
        if files:
            self.add_file(files[0])
            event.acceptProposedAction()


class LogosField(QWidget):
    """A row of logos; ``changed`` carries the new list of ImageRef."""

    changed = Signal(object)
    failed = Signal(str)

    def __init__(self, assets: AssetStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._assets = assets
        self._value: list[ImageRef] = []
        self.setAcceptDrops(True)
        self._row = QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        add = QPushButton(QCoreApplication.translate("Images", "Add logos…"), self)
        add.clicked.connect(lambda: self.add_files(choose_image_files(self, many=True)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._row)
        footer = QHBoxLayout()
        footer.addWidget(add)
        footer.addWidget(
            QLabel(QCoreApplication.translate("Images", "or drop image files here"), self)
        )
        footer.addStretch(1)
        layout.addLayout(footer)

    def value(self) -> list[ImageRef]:
        return list(self._value)

    def set_value(self, value: list[ImageRef]) -> None:
        self._value = list(value)
        while self._row.count():
            widget = self._row.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for index, ref in enumerate(self._value):
            cell = QWidget(self)
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            thumb = _Thumb(cell)
            thumb.show_asset(self._assets, ref.asset)
            remove = QToolButton(cell)
            remove.setText("✕")
            remove.setToolTip(QCoreApplication.translate("Images", "Remove this logo"))
            remove.clicked.connect(lambda _=False, i=index: self._remove(i))
            cell_layout.addWidget(thumb)
            cell_layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignHCenter)
            self._row.addWidget(cell)
        self._row.addStretch(1)

    def add_files(self, paths: list[Path]) -> None:
        added = list(self._value)
        for path in paths:
            try:
                added.append(ImageRef(asset=self._assets.add_file(path)))
            except StorageError as error:
                emit(self.failed, error.message)
                return
        if paths:
            self._emit(added)

    def _remove(self, index: int) -> None:
        self._emit([ref for i, ref in enumerate(self._value) if i != index])

    def _emit(self, value: list[ImageRef]) -> None:
        self.set_value(value)
        emit(self.changed, value)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.add_files(dropped_files(event.mimeData()))
        event.acceptProposedAction()
