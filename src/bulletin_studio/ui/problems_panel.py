"""Problems to fix before printing: the model's checks plus what the last render reported.

Each row knows the node it concerns; activating it selects that node in the outline. The
"Where" column names the item (for a block, the item holding it), the snippet, or the fixed
part (masthead, colophon) a problem is on.
"""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QStyle, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from bulletin_studio.model import nodes
from bulletin_studio.model.problems import Problem, check_issue
from bulletin_studio.ui.editor import IssueEditor
from bulletin_studio.ui.labels import kind_label
from bulletin_studio.ui.signals import emit

KEY_ROLE = Qt.ItemDataRole.UserRole
MASTHEAD_KEYS = ("masthead", "numbering", "issue")  # all edited on the masthead's form


class ProblemsPanel(QWidget):
    nodeActivated = Signal(str)

    def __init__(self, editor: IssueEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._render_problems: list[Problem] = []
        self.standing: list[Problem] = []
        """Problems of the program's setup (an unreadable settings file), shown until restart."""
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("problemsList")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Problem"), self.tr("Where")])
        self.tree.setColumnWidth(0, 420)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.refresh)
        editor.issueChanged.connect(lambda _key: self._timer.start())
        editor.documentReplaced.connect(self._document_replaced)
        self.refresh()

    def _document_replaced(self) -> None:
        """At once, not after the pause for typing: the last issue's problems (the empty
        window's "section has no items" when the app opens a file) must not linger."""
        self._render_problems = []
        self._timer.stop()
        self.refresh()

    def set_render_problems(self, problems: list[Problem]) -> None:
        self._render_problems = list(problems)
        self.refresh()

    def render_failed(self, message: str) -> None:
        self.set_render_problems(
            [Problem(severity="error", message=self.tr("Preview: %1").replace("%1", message))]
        )

    def problems(self) -> list[Problem]:
        return self.standing + check_issue(self._editor.issue) + self._render_problems

    def refresh(self) -> None:
        style = self.style()
        icons = {
            "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        self.tree.clear()
        for problem in self.problems():
            text = problem.text()
            row = QTreeWidgetItem([text, self._where(problem.target_id)])
            row.setIcon(0, icons[problem.severity])
            row.setData(0, KEY_ROLE, problem.target_id or "")
            row.setToolTip(0, text)
            self.tree.addTopLevelItem(row)
        self.setWindowTitle(
            self.tr("Problems (%1)").replace("%1", str(self.tree.topLevelItemCount()))
        )

    def _where(self, key: str | None) -> str:
        if not key:
            return ""
        if key in MASTHEAD_KEYS:
            return self.tr("Masthead and numbering")
        if key == "colophon":
            return self.tr("Colophon")
        issue = self._editor.issue
        snippet = next((s for s in issue.snippets if s.id == key), None)
        if snippet is not None:
            return self.tr("Snippet “%1”").replace("%1", snippet.name)
        owner = issue.owner_item(key)
        node = owner if owner is not None else issue.find(key)
        if node is None:
            return key
        kind = kind_label(getattr(node, "type", "") or getattr(node, "kind", ""))
        return getattr(node, "title", "") or self.tr("%1 (untitled)").replace("%1", kind)

    def _activated(self, row: QTreeWidgetItem) -> None:
        key = row.data(0, KEY_ROLE)
        if key in MASTHEAD_KEYS:
            key = "masthead"
        elif any(snippet.id == key for snippet in self._editor.issue.snippets):
            key = nodes.SNIPPETS_KEY
        if key:
            emit(self.nodeActivated, key)
