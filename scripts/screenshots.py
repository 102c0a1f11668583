"""Screenshots of the app for the README, at the 1280×800 a laptop shows (offscreen platform).

    python scripts/screenshots.py [OUT_DIR]    # default: docs/screenshots

- ``main-window.png``: an article selected, its form, the preview on its page, highlighted;
- ``preview-zoom.png``: the preview at 150 % with the block being edited highlighted, and
  the page thumbnails;
- ``export-dialog.png``: the export dialog over the window.

Settings go to a throw-away folder; the PNGs are quantised to 256 colours (a fifth the size).
"""

import sys
from pathlib import Path

from capture import sample_window, save, settle  # first: it sets the profile before Qt loads
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QWidget

DOCS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


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
    _app, window = sample_window(sys.argv[:1])  # the application lives while main runs
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
