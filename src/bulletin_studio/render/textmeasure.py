"""Measuring a paragraph for line breaking: the clreq rules, widths, gaps and prefix sums.

A paragraph is measured once (``measure``): which positions may end a line, the width of
each character's box, the fixed gap after it and what justification may do to that gap.
Prefix sums over it give the width of any candidate line in O(1), so every breaker built on
it (greedy here, total-fit in ``render.totalfit``, balanced in ``render.segment``) is
linear in the length of the text.
"""

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from bulletin_studio.render.punctuation import (
    HANGING_MARKS,
    INSEPARABLE_MARKS,
    LineEndPunctuation,
    blanks,
    mark_class,
    pair_compression,
)

NO_LINE_START = frozenset("，。、；：？！）》〉」』】〕〗］｝”’·・％‰,.;:?!)]}%…")
"""Closing and trailing marks (GB/T 15834: 句号、逗号 … 括号和书名号的后一半)."""

NO_LINE_END = frozenset("（《〈「『【〔〖［｛“‘([{")
"""Opening marks: never left alone at the end of a line."""

UNSPLITTABLE_PAIRS = INSEPARABLE_MARKS
"""``——`` and ``……`` are two characters that read as one mark."""

CJK_LIKE_PUNCTUATION = frozenset("“”‘’—…·")
"""Ambiguous-width marks that behave like Chinese punctuation in Chinese text."""

INTER_SCRIPT_GAP_EM = 0.25

# How far each kind of gap may stretch or shrink, in ems of the paragraph's size.
SPACE_STRETCH_EM = 0.2
SPACE_SHRINK_EM = 0.06
MIXED_STRETCH_EM = 0.125
MIXED_SHRINK_EM = 0.1
HAN_STRETCH_LIMIT_EM = 0.12
"""The widest extra spacing between Han characters a justified line should get (clreq)."""
HAN_STRETCH_CAP_EM = 0.15
"""What a line that cannot be set better (a long Latin word beside a logo) gets at most;
the rest of its slack goes to Latin spaces, or is left at the line's end."""

# Gap kinds: what justification may do to the gap after a character.
RIGID, HAN, SPACE, MIXED = 0, 1, 2, 3


@lru_cache(maxsize=4096)
def is_cjk(char: str) -> bool:
    """Wide characters (Han, kana, full-width punctuation) and the Chinese-style marks."""
    return unicodedata.east_asian_width(char) in ("W", "F") or char in CJK_LIKE_PUNCTUATION


@lru_cache(maxsize=4096)
def is_han_or_kana(char: str) -> bool:
    return unicodedata.east_asian_width(char) == "W" and unicodedata.category(char) == "Lo"


@lru_cache(maxsize=4096)
def _is_latin_alnum(char: str) -> bool:
    return char.isalnum() and not is_cjk(char)


@lru_cache(maxsize=4096)
def is_letter(char: str) -> bool:
    """A character that counts as text when a last line is judged (not a mark, not a space)."""
    return char.isalnum()


def break_allowed(before: str, after: str, *, in_url: bool = False) -> bool:
    """May a line end between ``before`` and ``after``?"""
    if after.isspace():
        return False  # break after the last space instead, so the spaces vanish at the end
    if before.isspace():
        return True
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    if before == after and before in UNSPLITTABLE_PAIRS:
        return False
    if is_cjk(before) or is_cjk(after):
        return True
    return in_url and before == "/"


def inter_script_gap(before: str, after: str) -> bool:
    """Han next to a Latin letter or digit gets a quarter-em gap (as Word's 自动调整间距)."""
    return (is_han_or_kana(before) and _is_latin_alnum(after)) or (
        _is_latin_alnum(before) and is_han_or_kana(after)
    )


def _gap_kind(before: str, after: str) -> int:
    if before.isspace():
        return SPACE
    if inter_script_gap(before, after):
        return MIXED
    if before == after and before in UNSPLITTABLE_PAIRS:
        return RIGID
    if is_cjk(before) or is_cjk(after):
        return HAN
    return RIGID


@dataclass(frozen=True, slots=True)
class Line:
    """Characters ``start``..``end`` (exclusive) of the paragraph, as set.

    ``natural_width`` is the width before justification (end punctuation already trimmed);
    the other fields say how each kind of gap is changed to fill the measure.
    """

    start: int
    end: int
    natural_width: float
    forced_end: bool = False
    han_extra: float = 0.0
    """Added to every gap between Chinese characters."""
    space_extra: float = 0.0
    """Added to (or, negative, taken from) every Latin word space."""
    mixed_extra: float = 0.0
    """Added to (or taken from) every Han–Latin gap."""
    squeeze: float = 0.0
    """Share (0–1) of the compressible punctuation blank taken out."""

    @property
    def extra(self) -> float:
        """The widest change any gap of the line gets (0 on a ragged or naturally full line)."""
        return max(self.han_extra, self.space_extra, self.mixed_extra)


@dataclass
class Measured:
    """A paragraph's characters with their widths (points) and where it may break.

    ``advances`` are the boxes the breaker lays out (a Chinese mark's full em, even if its
    glyph is narrower); ``gap_after`` the fixed gap after each character (inter-script gap,
    minus the compression of adjacent marks); ``squeeze_after`` what more may be taken out
    there when a line must shrink; ``trim_end`` what a line ending on the character drops.
    """

    text: str
    advances: Sequence[float]
    gap_after: Sequence[float]
    breakable_after: Sequence[bool]
    squeeze_after: Sequence[float] = ()
    gap_kind: Sequence[int] = ()
    trim_end: Sequence[float] = ()
    em: float = 10.0
    _prefix: "Prefix | None" = field(default=None, repr=False)

    def prefix(self) -> "Prefix":
        """Prefix sums over the paragraph, computed once: any line's width in O(1)."""
        if self._prefix is None:
            self._prefix = Prefix.of(self)
        return self._prefix


@dataclass(frozen=True, slots=True)
class Prefix:
    """Running totals up to (not including) each character: width, gaps by kind, squeeze."""

    width: list[float]
    han: list[int]
    space: list[int]
    mixed: list[int]
    squeeze: list[float]
    letters: list[int]

    @classmethod
    def of(cls, measured: Measured) -> "Prefix":
        text = measured.text
        kinds = measured.gap_kind
        steps = [a + g for a, g in zip(measured.advances, measured.gap_after, strict=True)]
        return cls(
            width=[0.0, *accumulate(steps)],
            han=[0, *accumulate(kind == HAN for kind in kinds)],
            space=[0, *accumulate(kind == SPACE for kind in kinds)],
            mixed=[0, *accumulate(kind == MIXED for kind in kinds)],
            squeeze=[0.0, *accumulate(measured.squeeze_after)],
            letters=[0, *accumulate(is_letter(char) for char in text)],
        )


@lru_cache(maxsize=8192)
def _pair(before: str, after: str, in_url: bool) -> tuple[bool, int, bool, bool]:
    """Break allowed, gap kind, inter-script gap, both marks: the rules for one pair."""
    breakable = before == "\n" or break_allowed(before, after, in_url=in_url)
    kind = _gap_kind(before, after)
    both_marks = mark_class(before) is not None and mark_class(after) is not None
    return breakable, kind, kind == MIXED, both_marks


@lru_cache(maxsize=8192)
def _blanks(char: str, width: float, size: float) -> tuple[float, float]:
    return blanks(char, width, size)


def measure(
    text: str,
    advances: Sequence[float],
    font_sizes: Sequence[float],
    url_mask: Sequence[bool],
    mark_blanks: Sequence[tuple[float, float] | None] | None = None,
) -> Measured:
    """Work out break opportunities, gaps and punctuation blanks for one paragraph.

    ``mark_blanks`` gives a mark's blanks (points) where its font says what they are;
    elsewhere the textbook halves of ``render.punctuation`` apply.
    """
    count = len(text)
    breakable = [False] * count
    gaps = [0.0] * count
    squeeze = [0.0] * count
    kinds = [RIGID] * count
    trims = [0.0] * count
    marks = [_blanks(char, advances[i], font_sizes[i]) for i, char in enumerate(text)]
    if mark_blanks is not None:
        marks = [given or own for given, own in zip(mark_blanks, marks, strict=True)]
    for index in range(count - 1):
        before, after = text[index], text[index + 1]
        in_url = url_mask[index] and url_mask[index + 1]
        breakable[index], kinds[index], mixed, both_marks = _pair(before, after, in_url)
        left, right = marks[index], marks[index + 1]
        if mixed or left[1] or right[0] or (kinds[index] == HAN and (any(left) or any(right))):
            size = min(font_sizes[index], font_sizes[index + 1])
            if mixed:
                gaps[index] = INTER_SCRIPT_GAP_EM * size
            between = left[1] + right[0]
            if between:
                removed = pair_compression(left[1], right[0], size) if both_marks else 0.0
                gaps[index] -= removed
                squeeze[index] = between - removed
            if kinds[index] == HAN and (any(left) or any(right)):
                kinds[index] = RIGID  # a mark's blank is space enough: never widened
    for index in range(count):
        trims[index] = marks[index][1]
    if count:
        breakable[-1] = True
    em = max(font_sizes, default=10.0)
    return Measured(text, advances, gaps, breakable, squeeze, kinds, trims, em)


def line_width(
    measured: Measured, start: int, end: int, line_end: LineEndPunctuation = "half"
) -> float:
    """Natural width of characters ``start``..``end`` set as one line (end mark trimmed)."""
    if end <= start:
        return 0.0
    prefix = measured.prefix()
    last = end - 1
    if line_end == "hang" and last > start and measured.text[last] in HANGING_MARKS:
        return prefix.width[last] - prefix.width[start] - measured.gap_after[last - 1]
    width = prefix.width[end] - prefix.width[start] - measured.gap_after[last]
    return width - measured.trim_end[last]


def visible_end(text: str, start: int, end: int) -> int:
    """``end`` without the spaces and newline a line drops at its end."""
    while end > start and text[end - 1] in " \n":
        end -= 1
    return end


def segments(text: str, start: int = 0) -> list[tuple[int, int]]:
    """The paragraph from ``start`` cut at forced line breaks: each piece is broken on its own."""
    pieces: list[tuple[int, int]] = []
    while True:
        newline = text.find("\n", start)
        if newline < 0:
            if start < len(text) or not pieces:
                pieces.append((start, len(text)))
            return pieces
        pieces.append((start, newline + 1))
        start = newline + 1


def breakpoints(measured: Measured, start: int, end: int) -> list[int]:
    """Positions in (start, end] after which the line may end (``end`` always)."""
    breakable = measured.breakable_after
    points = [index + 1 for index in range(start, end - 1) if breakable[index]]
    points.append(end)
    return points


def split_wide_units(
    measured: Measured, points: list[int], start: int, width: float
) -> tuple[list[int], set[int]]:
    """Add breaks inside words wider than ``width`` (greedily), so no line must overflow.

    Returns the breakpoints with the emergency ones added, and the set of those.
    """
    prefix = measured.prefix().width
    starts = [start, *points[:-1]]
    if all(
        prefix[point] - prefix[begin] <= width for begin, point in zip(starts, points, strict=True)
    ):
        return points, set()  # the usual case: every unit fits
    advances = measured.advances
    result: list[int] = []
    emergency: set[int] = set()
    previous = start
    for point in points:
        if prefix[point] - prefix[previous] > width:
            cursor = previous
            used = 0.0
            for index in range(previous, point):
                step = advances[index] + measured.gap_after[index]
                if used + advances[index] > width and index > cursor:
                    result.append(index)
                    emergency.add(index)
                    cursor = index
                    used = 0.0
                used += step
        result.append(point)
        previous = point
    return result, emergency


def greedy_lines(
    measured: Measured,
    width: float,
    first_line_indent: float = 0.0,
    line_end: LineEndPunctuation = "half",
    allowed: frozenset[int] | None = None,
    start: int = 0,
) -> list[Line]:
    """Ragged lines, each as full as it can be (TOC entries, furniture, the base of balancing).

    ``allowed`` restricts breaks to those positions (word boundaries) where possible.
    """
    lines: list[Line] = []
    for seg_start, seg_end in segments(measured.text, start):
        lines.extend(
            greedy_segment(
                measured, seg_start, seg_end, width, first_line_indent, line_end, allowed
            )
        )
    return lines


def greedy_segment(
    measured: Measured,
    seg_start: int,
    seg_end: int,
    width: float,
    first_line_indent: float = 0.0,
    line_end: LineEndPunctuation = "half",
    allowed: frozenset[int] | None = None,
    squeeze: float = 0.0,
) -> list[Line]:
    """Greedy lines for the text between two forced breaks.

    With ``squeeze`` (a share, 0–1), a line takes what fits once that share of its
    punctuation blank is taken out (as a justified line may be); otherwise what fits at
    natural width.
    """
    text = measured.text
    squeezable = measured.prefix().squeeze
    widths = measured.prefix().width
    gap_after, trim_end = measured.gap_after, measured.trim_end
    hang = line_end == "hang"
    points = breakpoints(measured, seg_start, seg_end)
    if allowed is not None:
        points = [point for point in points if point in allowed or point == seg_end]
    points, _ = split_wide_units(measured, points, seg_start, width - first_line_indent)
    lines: list[Line] = []
    start = seg_start
    index = 0
    while start < seg_end:
        available = width - (first_line_indent if start == 0 else 0.0)
        chosen = index
        while index < len(points):
            end = visible_end(text, start, points[index])
            if hang or end - start < 2:
                natural = line_width(measured, start, end, line_end)
            else:  # line_width inlined: this loop runs once per break opportunity
                natural = widths[end] - widths[start] - gap_after[end - 1] - trim_end[end - 1]
            if squeeze and end - start > 1:
                natural -= squeeze * (squeezable[end - 1] - squeezable[start])
            if index > chosen and natural > available + 1e-6:
                break
            chosen = index
            index += 1
        point = points[chosen]
        end = visible_end(text, start, point)
        natural = line_width(measured, start, end, line_end)
        forced = point == seg_end and text[point - 1] == "\n"
        lines.append(Line(start, end, natural, forced_end=forced))
        start = point
    return lines


def set_width(measured: Measured, line: Line) -> float:
    """The width a line takes once justified (its gaps changed as ``line`` says)."""
    if line.end - line.start < 2:
        return line.natural_width
    prefix = measured.prefix()
    start, last = line.start, line.end - 1
    return (
        line.natural_width
        + line.han_extra * (prefix.han[last] - prefix.han[start])
        + line.space_extra * (prefix.space[last] - prefix.space[start])
        + line.mixed_extra * (prefix.mixed[last] - prefix.mixed[start])
        - line.squeeze * (prefix.squeeze[last] - prefix.squeeze[start])
    )
