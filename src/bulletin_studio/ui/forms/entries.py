"""The entries of a list block: a lead term and a text per row, added and removed in place.

The rows go out as plain dicts, not ``ListEntry``: the model checks them (a bad link in a
row's text is refused and the rows are kept as the field's draft), not this widget.
"""

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QGridLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bulletin_studio.model import ListEntry
from bulletin_studio.ui.forms.history import route_history
from bulletin_studio.ui.signals import emit

Row = dict[str, str]


class ListEntriesField(QWidget):
    """``changed(list[Row], merge)``: merge is False for adding or removing a row. Undo and
    redo in a row go through ``history`` (the document's undo stack) when given."""

    changed = Signal(object, bool)

    def __init__(self, parent: QWidget | None = None, history: QUndoStack | None = None) -> None:
        super().__init__(parent)
        self._history = history
        self._rows: list[tuple[QLineEdit, QLineEdit, QToolButton]] = []
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(0, 1)
        self._grid.setColumnStretch(1, 3)
        add = QPushButton(QCoreApplication.translate("Entries", "Add entry"), self)
        add.clicked.connect(self._add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._grid)
        layout.addWidget(add)

    def value(self) -> list[Row]:
        return [{"lead": lead.text(), "text": text.text()} for lead, text, _ in self._rows]

    def set_value(self, entries: list[ListEntry]) -> None:
        self.set_rows([entry.model_dump() for entry in entries])

    def set_rows(self, rows: list[Row]) -> None:
        while len(self._rows) > len(rows):
            for widget in self._rows.pop():
                widget.deleteLater()
        while len(self._rows) < len(rows):
            self._append_row()
        for (lead, text, _), row in zip(self._rows, rows, strict=True):
            if lead.text() != str(row.get("lead", "")):
                lead.setText(str(row.get("lead", "")))
            if text.text() != str(row.get("text", "")):
                text.setText(str(row.get("text", "")))

    def _append_row(self) -> None:
        row = len(self._rows)
        lead = QLineEdit(self)
        lead.setPlaceholderText(QCoreApplication.translate("Entries", "Lead term (bold)"))
        text = QLineEdit(self)
        text.setPlaceholderText(QCoreApplication.translate("Entries", "Text"))
        remove = QToolButton(self)
        remove.setText("✕")
        remove.setToolTip(QCoreApplication.translate("Entries", "Remove entry"))
        if self._history is not None:
            route_history(lead, self._history)
            route_history(text, self._history)
        lead.textEdited.connect(lambda _: emit(self.changed, self.value(), True))
        text.textEdited.connect(lambda _: emit(self.changed, self.value(), True))
        remove.clicked.connect(lambda: self._remove(remove))
        self._grid.addWidget(lead, row, 0)
        self._grid.addWidget(text, row, 1)
        self._grid.addWidget(remove, row, 2)
        self._rows.append((lead, text, remove))

    def _add(self) -> None:
        self._append_row()
        self._rows[-1][0].setFocus()
        emit(self.changed, self.value(), False)

    def _remove(self, button: QToolButton) -> None:
        entries = self.value()
        index = next(i for i, row in enumerate(self._rows) if row[2] is button)
        del entries[index]
        self.set_rows(entries)
        emit(self.changed, entries, False)
