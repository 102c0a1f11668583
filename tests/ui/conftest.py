"""GUI tests run offscreen, with settings and recovery copies in throw-away folders."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SCRATCH = tempfile.mkdtemp(prefix="bulletin-ui-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_SCRATCH, "config")  # QSettings on Linux
os.environ["XDG_DATA_HOME"] = os.path.join(_SCRATCH, "data")  # platformdirs (recovery)

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from bulletin_studio.storage import sample_document  # noqa: E402
from bulletin_studio.ui import preview, settings  # noqa: E402
from bulletin_studio.ui.i18n import speak_the_ui_language  # noqa: E402
from bulletin_studio.ui.main_window import MainWindow  # noqa: E402
from bulletin_studio.ui.recovery import RecoveryStore  # noqa: E402


@pytest.fixture(autouse=True)
def _private_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets its own settings file: never the user's, never another test's.

    ``QSettings(organization, application)`` always uses the native format (an INI file
    on Linux), whatever the default format: its path is the one to redirect.
    """
    for format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(format, QSettings.Scope.UserScope, str(tmp_path / "cfg"))
    monkeypatch.setattr(settings, "ORGANIZATION", "BulletinStudioTests")


@pytest.fixture(autouse=True)
def _core_speaks_the_ui_language() -> None:
    """As in the app: the core's messages through Qt's translator (English: none installed).

    The suite's own fixture (tests/conftest.py) puts Chinese back afterwards."""
    speak_the_ui_language()


@pytest.fixture
def make_window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Windows on the sample issue; the preview stays off except in the preview's own tests."""
    recovery = RecoveryStore(tmp_path / "recovery")
    windows: list[MainWindow] = []

    def make(with_preview: bool = False, document=None) -> MainWindow:  # type: ignore[no-untyped-def]
        if not with_preview:
            monkeypatch.setattr(preview.PreviewPanel, "schedule", lambda self, delay=0: None)
        window = MainWindow(document or sample_document(), recovery)
        # not qtbot.addWidget: pytest-qt would close it before this fixture marks it clean
        window.resize(1400, 900)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.editor.undo_stack.setClean()
        assert window.close(), "closing a clean window must not ask anything"
        window.deleteLater()


@pytest.fixture
def window(make_window) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    yield make_window()
