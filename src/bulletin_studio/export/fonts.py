"""Resolved faces registered with ReportLab: the PDF writer's side of font resolution.

``render.fonts`` decides which TrueType files a role uses; here each file is registered with
ReportLab's (process-global) font registry on first use, and glyph coverage and widths are
read from ReportLab's own parse, so the widths the line breaker measures are the widths the
PDF is drawn with.
"""

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from bulletin_studio.export.parsed_faces import load_font
from bulletin_studio.messages import QT_TRANSLATE_NOOP
from bulletin_studio.render.fonts import FaceSpec, FontError

log = logging.getLogger(__name__)


@dataclass(frozen=True, eq=False)
class FontFace:
    """A face registered with ReportLab on first use, with O(1) coverage and widths.

    Registering parses the whole font file, and fallback faces late in a stack are rarely
    needed, so a face is loaded only when something asks for its name, glyphs or widths.
    A face that turns out to be unreadable then simply has no glyphs.
    """

    spec: FaceSpec
    cache_dir: Path | None = None
    """Where ReportLab's parse of the file is kept between runs (``parsed_faces``)."""
    _loaded: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def family(self) -> str:
        return self.spec.family

    @property
    def bold(self) -> bool:
        return self.spec.bold

    @property
    def synthetic_bold(self) -> bool:
        return self.spec.synthetic_bold

    @property
    def path(self) -> Path:
        return self.spec.path

    @property
    def subfont_index(self) -> int:
        return self.spec.subfont_index

    def load(self) -> None:
        """Register now (raises TTFError for a broken file)."""
        if self._loaded:
            return
        name, font = _register(self.spec, self.cache_dir)
        self._loaded.update(
            name=name,
            glyphs=frozenset(char for char, glyph in font.face.charToGlyph.items() if glyph),
            widths=dict(font.face.charWidths),
            default_width=float(font.face.defaultWidth),
        )

    def _metric(self, key: str) -> Any:
        if not self._loaded:
            try:
                self.load()
            except Exception as error:  # ReportLab raises many kinds for a damaged file
                log.warning("font %s (%s) not usable: %s", self.family, self.path, error)
                self._loaded.update(name="", glyphs=frozenset(), widths={}, default_width=1000.0)
        return self._loaded[key]

    @property
    def name(self) -> str:
        """The pdfmetrics name: stable across runs, so exports are byte-identical."""
        return str(self._metric("name"))

    def has(self, char: str) -> bool:
        return ord(char) in self._metric("glyphs")

    def width(self, char: str) -> float:
        """Advance width in 1/1000 em, as ReportLab measures it when setting the line."""
        return float(self._metric("widths").get(ord(char), self._metric("default_width")))


# pdfmetrics is process-global and first-wins, so the names given out here are too:
# name → identity (a cached conversion's file name, which encodes its content, or the path).
_registered: dict[str, str] = {}
_faces: dict[FaceSpec, FontFace] = {}


def _register(spec: FaceSpec, cache_dir: Path | None) -> tuple[str, TTFont]:
    """Register once per name; a name taken by other content gets a stable suffix."""
    name = spec.name
    if _registered.get(name, spec.identity) != spec.identity:
        name = f"{name}~{hashlib.sha256(spec.identity.encode()).hexdigest()[:6]}"
    if name not in _registered:
        pdfmetrics.registerFont(load_font(name, spec.path, spec.subfont_index, cache_dir))
        _registered[name] = spec.identity
    font = pdfmetrics.getFont(name)
    if not isinstance(font, TTFont) or Path(font.face.filename).name != spec.path.name:
        # ReportLab hands out an already registered face with the same PostScript name.
        raise TTFError(f"{spec.path}: PostScript name already used by another registered font")
    return name, font


_BROKEN_FACE = QT_TRANSLATE_NOOP("Fonts", "{family} ({reason})")
_NO_FACE = QT_TRANSLATE_NOOP("Fonts", "No usable font: {families}")
_NO_FACE_FOR_ROLE = QT_TRANSLATE_NOOP("Fonts", "No usable “{role}” font: {families}")
_LIST_SEPARATOR = QT_TRANSLATE_NOOP("Fonts", ", ")


def registered_faces(
    specs: Iterable[FaceSpec], role: str = "", cache_dir: Path | None = None
) -> list[FontFace]:
    """The ReportLab faces of a resolved stack; a broken first face is skipped at once.

    The first face draws most of the text, so it is loaded now: a file that ReportLab cannot
    parse costs its family, not the export.
    """
    faces: list[FontFace] = []
    broken: list[str] = []
    for spec in specs:
        face = _faces.setdefault(spec, FontFace(spec, cache_dir))
        if not faces:
            try:
                face.load()
            except Exception as error:  # ReportLab raises many kinds for a damaged file
                log.warning("font %s (%s) not usable: %s", spec.family, spec.path, error)
                broken.append(_BROKEN_FACE.format(family=spec.family, reason=error))
                continue
        faces.append(face)
    if not faces:
        separator = _LIST_SEPARATOR.format()
        template = _NO_FACE_FOR_ROLE if role else _NO_FACE
        raise FontError(template.format(role=role, families=separator.join(broken)))
    return faces
