"""Inline bold, italic and links shown as formatting while the editor types.

The field's text stays the Markdown subset the model stores (``**粗体**``, ``*斜体*``,
``[文字](https://…)``): only its look changes. The marks themselves are greyed and small,
so the text reads as formatted without hiding what will be saved.
"""

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

LINK = re.compile(r"\[([^\]\n]*)\]\(([^)\s]*)\)")
BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
ITALIC = re.compile(r"(?<!\*)\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)")
LINK_COLOR = QColor("#11689A")
MARK_COLOR = QColor("#9a9a9a")


class MarkupHighlighter(QSyntaxHighlighter):
    """Formats one text block (line) at a time, as Qt re-highlights what changed."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.bold = QTextCharFormat()
        self.bold.setFontWeight(QFont.Weight.Bold)
        self.italic = QTextCharFormat()
        self.italic.setFontItalic(True)
        self.link = QTextCharFormat()
        self.link.setForeground(LINK_COLOR)
        self.link.setFontUnderline(True)
        self.mark = QTextCharFormat()
        self.mark.setForeground(MARK_COLOR)

    def highlightBlock(self, text: str) -> None:
        for match in LINK.finditer(text):
            self.setFormat(match.start(), 1, self.mark)
            self.setFormat(match.start(1), len(match.group(1)), self.link)
            self.setFormat(match.end(1), match.end() - match.end(1), self.mark)
        self._emphasis(text, BOLD, self.bold, 2)
        self._emphasis(text, ITALIC, self.italic, 1)

    def _emphasis(
        self, text: str, pattern: re.Pattern[str], look: QTextCharFormat, marks: int
    ) -> None:
        """Adds ``look`` to what is already there (a bold link stays a link)."""
        for match in pattern.finditer(text):
            for position in range(match.start(1), match.end(1)):
                combined = QTextCharFormat(self.format(position))
                combined.merge(look)
                self.setFormat(position, 1, combined)
            self.setFormat(match.start(), marks, self.mark)
            self.setFormat(match.end() - marks, marks, self.mark)
