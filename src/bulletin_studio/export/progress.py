"""Long jobs are generators yielding ``Progress``; the GUI shows it and may cancel between steps."""

from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import TypeVar

Result = TypeVar("Result")


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    message: str = ""

    @property
    def fraction(self) -> float:
        return min(1.0, self.done / self.total) if self.total else 0.0


class Cancelled(Exception):
    """Raised inside a job when its consumer asked it to stop; nothing half-written is kept."""


def drain(
    job: Generator[Progress, None, Result],
    on_progress: Callable[[Progress], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> Result:
    """Run a job to its end and return its result, reporting progress and honouring cancel."""
    while True:
        try:
            progress = next(job)
        except StopIteration as finished:
            return finished.value
        if on_progress is not None:
            on_progress(progress)
        if should_cancel is not None and should_cancel():
            job.close()
            raise Cancelled(progress.message)
