"""The partner-news columns: ReportLab's balanced columns, where they can start."""

from reportlab.platypus import Flowable, PageBreak
from reportlab.platypus.flowables import BalancedColumns

_FUZZ = 1e-6


class SectionColumns(BalancedColumns):
    """Balanced columns that open the next page when their first block cannot start here.

    ReportLab's BalancedColumns raises ("cannot make initial split") when its first flowable
    neither fits in the columns left on the page nor splits there (a heading group taller
    than the space left), and lays out content with nothing to print (an untitled, empty
    item: only its anchor) as columns of no width, which no frame accepts. Here the first
    moves to the next page, as ReportLab already does when less than ``needed`` is left, and
    the second is placed as it is.
    """

    def _generated_content(self, aW: float, aH: float) -> tuple[float, list[Flowable]]:
        frame = self._frame
        top = frame._topPadding if self._topPadding is None else self._topPadding
        bottom = frame._bottomPadding if self._bottomPadding is None else self._bottomPadding
        room = self._nCols * (aH - top - bottom)
        width, _, first, rest = self._findSplit(
            self.canv, self._column_width(aW), room, paraFix=False
        )
        if width <= _FUZZ and not rest:  # only anchors: nothing has a size
            return 0, list(self._content)
        if not first and not frame._atTop:
            return 0, [PageBreak(), self]
        return super()._generated_content(aW, aH)

    def _column_width(self, available_width: float) -> float:
        """The width of one column, as ReportLab computes it."""
        frame = self._frame
        left = frame._leftPadding if self._leftPadding is None else self._leftPadding
        right = frame._rightPadding if self._rightPadding is None else self._rightPadding
        gap = max(left, right) if self._innerPadding is None else self._innerPadding
        return (available_width - gap * (self._nCols - 1) - left - right) / self._nCols
