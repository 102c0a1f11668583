"""Chinese line breaking (clreq, GB/T 15834-2011), independent of any PDF library.

ReportLab's CJK wrapping follows Japanese rules and leaves lines ragged. Here a line is
broken only where the rules allow:

- closing punctuation never starts a line and opening punctuation never ends one
  (the mark is pushed to the next line together with its neighbour);
- ``——`` and ``……`` are never split;
- Latin words and numbers are never split (except a URL after ``/``, and a word wider
  than the whole line, which would otherwise overflow);
- spaces at a break vanish; a quarter-em gap separates Han from Latin letters and digits;
- every line but the last of a paragraph is justified on both edges by spreading the
  slack over the gaps between characters (never inside a Latin word).
"""

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

NO_LINE_START = frozenset("，。、；：？！）》〉」』】〕〗］｝”’·・％‰,.;:?!)]}%…")
"""Closing and trailing marks (GB/T 15834: 句号、逗号 … 括号和书名号的后一半)."""

NO_LINE_END = frozenset("（《〈「『【〔〖［｛“‘([{")
"""Opening marks: never left alone at the end of a line."""

UNSPLITTABLE_PAIRS = frozenset("—…")
"""``——`` and ``……`` are two characters that read as one mark."""

CJK_LIKE_PUNCTUATION = frozenset("“”‘’—…·")
"""Ambiguous-width marks that behave like Chinese punctuation in Chinese text."""

INTER_SCRIPT_GAP_EM = 0.25


@lru_cache(maxsize=4096)
def is_cjk(char: str) -> bool:
    """Wide characters (Han, kana, full-width punctuation) and the Chinese-style marks."""
    return unicodedata.east_asian_width(char) in ("W", "F") or char in CJK_LIKE_PUNCTUATION


@lru_cache(maxsize=4096)
def _is_han_or_kana(char: str) -> bool:
    return unicodedata.east_asian_width(char) == "W" and unicodedata.category(char) == "Lo"


@lru_cache(maxsize=4096)
def _is_latin_alnum(char: str) -> bool:
    return char.isalnum() and not is_cjk(char)


def break_allowed(before: str, after: str, *, in_url: bool = False) -> bool:
    """May a line end between ``before`` and ``after``?"""
    if before.isspace():
        return True
    if after.isspace():
        return False  # break after the space instead, so it vanishes at the line end
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    if before == after and before in UNSPLITTABLE_PAIRS:
        return False
    if is_cjk(before) or is_cjk(after):
        return True
    return in_url and before == "/"


def inter_script_gap(before: str, after: str) -> bool:
    """Han next to a Latin letter or digit gets a quarter-em gap (as Word's 自动调整间距)."""
    return (_is_han_or_kana(before) and _is_latin_alnum(after)) or (
        _is_latin_alnum(before) and _is_han_or_kana(after)
    )


@dataclass(frozen=True, slots=True)
class Line:
    """Characters ``start``..``end`` (exclusive) of the paragraph; ``extra`` per stretchable gap."""

    start: int
    end: int
    natural_width: float
    gaps: tuple[int, ...]
    extra: float
    forced_end: bool


@dataclass(slots=True)
class Measured:
    """A paragraph's characters with their advances (points) and where it may break."""

    text: str
    advances: Sequence[float]
    gap_after: Sequence[float]
    breakable_after: Sequence[bool]


def measure(
    text: str, advances: Sequence[float], font_sizes: Sequence[float], url_mask: Sequence[bool]
) -> Measured:
    """Work out break opportunities and inter-script gaps for one paragraph."""
    count = len(text)
    breakable = [False] * count
    gaps = [0.0] * count
    for index in range(count - 1):
        before, after = text[index], text[index + 1]
        breakable[index] = before == "\n" or break_allowed(
            before, after, in_url=url_mask[index] and url_mask[index + 1]
        )
        if inter_script_gap(before, after):
            gaps[index] = INTER_SCRIPT_GAP_EM * min(font_sizes[index], font_sizes[index + 1])
    if count:
        breakable[-1] = True
    return Measured(text, advances, gaps, breakable)


def _stretchable(text: str, index: int) -> bool:
    """May justification widen the gap after ``text[index]``? Not inside Latin words."""
    before, after = text[index], text[index + 1]
    return before.isspace() or is_cjk(before) or is_cjk(after)


def fill_lines(
    measured: Measured, width: float, first_line_indent: float = 0.0, justify: bool = True
) -> list[Line]:
    """Greedy line filling under the breaking rules; every line fits unless one glyph cannot."""
    text = measured.text
    advances = measured.advances
    gap_after = measured.gap_after
    breakable = measured.breakable_after
    count = len(text)
    lines: list[Line] = []
    start = 0
    while start < count:
        available = width - (first_line_indent if not lines else 0.0)
        end, forced = _line_end(text, advances, gap_after, breakable, start, available)
        natural = _natural_width(text, advances, gap_after, start, end)
        visible_end = end
        while visible_end > start and text[visible_end - 1] in " \n":
            visible_end -= 1
        is_last = end >= count or forced
        gaps: tuple[int, ...] = ()
        extra = 0.0
        if justify and not is_last and visible_end - start > 1:
            gaps = tuple(i for i in range(start, visible_end - 1) if _stretchable(text, i))
            if gaps and natural < available:
                extra = (available - natural) / len(gaps)
        lines.append(Line(start, visible_end, natural, gaps, extra, forced))
        start = end
        while start < count and text[start] == " ":
            start += 1
    return lines


def _line_end(
    text: str,
    advances: Sequence[float],
    gap_after: Sequence[float],
    breakable: Sequence[bool],
    start: int,
    available: float,
) -> tuple[int, bool]:
    """Where the line starting at ``start`` ends (exclusive), and whether a newline forced it."""
    used = 0.0
    last_break = -1
    index = start
    count = len(text)
    while index < count:
        char = text[index]
        if char == "\n":
            return index + 1, True
        fits = used + advances[index] <= available + 1e-6 or char == " "
        if not fits and index > start:
            if last_break >= start:
                return last_break + 1, False
            return index, False  # a word wider than the line: split it rather than overflow
        used += advances[index] + gap_after[index]
        if breakable[index]:
            last_break = index
        index += 1
    return count, False


def _natural_width(
    text: str, advances: Sequence[float], gap_after: Sequence[float], start: int, end: int
) -> float:
    while end > start and text[end - 1] in " \n":
        end -= 1
    if end <= start:
        return 0.0
    return sum(advances[start:end]) + sum(gap_after[start : end - 1])


BALANCE_MAX_CHARS = 120


def balanced_lines(measured: Measured, width: float, first_line_indent: float = 0.0) -> list[Line]:
    """Ragged text (headings, captions) in as many lines as needed, but of even length.

    A title that wraps with one character on its last line reads badly; the narrowest
    measure that keeps the same number of lines spreads the words evenly instead.
    """
    lines = fill_lines(measured, width, first_line_indent, justify=False)
    if len(lines) < 2 or len(measured.text) > BALANCE_MAX_CHARS:
        return lines
    narrow, wide = width * (len(lines) - 1) / len(lines), width
    for _ in range(10):
        middle = (narrow + wide) / 2
        if len(fill_lines(measured, middle, first_line_indent, justify=False)) == len(lines):
            wide = middle
        else:
            narrow = middle
    return fill_lines(measured, wide, first_line_indent, justify=False)
