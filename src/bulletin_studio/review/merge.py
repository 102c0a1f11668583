"""Remarks of a reviewed DOCX → review notes on the issue, without duplicates on re-import."""

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from bulletin_studio.messages import QT_TRANSLATE_NOOP, Template
from bulletin_studio.model.ids import new_id
from bulletin_studio.model.issue import Issue, ReviewNote
from bulletin_studio.review.errors import ReviewError
from bulletin_studio.review.report import Remark, ReviewReport

MAX_REMARK_CHARS = 20_000
"""Longer remark text (pages pasted into a comment) keeps its start and a note saying where
the rest is: three 7 MB comments once made an issue too big to open again."""


_COMMENT = QT_TRANSLATE_NOOP("Review", "the comment")
_QUOTED = QT_TRANSLATE_NOOP("Review", "the commented text")


def _clipped(text: str, what: Template, source_name: str) -> str:
    if len(text) <= MAX_REMARK_CHARS:
        return text
    note = QT_TRANSLATE_NOOP(
        "Review",
        "… ({what} is too long, {length} characters: only the first {kept} are kept; the whole"
        " text is in {source})",
    )
    return text[:MAX_REMARK_CHARS] + note.format(
        what=what.format(), length=len(text), kept=MAX_REMARK_CHARS, source=source_name
    )


def _place(remark: Remark) -> dict[str, Any]:
    """Where a tracked change is, for accepting it later; a paragraph too long to keep
    (see ``MAX_REMARK_CHARS``) leaves the change to be made by hand."""
    if remark.paragraph is None or remark.offset is None:
        return {}
    if len(remark.paragraph) > MAX_REMARK_CHARS:
        return {}
    return {"paragraph": remark.paragraph, "offset": remark.offset}


@dataclass(frozen=True)
class MergeSummary:
    source_name: str
    added: tuple[ReviewNote, ...]
    duplicates: int
    """Remarks already in the issue (the same file imported twice, or a forwarded copy)."""

    @property
    def unplaced(self) -> tuple[ReviewNote, ...]:
        return tuple(note for note in self.added if note.target_id is None)


def fingerprint(remark: Remark, target: str | None) -> str:
    """The same remark in any copy of the file gives the same value; the file name does not
    count, so a reviewer's file forwarded under another name adds nothing twice."""
    date = remark.date.isoformat() if remark.date else ""
    key = [remark.kind, remark.author, date, remark.text, remark.quoted, target or ""]
    return hashlib.sha256(json.dumps(key, ensure_ascii=False).encode()).hexdigest()[:32]


def merge_review(
    issue: Issue, report: ReviewReport, source_name: str
) -> tuple[Issue, MergeSummary]:
    """A new issue with the report's remarks as unresolved notes on their items and blocks.

    Refuses a file exported from another issue: none of its bookmarks names a node here.
    """
    ids = {node.id for node in issue.walk()}
    if not report.bookmarks & ids:
        raise ReviewError(
            QT_TRANSLATE_NOOP(
                "Review",
                "“{name}” comes from another issue: none of its bookmarks matches an item of this"
                " one",
            ).format(name=source_name)
        )
    known = {note.origin: note.id for note in issue.notes if note.origin}
    targets = [
        next((anchor for anchor in remark.anchors if anchor in ids), None)
        for remark in report.remarks
    ]
    origins = [
        fingerprint(remark, target) for remark, target in zip(report.remarks, targets, strict=True)
    ]
    note_ids = [known.get(origin) or new_id("note") for origin in origins]
    by_comment = {
        remark.comment_id: note_id
        for remark, note_id in zip(report.remarks, note_ids, strict=True)
        if remark.comment_id is not None
    }
    added: list[ReviewNote] = []
    for remark, target, origin, note_id in zip(
        report.remarks, targets, origins, note_ids, strict=True
    ):
        if origin in known:
            continue
        known[origin] = note_id
        added.append(
            ReviewNote(
                id=note_id,
                kind=remark.kind,
                target_id=target,
                author=remark.author,
                date=remark.date,
                text=_clipped(remark.text, _COMMENT, source_name),
                quoted=_clipped(remark.quoted, _QUOTED, source_name),
                parent_id=by_comment.get(remark.parent_comment_id)
                if remark.parent_comment_id
                else None,
                origin=origin,
                resolved=False,
                **_place(remark),
            )
        )
    merged = issue.model_copy(update={"notes": [*issue.notes, *added]})
    summary = MergeSummary(
        source_name=source_name, added=tuple(added), duplicates=len(report.remarks) - len(added)
    )
    return merged, summary
