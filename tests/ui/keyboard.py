"""Typing in GUI tests (and in the crash test's app process), as an input method does."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Commit ``text`` into the focused widget: qtbot.keyClicks with Chinese aborts the process."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QCoreApplication.sendEvent(widget, event)
    QApplication.processEvents()
