"""How long the preview waits after an edit before it renders.

A keystroke after a pause (a correction, an input method's committed word) renders almost at
once. While the editor types faster than a render takes, every render would be cancelled by
the next key, so the preview waits for a pause somewhat longer than her own rhythm instead.
"""

import time
from collections.abc import Callable

MIN_MS = 10
MAX_MS = 400
RHYTHM_FACTOR = 1.5
"""A pause this many times the last gap between edits counts as the end of a burst."""


class AdaptiveDebounce:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._last_edit: float | None = None
        self.render_seconds: float | None = None
        """How long the last complete render took (None before the first)."""

    def after_edit(self) -> int:
        """The delay in ms before rendering, for an edit made now."""
        now = self._clock()
        gap = None if self._last_edit is None else now - self._last_edit
        self._last_edit = now
        if gap is None or self.render_seconds is None or gap >= self.render_seconds:
            return MIN_MS
        return round(min(MAX_MS, max(MIN_MS, gap * 1000 * RHYTHM_FACTOR)))

    def rendered(self, seconds: float) -> None:
        self.render_seconds = seconds
