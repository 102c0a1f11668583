"""The first start: the layout's Chinese fonts are converted once per user (10–20 s a face),
in a worker thread, behind a progress bar that says what is happening and how long it takes.

Progress is counted in faces: ``FontResolver.missing_faces`` names the cache files to make,
and each one appears (atomically) when its face is done. Between two faces the bar moves
with the time a face is expected to take, so it never sits still for twenty seconds.
"""

import math
import os
import time
from collections.abc import Callable, Generator
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from bulletin_studio.export.progress import Progress
from bulletin_studio.render.fonts import FontResolver
from bulletin_studio.render.layout import Layout
from bulletin_studio.ui.jobs import JobThread
from bulletin_studio.ui.signals import emit

SECONDS_PER_FACE = 15.0
"""What converting one Noto CJK face takes before anything was measured (10–20 s)."""
POLL_MS = 250
STEPS = 1000


class FontSetup(QObject):
    """Finds the faces a layout's cache lacks and converts them, both in a worker thread:
    finding them needs the system's font list, which the window should not wait for."""

    conversionStarted = Signal()  # faces are missing: a first start, worth explaining
    progressed = Signal()
    finished = Signal(str)  # "" when the fonts are ready, else what went wrong

    def __init__(
        self,
        resolver: FontResolver,
        layout: Layout,
        parent: QObject | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._resolver = resolver
        self._layout = layout
        self._clock = clock
        self.files: list[Path] = []
        """The cache files to make, once the worker has looked (``conversionStarted``)."""
        self.workers = 1
        self._started = clock()
        self._completed_at: list[float] = []  # seconds after the start each face was seen done
        self._thread: JobThread | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(lambda: emit(self.progressed))

    def running(self) -> bool:
        return self._thread is not None

    def start(self) -> None:
        resolver, layout = self._resolver, self._layout

        def job() -> Generator[Progress, None, None]:
            files = resolver.missing_faces(layout)
            if files:
                self.files = files  # read by the GUI thread once the progress below arrives
                yield Progress(0, len(files), "")
                resolver.prepare(layout)

        thread = JobThread(job)
        thread.progressed.connect(lambda _progress: self._converting())
        thread.succeeded.connect(lambda _result: self._done(""))
        thread.failed.connect(self._done)
        self._thread = thread
        thread.start()

    def _converting(self) -> None:
        self._started = self._clock()
        self.workers = max(1, min(len(self.files), os.cpu_count() or 1))
        self._timer.start()
        emit(self.conversionStarted)

    def _done(self, message: str) -> None:
        self._timer.stop()
        if self._thread is not None:
            self._thread.wait()
            self._thread.deleteLater()
        self._thread = None
        emit(self.finished, message)

    def wait(self, milliseconds: int) -> None:
        """Let a running conversion end before the window goes away."""
        if self._thread is not None:
            self._thread.wait(milliseconds)

    # --- what to show ------------------------------------------------------------------------

    def done(self) -> int:
        """Faces converted so far (noting when each was first seen, for the estimate)."""
        count = sum(path.is_file() for path in self.files)
        while len(self._completed_at) < count:
            self._completed_at.append(self.elapsed())
        return count

    def elapsed(self) -> float:
        return self._clock() - self._started

    def remaining_seconds(self) -> float:
        """Faces are converted ``workers`` at a time, in rounds of about equal length: the
        rounds seen so far give that length (before the first, the usual time of a face)."""
        done, total, elapsed = self.done(), len(self.files), self.elapsed()
        if done == total:
            return 0.0
        rounds = [at / (index // self.workers + 1) for index, at in enumerate(self._completed_at)]
        per_round = sum(rounds) / len(rounds) if rounds else SECONDS_PER_FACE
        expected = math.ceil(total / self.workers) * per_round
        return max(expected - elapsed, SECONDS_PER_FACE / 3)

    def fraction(self) -> float:
        done, total = self.done(), len(self.files)
        if total == 0 or done == total:
            return 1.0
        elapsed = self.elapsed()
        by_time = elapsed / (elapsed + self.remaining_seconds())
        return min(max(done / total, by_time), (done + 1) / total, 0.99)


class FontSetupView(QWidget):
    """What the preview shows while the fonts are prepared."""

    def __init__(self, setup: FontSetup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setup = setup
        title = QLabel(self.tr("Preparing fonts (first start only)"), self)
        title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        explanation = QLabel(
            self.tr(
                "Bulletin Studio converts the Chinese fonts of the layout once, so that the PDF "
                "can embed them. Each face takes 10–20 seconds; later starts skip this step. "
                "You can edit the issue meanwhile: the preview appears when the fonts are ready."
            ),
            self,
        )
        explanation.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, STEPS)
        self.bar.setTextVisible(False)
        self.faces = QLabel(self)
        self.estimate = QLabel(self)
        self.estimate.setObjectName("fontEstimate")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addStretch(1)
        for widget in (title, explanation, self.bar, self.faces, self.estimate):
            layout.addWidget(widget)
        layout.addStretch(2)
        for label in (title, explanation, self.faces, self.estimate):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft)
        setup.progressed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        setup = self.setup
        self.bar.setValue(round(setup.fraction() * STEPS))
        self.faces.setText(
            self.tr("%1 of %2 font faces converted")
            .replace("%1", str(setup.done()))
            .replace("%2", str(len(setup.files)))
        )
        seconds = setup.remaining_seconds()
        if seconds >= 90:
            text = self.tr("About %1 min left").replace("%1", str(round(seconds / 60)))
        else:
            text = self.tr("About %1 s left").replace("%1", str(max(1, round(seconds / 5) * 5)))
        self.estimate.setText(text)
