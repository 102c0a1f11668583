"""Balanced ragged lines (headings, captions), broken where an editor would break them.

A title that wraps with one character on its last line reads badly, and so does one that
breaks inside a word (``更新数 / 据中心``). Lines here end only between words, as a
dictionary segmenter (jieba, through its Rust port ``rjieba``) cuts them, or after
punctuation; among those breaks, the ones that make the lines most even win, with a
preference for breaking after a mark (``：`` ``——`` ``，``). A word wider than the whole
line is still split rather than overflowing.
"""

from functools import cache, lru_cache

from bulletin_studio.render.cache import default_cache_dir
from bulletin_studio.render.kept_cuts import KeptCuts, segmenter_build
from bulletin_studio.render.punctuation import LineEndPunctuation
from bulletin_studio.render.textmeasure import (
    Line,
    Measured,
    breakpoints,
    greedy_lines,
    line_width,
    segments,
    split_wide_units,
    visible_end,
)

BALANCE_MAX_CHARS = 160
"""Longer ragged text (a long caption) is filled, not balanced."""

MID_PHRASE_COST = 0.1
"""Cost of a break between two words rather than after punctuation, in the units of the
raggedness cost (squared share of the measure left empty): a colon or a comma wins over a
slightly more even break between words."""

_BREAK_AFTER = frozenset("，。、；：？！）》」』】”’—…,.;:?!)")


@cache
def _kept_cuts() -> KeptCuts:
    return KeptCuts(default_cache_dir() / "cuts", segmenter_build())


def save_word_cuts() -> None:
    """Write the cuts made since the last save to the user's cache. Exports call this, not
    each cut: a heading typed in the app is cut at every preview, and costs no disk write."""
    _kept_cuts().save()


@lru_cache(maxsize=1024)
def word_boundaries(text: str) -> frozenset[int]:
    """Positions between two words of ``text`` (jieba's dictionary segmentation), as cut in
    an earlier run when there was one (``kept_cuts``)."""
    kept = _kept_cuts().get(text)
    if kept is not None:
        return kept
    import rjieba  # 0.2 s to load its dictionary: only when a new heading must wrap

    positions: set[int] = set()
    offset = 0
    for token in rjieba.cut(text):
        offset += len(token)
        positions.add(offset)
    cuts = frozenset(positions)
    _kept_cuts().put(text, cuts)
    return cuts


def balanced(
    measured: Measured,
    width: float,
    first_line_indent: float = 0.0,
    line_end: LineEndPunctuation = "half",
    start: int = 0,
) -> list[Line]:
    """Lines between words, as many as filling needs, made as even as possible."""
    text = measured.text
    filled = greedy_lines(measured, width, first_line_indent, line_end, start=start)
    if len(filled) < 2:
        return filled
    allowed = word_boundaries(text)
    if len(text) - start > BALANCE_MAX_CHARS:
        return greedy_lines(measured, width, first_line_indent, line_end, allowed, start)
    lines: list[Line] = []
    for seg_start, seg_end in segments(text, start):
        lines.extend(
            _balance(measured, seg_start, seg_end, width, first_line_indent, line_end, allowed)
        )
    return lines


def _balance(
    measured: Measured,
    seg_start: int,
    seg_end: int,
    width: float,
    indent: float,
    line_end: LineEndPunctuation,
    allowed: frozenset[int],
) -> list[Line]:
    """Fewest lines first, then the smallest sum of squared gaps at the right edge."""
    text = measured.text
    first_indent = indent if seg_start == 0 else 0.0
    points = [
        point
        for point in breakpoints(measured, seg_start, seg_end)
        if point in allowed or point == seg_end
    ]
    points, _ = split_wide_units(measured, points, seg_start, width - first_indent)
    points.insert(0, seg_start)
    # best[j] = (lines, cost, previous) of the cheapest setting ending at points[j]
    best: list[tuple[int, float, int]] = [(0, 0.0, -1)]
    for j in range(1, len(points)):
        point = points[j]
        candidate = (len(points) + 1, 0.0, j - 1)
        for i in range(j - 1, -1, -1):
            start = points[i]
            end = visible_end(text, start, point)
            natural = line_width(measured, start, end, line_end)
            available = width - (first_indent if start == seg_start else 0.0)
            if natural > available + 1e-6 and i < j - 1:
                break
            count, cost, _ = best[i]
            slack = max(0.0, available - natural) / available
            cost += slack * slack
            if point != seg_end and text[point - 1] not in _BREAK_AFTER:
                cost += MID_PHRASE_COST
            candidate = min(candidate, (count + 1, cost, i))
        best.append(candidate)
    chain: list[int] = []
    j = len(points) - 1
    while j > 0:
        chain.append(j)
        j = best[j][2]
    lines: list[Line] = []
    for j in reversed(chain):
        start, point = points[best[j][2]], points[j]
        end = visible_end(text, start, point)
        forced = point == seg_end and text[point - 1] == "\n"
        lines.append(Line(start, end, line_width(measured, start, end, line_end), forced))
    return lines
