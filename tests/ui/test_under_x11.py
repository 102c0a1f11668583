"""The window under a real X server (Xvfb), its keys pressed with xdotool.

X11's key bindings differ from the offscreen platform's: there a text box takes Ctrl+E
(end of line, as in Emacs), which is how "Ctrl+E does nothing in a field" was found. The
app runs in a child process on the xcb platform; the test presses keys as a user would.
"""

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    shutil.which("Xvfb") is None or shutil.which("xdotool") is None,
    reason="needs Xvfb and xdotool (run.sh installs both)",
)

APP = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from bulletin_studio.storage import sample_document
from bulletin_studio.ui.main_window import MainWindow
from bulletin_studio.ui.preview import PreviewPanel

PreviewPanel.schedule = lambda self, delay=0: None  # this test is about keys, not pages
app = QApplication(sys.argv[:1])
window = MainWindow(sample_document())
window.show()
field = window.forms.form.binding("title").widget

def ready():
    if not window.isActiveWindow():
        window.activateWindow()
        QTimer.singleShot(50, ready)
        return
    field.setFocus()
    field.setCursorPosition(0)
    centre = window.mapToGlobal(window.rect().center())
    print("ready", centre.x(), centre.y(), flush=True)

def watch():
    dialog = getattr(window, "export_dialog", None)
    if dialog is not None and dialog.isVisible():
        print("export dialog", field.cursorPosition(), flush=True)
        window.editor.undo_stack.setClean()
        app.quit()
    QTimer.singleShot(50, watch)

QTimer.singleShot(0, ready)
QTimer.singleShot(0, watch)
QTimer.singleShot(20_000, app.quit)
app.exec()
"""


@pytest.fixture
def x_display() -> Iterator[str]:
    """A private Xvfb at the laptop size the app must fit."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


def test_ctrl_e_in_a_text_field_opens_the_export_dialog_under_x11(
    x_display: str, tmp_path: Path
) -> None:
    env = os.environ | {
        "DISPLAY": x_display,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    app = subprocess.Popen(
        [sys.executable, "-c", APP],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert app.stdout is not None
    try:
        line = app.stdout.readline().split()
        assert line[:1] == ["ready"], app.stderr.read() if app.stderr else ""
        x, y = line[1:]
        xdotool = ["xdotool", "mousemove", x, y, "sleep", "0.2", "key", "ctrl+e"]
        subprocess.run(xdotool, env=env, check=True, timeout=10)
        # the dialog opened, and the text box did not take the key (its cursor stayed put)
        assert app.stdout.readline().split() == ["export", "dialog", "0"]
    finally:
        app.kill()
        app.wait(10)
