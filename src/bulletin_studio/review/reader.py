"""A reviewed DOCX → remarks, each placed inside the bookmarks (our stable ids) enclosing it.

Positions are character offsets in document order (deleted text counts, a paragraph end
counts one), so zero-width marks at one place compare equal whatever order a word processor
writes them in. Two things real files need, both seen in LibreOffice 7.4's DOCX output:

- a bookmark over several paragraphs comes back as an unterminated start plus a copy of the
  same name over the last paragraph, so a bookmark's extent is taken per *name*, from its
  first start to its last end;
- one tracked change is split into several ``w:ins``/``w:del`` elements (one per run), so
  adjacent changes of one kind, author and date are joined again.

Replies are threaded through ``commentsExtended.xml`` (``w15:paraIdParent``), as Word and WPS
write them. LibreOffice 7.4 writes no such part: a reply made there comes back as one more
comment on the same text, which is all the file says.
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from lxml import etree

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
            f"“{path.name}”不是本软件导出的简报（找不到条目书签），无法把评论对应到条目"
        )
    comments = _read_comments(package)
    remarks: list[tuple[int, Remark]] = []
    for comment in comments:
        start, end = scan.comment_range(comment.comment_id)
        remarks.append(
            (
                start,
                Remark(
                    kind="comment",
                    author=comment.author,
                    date=comment.date,
                    text=comment.text,
                    quoted=scan.visible_text(start, end),
                    anchors=_enclosing(spans, start, end),
                    comment_id=comment.comment_id,
                    parent_comment_id=comment.parent_id,
                ),
            )
        )
    for change in scan.joined_changes():
        remarks.append(
            (
                change.start,
                Remark(
                    kind=change.kind,
                    author=change.author,
                    date=_date(change.date),
                    text="".join(change.text),
                    quoted=scan.visible_text(change.start, change.end),
                    anchors=_enclosing(spans, change.start, change.end),
                ),
            )
        )
    remarks.sort(key=lambda pair: pair[0])
    return ReviewReport(
        path=path, remarks=tuple(remark for _, remark in remarks), bookmarks=frozenset(spans)
    )


def _enclosing(spans: dict[str, tuple[int, int]], start: int, end: int) -> tuple[str, ...]:
    """Bookmarks containing [start, end], innermost (shortest, then latest-starting) first."""
    around = [name for name, (first, last) in spans.items() if first <= start and end <= last]
    return tuple(
        sorted(around, key=lambda name: (spans[name][1] - spans[name][0], -spans[name][0]))
    )


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


@dataclass
class _Change:
    kind: RemarkKind
    author: str
    date: str | None
    start: int
    end: int = -1
    text: list[str] = field(default_factory=list)


@dataclass
class _Scan:
    """One pass over the body: text pieces with offsets, bookmarks, comment marks, changes.

    Our bookmarks always cover whole paragraphs, so each one is widened to the paragraphs
    holding its start and its end: text a reviewer adds at the very end of a paragraph
    (after the bookmark's end mark) still belongs to that block.
    """

    offset: int = 0
    pieces: list[tuple[int, str]] = field(default_factory=list)
    spans: dict[str, list[int]] = field(default_factory=dict)
    marks: dict[tuple[str, str], int] = field(default_factory=dict)
    changes: list[_Change] = field(default_factory=list)
    _names: dict[str, str] = field(default_factory=dict)
    _paragraphs: list[tuple[int, list[str]]] = field(default_factory=list)
    _open: list[tuple[etree._Element, _Change]] = field(default_factory=list)

    def walk(self, document: etree._Element) -> None:
        for event, element in etree.iterwalk(document, events=("start", "end")):
            tag = element.tag
            if event == "start":
                handler = self._HANDLERS.get(tag)
                if handler is not None:
                    handler(self, element)
            elif tag == _w("p"):
                self._end_paragraph()
            elif self._open and self._open[-1][0] is element:
                self._open.pop()[1].end = self.offset

    def _start_paragraph(self, _: etree._Element) -> None:
        self._paragraphs.append((self.offset, []))

    def _end_paragraph(self) -> None:
        _, ending = self._paragraphs.pop()
        for name in ending:
            self.spans[name][1] = max(self.spans[name][1], self.offset)
        self._text("\n", visible=True)

    def _visible(self, element: etree._Element) -> None:
        self._text(element.text or "", visible=True)

    def _deleted(self, element: etree._Element) -> None:
        self._text(element.text or "", visible=False)

    def _special(self, element: etree._Element) -> None:
        if element.getparent().tag == _w("r"):  # not a tab stop definition in w:tabs
            self._text("\t" if element.tag == _w("tab") else "\n", visible=True)

    def _picture(self, _: etree._Element) -> None:
        self._text("\ufffc", visible=False)

    def _bookmark_start(self, element: etree._Element) -> None:
        name = element.get(_w("name"), "")
        if _ANCHOR.fullmatch(name):
            self._names[element.get(_w("id"), "")] = name
            start = self._paragraphs[-1][0] if self._paragraphs else self.offset
            self.spans.setdefault(name, [start, -1])

    def _bookmark_end(self, element: etree._Element) -> None:
        name = self._names.get(element.get(_w("id"), ""))
        if name is None:
            return
        if self._paragraphs:
            self._paragraphs[-1][1].append(name)
        else:
            self.spans[name][1] = max(self.spans[name][1], self.offset)

    def _comment_mark(self, element: etree._Element) -> None:
        kind = etree.QName(element).localname
        self.marks[(kind, element.get(_w("id"), ""))] = self.offset

    def _change(self, element: etree._Element) -> None:
        if element.getparent().tag == _w("rPr"):  # a paragraph mark's revision: no text
            return
        change = _Change(
            kind=_CHANGES[element.tag],
            author=element.get(_w("author"), ""),
            date=element.get(_w("date")),
            start=self.offset,
        )
        self.changes.append(change)
        self._open.append((element, change))

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

    def _text(self, text: str, *, visible: bool) -> None:
        if visible:
            self.pieces.append((self.offset, text))
        for _, change in self._open:
            if (change.kind == "insertion") == visible:
                change.text.append(text)
        self.offset += len(text)

    def bookmark_spans(self) -> dict[str, tuple[int, int]]:
        return {name: (start, end) for name, (start, end) in self.spans.items() if end >= 0}

    def comment_range(self, comment_id: str) -> tuple[int, int]:
        """The commented text; a comment without a range sits at its reference mark."""
        reference = self.marks.get(("commentReference", comment_id), -1)
        start = self.marks.get(("commentRangeStart", comment_id), reference)
        end = self.marks.get(("commentRangeEnd", comment_id), start)
        return start, max(start, end)

    def visible_text(self, start: int, end: int) -> str:
        if start < 0:
            return ""
        return "".join(text for offset, text in self.pieces if start <= offset < end).strip()

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
