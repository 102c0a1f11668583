"""What a reviewed DOCX holds, independent of any issue: remarks and the anchors they sit in."""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

RemarkKind = Literal["comment", "insertion", "deletion"]


@dataclass(frozen=True)
class Remark:
    """A comment or tracked change, with every bookmark of ours that encloses it.

    ``anchors`` runs innermost first: a block's id, then its item's, then its section's, so
    that merging can take the innermost one the issue still has.
    """

    kind: RemarkKind
    author: str
    date: datetime | None
    text: str
    quoted: str
    anchors: tuple[str, ...]
    comment_id: str | None = None
    parent_comment_id: str | None = None
    paragraph: str | None = None
    """A tracked change's paragraph as exported (deleted text in, inserted text out); None
    for comments and for a change running over a paragraph end."""
    offset: int | None = None
    """Where in ``paragraph`` the change happens: a deletion's first character, an
    insertion's point."""

    @property
    def target(self) -> str | None:
        return self.anchors[0] if self.anchors else None


@dataclass(frozen=True)
class ReviewReport:
    path: Path
    remarks: tuple[Remark, ...]
    bookmarks: frozenset[str]
    """Every anchor bookmark found: tells which issue the file was exported from."""

    @property
    def comments(self) -> tuple[Remark, ...]:
        return tuple(remark for remark in self.remarks if remark.kind == "comment")

    @property
    def changes(self) -> tuple[Remark, ...]:
        return tuple(remark for remark in self.remarks if remark.kind != "comment")

    @property
    def unplaced(self) -> tuple[Remark, ...]:
        return tuple(remark for remark in self.remarks if remark.target is None)
