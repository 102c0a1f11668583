"""Which font faces are installed: fontconfig on Linux, a name-table scan on Windows and macOS.

Only names, style and outline format are gathered here; nothing is registered or converted,
so listing stays cheap enough to run at every start.
"""

import itertools
import json
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from fontTools.ttLib import TTCollection, TTFont

from bulletin_studio.render.cache import write_atomic

log = logging.getLogger(__name__)

FONT_SUFFIXES = frozenset({".ttf", ".otf", ".ttc", ".otc"})
INDEX_VERSION = 1

# fontconfig's weight scale mapped to OpenType usWeightClass (fontconfig.h FC_WEIGHT_*).
_FC_WEIGHTS = (
    (0, 100), (40, 200), (50, 300), (55, 350), (75, 380), (80, 400),
    (100, 500), (180, 600), (200, 700), (205, 800), (210, 900), (215, 950),
)  # fmt: skip

# OS/2 usWidthClass 1–9 as percent of normal width, fontconfig's unit.
_WIDTH_CLASSES = {
    1: 50.0,
    2: 62.5,
    3: 75.0,
    4: 87.5,
    5: 100.0,
    6: 112.5,
    7: 125.0,
    8: 150.0,
    9: 200.0,
}


@dataclass(frozen=True)
class InstalledFace:
    """One face of one installed file, as discovery sees it."""

    families: tuple[str, ...]  # every family name the face answers to, localized ones included
    path: Path
    index: int  # subfont index inside a collection (0 for a single font)
    weight: int  # OpenType scale: 400 regular, 700 bold
    italic: bool
    cff: bool  # PostScript outlines: ReportLab needs a converted copy
    stretch: float = 100.0  # percent of normal width: Condensed faces share the family name

    def matches(self, family: str) -> bool:
        wanted = family.casefold()
        return any(name.casefold() == wanted for name in self.families)


def fc_weight_to_opentype(weight: float) -> int:
    """Interpolate fontconfig's weight scale onto usWeightClass, so both discovery paths agree."""
    for (fc_low, ot_low), (fc_high, ot_high) in itertools.pairwise(_FC_WEIGHTS):
        if fc_low <= weight <= fc_high:
            return round(ot_low + (weight - fc_low) * (ot_high - ot_low) / (fc_high - fc_low))
    return 950 if weight > _FC_WEIGHTS[-1][0] else 100


def parse_fc_list(output: str) -> list[InstalledFace]:
    """Parse ``fc-list`` output in the format of ``fontconfig_faces``."""
    faces = []
    for line in output.splitlines():
        parts = line.split("\t")
        if len(parts) != 7:
            continue
        family, path, index, fontformat, weight, slant, width = parts
        if not index.isdigit() or int(index) >> 16:
            continue  # named instances of variable fonts: ReportLab cannot draw them
        suffix = Path(path).suffix.lower()
        if suffix not in FONT_SUFFIXES:
            continue  # Type 1, bitmap and WOFF files
        fc_weight = _number(weight, 80.0)
        faces.append(
            InstalledFace(
                families=tuple(name.strip() for name in family.split(",") if name.strip()),
                path=Path(path),
                index=int(index),
                weight=fc_weight_to_opentype(fc_weight),
                italic=slant.strip() not in ("", "0"),
                cff=fontformat == "CFF",
                stretch=_number(width, 100.0),
            )
        )
    return faces


def _number(text: str, default: float) -> float:
    """fc-list prints ``[80 200]`` for a range (variable fonts): take the default."""
    try:
        return float(text)
    except ValueError:
        return default


def fontconfig_faces() -> list[InstalledFace]:
    """All faces fontconfig knows, from one ``fc-list`` call."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        log.warning("fc-list not found; no system fonts are visible")
        return []
    fields = "%{family}\t%{file}\t%{index}\t%{fontformat}\t%{weight}\t%{slant}\t%{width}\n"
    result = subprocess.run(
        [fc_list, "--format", fields], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        log.warning("fc-list failed: %s", result.stderr.strip())
    return parse_fc_list(result.stdout)


def _names(font: TTFont) -> tuple[str, ...]:
    """Family names in every language: users type 宋体 as readily as SimSun."""
    found: list[str] = []
    for record in font["name"].names if "name" in font else ():
        if record.nameID not in (1, 16):
            continue
        try:
            name = record.toUnicode().strip()
        except UnicodeDecodeError:
            continue
        if name and name not in found:
            found.append(name)
    return tuple(found)


def read_faces(path: Path) -> list[InstalledFace]:
    """Faces of one font file from its ``name`` and ``OS/2`` tables (lazily, never the glyphs).

    A damaged file (truncated, garbled) gives no faces, whatever fontTools raises reading it.
    """
    try:
        if path.suffix.lower() in (".ttc", ".otc"):
            fonts = list(TTCollection(path, lazy=True).fonts)
        else:
            fonts = [TTFont(path, lazy=True)]
        return [face for index, font in enumerate(fonts) if (face := _face(path, index, font))]
    except Exception as error:  # fontTools raises many kinds for damaged data
        log.info("skipping unreadable font %s: %s", path, error)
        return []


def _face(path: Path, index: int, font: TTFont) -> InstalledFace | None:
    families = _names(font)
    if not families:
        return None
    os2 = font.get("OS/2", None)
    weight = os2.usWeightClass if os2 is not None else 400
    stretch = _WIDTH_CLASSES.get(os2.usWidthClass, 100.0) if os2 is not None else 100.0
    italic = bool(os2.fsSelection & 1) if os2 is not None else False
    if os2 is None and "head" in font:
        italic = bool(font["head"].macStyle & 2)
    return InstalledFace(
        families=families,
        path=path,
        index=index,
        weight=weight,
        italic=italic,
        cff="CFF " in font or "CFF2" in font,
        stretch=stretch,
    )


def _font_files(directories: Iterable[Path]) -> Iterator[Path]:
    for directory in directories:
        if not directory.is_dir():
            continue
        for root, _dirs, files in os.walk(directory):
            for file in sorted(files):
                if Path(file).suffix.lower() in FONT_SUFFIXES:
                    yield Path(root, file)


def scan_directories(directories: Iterable[Path], index_file: Path | None) -> list[InstalledFace]:
    """Read every font file under ``directories``, reusing ``index_file`` for unchanged files.

    A Windows font folder holds hundreds of files; reading their name tables takes seconds,
    so each file's faces are cached keyed by size and mtime.
    """
    cached: Mapping[str, dict] = {}
    if index_file is not None and index_file.is_file():
        try:
            data = json.loads(index_file.read_text(encoding="utf-8"))
            if data.get("version") == INDEX_VERSION:
                cached = data["files"]
        except (OSError, ValueError, KeyError):
            cached = {}
    files: dict[str, dict] = {}
    faces: list[InstalledFace] = []
    for path in _font_files(directories):
        try:
            stat = path.stat()
        except OSError:
            continue
        entry = cached.get(str(path))
        if entry and entry["size"] == stat.st_size and entry["mtime_ns"] == stat.st_mtime_ns:
            found = [_face_from_json(face) for face in entry["faces"]]
        else:
            found = read_faces(path)
        files[str(path)] = {
            "size": stat.st_size,
            "mtime_ns": stat.st_mtime_ns,
            "faces": [_face_to_json(face) for face in found],
        }
        faces.extend(found)
    if index_file is not None and files != cached:
        write_atomic(
            index_file,
            json.dumps({"version": INDEX_VERSION, "files": files}, ensure_ascii=False).encode(),
        )
    return faces


def _face_to_json(face: InstalledFace) -> dict:
    data = asdict(face)
    data["path"] = str(face.path)
    return data


def _face_from_json(data: Mapping) -> InstalledFace:
    return InstalledFace(
        families=tuple(data["families"]),
        path=Path(data["path"]),
        index=int(data["index"]),
        weight=int(data["weight"]),
        italic=bool(data["italic"]),
        cff=bool(data["cff"]),
        stretch=float(data["stretch"]),
    )


def system_font_dirs() -> list[Path]:
    """Where Windows and macOS keep fonts, per machine and per user."""
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        dirs = [windir / "Fonts"]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return dirs
    return [
        Path("/System/Library/Fonts"),
        Path("/Library/Fonts"),
        Path.home() / "Library" / "Fonts",
    ]


def installed_faces(cache_dir: Path) -> list[InstalledFace]:
    """Every installed face on this machine, by the platform's own means."""
    if sys.platform not in ("win32", "darwin"):
        return fontconfig_faces()
    return scan_directories(system_font_dirs(), cache_dir / f"font-index-v{INDEX_VERSION}.json")
