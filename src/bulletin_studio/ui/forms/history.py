"""A form's text boxes and the document's one undo history.

A text box's own undo would diverge from the model (and from the other fields), so its
Ctrl+Z / Ctrl+Shift+Z and its context menu's Undo / Redo go through the document's undo
stack instead (``route_history``). ``TextWatch`` follows a box's selection between edits:
each edit then knows the selection before and after it (undo puts it back), and moving the
cursor without typing closes the typing step (the next word is a step of its own).
"""

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QKeySequence, QTextCursor, QUndoStack
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from bulletin_studio.ui.signals import emit

TextBox = QLineEdit | QPlainTextEdit
Selection = tuple[int, int]
"""(anchor, position), as Qt's cursors have them."""


def box_text(box: TextBox) -> str:
    return box.text() if isinstance(box, QLineEdit) else box.toPlainText()


def selection(box: TextBox) -> Selection:
    if isinstance(box, QLineEdit):
        if not box.hasSelectedText():
            return box.cursorPosition(), box.cursorPosition()
        start, length = box.selectionStart(), len(box.selectedText())
        end = start + length
        return (end, start) if box.cursorPosition() == start else (start, end)
    cursor = box.textCursor()
    return cursor.anchor(), cursor.position()


def set_selection(box: TextBox, anchor: int, position: int) -> None:
    length = len(box_text(box))
    anchor, position = min(max(anchor, 0), length), min(max(position, 0), length)
    if isinstance(box, QLineEdit):
        if anchor == position:
            box.setCursorPosition(position)
        else:
            box.setSelection(anchor, position - anchor)
        return
    cursor = box.textCursor()
    cursor.setPosition(anchor)
    cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
    box.setTextCursor(cursor)


class TextWatch(QObject):
    """The selection of a text box as it was before each edit; ``moved`` when the cursor
    moves without typing (a click, the arrow keys)."""

    moved = Signal()

    def __init__(self, box: TextBox) -> None:
        super().__init__(box)
        self.box = box
        self.shown = box_text(box)
        self.selection = selection(box)
        box.cursorPositionChanged.connect(self._cursor_changed)
        box.selectionChanged.connect(self._cursor_changed)

    def _cursor_changed(self, *_: object) -> None:
        """Qt moves the cursor of an edit before it reports the new text: a move while the
        text differs from what was last seen belongs to that edit, not to the editor."""
        if box_text(self.box) != self.shown:
            return
        now = selection(self.box)
        if now != self.selection:
            self.selection = now
            emit(self.moved)

    def edit(self) -> tuple[str, Selection, Selection]:
        """The text and selection before the edit just made, and the selection after it;
        the edit becomes what was last seen."""
        before_text, before = self.shown, self.selection
        self.resync()
        return before_text, before, self.selection

    def resync(self) -> None:
        """The box was set from the model (undo, redo, another form): start from there."""
        self.shown = box_text(self.box)
        self.selection = selection(self.box)


class _HistoryKeys(QObject):
    def __init__(self, box: TextBox, stack: QUndoStack) -> None:
        super().__init__(box)
        self._box = box
        self._stack = stack

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(
            event, QKeyEvent
        ):
            undo = event.matches(QKeySequence.StandardKey.Undo)
            redo = event.matches(QKeySequence.StandardKey.Redo)
            if not (undo or redo):
                return False
            if kind == QEvent.Type.KeyPress:
                (self._stack.undo if undo else self._stack.redo)()
            event.accept()  # an override accepted: the key comes here, not to the box's undo
            return True
        if kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            self._menu(event)
            return True
        return False

    def _menu(self, event: QContextMenuEvent) -> None:
        """The box's own menu, with the document's Undo and Redo in place of the box's."""
        menu = self._box.createStandardContextMenu()
        for name, make in (
            ("edit-undo", self._stack.createUndoAction),
            ("edit-redo", self._stack.createRedoAction),
        ):
            own = next((a for a in menu.actions() if a.objectName() == name), None)
            action = make(menu)
            action.setObjectName(name)
            if own is not None:
                action.setShortcut(own.shortcut())
                menu.insertAction(own, action)
                menu.removeAction(own)
            else:
                menu.insertAction(menu.actions()[0] if menu.actions() else None, action)
        menu.exec(event.globalPos())
        menu.deleteLater()


def route_history(box: TextBox, stack: QUndoStack) -> None:
    """Undo and redo in ``box`` (keys and context menu) go through the document's ``stack``."""
    keys = _HistoryKeys(box, stack)
    box.installEventFilter(keys)
    if isinstance(box, QPlainTextEdit):
        box.viewport().installEventFilter(keys)  # the context menu arrives there
