"""CFF → TrueType conversion of a character subset, because ReportLab embeds only glyf outlines.

Converting a whole Noto CJK face takes 90 s and 1 GB and then overflows a table; subsetting
first to a fixed base set (GB2312, Latin, punctuation) gives a 4–6 MB font in 15–30 s that is
cached once. Output is byte-for-byte deterministic, so exported PDFs are reproducible.
"""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path

import fontTools
from fontTools.ttLib import TTFont, newTable

from bulletin_studio.render.cache import write_atomic

# Bump when the base set changes, or when the converter's output changes, to invalidate caches.
CHARSET_VERSION = 1
CONVERTER_VERSION = 2  # 2: GPOS kept for the punctuation features (halt, chws, palt)

# 1 font unit on a 1000–2048 unit em: invisible at print sizes (fontTools' otf2ttf default).
_MAX_ERR = 1.0

# Tables ReportLab never reads (it shapes nothing and writes horizontal text only), plus
# variation tables, which would otherwise describe outlines that no longer exist. GPOS stays,
# with only the features that say how wide Chinese punctuation is (read through HarfBuzz by
# ``render.fonts.features``): they position glyphs and substitute none, so no glyph is added.
_DROP_TABLES = (
    "GSUB", "BASE", "JSTF", "MATH", "VORG", "vhea", "vmtx", "DSIG", "meta",
    "fvar", "avar", "gvar", "cvar", "HVAR", "VVAR", "MVAR", "STAT",
)  # fmt: skip

KEPT_FEATURES = ["halt", "chws", "palt", "kern"]

_COMMON_SYMBOLS = "™©®°×÷±€£¥¢§¶†‡•…‰′″※℃℉№←↑→↓↔√∞≈≠≤≥∈∑∏─│■□▲△●○◆◇★☆✓✔✗♪"


@cache
def base_charset() -> frozenset[int]:
    """Code points every cached face holds: GB2312 plus what bilingual text uses around it."""
    chars: set[int] = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes((high, low)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    ranges = (
        (0x20, 0x7E),  # ASCII
        (0xA0, 0xFF),  # Latin-1
        (0x100, 0x17F),  # Latin Extended-A: European names in partner news
        (0x2000, 0x206F),  # General Punctuation
        (0x2460, 0x2473),  # ① … ⑳
        (0x3000, 0x303F),  # CJK Symbols and Punctuation
        (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
    )
    for first, last in ranges:
        chars.update(range(first, last + 1))
    chars.update(ord(char) for char in _COMMON_SYMBOLS)
    return frozenset(chars)


@dataclass(frozen=True)
class Source:
    """A CFF face as found on disk; size and mtime stand for its content in cache keys."""

    path: Path
    index: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path, index: int) -> "Source":
        stat = path.stat()
        return cls(path.resolve(), index, stat.st_size, stat.st_mtime_ns)

    def key(self, *extra: object) -> str:
        """Digest of everything that decides the converted bytes."""
        parts = [
            str(self.path), self.size, self.mtime_ns, self.index,
            CHARSET_VERSION, CONVERTER_VERSION, fontTools.version, *extra,
        ]  # fmt: skip
        return hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:20]

    def base_file(self, cache_dir: Path) -> Path:
        return cache_dir / f"{self.path.stem}-{self.index}-{self.key('base')}.ttf"

    def topup_digest(self, chars: Iterable[int]) -> str:
        return self.key("topup", ",".join(f"{char:x}" for char in sorted(chars)))

    def topup_file(self, cache_dir: Path, digest: str) -> Path:
        return cache_dir / f"{self.path.stem}-{self.index}-x{digest}.ttf"


def load_cmap(path: Path, index: int) -> frozenset[int]:
    """The source face's characters, to know which rare ones a top-up face can supply."""
    font = TTFont(path, fontNumber=index, lazy=True)
    try:
        return frozenset(font.getBestCmap() or {})
    finally:
        font.close()


def _subset(font: TTFont, chars: Iterable[int]) -> None:
    # Imported here: the subsetter takes 0.16 s to import, and most runs only read the cache.
    from fontTools.subset import Options, Subsetter

    options = Options()
    options.glyph_names = False
    # Keeping CFF hints saves half the subsetting time (7 of 14 s); the pen drops them anyway.
    options.hinting = True
    options.layout_features = KEPT_FEATURES
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.drop_tables = [*options.drop_tables, *_DROP_TABLES]
    subsetter = Subsetter(options)
    subsetter.populate(unicodes=chars)
    subsetter.subset(font)


def _to_truetype(font: TTFont) -> None:
    """Replace CFF outlines by quadratic ``glyf`` ones (after fontTools' otf2ttf snippet)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    hmtx = font["hmtx"]
    for name in order:
        pen = TTGlyphPen(None)
        glyph_set[name].draw(Cu2QuPen(pen, _MAX_ERR, reverse_direction=True))
        glyph = glyf.glyphs[name] = pen.glyph()
        # Bounds per glyph rather than compiling the whole table twice (about 1.5 s less).
        glyph.recalcBounds(glyf)
        hmtx.metrics[name] = (hmtx.metrics[name][0], getattr(glyph, "xMin", 0))
    for table in ("CFF ", "CFF2"):
        if table in font:
            del font[table]
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for field in (
        "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
        "maxStackElements", "maxSizeOfInstructions", "maxComponentElements",
    ):  # fmt: skip
        setattr(maxp, field, 0)
    font["maxp"] = maxp
    post = font["post"]
    post.formatType = 3.0  # no glyph names: smaller, and ReportLab never reads them
    font.sfntVersion = "\x00\x01\x00\x00"


def _rename(font: TTFont, suffix: str) -> None:
    """Give a top-up face its own PostScript name: ReportLab merges faces that share one."""
    for record in font["name"].names:
        if record.nameID == 6:
            record.string = f"{record.toUnicode()}-{suffix}"[:63]


def convert(source: Path, index: int, chars: Iterable[int], ps_suffix: str = "") -> bytes:
    """TrueType bytes of face ``index`` of ``source`` holding only ``chars``; deterministic."""
    font = TTFont(source, fontNumber=index, lazy=False, recalcTimestamp=False)
    try:
        _subset(font, chars)
        _to_truetype(font)
        if ps_suffix:
            _rename(font, ps_suffix)
        buffer = BytesIO()
        font.save(buffer)  # head.created/modified are the source's: no clock in the output
        return buffer.getvalue()
    finally:
        font.close()


def convert_to_file(
    source: Path, index: int, chars: Iterable[int], target: Path, ps_suffix: str = ""
) -> Path:
    """Convert unless ``target`` exists; atomic, so parallel processes never see half a file.

    A module-level function, so ``prepare`` can run it in worker processes.
    """
    if not target.is_file():
        write_atomic(target, convert(source, index, sorted(chars), ps_suffix))
    return target
