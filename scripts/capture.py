"""What the README's screenshot scripts share: a throw-away profile, the app in English at a
laptop's 1280×800 on the sample issue, waiting until it has settled, and small PNGs.

Import it before anything from Qt: the settings and data folders are set at import.
"""

import io
import os
import tempfile
import time
from pathlib import Path

SCRATCH = Path(tempfile.mkdtemp(prefix="bulletin-screenshots-"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "default.warning=false")
os.environ["XDG_CONFIG_HOME"] = str(SCRATCH / "config")
os.environ["XDG_DATA_HOME"] = str(SCRATCH / "data")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QEventLoop, QLocale, QTimer  # noqa: E402
from PySide6.QtGui import QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bulletin_studio.storage import sample_document, save_document  # noqa: E402
from bulletin_studio.ui.app import make_app, start_window  # noqa: E402
from bulletin_studio.ui.main_window import MainWindow  # noqa: E402

SIZE = (1280, 800)


def sample_window(argv: list[str]) -> tuple[QApplication, MainWindow]:
    """The app in English with the sample issue saved as ``Bulletin/2025-3.bulletin``, open
    in a shown window of a laptop's size."""
    app = make_app(argv, QLocale("en"))
    bulletin = SCRATCH / "Bulletin" / "2025-3.bulletin"
    bulletin.parent.mkdir()
    save_document(sample_document(), bulletin)
    window = start_window(bulletin)
    window.resize(*SIZE)
    window.show()
    return app, window


def settle(condition=lambda: True, timeout: float = 90.0) -> None:  # type: ignore[no-untyped-def]
    """Run the event loop until ``condition`` holds and a little longer (paints, timers)."""
    deadline = time.monotonic() + timeout
    loop = QEventLoop()
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there")
        QTimer.singleShot(20, loop.quit)
        loop.exec()
    QTimer.singleShot(300, loop.quit)
    loop.exec()


def save(pixmap: QPixmap, path: Path) -> None:
    """The picture as a PNG quantised to 256 colours (a fifth the size)."""
    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    image = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")
    image.quantize(256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    print(f"{path}: {image.size[0]}×{image.size[1]}, {path.stat().st_size // 1024} KB")
