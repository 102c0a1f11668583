"""IssueEditor: the one owner of the open Issue; forms and outline change it only through here.

Every change builds a new Issue (see :mod:`bulletin_studio.model.nodes`) and goes through the undo
stack, so undo/redo, the unsaved mark, the preview and the panels all follow from one signal.
A value the model refuses is not dropped: it becomes the field's draft (see
:mod:`bulletin_studio.model.drafts`), an edit like any other. Typing is undone a word at a time
(see :mod:`bulletin_studio.ui.commands`); undo and redo ask for the cursor to go back to where
the change was (``caretWanted``).
"""

import datetime as dt
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from bulletin_studio.model import (
    FieldDraft,
    Issue,
    Paragraph,
    ReviewNote,
    Section,
    Snippet,
    drafts,
    nodes,
)
from bulletin_studio.model.blocks import BLOCK_TYPES
from bulletin_studio.model.items import Article, PartnerNews, Resource
from bulletin_studio.model.markup_edit import split_markup
from bulletin_studio.storage import AssetStore, Document
from bulletin_studio.ui.commands import (
    TYPING_PAUSE,
    Caret,
    FieldEdit,
    IssueCommand,
    Keystroke,
    continues,
)
from bulletin_studio.ui.signals import emit

if TYPE_CHECKING:
    from bulletin_studio.review import Decisions

ITEM_TYPES: dict[str, type[Article | PartnerNews | Resource]] = {
    "article": Article,
    "partner_news": PartnerNews,
    "resource": Resource,
}


class IssueEditor(QObject):
    issueChanged = Signal(str)  # key of the changed node ("" after a structure change)
    structureChanged = Signal()  # sections/items/blocks added, removed or moved
    documentReplaced = Signal()  # a different issue was opened
    caretWanted = Signal(object)  # a Caret: undo/redo show where the change was

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._issue = document.issue
        self.assets: AssetStore = document.assets
        self.undo_stack = QUndoStack(self)
        self.clock: Callable[[], float] = time.monotonic
        self.typing_pause = TYPING_PAUSE
        self._typing: IssueCommand | None = None

    @property
    def issue(self) -> Issue:
        return self._issue

    def document(self) -> Document:
        return Document(issue=self._issue, assets=self.assets)

    def snapshot(self) -> Document:
        """The document as it is now, safe to hand to a worker thread while editing goes on
        (the issue is immutable; the image store gets a copy of its index)."""
        return Document(issue=self._issue, assets=self.assets.subset(self.assets))

    def replace_document(self, document: Document) -> None:
        """Open another issue: a fresh history, nothing to undo into the previous file."""
        self._issue = document.issue
        self.assets = document.assets
        self.undo_stack.clear()
        self._typing = None
        emit(self.documentReplaced)
        emit(self.structureChanged)
        emit(self.issueChanged, "")

    def node(self, key: str) -> BaseModel | None:
        return nodes.get_node(self._issue, key)

    def node_exists(self, key: str) -> bool:
        """The snippets page always exists, even with no snippet on it."""
        return key == nodes.SNIPPETS_KEY or (bool(key) and self.node(key) is not None)

    def install(self, issue: Issue, key: str, structural: bool, caret: Caret | None = None) -> None:
        """Called by undo commands only; ``caret`` (given for an undo or a redo, not for the
        push of a new edit) is where the change was. After an undo or a redo, typing starts
        a new step."""
        self._issue = issue
        if caret is not None:
            self._typing = None
        if structural:
            emit(self.structureChanged)
        emit(self.issueChanged, key)
        if caret is not None:
            emit(self.caretWanted, caret)

    def _push(
        self,
        after: Issue,
        text: str,
        key: str,
        structural: bool,
        edit: FieldEdit | None = None,
        carets: tuple[Caret | None, Caret | None] = (None, None),
    ) -> None:
        if structural:
            after = drafts.without_orphan_drafts(after)
        command = IssueCommand(self, self._issue, after, text, key, structural, edit, carets)
        self.undo_stack.push(command)
        self._typing = (command.absorbed_by or command) if edit is not None else None

    # --- typing ------------------------------------------------------------------------

    def typing_continues(self, command: IssueCommand, edit: FieldEdit) -> bool:
        """Whether ``edit`` joins ``command``'s undo step: only the step being typed, and only
        while the typing goes on (see ``commands.continues``)."""
        return (
            command is self._typing
            and command.edit is not None
            and continues(command.edit, edit, self.typing_pause)
        )

    def end_typing(self) -> None:
        """The cursor moved without typing: the next keystroke starts a new undo step."""
        self._typing = None

    # --- field edits -------------------------------------------------------------------

    def validate_field(self, key: str, field: str, value: Any) -> tuple[BaseModel, str | None]:
        """Try the assignment on a copy: (candidate, None) or (unchanged node, model's message)."""
        node = self.node(key)
        if node is None:
            raise KeyError(key)
        candidate = node.model_copy()
        try:
            setattr(candidate, field, value)
        except ValidationError as error:
            return node, drafts.model_message(error)
        return candidate, None

    def set_field(
        self,
        key: str,
        field: str,
        value: Any,
        text: str = "",
        merge: bool = True,
        draft: str | None = None,
        keystroke: Keystroke | None = None,
        carets: tuple[Caret | None, Caret | None] = (None, None),
    ) -> str | None:
        """Set one field and drop its draft; returns the model's message if it refuses the
        value. Then ``draft`` (what was typed, when given) is kept as the field's draft, one
        undoable edit that marks the issue modified; the field keeps its last valid value.

        With ``merge``, the edit may join the field's previous undo step (``keystroke`` says
        what changed in a text field); ``carets`` are the selections before and after it."""
        candidate, message = self.validate_field(key, field, value)
        if message is not None:
            after = (
                self._issue if draft is None else drafts.with_draft(self._issue, key, field, draft)
            )
        else:
            after = self._issue
            if getattr(candidate, field) != getattr(self.node(key), field):
                after = nodes.replace_node(after, key, candidate)
            after = drafts.without_draft(after, key, field)
        if after is not self._issue:
            edit = FieldEdit(key, field, self.clock(), keystroke) if merge else None
            self._push(after, text or field, key, False, edit, carets)
        return message

    def draft(self, key: str, field: str) -> FieldDraft | None:
        return drafts.find_draft(self._issue, key, field)

    def draft_message(self, key: str, field: str) -> str | None:
        """Why the field's draft is refused (None without a draft)."""
        draft = self.draft(key, field)
        return drafts.draft_error(self._issue, draft) if draft is not None else None

    # --- structure edits ---------------------------------------------------------------

    def add_section(self, title: str, index: int | None = None) -> str:
        section = Section(title=title)
        count = len(self._issue.sections)
        after = nodes.insert_node(
            self._issue, nodes.ISSUE_KEY, count if index is None else index, section
        )
        self._push(after, self.tr("Add section"), section.id, True)
        return section.id

    def add_item(self, section_id: str, kind: str, index: int | None = None) -> str:
        item = ITEM_TYPES[kind]()
        count = len(nodes.children(self._issue, section_id))
        after = nodes.insert_node(self._issue, section_id, count if index is None else index, item)
        self._push(after, self.tr("Add item"), item.id, True)
        return item.id

    def add_block(self, item_id: str, block_type: str, index: int | None = None) -> str:
        block = BLOCK_TYPES[block_type]()
        count = len(nodes.children(self._issue, item_id))
        after = nodes.insert_node(self._issue, item_id, count if index is None else index, block)
        self._push(after, self.tr("Add block"), block.id, True)
        return block.id

    def insert_snippet(self, item_id: str, snippet_id: str) -> str:
        """A copy of the snippet's text as a new last paragraph: editing it there (this issue's
        wording) leaves the snippet itself alone."""
        snippet = self.node(snippet_id)
        if not isinstance(snippet, Snippet):
            raise KeyError(snippet_id)
        paragraph = Paragraph(text=snippet.text)
        count = len(nodes.children(self._issue, item_id))
        after = nodes.insert_node(self._issue, item_id, count, paragraph)
        self._push(after, self.tr("Insert snippet"), paragraph.id, True)
        return paragraph.id

    def split_paragraph(self, block_id: str, start: int, end: int) -> str | None:
        """Enter in a paragraph: the text from the cursor on (the selection dropped) becomes a
        new paragraph right after it, markup kept on both sides; one undo step. Returns the
        new paragraph's id, or None when the text is a refused draft (nothing to split)."""
        block = self.node(block_id)
        where = nodes.locate(self._issue, block_id)
        if not isinstance(block, Paragraph) or where is None or self.draft(block_id, "text"):
            return None
        first, second = split_markup(block.text[:start] + block.text[end:], start)
        kept = block.model_copy()
        try:
            kept.text = first
            paragraph = Paragraph(text=second)
        except ValidationError:  # a link's address cut in two
            return None
        after = nodes.replace_node(self._issue, block_id, kept)
        after = nodes.insert_node(after, where[0], where[1] + 1, paragraph)
        carets = (Caret(block_id, "text", start, end), Caret(paragraph.id, "text", 0, 0))
        self._push(after, self.tr("New paragraph"), block_id, True, carets=carets)
        emit(self.caretWanted, carets[1])
        return paragraph.id

    def add_snippet(self) -> str:
        snippet = Snippet()
        after = nodes.insert_node(
            self._issue, nodes.SNIPPETS_KEY, len(self._issue.snippets), snippet
        )
        self._push(after, self.tr("Add snippet"), snippet.id, True)
        return snippet.id

    def duplicate(self, key: str) -> str:
        where = nodes.locate(self._issue, key)
        node = self.node(key)
        if where is None or node is None:
            raise KeyError(key)
        copy = nodes.with_fresh_ids(node)
        after = nodes.insert_node(self._issue, where[0], where[1] + 1, copy)
        self._push(after, self.tr("Duplicate"), copy.id, True)  # type: ignore[attr-defined]
        return copy.id  # type: ignore[attr-defined]

    def delete(self, key: str) -> None:
        after = nodes.remove_node(self._issue, key)
        self._push(after, self.tr("Delete"), key, True)

    def move(self, key: str, parent_key: str, index: int) -> None:
        """Move a node to ``index`` of ``parent_key`` (index as seen before the move)."""
        where = nodes.locate(self._issue, key)
        if where is None or where == (parent_key, index) or where == (parent_key, index - 1):
            return
        after = nodes.move_node(self._issue, key, parent_key, index)
        self._push(after, self.tr("Move"), key, True)

    def move_by(self, key: str, delta: int) -> bool:
        """Move up (-1) or down (+1) among its siblings; False at either end."""
        where = nodes.locate(self._issue, key)
        if where is None:
            return False
        parent_key, index = where
        target = index + delta
        if not 0 <= target < len(nodes.children(self._issue, parent_key)):
            return False
        after = nodes.move_node(self._issue, key, parent_key, target + (1 if delta > 0 else 0))
        self._push(after, self.tr("Move"), key, True)
        return True

    # --- review notes ------------------------------------------------------------------

    def set_note_resolved(self, note_id: str, resolved: bool) -> None:
        if all(note.resolved == resolved for note in self._issue.notes if note.id == note_id):
            return
        notes = [
            note.model_copy(update={"resolved": resolved}) if note.id == note_id else note
            for note in self._issue.notes
        ]
        after = self._issue.model_copy(update={"notes": notes})
        self._push(after, self.tr("Resolve note"), note_id, False)

    def decide_change(self, note_id: str, accept: bool) -> str | None:
        """Accept (make it in the text) or reject a reviewer's tracked change: one undo step
        that shows the block again when undone. Returns why it could not be made, if so."""
        from bulletin_studio import review  # the review package loads with its first use

        note = next((n for n in self._issue.notes if n.id == note_id), None)
        try:
            decide = review.accept_change if accept else review.reject_change
            after = decide(self._issue, note_id)
        except review.ChangeRefused as refusal:
            return refusal.message
        target = note.target_id if note is not None and note.target_id else ""
        caret = Caret(target, "") if target else None
        text = self.tr("Accept change") if accept else self.tr("Reject change")
        self._push(after, text, target or note_id, False, carets=(caret, caret))
        return None

    def decide_all_changes(self, item_id: str, accept: bool) -> "Decisions":
        """Accept or reject every open change of an item and its blocks: one undo step."""
        from bulletin_studio import review

        decisions = review.decide_all(self._issue, item_id, accept)
        if decisions.made:
            caret = Caret(item_id, "")
            text = self.tr("Accept all changes") if accept else self.tr("Reject all changes")
            self._push(decisions.issue, text, item_id, False, carets=(caret, caret))
        return decisions

    def add_reply(self, parent_id: str, text: str, author: str) -> str:
        """The editor's answer to a note, threaded under it (one undo step)."""
        parent = next(n for n in self._issue.notes if n.id == parent_id)
        reply = ReviewNote(
            target_id=parent.target_id,
            author=author,
            date=dt.datetime.now(dt.UTC).replace(microsecond=0),
            text=text,
            parent_id=parent_id,
        )
        after = self._issue.model_copy(update={"notes": [*self._issue.notes, reply]})
        self._push(after, self.tr("Reply to note"), reply.id, False)
        return reply.id

    def replace_issue(self, issue: Issue, text: str) -> None:
        """A whole-issue change from outside the forms (a merged review): still one undo step."""
        self._push(issue, text, nodes.ISSUE_KEY, True)
