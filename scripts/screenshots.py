"""Screenshots of the app for the README, at the 1280×800 a laptop shows (offscreen platform).

    python scripts/screenshots.py [OUT_DIR]    # default: docs/screenshots

- ``main-window.png``: an article selected, its form, the preview on its page, highlighted;
- ``preview-zoom.png``: the preview at 150 % with the block being edited highlighted, and
  the page thumbnails;
- ``export-dialog.png``: the export dialog over the window.

Settings go to a throw-away folder; the PNGs are quantised to 256 colours (a fifth the size).
"""

import io
import os
import sys
import tempfile
import time
from pathlib import Path

SCRATCH = Path(tempfile.mkdtemp(prefix="bulletin-screenshots-"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "default.warning=false")
os.environ["XDG_CONFIG_HOME"] = str(SCRATCH / "config")
os.environ["XDG_DATA_HOME"] = str(SCRATCH / "data")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QEventLoop, QLocale, QPoint, QTimer  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from bulletin_studio.storage import sample_document, save_document  # noqa: E402
from bulletin_studio.ui import settings  # noqa: E402
from bulletin_studio.ui.app import start_window, ui_font  # noqa: E402
from bulletin_studio.ui.i18n import install_translators  # noqa: E402

SIZE = (1280, 800)
DOCS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def settle(condition=lambda: True, timeout: float = 90.0) -> None:  # type: ignore[no-untyped-def]
    """Run the event loop until ``condition`` holds and a little longer (paints, timers)."""
    deadline = time.monotonic() + timeout
    loop = QEventLoop()
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there")
        QTimer.singleShot(20, loop.quit)
        loop.exec()
    QTimer.singleShot(300, loop.quit)
    loop.exec()


def save(pixmap: QPixmap, path: Path) -> None:
    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    image = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")
    image.quantize(256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    print(f"{path}: {image.size[0]}×{image.size[1]}, {path.stat().st_size // 1024} KB")


def with_dialog(window: QWidget, dialog: QWidget) -> QPixmap:
    """The window, dimmed as behind a modal dialog, with the dialog painted where it stands
    and framed (grab() shows one widget only, and offscreen windows have no decorations)."""
    picture = window.grab()
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 70))
    offset = dialog.mapToGlobal(QPoint(0, 0)) - window.mapToGlobal(QPoint(0, 0))
    painter.drawPixmap(offset, dialog.grab())
    painter.setPen(QColor(90, 90, 90))
    painter.drawRect(dialog.rect().translated(offset).adjusted(-1, -1, 0, 0))
    painter.end()
    return picture


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else DOCS
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    app.setFont(ui_font(app.font()))
    install_translators(app, QLocale("en"))
    bulletin = SCRATCH / "Bulletin" / "2025-3.bulletin"
    bulletin.parent.mkdir()
    save_document(sample_document(), bulletin)
    window = start_window(bulletin)
    window.resize(*SIZE)
    window.show()
    preview = window.preview
    settle(lambda: preview.result is not None and not preview.is_busy())

    article = window.editor.issue.sections[1].items[0]
    window.outline.select(article.id)
    settle()
    save(window.grab(), out / "main-window.png")

    preview.bar.show_thumbnails(True)
    theme = next(
        block
        for section in window.editor.issue.sections
        for item in section.items
        for block in getattr(item, "blocks", [])
        if block.type == "theme"
    )
    window.select_node(theme.id)
    preview.page_view.set_zoom(1.5)
    region = preview.result.regions[theme.id][0]
    preview.page_view.show_box(region.page - 1, region.box)
    settle(lambda: not preview.thumbnails._stale)
    save(window.grab(), out / "preview-zoom.png")
    preview.bar.show_thumbnails(False)

    dialog = window.export()
    dialog.docx_box.setChecked(True)
    settle()
    save(with_dialog(window, dialog), out / "export-dialog.png")
    dialog.reject()

    window.editor.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    main()
