"""Widths of Chinese punctuation (标点挤压), after clreq §3.1.6 and GB/T 15834 practice.

A full-width mark is a glyph in one half of an em box; the other half is blank. Setting
text well is mostly deciding when that blank is kept:

- two marks side by side take at most 1.5 em together (``，“`` ``。”`` ``）、``);
- a closing mark at the end of a line is set half width, or hangs in the margin;
- a line that must shrink gives up punctuation blanks before anything else.

Fonts differ in which marks are full width (LXGW WenKai's quotes are 0.35 em, Noto's 1 em):
in Chinese text every mark is set in a full em box, the glyph placed on its side of the box.
"""

from dataclasses import dataclass
from enum import Enum
from typing import Literal

LineEndPunctuation = Literal["half", "hang"]


class MarkClass(Enum):
    OPENING = "opening"  # glyph on the right half: （《“
    CLOSING = "closing"  # glyph on the left half: ，。）》”
    MIDDLE = "middle"  # glyph centred, a quarter em blank each side: ·
    INSEPARABLE = "inseparable"  # —— and ……: drawn edge to edge, never compressed


OPENING_MARKS = frozenset("（《〈「『【〔〖［｛“‘")
CLOSING_MARKS = frozenset("，。、；：？！）》〉」』】〕〗］｝”’．")
MIDDLE_MARKS = frozenset("·・")
INSEPARABLE_MARKS = frozenset("—…")

ALL_MARKS = OPENING_MARKS | CLOSING_MARKS | MIDDLE_MARKS | INSEPARABLE_MARKS

HANGING_MARKS = frozenset("，。、．")
"""Marks small enough to hang outside the measure (clreq's 行末悬挂)."""

PAIR_REMOVED_EM = 0.5
"""Blank taken out between two adjacent marks, so that the pair is at most 1.5 em wide."""


def mark_class(char: str) -> MarkClass | None:
    if char in CLOSING_MARKS:
        return MarkClass.CLOSING
    if char in OPENING_MARKS:
        return MarkClass.OPENING
    if char in MIDDLE_MARKS:
        return MarkClass.MIDDLE
    if char in INSEPARABLE_MARKS:
        return MarkClass.INSEPARABLE
    return None


@dataclass(frozen=True, slots=True)
class Cell:
    """Where a glyph sits in the box the line breaker lays out; all in ems."""

    width: float
    offset: float
    """Glyph origin from the box's left edge."""
    scale: float = 1.0
    """Horizontal scale of the glyph (a dash stretched to its box, so ``——`` joins)."""


def cell(char: str, advance: float, ink: tuple[float, float] | None, chinese: bool) -> Cell:
    """The box of ``char``, whose glyph is ``advance`` ems wide with ink over ``ink`` (ems).

    Outside Chinese text marks keep their own advance. In it, every mark gets a full em:
    a proportional quote is pushed to its side of the box, a middle dot is centred, and a
    dash is stretched so that its ink fills the box and the two halves of ``——`` touch.
    """
    kind = mark_class(char) if chinese else None
    if kind is None or advance > 1.05:
        return Cell(advance, 0.0)
    if kind is MarkClass.INSEPARABLE:
        if char == "—" and ink is not None and ink[1] - ink[0] > 0.3:
            scale = 1.0 / (ink[1] - ink[0])
            return Cell(1.0, -ink[0] * scale, scale)
        return Cell(1.0, (1.0 - advance) / 2)
    if kind is MarkClass.OPENING:
        return Cell(1.0, 1.0 - advance)
    if kind is MarkClass.MIDDLE:
        return Cell(1.0, (1.0 - advance) / 2)
    return Cell(1.0, 0.0)


def blanks(char: str, width: float, size: float) -> tuple[float, float]:
    """Blank (points) on the left and right of a mark set ``width`` wide at ``size``.

    Only a mark in a full em box has blank to give: a half-width Latin comma has none.
    """
    if width < size * 0.95:
        return 0.0, 0.0
    kind = mark_class(char)
    if kind is MarkClass.CLOSING:
        return 0.0, size / 2
    if kind is MarkClass.OPENING:
        return size / 2, 0.0
    if kind is MarkClass.MIDDLE:
        return size / 4, size / 4
    return 0.0, 0.0


def pair_compression(right_blank: float, left_blank: float, size: float) -> float:
    """Blank removed between two adjacent marks: half an em, so the pair is 1.5 em wide.

    ``，“`` keeps half an em between the glyphs, ``。”`` none (clreq's 1.5 em pairs).
    """
    return min(right_blank + left_blank, size * PAIR_REMOVED_EM)
