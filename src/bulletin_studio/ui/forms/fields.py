"""Bindings between one input widget and one model field.

Each change is tried on a copy of the node (``IssueEditor.set_field``). If the model refuses
it, its own message appears under the field and what was typed is kept as the field's draft
(saved with the issue, listed in Problems), so it survives selecting another item, undo/redo
and reopening the file; the field's value stays the last valid one until the draft is fixed.
Undo/redo and other edits reach the widget through ``refresh``, which leaves the widget alone
while it still shows what it last pushed (so the cursor does not jump and a trailing space
being typed is not stripped away). A text box's edits carry what was typed and the selection
before and after (see ``history``), so typing is undone a word at a time, the cursor comes
back with an undo, and the box's own Ctrl+Z goes through the document's history.
"""

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from PySide6.QtCore import QCoreApplication, QDate, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bulletin_studio.ui.commands import Caret, Keystroke
from bulletin_studio.ui.editor import IssueEditor
from bulletin_studio.ui.forms import kinds
from bulletin_studio.ui.forms.entries import ListEntriesField
from bulletin_studio.ui.forms.history import (
    TextBox,
    TextWatch,
    box_text,
    route_history,
    set_selection,
)
from bulletin_studio.ui.forms.images import ImageField, LogosField
from bulletin_studio.ui.forms.richtext import GrowingTextEdit, RichTextEdit
from bulletin_studio.ui.labels import field_label, kind_label
from bulletin_studio.ui.signals import emit

ERROR_STYLE = "color: #b3261e; font-size: 90%;"


class DateField(QWidget):
    """An optional date: a check box says whether there is one."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check = QCheckBox(QCoreApplication.translate("Forms", "Set"), self)
        self._date = QDateEdit(self)
        self._date.setCalendarPopup(True)
        self._date.setDisplayFormat("yyyy-MM-dd")
        self._check.toggled.connect(self._date.setEnabled)
        self._check.toggled.connect(lambda _: emit(self.changed, self.value()))
        self._date.dateChanged.connect(lambda _: emit(self.changed, self.value()))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._check)
        layout.addWidget(self._date)
        layout.addStretch(1)
        self.setFocusProxy(self._check)
        self.set_value(None)

    def value(self) -> dt.date | None:
        return self._date.date().toPython() if self._check.isChecked() else None

    def set_value(self, value: dt.date | None) -> None:
        self.blockSignals(True)
        self._check.setChecked(value is not None)
        self._date.setEnabled(value is not None)
        self._date.setDate(QDate(value) if value else QDate.currentDate())
        self.blockSignals(False)


@dataclass(frozen=True)
class DraftText:
    """How a widget's input becomes a draft's text, and how a draft's text is shown again."""

    encode: Callable[[Any], str]
    show: Callable[[str], None]


class FieldBinding(QObject):
    """One input bound to ``field`` of the node ``key``; ``row`` is what goes into the form.

    Without ``draft`` (widgets whose every value the model accepts: dates, check boxes, images)
    a refused value only shows the message. ``text_box`` is the box typed into, for a text
    field (the widget itself, or the box inside it).
    """

    def __init__(
        self,
        editor: IssueEditor,
        key: str,
        field: str,
        widget: QWidget,
        setter: Callable[[Any], None],
        convert: Callable[[Any], Any] = lambda value: value,
        merge: bool = True,
        draft: DraftText | None = None,
        text_box: TextBox | None = None,
    ) -> None:
        super().__init__(widget)
        self.editor, self.key, self.field, self.widget = editor, key, field, widget
        self._setter, self._convert, self._merge, self._draft = setter, convert, merge, draft
        self._updating = False
        self.text_box = text_box
        self._watch: TextWatch | None = None
        if text_box is not None:
            self._watch = TextWatch(text_box)
            self._watch.moved.connect(editor.end_typing)
            route_history(text_box, editor.undo_stack)
        widget.setObjectName(f"field_{field}")
        self.error = QLabel(widget.parentWidget())
        self.error.setObjectName(f"error_{field}")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.row = QWidget(widget.parentWidget())
        layout = QVBoxLayout(self.row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self.error)
        self.row.setFocusProxy(widget)
        self._last: tuple[Any, str | None] | None = None
        self.refresh()

    def _state(self) -> tuple[Any, str | None]:
        """What the widget stands for: the field's value and its draft (None without one)."""
        node = self.editor.node(self.key)
        value = getattr(node, self.field) if node is not None else None
        draft = self.editor.draft(self.key, self.field) if self._draft is not None else None
        return value, draft.text if draft is not None else None

    def push(self, raw: Any, merge: bool | None = None) -> None:
        """The widget changed: set the field, or keep what was typed as its draft."""
        if self._updating:
            return
        label = field_label(self.field, type(self.editor.node(self.key)))
        text = QCoreApplication.translate("Forms", "Edit %1").replace("%1", label)
        merge = self._merge if merge is None else merge
        draft = self._draft.encode(raw) if self._draft is not None else None
        keystroke, carets = None, (None, None)
        if self._watch is not None and self.text_box is not None:
            before_text, before, after = self._watch.edit()
            keystroke = Keystroke.between(before_text, box_text(self.text_box), after[1])
            carets = (Caret(self.key, self.field, *before), Caret(self.key, self.field, *after))
        message = self.editor.set_field(
            self.key,
            self.field,
            self._convert(raw),
            text=text,
            merge=merge,
            draft=draft,
            keystroke=keystroke,
            carets=carets,
        )
        self.set_error(message)
        self._last = self._state()

    def set_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        self.widget.setToolTip(message or "")

    def refresh(self) -> None:
        """Follow the model (undo, redo, another form) unless the widget already shows it."""
        state = self._state()
        if state == self._last:
            return
        self._last = state
        value, draft = state
        self._updating = True
        try:
            if draft is not None and self._draft is not None:
                self._draft.show(draft)
            else:
                self._setter(value)
        finally:
            self._updating = False
        if self._watch is not None:
            self._watch.resync()
        message = self.editor.draft_message(self.key, self.field) if draft is not None else None
        self.set_error(message)

    def reveal(self, anchor: int = -1, position: int = -1) -> None:
        """Focus the field, with the selection (anchor, position) when given."""
        self.widget.setFocus()
        if self.text_box is not None and self._watch is not None and anchor >= 0:
            set_selection(self.text_box, anchor, position)
            self._watch.resync()


def _show_number(spin: QSpinBox | QDoubleSpinBox, text: str) -> None:
    """A number's draft (kept when the model refuses it, e.g. 总期数 below 本年期数)."""
    try:
        number = float(text)
    except ValueError:
        return
    if isinstance(spin, QSpinBox):
        spin.setValue(int(number))
    else:
        spin.setValue(number)


def _show_rows(entries: ListEntriesField, text: str) -> None:
    try:
        rows = json.loads(text)
    except ValueError:
        return
    if isinstance(rows, list):
        entries.set_rows([row for row in rows if isinstance(row, dict)])


def bind_field(
    editor: IssueEditor,
    key: str,
    model: type[BaseModel],
    field: str,
    parent: QWidget,
    kind: str | None = None,
) -> FieldBinding:
    """Make the widget a field's type asks for, and bind it."""
    kind = kind or kinds.field_kind(model, field)
    optional = kinds.is_optional(model, field)

    def text_value(text: str) -> str | None:
        return None if optional and not text.strip() else text

    if kind == "rich":
        rich = RichTextEdit(parent=parent)
        binding = FieldBinding(
            editor,
            key,
            field,
            rich,
            lambda v: rich.set_text(v or ""),
            draft=DraftText(str, rich.set_text),
            text_box=rich.text_edit,
        )
        rich.edited.connect(binding.push)
    elif kind == "multiline":
        plain = GrowingTextEdit(parent=parent)

        def set_plain(value: str | None) -> None:
            if plain.toPlainText() != (value or ""):
                plain.setPlainText(value or "")

        binding = FieldBinding(
            editor, key, field, plain, set_plain, draft=DraftText(str, set_plain), text_box=plain
        )
        plain.textChanged.connect(lambda: binding.push(plain.toPlainText()))
    elif kind == "bool":
        check = QCheckBox(field_label(field, model), parent)
        binding = FieldBinding(editor, key, field, check, lambda v: check.setChecked(bool(v)))
        check.toggled.connect(binding.push)
    elif kind in ("int", "float"):
        low, high = kinds.bounds(model, field)
        spin = QSpinBox(parent) if kind == "int" else QDoubleSpinBox(parent)
        spin.setRange(low if low is not None else 0, high if high is not None else 9999)
        if kind == "float":
            spin.setSingleStep(0.05)
        spin.setKeyboardTracking(True)
        binding = FieldBinding(
            editor,
            key,
            field,
            spin,
            lambda v: spin.setValue(v or 0),
            draft=DraftText(str, lambda text: _show_number(spin, text)),
        )
        spin.valueChanged.connect(binding.push)
    elif kind == "choice":
        combo = QComboBox(parent)
        for value in kinds.choices(model, field):
            combo.addItem(kind_label(value), value)
        binding = FieldBinding(
            editor, key, field, combo, lambda v: combo.setCurrentIndex(combo.findData(str(v)))
        )
        combo.currentIndexChanged.connect(lambda _: binding.push(combo.currentData()))
    elif kind == "date":
        date = DateField(parent)
        binding = FieldBinding(editor, key, field, date, date.set_value)
        date.changed.connect(binding.push)
    elif kind == "image":
        image = ImageField(editor.assets, parent)
        binding = FieldBinding(editor, key, field, image, image.set_value, merge=False)
        image.changed.connect(binding.push)
        image.failed.connect(binding.set_error)
    elif kind == "entries":
        entries = ListEntriesField(parent, history=editor.undo_stack)
        binding = FieldBinding(
            editor,
            key,
            field,
            entries,
            entries.set_value,
            draft=DraftText(
                lambda rows: json.dumps(rows, ensure_ascii=False),
                lambda text: _show_rows(entries, text),
            ),
        )
        entries.changed.connect(binding.push)
    elif kind == "logos":
        logos = LogosField(editor.assets, parent)
        binding = FieldBinding(editor, key, field, logos, logos.set_value, merge=False)
        logos.changed.connect(binding.push)
        logos.failed.connect(binding.set_error)
    else:
        line = QLineEdit(parent)
        if kind == "url":
            line.setPlaceholderText("https://")
        elif kind == "email":
            line.setPlaceholderText("name@example.org")

        def set_line(value: str | None) -> None:
            if line.text() != (value or ""):
                line.setText(value or "")

        binding = FieldBinding(
            editor,
            key,
            field,
            line,
            set_line,
            text_value,
            draft=DraftText(str, set_line),
            text_box=line,
        )
        line.textEdited.connect(binding.push)
    tip = kinds.description(model, field)
    if tip and not binding.widget.toolTip():
        binding.widget.setWhatsThis(tip)
    return binding


def add_rows(
    form: QFormLayout,
    editor: IssueEditor,
    key: str,
    model: type[BaseModel],
    fields: list[str],
    parent: QWidget,
    overrides: dict[str, str] | None = None,
) -> list[FieldBinding]:
    """Bind ``fields`` of ``model`` at ``key`` and add one labelled row per field."""
    bindings = []
    for field in fields:
        binding = bind_field(editor, key, model, field, parent, (overrides or {}).get(field))
        label = "" if isinstance(binding.widget, QCheckBox) else field_label(field, model)
        form.addRow(label, binding.row)
        bindings.append(binding)
    return bindings


def new_form_layout() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setHorizontalSpacing(12)
    form.setVerticalSpacing(8)
    return form
