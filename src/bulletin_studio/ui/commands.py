"""The one undo command: swap the whole Issue between two snapshots; and when typing merges.

Edits never mutate an Issue (see ``nodes``), so a snapshot costs one reference and the
path of shallow copies down to the changed node; on the sample issue a paragraph edit with
its copies and its command takes 0.08 ms (median, bench/gui.py). One command type therefore
serves field edits and structure edits alike.

Typing is undone a word at a time, as Qt's own text boxes do: consecutive keystrokes in one
field merge into one step until a pause (``TYPING_PAUSE``), a space or punctuation after a
word, or a jump of the cursor. What an input method commits at once (a Chinese phrase) or a
paste is a step of its own. Each step remembers the selection before and after it, so undo
and redo put the cursor back where the change was.
"""

import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from bulletin_studio.model import Issue

if TYPE_CHECKING:
    from bulletin_studio.ui.editor import IssueEditor

TYPING_PAUSE = 1.0
"""Seconds without typing after which the next keystroke starts a new undo step."""

_merge_ids: dict[tuple[str, str], int] = {}


def merge_id_for(key: str, field: str) -> int:
    """A stable small int per (node, field): QUndoStack offers merges only between equal ids."""
    return _merge_ids.setdefault((key, field), len(_merge_ids) + 1)


@dataclass(frozen=True)
class Caret:
    """Where the cursor goes when a step is undone or redone: a field of a node and the
    selection in it (anchor and position; -1 when only the field matters)."""

    key: str
    field: str
    anchor: int = -1
    position: int = -1


@dataclass(frozen=True)
class Keystroke:
    """One change of a field's text: ``removed`` went and ``inserted`` came at ``start``."""

    start: int
    removed: str
    inserted: str

    @classmethod
    def between(cls, before: str, after: str, cursor: int) -> "Keystroke":
        """The change from ``before`` to ``after``; ``cursor`` (where it is after the change)
        settles which of two equal letters was typed or deleted."""
        grown = len(after) - len(before)
        if grown > 0:
            start = cursor - grown
            if start >= 0 and after[:start] == before[:start] and after[cursor:] == before[start:]:
                return cls(start, "", after[start:cursor])
        elif grown < 0:
            start = cursor
            if after[:start] == before[:start] and after[start:] == before[start - grown :]:
                return cls(start, before[start : start - grown], "")
        start, limit = 0, min(len(before), len(after), cursor)  # a replacement
        while start < limit and before[start] == after[start]:
            start += 1
        end_before, end_after = len(before), len(after)
        while min(end_before, end_after) > start and before[end_before - 1] == after[end_after - 1]:
            end_before -= 1
            end_after -= 1
        return cls(start, before[start:end_before], after[start:end_after])

    @property
    def typed(self) -> bool:
        """One character typed (over a selection or not)."""
        return len(self.inserted) == 1

    @property
    def erased(self) -> bool:
        """One character deleted (Backspace or Delete)."""
        return len(self.removed) == 1 and not self.inserted


@dataclass(frozen=True)
class FieldEdit:
    """A field edit as the history sees it: which field, when, and the text change if the
    field is text (a number or a list row has none)."""

    key: str
    field: str
    at: float
    keystroke: Keystroke | None = None


def _ends_word(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


def continues(previous: FieldEdit, new: FieldEdit, pause: float = TYPING_PAUSE) -> bool:
    """Whether ``new`` belongs to the same undo step as ``previous`` (the step's last edit)."""
    if (previous.key, previous.field) != (new.key, new.field) or new.at - previous.at > pause:
        return False
    before, after = previous.keystroke, new.keystroke
    if before is None or after is None:
        return before is None and after is None
    if before.typed and after.typed and not after.removed:
        next_to = after.start == before.start + len(before.inserted)
        new_word = _ends_word(before.inserted) and not _ends_word(after.inserted)
        return next_to and not new_word
    if before.erased and after.erased:
        backspace = after.start + 1 == before.start
        delete = after.start == before.start
        return backspace or delete
    return False


class IssueCommand(QUndoCommand):
    def __init__(
        self,
        editor: "IssueEditor",
        before: Issue,
        after: Issue,
        text: str,
        changed_key: str,
        structural: bool,
        edit: FieldEdit | None = None,
        carets: tuple[Caret | None, Caret | None] = (None, None),
    ) -> None:
        super().__init__(text)
        self._editor = editor
        self.before = before
        self.after = after
        self.changed_key = changed_key
        self.structural = structural
        self.edit = edit
        self.before_caret, self.after_caret = carets
        self.absorbed_by: IssueCommand | None = None
        self._done = False

    def id(self) -> int:
        return merge_id_for(self.edit.key, self.edit.field) if self.edit is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """The next edit of the field joins this step while the typing goes on."""
        if (
            not isinstance(other, IssueCommand)
            or self.edit is None
            or other.edit is None
            or not self._editor.typing_continues(self, other.edit)
        ):
            return False
        self.after = other.after
        self.edit = other.edit
        self.after_caret = other.after_caret or self.after_caret
        other.absorbed_by = self
        if self.after is self.before:
            self.setObsolete(True)
        return True

    def redo(self) -> None:
        """Pushing runs this once (the edit is already on screen); a real redo shows it."""
        caret = (self.after_caret or _NOWHERE) if self._done else None
        self._done = True
        self._editor.install(self.after, self.changed_key, self.structural, caret)

    def undo(self) -> None:
        self._editor.install(
            self.before, self.changed_key, self.structural, self.before_caret or _NOWHERE
        )


_NOWHERE = Caret("", "")
"""An undo or redo of a change with no field to show (a resolved note, a moved item)."""
