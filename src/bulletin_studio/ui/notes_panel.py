"""Reviewers' notes, grouped under the item they concern; tick a note to mark it resolved."""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from bulletin_studio.model import ReviewNote
from bulletin_studio.ui.editor import IssueEditor
from bulletin_studio.ui.signals import emit

KEY_ROLE = Qt.ItemDataRole.UserRole
NOTE_ROLE = Qt.ItemDataRole.UserRole + 1


class NotesPanel(QWidget):
    nodeActivated = Signal(str)

    def __init__(self, editor: IssueEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._filling = False
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("notesTree")
        self.tree.setHeaderLabels([self.tr("Note"), self.tr("Reviewer"), self.tr("On text")])
        self.tree.setColumnWidth(0, 380)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        editor.issueChanged.connect(self._maybe_refresh)
        self._shown: list[ReviewNote] = []
        self.refresh()

    def _maybe_refresh(self, _key: str) -> None:
        """Rebuild later, never inside the tree's own signal (that would free the ticked row)."""
        if self._editor.issue.notes != self._shown:
            self._timer.start()

    def refresh(self) -> None:
        """One group per item, in reading order; notes without a known target come last."""
        issue = self._editor.issue
        self._shown = list(issue.notes)
        groups: dict[str, QTreeWidgetItem] = {}
        self._filling = True
        self.tree.clear()
        order = {node.id: index for index, node in enumerate(issue.walk())}
        for note in sorted(issue.notes, key=lambda n: order.get(n.target_id or "", len(order))):
            owner = issue.owner_item(note.target_id) if note.target_id else None
            group_key = owner.id if owner is not None else ""
            group = groups.get(group_key)
            if group is None:
                title = (owner.title or owner.id) if owner is not None else self.tr("Other notes")
                group = QTreeWidgetItem([title])
                group.setData(0, KEY_ROLE, group_key)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                self.tree.addTopLevelItem(group)
                groups[group_key] = group
            kind = {
                "comment": "",
                "insertion": self.tr("Inserted: "),
                "deletion": self.tr("Deleted: "),
            }
            row = QTreeWidgetItem([kind[note.kind] + note.text, note.author, note.quoted])
            row.setData(0, KEY_ROLE, note.target_id or "")
            row.setData(0, NOTE_ROLE, note.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(
                0, Qt.CheckState.Checked if note.resolved else Qt.CheckState.Unchecked
            )
            row.setToolTip(0, self.tr("Tick when resolved"))
            group.addChild(row)
        self.tree.expandAll()
        self._filling = False
        open_count = sum(not note.resolved for note in issue.notes)
        self.setWindowTitle(self.tr("Review notes (%1 open)").replace("%1", str(open_count)))

    def _clicked(self, row: QTreeWidgetItem) -> None:
        key = row.data(0, KEY_ROLE)
        if key:
            emit(self.nodeActivated, key)

    def _changed(self, row: QTreeWidgetItem) -> None:
        note_id = row.data(0, NOTE_ROLE)
        if self._filling or not note_id:
            return
        self._editor.set_note_resolved(note_id, row.checkState(0) == Qt.CheckState.Checked)
