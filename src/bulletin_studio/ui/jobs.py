"""Running a generator job (export, preview) in a worker thread, with progress and cancel.

Jobs are the export writers' generators; ``drain`` steps them and checks the cancel flag
between steps. Only plain Python objects cross the thread boundary (via queued signals).
"""

from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QThread, Signal

from bulletin_studio.export.progress import Cancelled, Progress, drain
from bulletin_studio.ui.signals import emit


class JobThread(QThread):
    progressed = Signal(object)  # Progress
    succeeded = Signal(object)  # the job's result
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, make_job: Callable[[], Generator[Progress, None, Any]]) -> None:
        super().__init__()
        self._make_job = make_job
        self._cancel = False
        self.error: BaseException | None = None
        """What made the job fail, for a dialog that offers the details."""

    def cancel(self) -> None:
        self._cancel = True

    def run(self) -> None:
        try:
            result = drain(
                self._make_job(),
                lambda step: emit(self.progressed, step),
                lambda: self._cancel,
            )
        except Cancelled:
            emit(self.cancelled)
        except Exception as error:  # a writer's failure is shown to the editor, not a crash
            self.error = error
            emit(self.failed, str(error) or type(error).__name__)
        else:
            emit(self.succeeded, result)
