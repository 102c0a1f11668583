"""An item's body as a column of block cards: each card edits one block in place.

Cards rather than a list plus one editor: an article reads top to bottom while it is typed,
and Tab walks from one paragraph to the next.
"""

import itertools
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bulletin_studio.model.blocks import BLOCK_TYPES
from bulletin_studio.ui.editor import IssueEditor
from bulletin_studio.ui.forms.fields import FieldBinding, add_rows, new_form_layout
from bulletin_studio.ui.forms.richtext import GrowingTextEdit
from bulletin_studio.ui.labels import BLOCK_KINDS, kind_label

FIELD_OVERRIDES = {"entries": "entries", "logos": "logos"}
CardT = TypeVar("CardT", bound=QWidget)


def restack(
    layout: QVBoxLayout, cards: dict[str, CardT], ids: list[str], make: Callable[[str], CardT]
) -> list[CardT]:
    """The cards for ``ids`` in order: existing cards are kept (so the one being typed in keeps
    its cursor), missing ones made, cards of removed nodes deleted."""
    for card in cards.values():
        layout.removeWidget(card)
    ordered = []
    for key in ids:
        card = cards.pop(key, None) or make(key)
        layout.addWidget(card)
        ordered.append(card)
    for stale in cards.values():
        stale.deleteLater()
    return ordered


class BlockCard(QFrame):
    """One block: its kind, move/delete buttons, and its fields."""

    def __init__(self, editor: IssueEditor, block_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.block_id = block_id
        self.setObjectName("blockCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#blockCard { background: palette(base); border: 1px solid palette(midlight);"
            " border-radius: 6px; }"
        )
        block = editor.node(block_id)
        assert block is not None
        block_type = block.type  # type: ignore[attr-defined]
        title = QLabel(kind_label(block_type), self)
        title.setStyleSheet("font-weight: bold; color: palette(dark);")
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        for text, tip, handler in (
            (
                "↑",
                QCoreApplication.translate("Blocks", "Move block up"),
                lambda: editor.move_by(block_id, -1),
            ),
            (
                "↓",
                QCoreApplication.translate("Blocks", "Move block down"),
                lambda: editor.move_by(block_id, 1),
            ),
            (
                "✕",
                QCoreApplication.translate("Blocks", "Delete block"),
                lambda: editor.delete(block_id),
            ),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(handler)
            header.addWidget(button)
        form = new_form_layout()
        fields = [name for name in type(block).model_fields if name not in ("id", "type")]
        self.bindings = add_rows(form, editor, block_id, type(block), fields, self, FIELD_OVERRIDES)
        if block_type == "paragraph":
            self._enter_makes_paragraphs(editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 10)
        layout.addLayout(header)
        layout.addLayout(form)

    def _enter_makes_paragraphs(self, editor: IssueEditor) -> None:
        """Enter in the text starts the next paragraph block (see ``split_paragraph``); a
        text the model refuses (a draft) cannot be split and gets a line break instead."""
        box = next(b.text_box for b in self.bindings if b.field == "text")
        assert isinstance(box, GrowingTextEdit)
        box.splits_paragraphs = True

        def split(start: int, end: int) -> None:
            if editor.split_paragraph(self.block_id, start, end) is None:
                box.insertPlainText("\n")

        box.paragraphBreak.connect(split)

    def focus_first(self) -> None:
        if self.bindings:
            self.bindings[0].widget.setFocus()


class BlockList(QWidget):
    """The blocks of one item, rebuilt only when blocks are added, removed or moved."""

    def __init__(self, editor: IssueEditor, item_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._item_id = item_id
        self.cards: list[BlockCard] = []
        self._cards_layout = QVBoxLayout()
        self._cards_layout.setContentsMargins(0, 0, 0, 0)
        self._cards_layout.setSpacing(8)
        self._empty = QLabel(
            QCoreApplication.translate(
                "Blocks", "No blocks yet: add a paragraph to start the text."
            ),
            self,
        )
        self._empty.setStyleSheet("color: palette(mid);")
        add = QToolButton(self)
        add.setObjectName("addBlock")
        add.setText(QCoreApplication.translate("Blocks", "Add block"))
        add.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        add.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(add)
        for block_type in BLOCK_TYPES:
            action = menu.addAction(QCoreApplication.translate("Kinds", BLOCK_KINDS[block_type]))
            action.setData(block_type)
            action.triggered.connect(lambda _=False, t=block_type: self.add_block(t))
        menu.addSeparator()
        self.snippet_menu = menu.addMenu(QCoreApplication.translate("Blocks", "Insert snippet"))
        self._snippets: list[tuple[str, str]] | None = None
        add.setMenu(menu)
        self.add_menu = menu
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._empty)
        layout.addLayout(self._cards_layout)
        layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        self.refresh()

    def _block_ids(self) -> list[str]:
        item = self._editor.node(self._item_id)
        return [block.id for block in getattr(item, "blocks", [])]

    @property
    def bindings(self) -> list[FieldBinding]:
        return [binding for card in self.cards for binding in card.bindings]

    def refresh(self) -> None:
        ids = self._block_ids()
        if ids != [card.block_id for card in self.cards]:
            self.cards = restack(
                self._cards_layout,
                {card.block_id: card for card in self.cards},
                ids,
                lambda block_id: BlockCard(self._editor, block_id, self),
            )
            self._fix_tab_order()
        self._empty.setVisible(not ids)
        for binding in self.bindings:
            binding.refresh()
        self._fill_snippet_menu()

    def _fill_snippet_menu(self) -> None:
        """Follow the issue's snippets as they are added, renamed or removed on their page."""
        snippets = [(snippet.id, snippet.name) for snippet in self._editor.issue.snippets]
        if snippets == self._snippets:
            return
        self._snippets = snippets
        self.snippet_menu.clear()
        for snippet_id, name in snippets:
            text = name.replace("&", "&&") or QCoreApplication.translate(
                "Blocks", "(unnamed snippet)"
            )
            action = self.snippet_menu.addAction(text)
            action.setData(snippet_id)
            action.triggered.connect(lambda _=False, s=snippet_id: self.insert_snippet(s))
        self.snippet_menu.setEnabled(bool(snippets))

    def _fix_tab_order(self) -> None:
        widgets = [binding.widget for binding in self.bindings]
        for first, second in itertools.pairwise(widgets):
            QWidget.setTabOrder(first, second)

    def add_block(self, block_type: str) -> str:
        block_id = self._editor.add_block(self._item_id, block_type)
        self.focus_block(block_id)
        return block_id

    def insert_snippet(self, snippet_id: str) -> str:
        block_id = self._editor.insert_snippet(self._item_id, snippet_id)
        self.focus_block(block_id)
        return block_id

    def focus_block(self, block_id: str) -> BlockCard | None:
        card = next((card for card in self.cards if card.block_id == block_id), None)
        if card is not None:
            card.focus_first()
        return card
