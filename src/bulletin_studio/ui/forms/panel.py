"""The middle of the window: the form of the selected outline node, scrolled as one page."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from bulletin_studio.ui.editor import IssueEditor
from bulletin_studio.ui.forms.node_forms import NodeForm, build_form


class FormPanel(QScrollArea):
    def __init__(self, editor: IssueEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self.form: NodeForm | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        editor.issueChanged.connect(self._follow)
        editor.documentReplaced.connect(self._rebuild)

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
