"""The snippets page: the issue's reusable paragraphs, one card each, edited in place.

A snippet is edited here and inserted as a copy from an item's "Add block" menu; adding,
renaming, editing and deleting go through the editor like any other change, so each is undoable.
"""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bulletin_studio.model import Snippet
from bulletin_studio.ui.editor import IssueEditor
from bulletin_studio.ui.forms.blocks import restack
from bulletin_studio.ui.forms.fields import FieldBinding, add_rows, new_form_layout


class SnippetCard(QFrame):
    """One snippet: its name (what the insert menu shows), its text and a delete button."""

    def __init__(self, editor: IssueEditor, snippet_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.snippet_id = snippet_id
        self.setObjectName("snippetCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#snippetCard { background: palette(base); border: 1px solid palette(midlight);"
            " border-radius: 6px; }"
        )
        delete = QToolButton(self)
        delete.setObjectName("deleteSnippet")
        delete.setText("✕")
        delete.setToolTip(QCoreApplication.translate("Snippets", "Delete snippet"))
        delete.setAutoRaise(True)
        delete.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        delete.clicked.connect(lambda: editor.delete(snippet_id))
        header = QHBoxLayout()
        header.addStretch(1)
        header.addWidget(delete)
        form = new_form_layout()
        self.bindings = add_rows(form, editor, snippet_id, Snippet, ["name", "text"], self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 10)
        layout.addLayout(header)
        layout.addLayout(form)


class SnippetList(QWidget):
    """The issue's snippets, rebuilt only when snippets are added or removed."""

    def __init__(self, editor: IssueEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self.cards: list[SnippetCard] = []
        self._cards_layout = QVBoxLayout()
        self._cards_layout.setContentsMargins(0, 0, 0, 0)
        self._cards_layout.setSpacing(8)
        about = QLabel(
            QCoreApplication.translate(
                "Snippets",
                "Paragraphs that recur from issue to issue. Insert one into an article or "
                "partner news with “Add block” → “Insert snippet”; the next issue keeps them.",
            ),
            self,
        )
        about.setWordWrap(True)
        about.setStyleSheet("color: palette(dark);")
        add = QPushButton(QCoreApplication.translate("Snippets", "Add snippet"), self)
        add.setObjectName("addSnippet")
        add.clicked.connect(self.add_snippet)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(about)
        layout.addLayout(self._cards_layout)
        layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        self.refresh()

    @property
    def bindings(self) -> list[FieldBinding]:
        return [binding for card in self.cards for binding in card.bindings]

    def refresh(self) -> None:
        ids = [snippet.id for snippet in self._editor.issue.snippets]
        if ids != [card.snippet_id for card in self.cards]:
            self.cards = restack(
                self._cards_layout,
                {card.snippet_id: card for card in self.cards},
                ids,
                lambda snippet_id: SnippetCard(self._editor, snippet_id, self),
            )
        for binding in self.bindings:
            binding.refresh()

    def add_snippet(self) -> str:
        """A new empty snippet, its name field focused so it can be named straight away."""
        snippet_id = self._editor.add_snippet()
        card = next(card for card in self.cards if card.snippet_id == snippet_id)
        card.bindings[0].widget.setFocus()
        return snippet_id
