"""Font stacks → the TrueType files to draw with, converting CFF faces once (cached).

A writer asks for a role's families (CJK stack, then Latin stack) in a style and gets every
usable face in order as a ``FaceSpec``; it then picks, per character, the first face that has
the glyph. Nothing here knows a PDF library: the PDF writer registers the files it is given
(``export.fonts``), so the layers above decide how faces are embedded.
"""

import logging
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from functools import cache
from multiprocessing import get_context
from pathlib import Path

from bulletin_studio.errors import BulletinError
from bulletin_studio.messages import QT_TRANSLATE_NOOP
from bulletin_studio.render.cache import default_cache_dir
from bulletin_studio.render.fonts.convert import (
    Source,
    base_charset,
    convert_to_file,
    load_cmap,
)
from bulletin_studio.render.fonts.discovery import InstalledFace, installed_faces, read_faces
from bulletin_studio.render.fonts.vet import vet
from bulletin_studio.render.layout import Layout

log = logging.getLogger(__name__)

BOLD_WEIGHT = 600  # usWeightClass from which a face counts as bold (SemiBold and heavier)


class FontError(BulletinError):
    """No usable face for a stack; the message names the role, the families and what to install."""


@dataclass(frozen=True)
class FaceSpec:
    """A face of a stack as resolution chose it: a TrueType file the PDF writer can embed.

    Pure data (no PDF library): the writer registers it under ``name`` when it first draws
    with it. ``identity`` tells two files apart that would claim the same name.
    """

    family: str
    bold: bool  # the face really is bold
    italic: bool
    path: Path  # TrueType outlines: the installed file or its converted copy in the cache
    subfont_index: int
    synthetic_bold: bool  # bold asked for, only a regular face exists: the writer emulates it
    name: str  # an ASCII name such as ``NotoSerifCJKSC-Bold``, stable across runs
    identity: str


@cache
def _installed(cache_dir: Path) -> tuple[InstalledFace, ...]:
    """Discovery runs once per process: fc-list or a folder scan is the slow part of a start."""
    return tuple(installed_faces(cache_dir))


def _ascii_name(face: InstalledFace, family: str) -> str:
    """An ASCII pdfmetrics name such as ``NotoSerifCJKSC-Bold``, from the face's Latin name."""
    latin = next((name for name in face.families if name.isascii()), family)
    stem = "".join(char for char in latin if char.isascii() and char.isalnum()) or "Font"
    style = ("Bold" if face.weight >= BOLD_WEIGHT else "") + ("Italic" if face.italic else "")
    return f"{stem}-{style or 'Regular'}"


def _pick(candidates: Sequence[InstalledFace], bold: bool, italic: bool) -> InstalledFace | None:
    """The face closest to the asked style: right slant first, then the nearest weight."""
    if not candidates:
        return None
    target = 700 if bold else 400

    def distance(face: InstalledFace) -> tuple[bool, float, bool, int, str, int]:
        wrong_side = (face.weight >= BOLD_WEIGHT) != bold
        # CSS's rule for 400: the heavier neighbour (500) before the lighter ones.
        tie = 0 if face.weight >= target else 1
        return (
            face.italic != italic,
            abs(face.stretch - 100.0),
            wrong_side,
            abs(face.weight - target) * 2 + tie,
            str(face.path),
            face.index,
        )

    return min(candidates, key=distance)


def _install_hint() -> str:
    if sys.platform == "win32" or sys.platform == "darwin":
        return QT_TRANSLATE_NOOP(
            "Fonts", "Install one of these fonts, or name a font file for it in the settings."
        ).format()
    return QT_TRANSLATE_NOOP(
        "Fonts",
        "Install one of these fonts, for example: "
        "sudo apt-get install fonts-noto-cjk fonts-liberation2",
    ).format()


_NOT_INSTALLED = QT_TRANSLATE_NOOP("Fonts", "{family} (not installed)")
_NOT_CONVERTED = QT_TRANSLATE_NOOP("Fonts", "{family} (cannot be converted: {reason})")
_NO_FACE = QT_TRANSLATE_NOOP("Fonts", "No usable font: tried {families}. {hint}")
_NO_FACE_FOR_ROLE = QT_TRANSLATE_NOOP("Fonts", "No usable “{role}” font: tried {families}. {hint}")
_LIST_SEPARATOR = QT_TRANSLATE_NOOP("Fonts", ", ")


class FontResolver:
    """Finds, converts (once, cached) and registers the faces of font stacks."""

    def __init__(
        self, overrides: Mapping[str, str] | None = None, cache_dir: Path | None = None
    ) -> None:
        self.overrides = {
            family.casefold(): Path(path) for family, path in (overrides or {}).items()
        }
        self.cache_dir = cache_dir if cache_dir is not None else default_cache_dir()
        self._cmaps: dict[Source, frozenset[int]] = {}
        self._override_faces: dict[Path, list[InstalledFace]] = {}
        self.notices: list[str] = []
        """What the editor should know about the fonts (an unusable font file in settings)."""
        self._faces: dict[tuple[object, ...], list[FaceSpec]] = {}

    # -- choosing -----------------------------------------------------------------------------

    def _candidates(self, family: str) -> list[InstalledFace]:
        """A family's installed faces; a user's font file for it replaces the system's.

        The user's file is tried in a separate process first (``vet``): a damaged one is
        reported in ``notices`` and the installed faces are used instead.
        """
        override = self.overrides.get(family.casefold())
        if override is not None:
            if override not in self._override_faces:
                self._override_faces[override] = self._usable_override(family, override)
            faces = self._override_faces[override]
            if faces:
                named = [face for face in faces if face.matches(family)]
                return named or faces
        return [face for face in _installed(self.cache_dir) if face.matches(family)]

    def _usable_override(self, family: str, path: Path) -> list[InstalledFace]:
        faces = read_faces(path) if path.is_file() else []
        if not faces:
            problem = QT_TRANSLATE_NOOP(
                "Fonts", "the file does not exist, is damaged or is not a font"
            ).format()
            self._unusable(family, path, problem)
        return faces

    def _unusable(self, family: str, path: Path, problem: str) -> None:
        log.warning("font file for %s unusable: %s: %s", family, path, problem)
        self.notices.append(
            QT_TRANSLATE_NOOP(
                "Fonts",
                "The font file {path} named in the settings for “{family}” cannot be used "
                "({problem}); the installed fonts are used instead",
            ).format(path=path, family=family, problem=problem)
        )

    def _choose(self, family: str, bold: bool, italic: bool) -> tuple[InstalledFace, bool] | None:
        """The face to use and whether bold must be synthesised."""
        face = _pick(self._candidates(family), bold, italic)
        if face is not None and face.path in self._override_faces:
            problem = vet(face.path, face.index, self.cache_dir)
            if problem:
                self._override_faces[face.path] = []
                self._unusable(family, face.path, problem)
                face = _pick(self._candidates(family), bold, italic)
        if face is None:
            return None
        return face, bold and face.weight < BOLD_WEIGHT

    # -- building faces -----------------------------------------------------------------------

    def _face(
        self, family: str, installed: InstalledFace, path: Path, name: str, synthetic: bool
    ) -> FaceSpec:
        converted = path != installed.path
        index = 0 if converted else installed.index
        identity = path.name if converted else f"{path.resolve()}#{index}"
        return FaceSpec(
            family=family,
            bold=installed.weight >= BOLD_WEIGHT,
            italic=installed.italic,
            path=path,
            subfont_index=index,
            synthetic_bold=synthetic,
            name=name,
            identity=identity,
        )

    def _converted(
        self, family: str, installed: InstalledFace, synthetic: bool, extra: frozenset[int]
    ) -> list[FaceSpec]:
        """The cached base conversion, plus a top-up face for rare characters the source has."""
        source = Source.of(installed.path, installed.index)
        name = _ascii_name(installed, family)
        base = convert_to_file(
            installed.path, installed.index, base_charset(), source.base_file(self.cache_dir)
        )
        faces = [self._face(family, installed, base, name, synthetic)]
        if extra:
            if source not in self._cmaps:
                self._cmaps[source] = load_cmap(installed.path, installed.index)
            wanted = extra & self._cmaps[source]
            if wanted:
                digest = source.topup_digest(wanted)
                target = source.topup_file(self.cache_dir, digest)
                tag = f"X{digest[:8]}"
                topup = convert_to_file(installed.path, installed.index, wanted, target, tag)
                faces.append(self._face(family, installed, topup, f"{name}-{tag}", synthetic))
        return faces

    def faces(
        self,
        families: Sequence[str],
        *,
        bold: bool,
        italic: bool,
        needed: Iterable[str] = (),
        role: str = "",
    ) -> list[FaceSpec]:
        """Every usable face of the stack in order, for per-character fallback.

        Missing families are skipped; CFF faces are converted (cached); ``needed`` characters
        outside the cached base set get a small top-up face right after their base face.
        """
        extra = (
            frozenset(ord(char) for text in needed for char in text if char.isprintable())
            - base_charset()
        )
        key = (tuple(families), bold, italic, extra)
        if key in self._faces:
            return list(self._faces[key])
        result: list[FaceSpec] = []
        problems: list[str] = []
        for family in families:
            chosen = self._choose(family, bold, italic)
            if chosen is None:
                problems.append(_NOT_INSTALLED.format(family=family))
                continue
            installed, synthetic = chosen
            try:
                if installed.cff:
                    built = self._converted(family, installed, synthetic, extra)
                else:
                    name = _ascii_name(installed, family)
                    built = [self._face(family, installed, installed.path, name, synthetic)]
            except Exception as error:  # a broken font file must cost one family, not the export
                log.exception("font %s (%s) could not be converted", family, installed.path)
                problems.append(_NOT_CONVERTED.format(family=family, reason=error))
                continue
            known = {(face.path, face.subfont_index) for face in result}
            result.extend(face for face in built if (face.path, face.subfont_index) not in known)
        if not result:
            template = _NO_FACE_FOR_ROLE if role else _NO_FACE
            tried = _LIST_SEPARATOR.format().join(problems)
            raise FontError(template.format(role=role, families=tried, hint=_install_hint()))
        self._faces[key] = result
        return list(result)

    # -- ahead of time ------------------------------------------------------------------------

    def missing_faces(self, layout: Layout) -> list[Path]:
        """The cache files ``prepare`` would still have to make for this layout (none once it
        ran): the GUI explains a first start and counts its progress with them."""
        return sorted(self._conversions(layout))

    def prepare(self, layout: Layout, progress: Callable[[str], None] | None = None) -> None:
        """Convert and cache every face the layout's stacks can use, in parallel processes.

        Run by the setup script and at the GUI's first start, so no export waits on a
        conversion. Inline bold and italic may occur in any role, so all four styles count.
        """
        report = progress or (lambda message: None)
        jobs = self._conversions(layout)
        if jobs:
            self._convert_all(jobs, report)
        for role, families, bold, italic in _styles(layout):
            self.faces(families, bold=bold, italic=italic, role=role)
        report(QT_TRANSLATE_NOOP("Fonts", "Fonts are ready").format())

    def _conversions(self, layout: Layout) -> dict[Path, tuple[str, InstalledFace]]:
        """Cache file → the face to convert into it, for every CFF face not cached yet."""
        jobs: dict[Path, tuple[str, InstalledFace]] = {}
        for _role, families, bold, italic in _styles(layout):
            for family in families:
                chosen = self._choose(family, bold, italic)
                if chosen is None or not chosen[0].cff:
                    continue
                installed = chosen[0]
                target = Source.of(installed.path, installed.index).base_file(self.cache_dir)
                if not target.is_file():
                    jobs.setdefault(target, (family, installed))
        return jobs

    def _convert_all(
        self, jobs: Mapping[Path, tuple[str, InstalledFace]], report: Callable[[str], None]
    ) -> None:
        """One process per face: each takes 10–20 s of pure Python, and memory is ~150 MB."""
        workers = max(1, min(len(jobs), os.cpu_count() or 1, 4))
        report(
            QT_TRANSLATE_NOOP(
                "Fonts", "First use: converting {count} fonts (about 10–20 seconds each)…"
            ).format(count=len(jobs))
        )
        with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
            futures = {
                pool.submit(
                    convert_to_file, installed.path, installed.index, base_charset(), target
                ): (family, installed)
                for target, (family, installed) in jobs.items()
            }
            for done, future in enumerate(as_completed(futures), start=1):
                family, installed = futures[future]
                style = "Bold" if installed.weight >= BOLD_WEIGHT else "Regular"
                try:
                    future.result()
                except Exception:  # reported again, with the family, by faces() below
                    log.exception("converting %s %s failed", family, style)
                report(
                    QT_TRANSLATE_NOOP("Fonts", "Font {done}/{count}: {family} {style}").format(
                        done=done, count=len(jobs), family=family, style=style
                    )
                )


def _styles(layout: Layout) -> list[tuple[str, Sequence[str], bool, bool]]:
    """Every (role, stack, bold, italic) a layout can ask for."""
    return [
        (role, families, bold, italic)
        for role, stack in sorted(layout.fonts.items())
        for families in (stack.cjk, stack.latin)
        for bold in (False, True)
        for italic in (False, True)
    ]
