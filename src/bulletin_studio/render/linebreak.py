"""Chinese line breaking (clreq, GB/T 15834-2011), independent of any PDF library.

ReportLab's CJK wrapping follows Japanese rules and leaves lines ragged. Here a line is
broken only where the rules allow:

- closing punctuation never starts a line and opening punctuation never ends one
  (the mark is pushed to the next line together with its neighbour);
- ``——`` and ``……`` are never split;
- Latin words and numbers are never split (except a URL after ``/``, and a word wider
  than the whole line, which would otherwise overflow);
- spaces at a break vanish; a quarter-em gap separates Han from Latin letters and digits;
- punctuation is compressed (``render.punctuation``): adjacent marks take 1.5 em, a closing
  mark at a line end half an em (or hangs);
- justified paragraphs are broken as a whole (``render.totalfit``): lines are shrunk by
  compressing punctuation first, stretched at Latin spaces and Han–Latin gaps first, and a
  paragraph never ends on one lone character.

The work is split: ``render.textmeasure`` measures (rules, widths, gaps), ``render.totalfit``
breaks justified paragraphs, ``render.segment`` balances headings between words; this module
is what the writers call.
"""

from bulletin_studio.render.punctuation import LineEndPunctuation
from bulletin_studio.render.segment import balanced
from bulletin_studio.render.textmeasure import (
    CJK_LIKE_PUNCTUATION,
    NO_LINE_END,
    NO_LINE_START,
    Line,
    Measured,
    break_allowed,
    greedy_lines,
    inter_script_gap,
    is_cjk,
    measure,
)
from bulletin_studio.render.totalfit import total_fit

__all__ = [
    "CJK_LIKE_PUNCTUATION",
    "NO_LINE_END",
    "NO_LINE_START",
    "Line",
    "Measured",
    "balanced_lines",
    "break_allowed",
    "fill_lines",
    "inter_script_gap",
    "is_cjk",
    "measure",
]


def fill_lines(
    measured: Measured,
    width: float,
    first_line_indent: float = 0.0,
    justify: bool = True,
    line_end: LineEndPunctuation = "half",
    start: int = 0,
) -> list[Line]:
    """Break a paragraph (from character ``start``): total-fit when justified, else greedy."""
    if not justify:
        return greedy_lines(measured, width, first_line_indent, line_end, start=start)
    return total_fit(measured, width, first_line_indent, line_end, start)


def balanced_lines(
    measured: Measured,
    width: float,
    first_line_indent: float = 0.0,
    line_end: LineEndPunctuation = "half",
    start: int = 0,
) -> list[Line]:
    """Ragged text (headings, captions) broken between words into lines of even length."""
    return balanced(measured, width, first_line_indent, line_end, start)
