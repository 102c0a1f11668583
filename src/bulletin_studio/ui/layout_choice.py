"""The layouts an editor can pick (``layouts/*.toml``), for the preview's and the export's
layout boxes: the file's name, the page size, and its own description as a tooltip."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox

from bulletin_studio.paths import LAYOUTS_DIR
from bulletin_studio.render.layout import LayoutError, available_layouts, load_layout

DEFAULT_LAYOUT = "default"


def fill_layout_box(combo: QComboBox, selected: str, directory: Path = LAYOUTS_DIR) -> None:
    """One entry per layout file (data: its name); a file that does not load is listed but
    disabled, with the loader's message as its tooltip, so the editor sees what to fix."""
    combo.clear()
    for name in available_layouts(directory):
        try:
            layout = load_layout(name, directory)
        except LayoutError as error:
            combo.addItem(name, name)
            index = combo.count() - 1
            combo.setItemData(index, error.message, role=Qt.ItemDataRole.ToolTipRole)
            combo.model().item(index).setEnabled(False)  # type: ignore[attr-defined]
            continue
        size = QCoreApplication.translate("Layouts", "%1 × %2 mm")
        size = size.replace("%1", f"{layout.page.width:g}").replace("%2", f"{layout.page.height:g}")
        combo.addItem(f"{name} ({size})", name)
        combo.setItemData(combo.count() - 1, layout.description, role=Qt.ItemDataRole.ToolTipRole)
    index = combo.findData(selected)
    combo.setCurrentIndex(index if index >= 0 else max(0, combo.findData(DEFAULT_LAYOUT)))


def selected_layout(combo: QComboBox) -> str:
    return str(combo.currentData() or DEFAULT_LAYOUT)
