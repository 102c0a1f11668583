"""Starting the desktop app: QApplication, language, a Chinese UI font, the main window."""

import gc
import sys
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from bulletin_studio import crashlog
from bulletin_studio.storage import StorageError, empty_document, sample_document
from bulletin_studio.ui import settings
from bulletin_studio.ui.error_dialog import install_excepthook
from bulletin_studio.ui.i18n import install_translators, ui_locale
from bulletin_studio.ui.main_window import MainWindow
from bulletin_studio.ui.recovery import RecoveryStore

UI_FONT_FAMILIES = [
    "Noto Sans CJK SC",  # named explicitly: Qt's fallback would pick the JP glyph forms
    "Source Han Sans SC",
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Zen Hei",
]


def ui_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setFamilies(UI_FONT_FAMILIES)
    return font


def start_window(path: Path | None, recovery: RecoveryStore | None = None) -> MainWindow:
    """The window with FILE, else work a crashed session left, else the last file, else new.

    Files open through ``FileManager.open`` whichever way they come, so a file's recovery
    copy is offered before anything can write over it.
    """
    try:
        document = sample_document() if path is None and not settings.recent_files() else None
    except StorageError:
        document = None
    window = MainWindow(document or empty_document(), recovery)
    if path is not None:
        window.files.open(path)
    elif not window.files.recover_at_start():
        last = str(settings.settings().value("files/last", "") or "")
        if last and Path(last).exists() and not window.files.recovery.leftover(Path(last)):
            window.files.open(Path(last))  # (a copy still left was put off with "Later")
    return window


GIL_SWITCH_SECONDS = 0.001
"""How long a busy worker thread may keep the interpreter while the window waits for it.

The preview sets pages in a worker thread; each call the window makes into Qt lets go of the
interpreter and then waits for it again, up to Python's default 5 ms each time. A paint of
a few dozen such calls then waited for most of a render: keystroke to page 336 ms median
on the sample, 145 ms with 1 ms (bench/gui.py)."""


def make_app(argv: list[str], locale: QLocale | None = None) -> QApplication:
    """The application: names for settings, the UI font and language (``locale``, else the
    user's choice), a responsive window."""
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    app.setFont(ui_font(app.font()))
    install_translators(app, locale or ui_locale(settings.language()))
    sys.setswitchinterval(GIL_SWITCH_SECONDS)
    return app


def run(path: Path | None) -> int:
    app = make_app(sys.argv)
    crashlog.log_warnings_to_file()
    window = start_window(path)
    install_excepthook(window)
    window.show()
    code = app.exec()
    # Tear the window down while Qt is still alive: left to interpreter shutdown, collecting
    # the worker threads' objects aborted the process (measured with PySide6 6.12).
    window.deleteLater()
    app.processEvents()
    del window
    gc.collect()
    return code
