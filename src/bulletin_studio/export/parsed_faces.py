"""ReportLab's parse of a TrueType face, kept on disk so that later runs skip it.

Registering a face makes ReportLab read its whole character map and metrics in Python: 0.3 to
0.5 s for the sample's 11 faces, the largest single cost of a whole ``bulletin-studio export``.
What it reads is plain ints, lists and dicts, which ``marshal`` stores and loads in a fraction
of that time. The font's bytes still come from the font file itself (subsetting copies glyphs
from them).

A record is named by everything that decides its content: the file (path, size, mtime), the
subfont, this format, ReportLab's and Python's versions. It carries a digest of itself, so a
damaged record is parsed afresh and replaced, never trusted.
"""

import gc
import hashlib
import json
import logging
import marshal
import sys
from collections.abc import Callable
from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

from bulletin_studio.render.cache import write_atomic

log = logging.getLogger(__name__)

RECORD_FORMAT = 1
"""Bump when what a record holds changes."""

_DIGEST_SIZE = 32
_NOT_STORED = frozenset({"_ttf_data", "_pdfScale"})
"""The font's bytes (read from the font file) and a function (rebuilt from unitsPerEm)."""


class ParsedFont(TTFont):
    """A ReportLab TrueType font around a face parsed earlier.

    ``TTFont.__init__`` always parses the file; this sets the same attributes around the
    given face instead (tests compare the two, so a ReportLab upgrade that adds one shows).
    """

    def __init__(self, name: str, face: TTFontFace) -> None:
        self.fontName = name
        self.face = face
        self.encoding = TTEncoding()
        self.state = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, pattern) for pattern in rl_config.unShapedFontGlob)


def load_font(name: str, path: Path, subfont_index: int, cache_dir: Path | None) -> TTFont:
    """The font ``name`` from ``path``, its parse read from ``cache_dir`` when kept there.

    Raises what ReportLab raises for a file it cannot parse; a cache that cannot be read or
    written only costs the time it would have saved.
    """
    if cache_dir is None:
        return TTFont(name, str(path), subfontIndex=subfont_index)
    record = _record_path(path, subfont_index, cache_dir)
    face = _read(record, path)
    if face is None:
        face = TTFontFace(str(path), subfontIndex=subfont_index)
        _write(record, face)
    return ParsedFont(name, face)


def _record_path(path: Path, subfont_index: int, cache_dir: Path) -> Path:
    stat = path.stat()
    parts = [
        str(path.resolve()), stat.st_size, stat.st_mtime_ns, subfont_index,
        RECORD_FORMAT, reportlab.Version, sys.version_info[:2],
    ]  # fmt: skip
    key = hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:20]
    return cache_dir / "parsed" / f"{path.stem}-{subfont_index}-{key}.marshal"


def _read(record: Path, path: Path) -> TTFontFace | None:
    try:
        blob = record.read_bytes()
    except OSError:
        return None
    digest, payload = blob[:_DIGEST_SIZE], blob[_DIGEST_SIZE:]
    try:
        if hashlib.sha256(payload).digest() != digest:
            raise ValueError("digest does not match")
        state, names = _without_collection(marshal.loads, payload)
    except (ValueError, EOFError, TypeError) as error:
        log.warning("parsed font record %s is damaged (%s): parsing %s again", record, error, path)
        return None
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(state)
    for key, text in names.items():
        setattr(face, key, TTFNameBytes(text.encode()))
    face._ttf_data = path.read_bytes()
    face._pdfScale = _scale(face.unitsPerEm)
    return face


def _without_collection(load: Callable[[bytes], Any], payload: bytes) -> Any:
    """Tens of thousands of new lists and tuples would set off the cyclic collector again and
    again, scanning the whole heap each time (a third of the load time); none form cycles."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return load(payload)
    finally:
        if collecting:
            gc.enable()


def _scale(units_per_em: int) -> Callable[[float], float]:
    """Font units to thousandths of an em, as ReportLab's parser makes it."""
    factor = 1000 / units_per_em
    return (lambda x: x) if units_per_em == 1000 else (lambda x: x * factor)


def _write(record: Path, face: TTFontFace) -> None:
    """Atomically: parallel exports never read half a record."""
    state = {k: v for k, v in vars(face).items() if k not in _NOT_STORED}
    names = {k: v.ustr for k, v in state.items() if isinstance(v, TTFNameBytes)}
    plain = {k: v for k, v in state.items() if k not in names}
    try:
        payload = marshal.dumps((plain, names))
        write_atomic(record, hashlib.sha256(payload).digest() + payload)
    except (OSError, ValueError) as error:  # ValueError: a value marshal cannot store
        log.warning("could not keep the parse of %s: %s", face.filename, error)
