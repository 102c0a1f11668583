"""Keyboard focus across the window, and toolbar labels without menu mnemonics.

Qt's own Tab order visits every focusable widget in creation order: docks, scroll areas,
toolbar buttons. An editor wants three stops: the outline, the fields of the form (in the
form's own order), the preview's pages, and round again; panels below keep Qt's order.
"""

import re

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

_MNEMONIC = re.compile(r"\s*[(（]&[^)）][)）]")


def toolbar_text(text: str) -> str:
    """A menu text as a toolbar shows it: "打开(&O)…" → "打开", "&Open…" → "Open"."""
    text = _MNEMONIC.sub("", text)
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.rstrip(".…").strip()


def takes_tab(widget: QWidget, window: QWidget) -> bool:
    """Whether Tab may stop at a widget (as Qt decides, minus hidden and disabled ones)."""
    return (
        bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
        and widget.isEnabled()
        and widget.isVisibleTo(window)
        and widget.window() is window
    )


class FocusRing:
    """outline → form fields → preview → outline; Shift+Tab the other way."""

    def __init__(self, outline: QWidget, form_area: QWidget, preview: QWidget) -> None:
        self.outline = outline
        self.form_area = form_area
        self.preview = preview

    def _window(self) -> QWidget:
        return self.outline.window()

    def form_stops(self) -> list[QWidget]:
        """The form's fields as they read: top to bottom, then left to right (the focus chain
        of a form rebuilt card by card does not keep that order)."""
        window = self._window()
        stops: list[QWidget] = []
        start = widget = self.form_area
        while (widget := widget.nextInFocusChain()) is not start:
            if self.form_area.isAncestorOf(widget) and takes_tab(widget, window):
                stops.append(widget)

        def position(widget: QWidget) -> tuple[int, int]:
            point = widget.mapTo(window, QPoint(0, 0))
            return point.y(), point.x()

        return sorted(stops, key=position)

    def move(self, forward: bool) -> bool:
        """Move focus one stop on; False when focus is elsewhere (Qt's order applies)."""
        current = QApplication.focusWidget()
        if current is None:
            return False
        window = self._window()
        preview = self.preview if takes_tab(self.preview, window) else None
        stops = self.form_stops()
        if current is self.outline or self.outline.isAncestorOf(current):
            last = stops[-1] if stops else None
            target = (stops[0] if stops else preview) if forward else (preview or last)
        elif preview is not None and (current is preview or preview.isAncestorOf(current)):
            target = self.outline if forward else (stops[-1] if stops else self.outline)
        elif current in stops:
            index = stops.index(current) + (1 if forward else -1)
            if 0 <= index < len(stops):
                target = stops[index]
            else:
                target = (preview or self.outline) if forward else self.outline
        else:
            return False
        if target is None:
            return False
        reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
        target.setFocus(reason)
        return True
