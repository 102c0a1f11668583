"""A real ``bulletin-studio FILE`` process that types into its issue, for the crash test.

``python -m tests.ui.crash_session FILE ITEM_ID TEXT`` starts the app exactly as the command
does (``bulletin_studio.cli.main([FILE])``). Once the window is up it selects ITEM_ID, types
TEXT at the end of the item's first paragraph (as an input method types), and prints
``typed``. Then it only runs the app: the test waits for the autosave and kills it with SIGKILL.
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from bulletin_studio import cli
from bulletin_studio.ui.main_window import MainWindow
from tests.ui.keyboard import type_text


def type_into_first_paragraph(item_id: str, text: str) -> None:
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    if not windows or not windows[0].isVisible():
        QTimer.singleShot(50, lambda: type_into_first_paragraph(item_id, text))
        return
    window = windows[0]
    window.outline.select(item_id)
    edit = window.forms.form.blocks.cards[0].bindings[0].widget.text_edit
    edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(edit, text)
    print("typed", flush=True)


def main() -> int:
    path, item_id, text = sys.argv[1:4]
    QApplication(sys.argv[:1])  # the app's run() takes the existing instance
    QTimer.singleShot(0, lambda: type_into_first_paragraph(item_id, text))
    return cli.main([path])


if __name__ == "__main__":
    sys.exit(main())
