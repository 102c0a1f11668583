"""The middle of the window: the form of the selected outline node, scrolled as one page."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QScrollArea, QWidget

from bulletin_studio.model import Issue, nodes
from bulletin_studio.ui.commands import Caret
from bulletin_studio.ui.editor import IssueEditor
from bulletin_studio.ui.forms.node_forms import NodeForm, build_form
from bulletin_studio.ui.signals import emit


def outline_key(issue: Issue, key: str) -> str:
    """The outline row whose form shows node ``key``: a block's item, the masthead's parts,
    the snippets page for a snippet."""
    if key in ("numbering", nodes.ISSUE_KEY):
        return "masthead"
    if any(snippet.id == key for snippet in issue.snippets):
        return nodes.SNIPPETS_KEY
    owner = issue.owner_item(key)
    return owner.id if owner is not None else key


class FormPanel(QScrollArea):
    """``nodeWanted(key)``: an undo or redo happened on a node of another outline row; the
    window selects that row (so its form shows) before the cursor is put back."""

    nodeWanted = Signal(str)

    def __init__(self, editor: IssueEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self.form: NodeForm | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        editor.issueChanged.connect(self._follow)
        editor.documentReplaced.connect(self._rebuild)
        editor.caretWanted.connect(self.reveal)

    def show_node(self, key: str) -> None:
        if self.form is not None and self.form.key == key and self._editor.node_exists(key):
            return
        form = build_form(self._editor, key) if self._editor.node_exists(key) else None
        self.form = form
        self.setWidget(form if form is not None else QWidget())

    def _rebuild(self) -> None:
        """Another document: its forms must bind to its own images, so build afresh."""
        key = self.form.key if self.form is not None else "masthead"
        self.form = None
        self.show_node(key)

    def _follow(self, _key: str) -> None:
        if self.form is None:
            return
        if not self._editor.node_exists(self.form.key):
            self.show_node("")
        else:
            self.form.refresh()

    def focus_node(self, key: str) -> None:
        """Bring a block's card (or the form's first field) into view and focus it."""
        if self.form is None:
            return
        card = self.form.blocks.focus_block(key) if self.form.blocks else None
        if card is not None:
            self.ensureWidgetVisible(card)
        elif self.form.bindings:
            self.form.bindings[0].widget.setFocus()

    def reveal(self, caret: Caret) -> None:
        """Show where an undone or redone change was: its form, its field, the selection."""
        if not caret.key or not self._editor.node_exists(caret.key):
            return
        emit(self.nodeWanted, outline_key(self._editor.issue, caret.key))
        if self.form is None:
            return
        binding = next(
            (b for b in self.form.all_bindings() if (b.key, b.field) == (caret.key, caret.field)),
            None,
        )
        if binding is None:
            self.focus_node(caret.key)
            return
        binding.reveal(caret.anchor, caret.position)
        self.ensureWidgetVisible(binding.row)
        box = binding.text_box
        if isinstance(box, QPlainTextEdit):  # a long paragraph: its line, not only its top
            spot = box.viewport().mapTo(self.widget(), box.cursorRect().center())
            self.ensureVisible(spot.x(), spot.y(), 20, 40)
