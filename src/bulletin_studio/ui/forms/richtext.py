"""A text box for the inline Markdown subset, with bold/italic/link buttons.

Bold, italic and links show as formatting while typing (``markup_highlighter``).

The text stays Markdown (what the model stores and the reviewers' DOCX round-trips); the
buttons only wrap the selection, so an editor never needs to remember the syntax.
"""

import math

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QResizeEvent, QTextCursor, QTextOption
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bulletin_studio.ui.forms.markup_highlighter import MarkupHighlighter
from bulletin_studio.ui.signals import emit


class GrowingTextEdit(QPlainTextEdit):
    """Grows with its text so a form scrolls as a whole, not box by box: no scroll bars
    (long words and URLs wrap too) until a paragraph passes ``MAX_LINES`` lines.

    Shift+Enter is a line break in the text. Enter is one too, unless the box stands for a
    paragraph (``splits_paragraphs``): then it asks for a new paragraph (``paragraphBreak``
    with the selection's start and end) as a word processor does.
    """

    paragraphBreak = Signal(int, int)
    MAX_LINES = 40

    def __init__(self, min_lines: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._min_lines = min_lines
        self.splits_paragraphs = False
        self.setTabChangesFocus(True)
        # The document's undo stack owns history (see forms/history.py): one history for
        # every field, which Ctrl+Z in this box goes through.
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def _fit(self) -> None:
        """Height of the laid-out lines (Chinese lines are taller than the font's line
        spacing says when a fallback face draws them), within the line limits."""
        text_height, block = 0.0, self.document().begin()
        while block.isValid():
            text_height += self.blockBoundingRect(block).height()
            block = block.next()
        line = self.fontMetrics().lineSpacing()
        text_height = max(self._min_lines * line, min(self.MAX_LINES * line, text_height))
        margins = self.contentsMargins()
        frame = self.document().documentMargin() * 2 + margins.top() + margins.bottom()
        height = math.ceil(text_height + frame)
        if height != self.height():
            self.setFixedHeight(height)
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if text_height >= self.MAX_LINES * line
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        self.setVerticalScrollBarPolicy(policy)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            cursor = self.textCursor()
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if self.splits_paragraphs and not shift:
                emit(self.paragraphBreak, cursor.selectionStart(), cursor.selectionEnd())
            else:
                cursor.insertText("\n")  # a line break (Qt's own Shift+Enter writes U+2028)
                self.setTextCursor(cursor)
            event.accept()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def sizeHint(self) -> QSize:
        return QSize(320, self.height())


class RichTextEdit(QWidget):
    """Text box plus a small toolbar; emits ``edited`` with the whole text after each change."""

    edited = Signal(str)

    def __init__(self, min_lines: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text_edit = GrowingTextEdit(min_lines, self)
        self.highlighter = MarkupHighlighter(self.text_edit.document())
        self.text_edit.textChanged.connect(lambda: emit(self.edited, self.text()))
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(2)
        for label, tip, keys, handler, style in (
            (
                "B",
                QCoreApplication.translate("RichText", "Bold (Ctrl+B)"),
                "Ctrl+B",
                self.make_bold,
                "font-weight: bold",
            ),
            (
                "I",
                QCoreApplication.translate("RichText", "Italic (Ctrl+I)"),
                "Ctrl+I",
                self.make_italic,
                "font-style: italic",
            ),
            (
                QCoreApplication.translate("RichText", "Link"),
                QCoreApplication.translate("RichText", "Link (Ctrl+K)"),
                "Ctrl+K",
                self.make_link,
                "",
            ),
        ):
            action = QAction(label, self)
            action.setToolTip(tip)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(handler)
            self.addAction(action)
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setStyleSheet(style)
            button.setMinimumSize(22, 22)
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addLayout(bar)
        layout.addWidget(self.text_edit)
        self.setFocusProxy(self.text_edit)

    def text(self) -> str:
        return self.text_edit.toPlainText()

    def set_text(self, text: str) -> None:
        if text != self.text():
            self.text_edit.setPlainText(text)

    def _wrap(self, before: str, after: str) -> None:
        cursor = self.text_edit.textCursor()
        selected = cursor.selectedText()
        cursor.insertText(f"{before}{selected}{after}")
        if not selected:
            cursor.movePosition(
                QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.MoveAnchor, len(after)
            )
            self.text_edit.setTextCursor(cursor)
        self.text_edit.setFocus()

    def make_bold(self) -> None:
        self._wrap("**", "**")

    def make_italic(self) -> None:
        self._wrap("*", "*")

    def make_link(self) -> None:
        url, ok = QInputDialog.getText(
            self,
            QCoreApplication.translate("RichText", "Insert link"),
            QCoreApplication.translate("RichText", "Address (https://…):"),
            QLineEdit.EchoMode.Normal,
            "https://",
        )
        if ok and url.strip():
            self._wrap("[", f"]({url.strip()})")
