"""Word cuts of wrapped headings kept between runs: the dictionary loads only for new text.

jieba's dictionary takes 0.2 s to load in every process, about a tenth of a whole export, and
rjieba holds the interpreter lock while loading, so it cannot load beside other work. The cuts
of an issue's headings are a few hundred bytes. They are kept per build of the segmenter (the
sizes and times of its installed files), so an upgrade starts afresh.
"""

import hashlib
import importlib.util
import json
import logging
import threading
from pathlib import Path

from bulletin_studio.render.cache import write_atomic

log = logging.getLogger(__name__)

MAX_TEXTS = 4096
"""The oldest cuts go first beyond this (a year of issues is a few hundred headings)."""


def segmenter_build(package: str = "rjieba") -> str:
    """Identifies the installed segmenter without importing it (nor importlib.metadata,
    which takes 0.2 s to scan the installed distributions)."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return "none"
    files = sorted(p for p in Path(spec.origin).parent.iterdir() if p.is_file())
    stats = [(p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in files]
    return hashlib.sha256(json.dumps(stats).encode()).hexdigest()[:16]


class KeptCuts:
    """Text → the positions between its words, read from and written to one small JSON file."""

    def __init__(self, folder: Path, build: str) -> None:
        self.path = folder / f"cuts-{build}.json"
        self._cuts: dict[str, list[int]] | None = None
        self._unsaved = False
        self._lock = threading.Lock()

    def get(self, text: str) -> frozenset[int] | None:
        with self._lock:
            cuts = self._loaded().get(text)
        return None if cuts is None else frozenset(cuts)

    def put(self, text: str, cuts: frozenset[int]) -> None:
        """Keep the cuts in memory until ``save``."""
        with self._lock:
            kept = self._loaded()
            kept[text] = sorted(cuts)
            while len(kept) > MAX_TEXTS:
                del kept[next(iter(kept))]
            self._unsaved = True

    def save(self) -> None:
        """Write the file if anything was cut since it was read or last written; a file that
        cannot be written only costs the time next run."""
        with self._lock:
            if not self._unsaved:
                return
            try:
                write_atomic(self.path, json.dumps(self._loaded(), ensure_ascii=False).encode())
            except OSError as error:
                log.warning("could not keep word cuts in %s: %s", self.path, error)
                return
            self._unsaved = False

    def _loaded(self) -> dict[str, list[int]]:
        if self._cuts is None:
            self._cuts = _read(self.path)
        return self._cuts


def _read(path: Path) -> dict[str, list[int]]:
    """The kept cuts, or none when the file is missing or not what this module writes."""
    try:
        kept = json.loads(path.read_bytes())
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        log.warning("word cuts in %s are unreadable (%s): cutting afresh", path, error)
        return {}
    valid = isinstance(kept, dict) and all(
        isinstance(text, str)
        and isinstance(cuts, list)
        and all(type(cut) is int and 0 < cut <= len(text) for cut in cuts)
        for text, cuts in kept.items()
    )
    if not valid:
        log.warning("word cuts in %s are not in the expected form: cutting afresh", path)
        return {}
    return kept
