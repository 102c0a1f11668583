"""Accepting or rejecting a reviewer's tracked change: the same edit made in the model's text.

A change note keeps its paragraph as exported and its offset there (``review.reader``). The
paragraph as it should read now is that text with the changes of the same paragraph already
accepted; it is looked for among the text fields of the change's block or item, either as a
whole field (or one of the blank-line-separated paragraphs of a theme or a description), or
as a field with only what the exporter adds around it (``主题1：``, a list's bullet and lead
term, a quote's ``——`` and attribution). The edit is then made through the field's Markdown
(``model.markup_edit``). If the paragraph is not found — the editor changed it after the
export — nothing is guessed: the change is refused with a message saying so.

Every function returns a new Issue (one undo step in the app) and never mutates one.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from bulletin_studio.messages import QT_TRANSLATE_NOOP, Template
from bulletin_studio.model import drafts, nodes
from bulletin_studio.model.fields import RichText
from bulletin_studio.model.issue import Issue, ReviewNote
from bulletin_studio.model.markup import plain_text
from bulletin_studio.model.markup_edit import edit_visible
from bulletin_studio.model.problems import place
from bulletin_studio.review.errors import ReviewError

DECORATION = re.compile(r"[\s\d.•:：—主题]*")
"""What the exporter writes around a field in one paragraph, besides other fields of the
same node: theme numbers (``主题2：``), list bullets and numbers, a quote's ``——``."""

_RICH_VALIDATORS = {getattr(item, "func", None) for item in RichText.__metadata__}

_IN_DELETED = {
    "deletion": QT_TRANSLATE_NOOP(
        "Review",
        "{where}: has been deleted, so “{text}” cannot be deleted in it; make the change by hand",
    ),
    "insertion": QT_TRANSLATE_NOOP(
        "Review",
        "{where}: has been deleted, so “{text}” cannot be inserted in it; make the change by hand",
    ),
}
_LOSES_FORMATTING = {
    "deletion": QT_TRANSLATE_NOOP(
        "Review",
        "{where}: deleting “{text}” would lose its bold, italic or links; make the change by hand",
    ),
    "insertion": QT_TRANSLATE_NOOP(
        "Review",
        "{where}: inserting “{text}” would lose the bold, italic or links around it; make the"
        " change by hand",
    ),
}
_ALREADY_DECIDED = {
    "accepted": QT_TRANSLATE_NOOP("Review", "{where}: this change has already been accepted"),
    "rejected": QT_TRANSLATE_NOOP("Review", "{where}: this change has already been rejected"),
}


class ChangeRefused(ReviewError):
    """The change cannot be made in the text as it is now; the message says why and what to
    do. The issue is left as it was."""


@dataclass(frozen=True)
class Decisions:
    """The result of accepting or rejecting every open change of an item."""

    issue: Issue
    made: tuple[str, ...]
    """Ids of the notes decided."""
    refused: tuple[tuple[ReviewNote, str], ...]
    """The changes left open, each with the reason."""


def accept_change(issue: Issue, note_id: str) -> Issue:
    """The issue with the change made in its text and the note marked accepted."""
    note = _open_change(issue, note_id)
    node = nodes.get_node(issue, note.target_id) if note.target_id else None
    if node is None:
        raise ChangeRefused(
            _IN_DELETED[note.kind].format(where=_where(issue, note), text=note.text)
        )
    if note.offset is None:
        raise ChangeRefused(
            QT_TRANSLATE_NOOP(
                "Review",
                "{where}: this change has no recorded place (an import by an older version, or it"
                " spans paragraphs), so it cannot be made automatically; make it by hand",
            ).format(where=_where(issue, note))
        )
    expected, position = _paragraph_now(issue, note)
    found = _locate(node, expected, position, len(note.text) if note.kind == "deletion" else 0)
    if isinstance(found, Template):
        raise ChangeRefused(
            QT_TRANSLATE_NOOP("Review", "{where}: {reason}").format(
                where=_where(issue, note), reason=found.format()
            )
        )
    field, visible_at = found
    if drafts.find_draft(issue, note.target_id or "", field.path[0]) is not None:
        raise ChangeRefused(
            QT_TRANSLATE_NOOP(
                "Review",
                "{where}: “{field}” holds input that failed its check; correct it first, then"
                " accept the change",
            ).format(where=_where(issue, note), field=field.path[0])
        )
    edited = _edited(issue, note, field, visible_at)
    try:
        changed = field.assign(node, edited)
    except ValidationError as error:
        raise ChangeRefused(
            QT_TRANSLATE_NOOP(
                "Review",
                "{where}: the text with the change made is refused ({reason}); make the change"
                " by hand",
            ).format(where=_where(issue, note), reason=drafts.model_message(error))
        ) from None
    issue = nodes.replace_node(issue, note.target_id or "", changed)
    return _decided(issue, note.id, "accepted")


def reject_change(issue: Issue, note_id: str) -> Issue:
    """The issue with the note marked rejected: the text stays as it was exported."""
    note = _open_change(issue, note_id)
    return _decided(issue, note.id, "rejected")


def decide_all(issue: Issue, item_id: str, accept: bool) -> Decisions:
    """Accept (or reject) every open change on the item and its blocks, in reading order;
    a change that cannot be made stays open and is listed with the reason."""
    owner = issue.owner_item(item_id)
    keys = {item_id} | ({block.id for block in getattr(owner, "blocks", [])} if owner else set())
    made: list[str] = []
    refused: list[tuple[ReviewNote, str]] = []
    for note in [n for n in issue.notes if n.open_change and n.target_id in keys]:
        try:
            issue = accept_change(issue, note.id) if accept else reject_change(issue, note.id)
        except ChangeRefused as refusal:
            refused.append((note, refusal.message))
        else:
            made.append(note.id)
    return Decisions(issue=issue, made=tuple(made), refused=tuple(refused))


def _open_change(issue: Issue, note_id: str) -> ReviewNote:
    note = next((n for n in issue.notes if n.id == note_id), None)
    if note is None or note.kind == "comment":
        raise ChangeRefused(
            QT_TRANSLATE_NOOP("Review", "Cannot find the change “{id}”").format(id=note_id)
        )
    if note.decision is not None:
        raise ChangeRefused(_ALREADY_DECIDED[note.decision].format(where=_where(issue, note)))
    return note


def _decided(issue: Issue, note_id: str, decision: str) -> Issue:
    notes = [
        note.model_copy(update={"decision": decision, "resolved": True})
        if note.id == note_id
        else note
        for note in issue.notes
    ]
    return issue.model_copy(update={"notes": notes})


def _where(issue: Issue, note: ReviewNote) -> str:
    """The item's title, and the block's id when the change is in a block."""
    title = place(issue, note.target_id) or QT_TRANSLATE_NOOP("Review", "(not on an item)").format()
    owner = issue.owner_item(note.target_id) if note.target_id else None
    if owner is not None and owner.id != note.target_id:
        return QT_TRANSLATE_NOOP("Review", "Paragraph {block} of “{title}”").format(
            block=note.target_id, title=title
        )
    return QT_TRANSLATE_NOOP("Review", "“{title}”").format(title=title)


def _paragraph_now(issue: Issue, note: ReviewNote) -> tuple[str, int]:
    """The note's paragraph as it should read now (the same paragraph's accepted changes
    made), and where the note's change is in it."""
    assert note.offset is not None
    order = {n.id: index for index, n in enumerate(issue.notes)}
    siblings = [
        n
        for n in issue.notes
        if n.kind != "comment"
        and n.decision == "accepted"
        and n.target_id == note.target_id
        and n.paragraph == note.paragraph
        and n.offset is not None
    ]
    exported = note.paragraph
    parts: list[str] = []
    cursor = 0
    position = -1
    for change in sorted([*siblings, note], key=lambda n: (n.offset or 0, order[n.id])):
        offset = change.offset or 0
        if offset < cursor:
            raise ChangeRefused(
                QT_TRANSLATE_NOOP(
                    "Review", "{where}: this change overlaps one already accepted; make it by hand"
                ).format(where=_where(issue, note))
            )
        parts.append(exported[cursor:offset])
        cursor = offset
        deleted = exported[offset : offset + len(change.text)]
        if change.kind == "deletion" and deleted != change.text:
            raise ChangeRefused(
                QT_TRANSLATE_NOOP(
                    "Review",
                    "{where}: the record of the change is incomplete (the deleted text does not"
                    " match the paragraph); make it by hand",
                ).format(where=_where(issue, note))
            )
        if change is note:
            position = sum(len(part) for part in parts)
        elif change.kind == "deletion":
            cursor += len(change.text)
        else:
            parts.append(change.text)
    parts.append(exported[cursor:])
    return "".join(parts), position


@dataclass(frozen=True)
class _Field:
    """One text field of a node: ``path`` is ``("text",)`` or ``("entries", 2, "lead")``."""

    path: tuple[Any, ...]
    source: str
    rich: bool

    @property
    def visible(self) -> str:
        return plain_text(self.source) if self.rich else self.source

    def assign(self, node: BaseModel, value: str) -> BaseModel:
        """A validated copy of ``node`` with this field set to ``value``."""
        copy = node.model_copy()
        if len(self.path) == 1:
            setattr(copy, self.path[0], value)
            return copy
        name, index, inner = self.path
        entries = list(getattr(node, name))
        entry = entries[index].model_copy()
        setattr(entry, inner, value)
        entries[index] = entry
        setattr(copy, name, entries)
        return copy


def _fields(node: BaseModel) -> Iterator[_Field]:
    for name, info in type(node).model_fields.items():
        value = getattr(node, name)
        if name in ("id", "type"):
            continue
        if isinstance(value, str):
            yield _Field((name,), value, _is_rich(info.metadata))
        elif isinstance(value, list):
            for index, entry in enumerate(value):
                if not isinstance(entry, BaseModel) or hasattr(entry, "id"):
                    continue  # blocks have their own bookmarks, images have no text
                for inner, inner_info in type(entry).model_fields.items():
                    if isinstance(getattr(entry, inner), str) and inner != "asset":
                        rich = _is_rich(inner_info.metadata)
                        yield _Field((name, index, inner), getattr(entry, inner), rich)


def _is_rich(metadata: list[Any]) -> bool:
    return any(getattr(item, "func", None) in _RICH_VALIDATORS for item in metadata)


def _segments(text: str) -> Iterator[tuple[int, str]]:
    """The field whole, and its blank-line-separated paragraphs as the exporter writes
    them (stripped), each with where it starts."""
    yield 0, text
    start = 0
    for part in text.split("\n\n"):
        stripped = part.strip()
        if stripped:
            yield start + part.index(stripped), stripped
        start += len(part) + 2


def _locate(
    node: BaseModel, paragraph: str, position: int, length: int
) -> tuple[_Field, int] | Template:
    """The field holding ``paragraph`` and where in its visible text ``position`` falls; or
    why none can be said to."""
    fields = list(_fields(node))
    found: dict[tuple[tuple[Any, ...], int], _Field] = {}
    for field in fields:
        visible = field.visible
        whole = [start + position for start, text in _segments(visible) if text == paragraph]
        for at in whole:
            found[(field.path, at)] = field
        if whole or not visible or paragraph.count(visible) != 1:
            continue
        start = paragraph.index(visible)
        if not start <= position <= position + length <= start + len(visible):
            continue
        rest = paragraph[:start] + paragraph[start + len(visible) :]
        others = sorted((f.visible for f in fields if f is not field), key=len, reverse=True)
        for other in others:
            if other:
                rest = rest.replace(other, "", 1)
        if DECORATION.fullmatch(rest):
            found[(field.path, position - start)] = field
    if not found:
        return QT_TRANSLATE_NOOP(
            "Review",
            "the changed text is no longer as it was reviewed (it was edited after the export);"
            " make the change by hand",
        )
    if len(found) > 1:
        return QT_TRANSLATE_NOOP(
            "Review",
            "the same text is in several places, so which one the change is in is unclear; make"
            " it by hand",
        )
    ((path, at),) = found
    return found[(path, at)], at


def _edited(issue: Issue, note: ReviewNote, field: _Field, at: int) -> str:
    """The field's source with the change made at visible position ``at``."""
    end = at + len(note.text) if note.kind == "deletion" else at
    inserted = note.text if note.kind == "insertion" else ""
    if not field.rich:
        return field.source[:at] + inserted + field.source[end:]
    edited = edit_visible(field.source, at, end, inserted)
    if edited is None:
        raise ChangeRefused(
            _LOSES_FORMATTING[note.kind].format(where=_where(issue, note), text=note.text)
        )
    return edited
