"""Errors shown as the editor should see them: one message, and the details a bug report needs.

A ``BulletinError`` is a reason worded for the editor (a refused file, a missing font): its
message is all there is. Anything else is a bug: the dialog says what failed and where, keeps
the traceback in the log (``crashlog``) and offers it behind "Show Details…" and a
"Copy details" button, so it can go into a bug report without a terminal.
"""

import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from bulletin_studio import crashlog
from bulletin_studio.errors import BulletinError


def error_box(parent: QWidget | None, title: str, error: BaseException | str) -> QMessageBox:
    """The dialog for ``error`` (built, not shown: tests and ``show_error`` decide)."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, str(error), parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    if isinstance(error, BaseException) and _is_bug(error):
        log = crashlog.record(error, title)
        details = crashlog.details(error)
        if log is not None:
            details += "\n" + QCoreApplication.translate("Errors", "Also kept in %1").replace(
                "%1", str(log)
            )
        box.setDetailedText(details)
        copy = box.addButton(
            QCoreApplication.translate("Errors", "Copy details"), QMessageBox.ButtonRole.ActionRole
        )
        copy.clicked.disconnect()  # an action button would close the box; copying should not
        copy.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(f"{title}\n{error}\n\n{details}")
        )
    return box


def show_error(parent: QWidget | None, title: str, error: BaseException | str) -> None:
    error_box(parent, title, error).exec()


def _is_bug(error: BaseException) -> bool:
    """Not a reason worded for the editor, or one that wraps an unexpected failure."""
    return not isinstance(error, BulletinError) or error.__cause__ is not None


def install_excepthook(parent: QWidget) -> None:
    """A bug in a slot (which Qt would only print) becomes the same dialog, once per bug."""

    def hook(
        kind: type[BaseException], error: BaseException, traceback: TracebackType | None
    ) -> None:
        if traceback is not None and error.__traceback__ is None:
            error = error.with_traceback(traceback)
        show_error(parent, QCoreApplication.translate("Errors", "Something went wrong"), error)

    sys.excepthook = hook
