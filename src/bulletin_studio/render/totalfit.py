"""Total-fit breaking of justified paragraphs, in the spirit of Knuth and Plass.

Breaks are chosen for the whole paragraph at once: each candidate line gets a badness from
how much its gaps must change, each paragraph a sum of demerits, and the cheapest wins.
What a Chinese reader notices, and so what costs most:

- a last line of one character (孤字, ``容。``);
- Han characters spaced apart: above ``HAN_STRETCH_LIMIT_EM`` a line counts as loose;
- a Latin word split without a hyphen (only when it is wider than the line).

A line first shrinks by compressing punctuation and only then by narrowing Latin spaces and
Han–Latin gaps; it stretches at Latin spaces and Han–Latin gaps before Han gaps.

As TeX does, a first pass fills lines (compressing punctuation up to half) and is kept when
no line is loose and the last line is no lone character: most Chinese paragraphs need no
more. The others get the full search.

Linear time: forced breaks cut the paragraph into independent pieces; for each end point
the candidate starts form a window that only moves forward (a line from further back is
too long, one from nearer too loose), so each end looks at a handful of starts.
"""

from dataclasses import dataclass

from bulletin_studio.render.punctuation import HANGING_MARKS, LineEndPunctuation
from bulletin_studio.render.textmeasure import (
    HAN_STRETCH_CAP_EM,
    HAN_STRETCH_LIMIT_EM,
    MIXED_SHRINK_EM,
    MIXED_STRETCH_EM,
    SPACE_SHRINK_EM,
    SPACE_STRETCH_EM,
    Line,
    Measured,
    Prefix,
    breakpoints,
    greedy_segment,
    segments,
    split_wide_units,
    visible_end,
)

LINE_DEMERIT = 10.0
"""Added to each line's badness: fewer lines are better, all else equal."""
LONE_CHARACTER_PENALTY = 1e6
"""A paragraph ending on a single character (or one character and its marks)."""
WORD_SPLIT_PENALTY = 1e8
"""A Latin word broken without a hyphen: only when it does not fit on a line at all."""
LOOSE_BADNESS = 1e4
"""Badness of a line spaced beyond the limit, per limit's worth of excess."""
EPSILON = 1e-6
FIRST_PASS_SQUEEZE = 0.5
"""Share of its punctuation blank a line of the first pass may give up to take more text:
lines as full as Typst's, pairs of marks no tighter than 1.25 em."""


@dataclass(frozen=True, slots=True)
class Fit:
    """How one candidate line is set: its badness and the change of each kind of gap."""

    badness: float
    loose: bool
    han: float = 0.0
    space: float = 0.0
    mixed: float = 0.0
    squeeze: float = 0.0


def total_fit(
    measured: Measured,
    width: float,
    first_line_indent: float = 0.0,
    line_end: LineEndPunctuation = "half",
    start: int = 0,
) -> list[Line]:
    """Justified lines for the paragraph from character ``start`` on (a continuation)."""
    lines: list[Line] = []
    for seg_start, seg_end in segments(measured.text, start):
        lines.extend(_segment(measured, seg_start, seg_end, width, first_line_indent, line_end))
    return lines


class _Widths:
    """Width and last laid-out character of a candidate line, from the prefix sums."""

    def __init__(self, measured: Measured, line_end: LineEndPunctuation) -> None:
        self.measured = measured
        self.prefix = measured.prefix()
        self.hang = line_end == "hang"
        self.text = measured.text

    def natural(self, start: int, end: int) -> tuple[float, int]:
        """Width of ``start``..``end`` and the index of the last character laid out."""
        measured = self.measured
        width = self.prefix.width
        last = end - 1
        if self.hang and last > start and self.text[last] in HANGING_MARKS:
            return width[last] - width[start] - measured.gap_after[last - 1], last - 1
        return width[end] - width[start] - measured.gap_after[last] - measured.trim_end[last], last

    def tail(self, end: int) -> tuple[float, int]:
        """``natural(start, end)`` is ``tail - width[start]`` for any start before ``end - 1``."""
        if end < 2:
            return 0.0, 0
        natural, last = self.natural(end - 2, end)
        return natural + self.prefix.width[end - 2], last


@dataclass(frozen=True, slots=True)
class _Glue:
    """What the gaps of a paragraph at one size may do, in points."""

    limit: float
    space_stretch: float
    space_shrink: float
    mixed_stretch: float
    mixed_shrink: float

    @classmethod
    def of(cls, em: float) -> "_Glue":
        return cls(
            HAN_STRETCH_LIMIT_EM * em,
            SPACE_STRETCH_EM * em,
            SPACE_SHRINK_EM * em,
            MIXED_STRETCH_EM * em,
            MIXED_SHRINK_EM * em,
        )

    def fit(self, slack: float, hans: int, spaces: int, mixeds: int, squeeze: float) -> Fit:
        if slack >= 0:
            return _stretch(
                slack, hans, spaces, mixeds, self.limit, self.space_stretch, self.mixed_stretch
            )
        return _shrink(-slack, squeeze, spaces, mixeds, self.space_shrink, self.mixed_shrink)


def _segment(
    measured: Measured,
    seg_start: int,
    seg_end: int,
    width: float,
    indent: float,
    line_end: LineEndPunctuation,
) -> list[Line]:
    """Cheapest breaks of one piece: a shortest path over its break points.

    The inner loop is the hot path of PDF export, so the common case (a line of Han
    characters only) is computed inline; mixed lines go through ``_Glue.fit``.
    """
    text = measured.text
    widths = _Widths(measured, line_end)
    first_indent = indent if seg_start == 0 else 0.0
    end = visible_end(text, seg_start, seg_end)
    if end > seg_start:
        natural, _ = widths.natural(seg_start, end)
        if natural <= width - first_indent:  # fits on one line: nothing to choose
            forced = text[seg_end - 1] == "\n"
            return [Line(seg_start, end, natural, forced_end=forced)]
    prefix = widths.prefix
    glue = _Glue.of(measured.em)
    # First pass, as TeX's pretolerance pass: filled lines are kept if none is loose and
    # the last is no lone character; only the others need the search below.
    filled = greedy_segment(
        measured, seg_start, seg_end, width, indent, line_end, squeeze=FIRST_PASS_SQUEEZE
    )
    if not filled:  # a piece of spaces only: nothing to set
        return filled
    chosen = [
        _justified(widths, line, width, first_indent, glue, seg_start, seg_end) for line in filled
    ]
    if all(not fit.loose for _, fit in chosen) and not _lone(prefix, filled, seg_start):
        return [line for line, _ in chosen]
    limit = glue.limit
    points = breakpoints(measured, seg_start, seg_end)
    points, emergency = split_wide_units(measured, points, seg_start, width - first_indent)
    points.insert(0, seg_start)
    count = len(points)
    ends = [visible_end(text, seg_start, point) for point in points]
    # For a line of two characters or more ending at point j: natural width = tail[j] - P[start].
    tail_last = [widths.tail(end) for end in ends]
    inf = float("inf")
    best = [inf] * count
    best[0] = 0.0
    previous = [-1] * count
    han_p, space_p, mixed_p, squeeze_p = prefix.han, prefix.space, prefix.mixed, prefix.squeeze
    letters = prefix.letters
    width_p = prefix.width
    shrinkable = [
        squeeze_p[k] + space_p[k] * glue.space_shrink + mixed_p[k] * glue.mixed_shrink
        for k in range(seg_start, seg_end + 1)
    ]
    low = 0
    for j in range(1, count):
        point = points[j]
        last_line = j == count - 1
        penalty = WORD_SPLIT_PENALTY if point in emergency else 0.0
        # Starts further back than ``low`` give lines too long even when fully shrunk.
        while low < j - 1:
            start = points[low]
            end = ends[j]
            if end > start:
                if end - start >= 2:
                    tail, last = tail_last[j]
                    natural = tail - width_p[start]
                else:
                    natural, last = widths.natural(start, end)
                shrink = shrinkable[last - seg_start] - shrinkable[start - seg_start]
                available = width - (first_indent if start == seg_start else 0.0)
                if natural - shrink <= available + EPSILON:
                    break
            low += 1
        for i in range(low, j):
            before = best[i]
            if before == inf:
                continue
            start = points[i]
            end = ends[j]
            if end - start >= 2:
                tail, last = tail_last[j]
                natural = tail - width_p[start]
            elif end > start:
                natural, last = widths.natural(start, end)
            else:
                if i == 0 and last_line:  # a blank piece (two newlines in a row)
                    best[j], previous[j] = before, i
                continue
            slack = width - (first_indent if start == seg_start else 0.0) - natural
            loose = False
            if last_line and slack >= -EPSILON:
                lone = letters[end] - letters[start] <= 1 and start > seg_start
                demerits = LINE_DEMERIT**2 + (LONE_CHARACTER_PENALTY if lone else 0.0)
            else:
                hans = han_p[last] - han_p[start]
                spaces = space_p[last] - space_p[start]
                mixeds = mixed_p[last] - mixed_p[start]
                if spaces or mixeds:
                    squeeze = squeeze_p[last] - squeeze_p[start]
                    fit = glue.fit(slack, hans, spaces, mixeds, squeeze)
                    badness, loose = fit.badness, fit.loose
                elif slack >= 0 and hans:
                    ratio = slack / hans / limit
                    badness = 100.0 * ratio * ratio * ratio
                    if ratio > 1.0 + EPSILON:
                        loose = True
                        badness += LOOSE_BADNESS * (ratio - 1.0)
                elif slack < 0 and -slack <= squeeze_p[last] - squeeze_p[start]:
                    used = -slack / (squeeze_p[last] - squeeze_p[start])
                    badness = 10.0 * used * used  # as ``_shrink`` with punctuation only
                else:
                    squeeze = squeeze_p[last] - squeeze_p[start]
                    fit = glue.fit(slack, hans, spaces, mixeds, squeeze)
                    badness, loose = fit.badness, fit.loose
                demerits = (LINE_DEMERIT + badness) ** 2 + penalty
            total = before + demerits
            if total < best[j]:
                best[j] = total
                previous[j] = i
            if loose and not last_line:
                break  # starts nearer to the end only give looser lines
    if best[-1] == inf:  # cannot happen with the window above; never lose text
        return greedy_segment(measured, seg_start, seg_end, width, indent, line_end)
    return _lines(widths, points, previous, seg_start, seg_end, width, first_indent, glue)


def _stretch(
    slack: float,
    hans: int,
    spaces: int,
    mixeds: int,
    limit: float,
    space_stretch: float,
    mixed_stretch: float,
) -> Fit:
    """Fill ``slack``: Latin spaces and Han–Latin gaps first, up to their share, then Han gaps."""
    first = spaces * space_stretch + mixeds * mixed_stretch
    used = min(slack, first)
    share = used / first if first else 0.0
    rest = slack - used
    if hans:
        han = rest / hans
        ratio = han / limit
        loose = ratio > 1.0 + EPSILON
        badness = 100.0 * ratio**3 + 30.0 * share**2
        if not loose:
            return Fit(badness, loose, han, share * space_stretch, share * mixed_stretch)
        badness += LOOSE_BADNESS * (ratio - 1.0)
        capped = min(han, limit * HAN_STRETCH_CAP_EM / HAN_STRETCH_LIMIT_EM)
        more = (rest - capped * hans) / (spaces + mixeds) if spaces + mixeds else 0.0
        return Fit(badness, loose, capped, space_stretch + more, mixed_stretch + more)
    if spaces + mixeds and rest > EPSILON:
        extra = rest / (spaces + mixeds)
        ratio = extra / limit
        return Fit(
            100.0 + LOOSE_BADNESS * ratio,
            True,
            0.0,
            space_stretch + extra,
            mixed_stretch + extra,
        )
    if rest > EPSILON:
        return Fit(LOOSE_BADNESS * rest / limit, True)  # nothing to stretch: set ragged
    return Fit(30.0 * share**2, False, 0.0, share * space_stretch, share * mixed_stretch)


def _shrink(
    need: float,
    squeeze: float,
    spaces: int,
    mixeds: int,
    space_shrink: float,
    mixed_shrink: float,
) -> Fit:
    """Take ``need`` out: punctuation blanks first, then Latin spaces and Han–Latin gaps."""
    from_marks = min(need, squeeze)
    rest = need - from_marks
    second = spaces * space_shrink + mixeds * mixed_shrink
    share = min(1.0, rest / second) if second else (1.0 if rest > EPSILON else 0.0)
    badness = 10.0 * (from_marks / squeeze) ** 2 if squeeze else 0.0
    badness += 100.0 * share**3
    return Fit(
        badness,
        False,
        0.0,
        -share * space_shrink,
        -share * mixed_shrink,
        from_marks / squeeze if squeeze else 0.0,
    )


def _lone(prefix: Prefix, lines: list[Line], seg_start: int) -> bool:
    """Does the piece end on a line of one character (with its marks)?"""
    last = lines[-1]
    return last.start > seg_start and prefix.letters[last.end] - prefix.letters[last.start] <= 1


def _justified(
    widths: _Widths,
    line: Line,
    width: float,
    first_indent: float,
    glue: _Glue,
    seg_start: int,
    seg_end: int,
) -> tuple[Line, Fit]:
    """``line`` with the changes its gaps get to fill the measure (none on a last line)."""
    start, end = line.start, line.end
    if end <= start:
        return line, Fit(0.0, False)
    prefix = widths.prefix
    natural, last = widths.natural(start, end)
    slack = width - (first_indent if start == seg_start else 0.0) - natural
    fit = Fit(0.0, False)
    is_last = end == visible_end(widths.text, start, seg_end)
    if not is_last or slack < -EPSILON:
        fit = glue.fit(
            slack,
            prefix.han[last] - prefix.han[start],
            prefix.space[last] - prefix.space[start],
            prefix.mixed[last] - prefix.mixed[start],
            prefix.squeeze[last] - prefix.squeeze[start],
        )
    justified = Line(
        start,
        end,
        natural,
        forced_end=line.forced_end,
        han_extra=fit.han,
        space_extra=fit.space,
        mixed_extra=fit.mixed,
        squeeze=fit.squeeze,
    )
    return justified, fit


def _lines(
    widths: _Widths,
    points: list[int],
    previous: list[int],
    seg_start: int,
    seg_end: int,
    width: float,
    first_indent: float,
    glue: _Glue,
) -> list[Line]:
    """The chosen path as lines, each with the changes its gaps get."""
    text = widths.text
    chain: list[int] = []
    j = len(points) - 1
    while j > 0:
        chain.append(j)
        j = previous[j]
    lines: list[Line] = []
    for j in reversed(chain):
        start = points[previous[j]]
        point = points[j]
        end = visible_end(text, start, point)
        forced = point == seg_end and text[point - 1] == "\n"
        line = Line(start, max(start, end), 0.0, forced_end=forced)
        lines.append(_justified(widths, line, width, first_indent, glue, seg_start, seg_end)[0])
    return lines
