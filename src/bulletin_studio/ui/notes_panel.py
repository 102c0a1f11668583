"""Reviewers' notes, grouped under the item they concern, replies threaded under their note.

A tracked change can be accepted (made in the item's text) or rejected, one at a time or all
of an item's at once; each is one undo step. A change whose text was edited after the export
is not guessed at: the panel says why it cannot be made, and the change stays open. Any note
can be answered (the reply is a note of its own, signed with the editor's name) and ticked
as resolved.
"""

from collections.abc import Iterator

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bulletin_studio.model import Issue, ReviewNote
from bulletin_studio.model.items import Item
from bulletin_studio.ui import settings
from bulletin_studio.ui.editor import IssueEditor
from bulletin_studio.ui.signals import emit

KEY_ROLE = Qt.ItemDataRole.UserRole
NOTE_ROLE = Qt.ItemDataRole.UserRole + 1
ITEM_ROLE = Qt.ItemDataRole.UserRole + 2
CONTEXT_CHARS = 12
"""Characters of the paragraph shown on each side of a change."""
MESSAGE_STYLE = "color: #b3261e;"


def change_in_context(note: ReviewNote) -> str:
    """The change inside its paragraph as the reviewer saw it: ``…是〔推动〕循环…``."""
    if note.offset is None or not note.paragraph:
        return note.quoted
    start = note.offset
    end = start + len(note.text) if note.kind == "deletion" else start
    before = note.paragraph[max(0, start - CONTEXT_CHARS) : start]
    after = note.paragraph[end : end + CONTEXT_CHARS]
    lead = "…" if start > CONTEXT_CHARS else ""
    tail = "…" if end + CONTEXT_CHARS < len(note.paragraph) else ""
    return f"{lead}{before}〔{note.text}〕{after}{tail}".replace("\n", " ")


class ReplyDialog(QDialog):
    """The editor's answer to a note, and the name it is signed with (remembered)."""

    def __init__(self, note: ReviewNote, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replyDialog")
        self.setWindowTitle(self.tr("Reply to %1").replace("%1", note.author or self.tr("note")))
        quoted = QLabel(note.text, self)
        quoted.setWordWrap(True)
        quoted.setStyleSheet("color: palette(dark);")
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("replyText")
        self.text.setTabChangesFocus(True)
        self.author = QLineEdit(settings.reviewer_name(), self)
        self.author.setObjectName("replyAuthor")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Reply"))
        self.ok.setEnabled(False)
        self.text.textChanged.connect(
            lambda: self.ok.setEnabled(bool(self.text.toPlainText().strip()))
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(quoted)
        form.addRow(self.tr("Reply:"), self.text)
        form.addRow(self.tr("Signed:"), self.author)
        form.addRow(buttons)
        self.text.setFocus()

    def reply(self) -> tuple[str, str]:
        """(text, author)"""
        return self.text.toPlainText().strip(), self.author.text().strip()


class NotesPanel(QWidget):
    nodeActivated = Signal(str)

    def __init__(self, editor: IssueEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._filling = False
        self._selected = ""
        self._after_decision = ""
        self._open_changes: dict[str, int] = {}
        """Open changes per item id."""
        self.reply_dialog: ReplyDialog | None = None
        self.accept_action = self._action(self.tr("Accept"), lambda: self.decide(True))
        self.accept_action.setToolTip(self.tr("Make the reviewer's change in the text"))
        self.reject_action = self._action(self.tr("Reject"), lambda: self.decide(False))
        self.reject_action.setToolTip(self.tr("Leave the text as it is and close the change"))
        self.accept_all_action = self._action(
            self.tr("Accept all in item"), lambda: self.decide_all(True)
        )
        self.reject_all_action = self._action(
            self.tr("Reject all in item"), lambda: self.decide_all(False)
        )
        self.reply_action = self._action(self.tr("Reply…"), self.reply)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 0)
        for action in (
            self.accept_action,
            self.reject_action,
            self.accept_all_action,
            self.reject_all_action,
            self.reply_action,
        ):
            button = QToolButton(self)
            button.setDefaultAction(action)
            bar.addWidget(button)
        bar.addStretch(1)
        self.message = QLabel(self)
        self.message.setObjectName("notesMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(MESSAGE_STYLE)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("notesTree")
        self.tree.setHeaderLabels(
            [self.tr("Note"), self.tr("Reviewer"), self.tr("On text"), self.tr("Status")]
        )
        self.tree.setColumnWidth(0, 340)
        self.tree.setColumnWidth(2, 300)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemChanged.connect(self._changed)
        self.tree.currentItemChanged.connect(lambda *_: self._current_changed())
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.tree)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        editor.issueChanged.connect(self._maybe_refresh)
        self._shown: list[ReviewNote] = []
        self.refresh()

    def _action(self, text: str, slot: object) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        return action

    def _maybe_refresh(self, _key: str) -> None:
        """Rebuild later, never inside the tree's own signal (that would free the ticked row)."""
        if self._editor.issue.notes != self._shown:
            self._timer.start()

    # --- the tree ------------------------------------------------------------------------

    def refresh(self) -> None:
        """One group per item, in reading order (notes without a known target last); replies
        under the note they answer."""
        issue = self._editor.issue
        self._shown = list(issue.notes)
        order, owners = _reading_order(issue)
        groups: dict[str, QTreeWidgetItem] = {}
        rows: dict[str, QTreeWidgetItem] = {}
        self._open_changes = {}
        for note in issue.notes:
            owner = owners.get(note.target_id or "")
            if owner is not None and note.open_change:
                self._open_changes[owner.id] = self._open_changes.get(owner.id, 0) + 1
        self._filling = True
        self.tree.clear()
        last = len(order)
        for note in sorted(issue.notes, key=lambda n: order.get(n.target_id or "", last)):
            owner = owners.get(note.target_id or "")
            group_key = owner.id if owner is not None else ""
            group = groups.get(group_key)
            if group is None:
                group = self._group_row(owner)
                self.tree.addTopLevelItem(group)
                groups[group_key] = group
            row = self._note_row(note)
            rows[note.id] = row
            parent = rows.get(note.parent_id or "")
            (parent or group).addChild(row)
        self.tree.expandAll()
        self._filling = False
        self._select_after_refresh(rows)
        open_count = sum(not note.resolved for note in issue.notes)
        self.setWindowTitle(self.tr("Review notes (%1 open)").replace("%1", str(open_count)))
        self._current_changed()

    def _group_row(self, owner: Item | None) -> QTreeWidgetItem:
        title = (owner.title or owner.id) if owner is not None else self.tr("Other notes")
        group = QTreeWidgetItem([title])
        group.setData(0, KEY_ROLE, owner.id if owner is not None else "")
        group.setData(0, ITEM_ROLE, owner.id if owner is not None else "")
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        return group

    def _note_row(self, note: ReviewNote) -> QTreeWidgetItem:
        kind = {
            "comment": "",
            "insertion": self.tr("Inserted: "),
            "deletion": self.tr("Deleted: "),
        }
        status = {
            None: "",
            "accepted": self.tr("Accepted"),
            "rejected": self.tr("Rejected"),
        }[note.decision]
        if note.parent_id and not status:
            status = self.tr("Reply")
        context = change_in_context(note) if note.kind != "comment" else note.quoted
        row = QTreeWidgetItem([kind[note.kind] + note.text, note.author, context, status])
        row.setData(0, KEY_ROLE, note.target_id or "")
        row.setData(0, NOTE_ROLE, note.id)
        row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        row.setCheckState(0, Qt.CheckState.Checked if note.resolved else Qt.CheckState.Unchecked)
        row.setToolTip(0, self.tr("Tick when resolved"))
        if note.kind != "comment":
            font = row.font(0)
            font.setStrikeOut(note.kind == "deletion")
            font.setUnderline(note.kind == "insertion")
            row.setFont(0, font)
        if note.decision is not None:
            grey = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            for column in range(4):
                row.setForeground(column, grey)
        return row

    def _rows(self) -> Iterator[QTreeWidgetItem]:
        """Every note row, in the order shown."""
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        stack.reverse()
        while stack:
            row = stack.pop()
            if row.data(0, NOTE_ROLE):
                yield row
            stack.extend(row.child(i) for i in reversed(range(row.childCount())))

    def row_of(self, note_id: str) -> QTreeWidgetItem | None:
        return next((row for row in self._rows() if row.data(0, NOTE_ROLE) == note_id), None)

    def _select_after_refresh(self, rows: dict[str, QTreeWidgetItem]) -> None:
        """Keep the selected note; after a decision, go on to the next open change."""
        target = rows.get(self._selected)
        if self._after_decision:
            notes = {note.id: note for note in self._editor.issue.notes}
            shown = [row.data(0, NOTE_ROLE) for row in self._rows()]
            start = shown.index(self._after_decision) if self._after_decision in shown else 0
            following = [i for i in shown[start:] + shown[:start] if notes[i].open_change]
            if following:
                target = rows.get(following[0])
            self._after_decision = ""
        if target is not None:
            self.tree.setCurrentItem(target)

    # --- what the selection allows ---------------------------------------------------------

    def current_note(self) -> ReviewNote | None:
        row = self.tree.currentItem()
        note_id = row.data(0, NOTE_ROLE) if row is not None else None
        return next((n for n in self._editor.issue.notes if n.id == note_id), None)

    def current_item(self) -> str:
        """The item of the selected row (a group, or a note on the item or one of its blocks)."""
        row = self.tree.currentItem()
        while row is not None and row.parent() is not None:
            row = row.parent()
        return str(row.data(0, ITEM_ROLE) or "") if row is not None else ""

    def _current_changed(self) -> None:
        note = self.current_note()
        if note is not None:
            self._selected = note.id
        change = note is not None and note.open_change
        self.accept_action.setEnabled(change)
        self.reject_action.setEnabled(change)
        changes = self._open_changes.get(self.current_item(), 0) > 0
        self.accept_all_action.setEnabled(changes)
        self.reject_all_action.setEnabled(changes)
        self.reply_action.setEnabled(note is not None)

    def _context_menu(self, point: QPoint) -> None:
        menu = QMenu(self)
        menu.addActions(
            [
                self.accept_action,
                self.reject_action,
                self.accept_all_action,
                self.reject_all_action,
                self.reply_action,
            ]
        )
        menu.exec(self.tree.viewport().mapToGlobal(point))
        menu.deleteLater()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- decisions and replies -------------------------------------------------------------

    def decide(self, accept: bool) -> bool:
        """Accept or reject the selected change; False (and the reason shown) if the text
        around it changed since the export."""
        note = self.current_note()
        if note is None or not note.open_change:
            return False
        refusal = self._editor.decide_change(note.id, accept)
        if refusal is not None:
            self.show_message(refusal)
            row = self.row_of(note.id)
            if row is not None:
                row.setToolTip(2, refusal)
            return False
        self.show_message("")
        self._after_decision = note.id
        return True

    def decide_all(self, accept: bool) -> None:
        """Every open change of the selected item; what could not be made is said."""
        item = self.current_item()
        if not item:
            return
        decisions = self._editor.decide_all_changes(item, accept)
        if decisions.refused:
            note, reason = decisions.refused[0]
            self.show_message(
                self.tr("%1 changes made; %2 left open, for example: %3")
                .replace("%1", str(len(decisions.made)))
                .replace("%2", str(len(decisions.refused)))
                .replace("%3", reason)
            )
            self._selected = note.id
        else:
            self.show_message("")

    def reply(self) -> ReplyDialog | None:
        """Ask for the reply to the selected note; it is added when the dialog is accepted."""
        note = self.current_note()
        if note is None:
            return None
        dialog = ReplyDialog(note, self)
        dialog.accepted.connect(lambda: self._add_reply(note.id, dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.reply_dialog = dialog
        return dialog

    def _add_reply(self, parent_id: str, dialog: ReplyDialog) -> None:
        text, author = dialog.reply()
        if not text:
            return
        settings.set_reviewer_name(author)
        self._selected = self._editor.add_reply(parent_id, text, author or settings.reviewer_name())

    def _clicked(self, row: QTreeWidgetItem) -> None:
        key = row.data(0, KEY_ROLE)
        if key:
            emit(self.nodeActivated, key)

    def _changed(self, row: QTreeWidgetItem) -> None:
        """The tick (any other change of the row, a tooltip, is none of the model's)."""
        note_id = row.data(0, NOTE_ROLE)
        if self._filling or not note_id:
            return
        self._editor.set_note_resolved(note_id, row.checkState(0) == Qt.CheckState.Checked)


def _reading_order(issue: Issue) -> tuple[dict[str, int], dict[str, Item]]:
    """Each node's place in reading order, and each item's and block's item: one walk, so
    that thousands of notes are listed without a search per note."""
    order: dict[str, int] = {}
    owners: dict[str, Item] = {}
    for section in issue.sections:
        order[section.id] = len(order)
        for item in section.items:
            order[item.id] = len(order)
            owners[item.id] = item
            for block in getattr(item, "blocks", []):
                order[block.id] = len(order)
                owners[block.id] = item
    return order, owners
