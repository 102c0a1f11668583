"""The one undo command: swap the whole Issue between two snapshots.

Edits never mutate an Issue (see ``nodes``), so a snapshot costs one reference and the
path of shallow copies down to the changed node; on the sample issue a paragraph edit with
its copies and its command takes 0.08 ms (median, bench/gui.py). One command type therefore
serves field edits and structure edits alike.
"""

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from bulletin_studio.model import Issue

if TYPE_CHECKING:
    from bulletin_studio.ui.editor import IssueEditor

_merge_ids: dict[tuple[str, str], int] = {}


def merge_id_for(key: str, field: str) -> int:
    """A stable small int per (node, field): QUndoStack merges commands with equal ids."""
    return _merge_ids.setdefault((key, field), len(_merge_ids) + 1)


class IssueCommand(QUndoCommand):
    def __init__(
        self,
        editor: "IssueEditor",
        before: Issue,
        after: Issue,
        text: str,
        changed_key: str,
        structural: bool,
        merge_id: int = -1,
    ) -> None:
        super().__init__(text)
        self._editor = editor
        self.before = before
        self.after = after
        self.changed_key = changed_key
        self.structural = structural
        self._merge_id = merge_id

    def id(self) -> int:
        return self._merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Consecutive typing in one field becomes one undo step."""
        if not isinstance(other, IssueCommand) or other.id() != self._merge_id:
            return False
        self.after = other.after
        if self.after is self.before:
            self.setObsolete(True)
        return True

    def redo(self) -> None:
        self._editor.install(self.after, self.changed_key, self.structural)

    def undo(self) -> None:
        self._editor.install(self.before, self.changed_key, self.structural)
