"""Punctuation widths from a font's own ``halt`` feature, read through HarfBuzz.

``halt`` (alternate half widths) tells, for each full-width mark, which half of its em is
blank: the compression of ``render.punctuation`` then takes exactly that blank out, as the
type designer drew it, rather than assuming the glyph sits in the textbook half. Faces
without the feature (LXGW WenKai, WenQuanYi) fall back on the textbook halves.
"""

from functools import lru_cache
from pathlib import Path

import uharfbuzz

from bulletin_studio.render.punctuation import CLOSING_MARKS, MIDDLE_MARKS, OPENING_MARKS

_MARKS = "".join(sorted(CLOSING_MARKS | OPENING_MARKS | MIDDLE_MARKS))


@lru_cache(maxsize=64)
def halt_blanks(path: Path, index: int) -> dict[str, tuple[float, float]]:
    """Blank (ems) on the left and right of each full-width mark whose ``halt`` halves it."""
    try:
        blob = uharfbuzz.Blob.from_file_path(str(path))
    except uharfbuzz.HarfBuzzError:  # unreadable: no features, the textbook halves apply
        return {}
    face = uharfbuzz.Face(blob, index)
    font = uharfbuzz.Font(face)
    upem = face.upem or 1000
    blanks: dict[str, tuple[float, float]] = {}
    for char in _MARKS:
        glyph = font.get_nominal_glyph(ord(char))
        if not glyph:
            continue
        full = font.get_glyph_h_advance(glyph)
        buffer = uharfbuzz.Buffer()
        buffer.add_str(char)
        buffer.guess_segment_properties()
        uharfbuzz.shape(font, buffer, {"halt": True})
        position = buffer.glyph_positions[0]
        removed = full - position.x_advance
        if full < upem * 0.95 or removed <= 0:
            continue
        left = max(0, -position.x_offset)
        blanks[char] = (left / upem, max(0, removed - left) / upem)
    return blanks
