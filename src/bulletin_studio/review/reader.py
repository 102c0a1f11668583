"""A reviewed DOCX → remarks, each placed inside the bookmarks (our stable ids) enclosing it.

Positions are character offsets in document order (deleted text counts, a paragraph end
counts one), so zero-width marks at one place compare equal whatever order a word processor
writes them in. Two things real files need, both seen in LibreOffice 7.4's DOCX output:

- a bookmark over several paragraphs comes back as an unterminated start plus a copy of the
  same name over the last paragraph, so a bookmark's extent is taken per *name*, from its
  first start to its last end;
- one tracked change is split into several ``w:ins``/``w:del`` elements (one per run), so
  adjacent changes of one kind, author and date are joined again.

Each tracked change also records the paragraph it sits in *as it was exported* (deleted
text in, inserted text out) and where in it the change happens, so that accepting it can
make the same edit in the model's text later (``review.apply``).

Everything is linear in the size of the file: bookmarks around a remark come from one sweep
over positions, the text under a remark from a bisection of the text pieces (a 50,000-change
file once took minutes, each remark scanning every bookmark and every piece).

Replies are threaded through ``commentsExtended.xml`` (``w15:paraIdParent``), as Word and WPS
write them. LibreOffice 7.4 writes no such part: a reply made there comes back as one more
comment on the same text, which is all the file says.
"""

import bisect
import heapq
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from lxml import etree

from bulletin_studio.messages import QT_TRANSLATE_NOOP
from bulletin_studio.model.ids import ID_PATTERN
from bulletin_studio.review.errors import ReviewError
from bulletin_studio.review.package import DocxPackage
from bulletin_studio.review.report import Remark, RemarkKind, ReviewReport

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
COMMENTS_REL = "/comments"
COMMENTS_EXTENDED_REL = "/commentsExtended"
_ANCHOR = re.compile(ID_PATTERN)
_CHANGES: dict[str, RemarkKind] = {f"{{{W}}}ins": "insertion", f"{{{W}}}del": "deletion"}
_MARK_INSERTED = f"{{{W}}}pPr/{{{W}}}rPr/{{{W}}}ins"
"""A paragraph mark the reviewer inserted: the exported paragraph goes on in the next one."""


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def read_review(path: Path) -> ReviewReport:
    """Every comment and tracked change of a reviewed DOCX, in document order."""
    package = DocxPackage(path)
    document = package.part(package.main)
    assert document is not None  # DocxPackage checked that the main part exists
    scan = _Scan()
    scan.walk(document)
    spans = scan.bookmark_spans()
    if not spans:
        raise ReviewError(
            QT_TRANSLATE_NOOP(
                "Review",
                "“{name}” is not a bulletin exported by Bulletin Studio (it has no item"
                " bookmarks), so its comments cannot be matched to items",
            ).format(name=path.name)
        )
    comments = _read_comments(package)
    changes = list(scan.joined_changes())
    ranges = [scan.comment_range(comment.comment_id) for comment in comments]
    ranges += [(change.start, change.end) for change in changes]
    anchors = _enclosing(spans, ranges)
    remarks: list[tuple[int, Remark]] = []
    for comment, (start, end), around in zip(comments, ranges, anchors, strict=False):
        remarks.append(
            (
                start,
                Remark(
                    kind="comment",
                    author=comment.author,
                    date=comment.date,
                    text=comment.text,
                    quoted=scan.visible_text(start, end),
                    anchors=around,
                    comment_id=comment.comment_id,
                    parent_comment_id=comment.parent_id,
                ),
            )
        )
    for change, around in zip(changes, anchors[len(comments) :], strict=True):
        place = change.place()
        remarks.append(
            (
                change.start,
                Remark(
                    kind=change.kind,
                    author=change.author,
                    date=_date(change.date),
                    text="".join(change.text),
                    quoted=scan.visible_text(change.start, change.end),
                    anchors=around,
                    paragraph=place[0] if place else None,
                    offset=place[1] if place else None,
                ),
            )
        )
    remarks.sort(key=lambda pair: pair[0])
    return ReviewReport(
        path=path, remarks=tuple(remark for _, remark in remarks), bookmarks=frozenset(spans)
    )


def _enclosing(
    spans: dict[str, tuple[int, int]], ranges: list[tuple[int, int]]
) -> list[tuple[str, ...]]:
    """For each range, the bookmarks containing it, innermost first: the shortest, then the
    latest-starting, then (for equal extents) the one opened last. One sweep in order of
    position: only the bookmarks open at a range's start are looked at (a section, an item,
    a block), not every bookmark of the file."""
    by_first = sorted(
        ((first, -order, last, name) for order, (name, (first, last)) in enumerate(spans.items()))
    )
    open_spans: list[tuple[int, int, int, str]] = []  # a heap of (last, first, -order, name)
    found: list[tuple[str, ...]] = [()] * len(ranges)
    next_span = 0
    for index in sorted(range(len(ranges)), key=lambda i: ranges[i][0]):
        start, end = ranges[index]
        while next_span < len(by_first) and by_first[next_span][0] <= start:
            first, later, last, name = by_first[next_span]
            heapq.heappush(open_spans, (last, first, later, name))
            next_span += 1
        while open_spans and open_spans[0][0] < start:
            heapq.heappop(open_spans)
        around = sorted(
            (last - first, -first, later, name)
            for last, first, later, name in open_spans
            if end <= last
        )
        found[index] = tuple(name for *_, name in around)
    return found


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


@dataclass(eq=False)
class _Original:
    """A paragraph as it was exported, before the reviewers' changes: deleted text counts,
    inserted text does not. A paragraph mark the reviewer inserted (Enter pressed with
    changes tracked) splits one exported paragraph into two, so the text runs on."""

    pieces: list[str] = field(default_factory=list)
    length: int = 0
    text: str | None = None

    def add(self, text: str) -> None:
        self.pieces.append(text)
        self.length += len(text)

    def close(self) -> None:
        self.text = "".join(self.pieces)


@dataclass(eq=False)
class _Paragraph:
    start: int
    original: _Original
    ending: list[str] = field(default_factory=list)
    """Our bookmarks whose end mark is in this paragraph: they end with it."""


@dataclass
class _Change:
    kind: RemarkKind
    author: str
    date: str | None
    start: int
    original: _Original | None = None
    offset: int = 0
    """Where in ``original`` it happens: a deletion's first character, an insertion's point."""
    end: int = -1
    text: list[str] = field(default_factory=list)

    def place(self) -> tuple[str, int] | None:
        """(exported paragraph, offset) when the whole change lies in one paragraph."""
        if self.original is None or self.original.text is None:
            return None
        return self.original.text, self.offset


_INSERTED, _DELETED, _PLAIN = "inserted", "deleted", "plain"


@dataclass
class _Scan:
    """One pass over the body: text pieces with offsets, bookmarks, comment marks, changes.

    Our bookmarks always cover whole paragraphs, so each one is widened to the paragraphs
    holding its start and its end: text a reviewer adds at the very end of a paragraph
    (after the bookmark's end mark) still belongs to that block.
    """

    offset: int = 0
    piece_offsets: list[int] = field(default_factory=list)
    piece_texts: list[str] = field(default_factory=list)
    """The visible text (what the reviewer left) in pieces, by increasing offset."""
    spans: dict[str, list[int]] = field(default_factory=dict)
    marks: dict[tuple[str, str], int] = field(default_factory=dict)
    changes: list[_Change] = field(default_factory=list)
    _names: dict[str, str] = field(default_factory=dict)
    _paragraphs: list[_Paragraph] = field(default_factory=list)
    _continued: _Original | None = None
    _open: list[tuple[etree._Element, _Change]] = field(default_factory=list)

    def walk(self, document: etree._Element) -> None:
        for event, element in etree.iterwalk(document, events=("start", "end")):
            tag = element.tag
            if event == "start":
                handler = self._HANDLERS.get(tag)
                if handler is not None:
                    handler(self, element)
            elif tag == _w("p"):
                self._end_paragraph(element)
            elif self._open and self._open[-1][0] is element:
                self._close_change(self._open.pop()[1])

    def _start_paragraph(self, _: etree._Element) -> None:
        original, self._continued = self._continued or _Original(), None
        self._paragraphs.append(_Paragraph(self.offset, original))

    def _end_paragraph(self, element: etree._Element) -> None:
        paragraph = self._paragraphs.pop()
        for name in paragraph.ending:
            self.spans[name][1] = max(self.spans[name][1], self.offset)
        if element.find(_MARK_INSERTED) is not None:
            self._continued = paragraph.original
        else:
            paragraph.original.close()
        self._text("\n", _PLAIN, original=False)

    def _visible(self, element: etree._Element) -> None:
        self._text(element.text or "", self._state(_PLAIN))

    def _deleted(self, element: etree._Element) -> None:
        self._text(element.text or "", _DELETED)

    def _special(self, element: etree._Element) -> None:
        if element.getparent().tag == _w("r"):  # not a tab stop definition in w:tabs
            self._text("\t" if element.tag == _w("tab") else "\n", self._state(_PLAIN))

    def _picture(self, _: etree._Element) -> None:
        """U+FFFC takes a place but is no text: only a deletion records it (a picture the
        reviewer deleted is a remark of its own)."""
        for _, change in self._open:
            if change.kind == "deletion":
                change.text.append("\ufffc")
        self.offset += 1

    def _state(self, default: str) -> str:
        """Text inside an open change is inserted or deleted with it (the innermost wins)."""
        if not self._open:
            return default
        return _INSERTED if self._open[-1][1].kind == "insertion" else _DELETED

    def _bookmark_start(self, element: etree._Element) -> None:
        name = element.get(_w("name"), "")
        if _ANCHOR.fullmatch(name):
            self._names[element.get(_w("id"), "")] = name
            start = self._paragraphs[-1].start if self._paragraphs else self.offset
            self.spans.setdefault(name, [start, -1])

    def _bookmark_end(self, element: etree._Element) -> None:
        name = self._names.get(element.get(_w("id"), ""))
        if name is None:
            return
        if self._paragraphs:
            self._paragraphs[-1].ending.append(name)
        else:
            self.spans[name][1] = max(self.spans[name][1], self.offset)

    def _comment_mark(self, element: etree._Element) -> None:
        kind = etree.QName(element).localname
        self.marks[(kind, element.get(_w("id"), ""))] = self.offset

    def _change(self, element: etree._Element) -> None:
        if element.getparent().tag == _w("rPr"):  # a paragraph mark's revision: no text
            return
        original = self._paragraphs[-1].original if self._paragraphs else None
        if self._inserting():  # a deletion of text another reviewer inserted
            original = None
        change = _Change(
            kind=_CHANGES[element.tag],
            author=element.get(_w("author"), ""),
            date=element.get(_w("date")),
            start=self.offset,
            original=original,
            offset=original.length if original is not None else 0,
        )
        self.changes.append(change)
        self._open.append((element, change))

    def _close_change(self, change: _Change) -> None:
        change.end = self.offset
        if not self._paragraphs or self._paragraphs[-1].original is not change.original:
            change.original = None  # it runs over a paragraph end: no one place in the text

    _HANDLERS: ClassVar[dict[str, Callable[["_Scan", etree._Element], None]]] = {
        _w("p"): _start_paragraph,
        _w("t"): _visible,
        _w("delText"): _deleted,
        _w("tab"): _special,
        _w("br"): _special,
        _w("cr"): _special,
        _w("drawing"): _picture,
        _w("pict"): _picture,
        _w("bookmarkStart"): _bookmark_start,
        _w("bookmarkEnd"): _bookmark_end,
        _w("commentRangeStart"): _comment_mark,
        _w("commentRangeEnd"): _comment_mark,
        _w("commentReference"): _comment_mark,
        _w("ins"): _change,
        _w("del"): _change,
    }

    def _text(self, text: str, state: str, original: bool = True) -> None:
        """Count ``text``: visible unless deleted, in the exported paragraph unless inserted
        (or a paragraph end), and part of each open change of its kind."""
        if state != _DELETED:
            self.piece_offsets.append(self.offset)
            self.piece_texts.append(text)
        if original and self._paragraphs and state != _INSERTED and not self._inserting():
            self._paragraphs[-1].original.add(text)
        if state != _PLAIN:
            for _, change in self._open:
                if (change.kind == "insertion") == (state == _INSERTED):
                    change.text.append(text)
        self.offset += len(text)

    def _inserting(self) -> bool:
        """Inside an insertion: even text deleted again there was never exported."""
        return any(change.kind == "insertion" for _, change in self._open)

    def bookmark_spans(self) -> dict[str, tuple[int, int]]:
        return {name: (start, end) for name, (start, end) in self.spans.items() if end >= 0}

    def comment_range(self, comment_id: str) -> tuple[int, int]:
        """The commented text; a comment without a range sits at its reference mark."""
        reference = self.marks.get(("commentReference", comment_id), -1)
        start = self.marks.get(("commentRangeStart", comment_id), reference)
        end = self.marks.get(("commentRangeEnd", comment_id), start)
        return start, max(start, end)

    def visible_text(self, start: int, end: int) -> str:
        """The visible pieces starting in [start, end): found by bisection, not a scan."""
        if start < 0:
            return ""
        first = bisect.bisect_left(self.piece_offsets, start)
        last = bisect.bisect_left(self.piece_offsets, end, first)
        return "".join(self.piece_texts[first:last]).strip()

    def joined_changes(self) -> Iterator[_Change]:
        pending: _Change | None = None
        for change in self.changes:
            if not "".join(change.text).strip():
                continue
            if (
                pending is not None
                and (pending.kind, pending.author, pending.date)
                == (change.kind, change.author, change.date)
                and pending.end == change.start
            ):
                pending.text.extend(change.text)
                pending.end = change.end
                if pending.original is not change.original:
                    pending.original = None
                continue
            if pending is not None:
                yield pending
            pending = change
        if pending is not None:
            yield pending


@dataclass(frozen=True)
class _Comment:
    comment_id: str
    author: str
    date: datetime | None
    text: str
    parent_id: str | None


def _read_comments(package: DocxPackage) -> list[_Comment]:
    name = package.related(package.main, COMMENTS_REL)
    root = package.part(name) if name else None
    if root is None:
        return []
    by_paragraph: dict[str, str] = {}
    found = []
    for comment in root.iter(_w("comment")):
        comment_id = comment.get(_w("id"), "")
        paragraphs = comment.findall(_w("p"))
        for paragraph in paragraphs:
            para_id = paragraph.get(f"{{{W14}}}paraId")
            if para_id:
                by_paragraph[para_id] = comment_id
        text = "\n".join("".join(t.text or "" for t in p.iter(_w("t"))) for p in paragraphs)
        found.append((comment_id, comment.get(_w("author"), ""), comment.get(_w("date")), text))
    parents = _reply_parents(package, by_paragraph)
    return [
        _Comment(comment_id, author, _date(date), text.strip(), parents.get(comment_id))
        for comment_id, author, date, text in found
    ]


def _reply_parents(package: DocxPackage, by_paragraph: dict[str, str]) -> dict[str, str]:
    """comment id → id of the comment it replies to, from Word's ``commentsExtended.xml``."""
    name = package.related(package.main, COMMENTS_EXTENDED_REL)
    root = package.part(name) if name else None
    if root is None:
        return {}
    parents = {}
    for entry in root.iter(f"{{{W15}}}commentEx"):
        child = by_paragraph.get(entry.get(f"{{{W15}}}paraId", ""))
        parent = by_paragraph.get(entry.get(f"{{{W15}}}paraIdParent", ""))
        if child is not None and parent is not None and child != parent:
            parents[child] = parent
    return parents
