"""The form for each kind of outline node: masthead, section, article, partner news,
resource, colophon and the snippets page. Fields come from the model; only the grouping is
written here."""

import itertools

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from bulletin_studio.model import Colophon, Issue, Masthead, Numbering, Section, nodes
from bulletin_studio.model.items import Article, PartnerNews, Resource
from bulletin_studio.ui.editor import IssueEditor
from bulletin_studio.ui.forms.blocks import BlockList
from bulletin_studio.ui.forms.fields import FieldBinding, add_rows, new_form_layout
from bulletin_studio.ui.forms.snippets import SnippetList
from bulletin_studio.ui.labels import kind_label


class NodeForm(QWidget):
    """A heading and groups of bound rows; ``refresh`` follows the model after any change."""

    def __init__(self, editor: IssueEditor, key: str, heading: str) -> None:
        super().__init__()
        self.editor = editor
        self.key = key
        self.bindings: list[FieldBinding] = []
        self.blocks: BlockList | None = None
        self.snippets: SnippetList | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(16, 12, 16, 16)
        self._layout.setSpacing(12)
        title = QLabel(heading, self)
        title.setObjectName("formHeading")
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self._layout.addWidget(title)

    def add_group(
        self,
        title: str,
        key: str,
        model: type,
        fields: list[str],
        overrides: dict[str, str] | None = None,
    ) -> None:
        box = QGroupBox(title, self)
        form = new_form_layout()
        box.setLayout(form)
        self.bindings += add_rows(form, self.editor, key, model, fields, box, overrides)
        self._layout.addWidget(box)

    def add_blocks(self) -> None:
        box = QGroupBox(QCoreApplication.translate("NodeForms", "Body"), self)
        self.blocks = BlockList(self.editor, self.key, box)
        layout = QVBoxLayout(box)
        layout.addWidget(self.blocks)
        self._layout.addWidget(box)

    def add_snippets(self) -> None:
        self.snippets = SnippetList(self.editor, self)
        self._layout.addWidget(self.snippets)

    def finish(self) -> None:
        self._layout.addStretch(1)
        widgets = [binding.widget for binding in self.all_bindings()]
        for first, second in itertools.pairwise(widgets):
            QWidget.setTabOrder(first, second)

    def all_bindings(self) -> list[FieldBinding]:
        return (
            self.bindings
            + (self.blocks.bindings if self.blocks else [])
            + (self.snippets.bindings if self.snippets else [])
        )

    def refresh(self) -> None:
        for binding in self.bindings:
            binding.refresh()
        if self.blocks is not None:
            self.blocks.refresh()
        if self.snippets is not None:
            self.snippets.refresh()

    def binding(self, field: str, key: str | None = None) -> FieldBinding:
        """The binding of ``field`` (on node ``key`` if given), e.g. to focus a problem's field."""
        return next(
            binding
            for binding in self.all_bindings()
            if binding.field == field and key in (None, binding.key)
        )


def build_form(editor: IssueEditor, key: str) -> NodeForm | None:
    """The form for an outline node, or None if the node no longer exists."""
    if key == "masthead":
        form = NodeForm(
            editor, key, QCoreApplication.translate("NodeForms", "Masthead and numbering")
        )
        form.add_group(
            QCoreApplication.translate("NodeForms", "Masthead"),
            "masthead",
            Masthead,
            ["network_name", "title", "tagline", "language"],
            {"tagline": "multiline"},
        )
        form.add_group(
            QCoreApplication.translate("NodeForms", "Numbering"),
            "numbering",
            Numbering,
            ["year", "number", "cumulative", "date"],
        )
        form.add_group(
            QCoreApplication.translate("NodeForms", "Schedule"), "issue", Issue, ["issues_per_year"]
        )
    elif key == "colophon":
        form = NodeForm(editor, key, QCoreApplication.translate("NodeForms", "Colophon"))
        fields = ["source_statement", "compiler", "editor", "email", "website"]
        form.add_group(QCoreApplication.translate("NodeForms", "Colophon"), key, Colophon, fields)
    elif key == nodes.SNIPPETS_KEY:
        form = NodeForm(editor, key, QCoreApplication.translate("NodeForms", "Snippets"))
        form.add_snippets()
    else:
        node = editor.node(key)
        if isinstance(node, Section):
            form = NodeForm(editor, key, QCoreApplication.translate("NodeForms", "Section"))
            form.add_group(
                QCoreApplication.translate("NodeForms", "Section"), key, Section, ["title", "kind"]
            )
        elif isinstance(node, Article | PartnerNews | Resource):
            form = NodeForm(editor, key, kind_label(node.type))
            fields = [
                name for name in type(node).model_fields if name not in ("id", "type", "blocks")
            ]
            form.add_group(
                QCoreApplication.translate("NodeForms", "Details"), key, type(node), fields
            )
            if hasattr(node, "blocks"):
                form.add_blocks()
        else:
            return None
    form.finish()
    return form
