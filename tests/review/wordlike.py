"""Edits a reviewer makes in Word, written into an exported DOCX the way Word writes them:
comments (python-docx), replies (``commentsExtended.xml``), tracked insertions and deletions."""

import copy
import zipfile
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.text.hyperlink import Hyperlink
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
NS = {"w": W, "w14": W14, "w15": W15}
EXTENDED_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"
)
EXTENDED_REL = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
DATE = "2024-03-05T10:00:00Z"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def add_comments(path: Path, out: Path, remarks: list[tuple[str, str, str]]) -> None:
    """(bookmark name, text, author): a comment over the first paragraph of each bookmark."""
    doc = Document(str(path))
    paragraphs = {
        start.get(_w("name")): paragraph
        for paragraph in doc.paragraphs
        for start in paragraph._p.iter(_w("bookmarkStart"))
    }
    for name, text, author in remarks:
        inner = paragraphs[name].iter_inner_content()
        runs = [
            run
            for part in inner
            for run in (part.runs if isinstance(part, Hyperlink) else [part])
            if run.text
        ]
        doc.add_comment(runs, text=text, author=author, initials=author[:1])
    doc.save(str(out))


def _rewrite(path: Path, out: Path, edit: Callable[[dict[str, bytes]], None]) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    edit(parts)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def add_reply(path: Path, out: Path, parent_index: int, text: str, author: str) -> None:
    """Word's way: a reply is a comment on the parent's range, linked by paragraph ids."""

    def edit(parts: dict[str, bytes]) -> None:
        comments = etree.fromstring(parts["word/comments.xml"])
        document = etree.fromstring(parts["word/document.xml"])
        existing = comments.findall("w:comment", NS)
        parent = existing[parent_index]
        reply_id = str(max(int(c.get(_w("id"))) for c in existing) + 1)
        reply = etree.SubElement(comments, _w("comment"))
        reply.set(_w("id"), reply_id)
        reply.set(_w("author"), author)
        reply.set(_w("date"), DATE)
        reply.set(_w("initials"), author[:1])
        etree.SubElement(
            etree.SubElement(etree.SubElement(reply, _w("p")), _w("r")), _w("t")
        ).text = text
        for number, comment in enumerate(comments.findall("w:comment", NS)):
            comment.find("w:p", NS).set(f"{{{W14}}}paraId", f"{number + 1:08X}")
        parent_id = parent.get(_w("id"))
        for kind in ("commentRangeStart", "commentRangeEnd"):
            mark = document.xpath(f"//w:{kind}[@w:id=$id]", namespaces=NS, id=parent_id)[0]
            twin = etree.Element(_w(kind))
            twin.set(_w("id"), reply_id)
            mark.addnext(twin)
        reference = document.xpath("//w:commentReference[@w:id=$id]", namespaces=NS, id=parent_id)[
            0
        ]
        run = etree.Element(_w("r"))
        etree.SubElement(run, _w("commentReference")).set(_w("id"), reply_id)
        reference.getparent().addnext(run)
        extended = etree.Element(f"{{{W15}}}commentsEx", nsmap={"w15": W15})
        for comment in comments.findall("w:comment", NS):
            entry = etree.SubElement(extended, f"{{{W15}}}commentEx")
            entry.set(f"{{{W15}}}paraId", comment.find("w:p", NS).get(f"{{{W14}}}paraId"))
            if comment is reply:
                entry.set(f"{{{W15}}}paraIdParent", parent.find("w:p", NS).get(f"{{{W14}}}paraId"))
            entry.set(f"{{{W15}}}done", "0")
        parts["word/comments.xml"] = etree.tostring(
            comments, xml_declaration=True, encoding="UTF-8"
        )
        parts["word/document.xml"] = etree.tostring(
            document, xml_declaration=True, encoding="UTF-8"
        )
        parts["word/commentsExtended.xml"] = etree.tostring(
            extended, xml_declaration=True, encoding="UTF-8"
        )
        rels = parts["word/_rels/document.xml.rels"].decode()
        parts["word/_rels/document.xml.rels"] = rels.replace(
            "</Relationships>",
            f'<Relationship Id="rIdExt1" Type="{EXTENDED_REL}" Target="commentsExtended.xml"/>'
            "</Relationships>",
        ).encode()
        types = parts["[Content_Types].xml"].decode()
        parts["[Content_Types].xml"] = types.replace(
            "</Types>",
            '<Override PartName="/word/commentsExtended.xml" '
            f'ContentType="{EXTENDED_TYPE}"/></Types>',
        ).encode()

    _rewrite(path, out, edit)


def track_changes(
    path: Path, out: Path, *, insert_into: str, inserted: str, delete_from: str, author: str
) -> str:
    """A tracked insertion at the end of one bookmark's first paragraph and the tracked
    deletion of the last run of another's; returns the deleted text."""
    deleted: list[str] = []

    def paragraph_of(document: etree._Element, name: str) -> etree._Element:
        start = document.xpath("//w:bookmarkStart[@w:name=$name]", namespaces=NS, name=name)[0]
        return start.getparent()

    def edit(parts: dict[str, bytes]) -> None:
        document = etree.fromstring(parts["word/document.xml"])
        insertion = etree.SubElement(paragraph_of(document, insert_into), _w("ins"))
        insertion.set(_w("id"), "901")
        insertion.set(_w("author"), author)
        insertion.set(_w("date"), DATE)
        etree.SubElement(etree.SubElement(insertion, _w("r")), _w("t")).text = inserted
        run = paragraph_of(document, delete_from).findall("w:r", NS)[-1]
        deletion = etree.Element(_w("del"))
        deletion.set(_w("id"), "902")
        deletion.set(_w("author"), author)
        deletion.set(_w("date"), DATE)
        run.addprevious(deletion)
        deletion.append(run)
        text = run.find("w:t", NS)
        text.tag = _w("delText")
        deleted.append(text.text)
        parts["word/document.xml"] = etree.tostring(
            document, xml_declaration=True, encoding="UTF-8"
        )

    _rewrite(path, out, edit)
    return deleted[0]


def track_edit(
    path: Path,
    out: Path,
    *,
    bookmark: str,
    before: str,
    deleted: str = "",
    inserted: str = "",
    author: str,
    date: str = DATE,
) -> None:
    """Where ``before + deleted`` first occurs from ``bookmark``'s start: the tracked deletion
    of ``deleted`` and the tracked insertion of ``inserted`` after it, as Word writes them
    (runs split at the edit, one ``w:del`` per run, the insertion in the formatting of the
    run before it)."""

    def edit(parts: dict[str, bytes]) -> None:
        document = etree.fromstring(parts["word/document.xml"])
        start_mark = document.xpath(
            "//w:bookmarkStart[@w:name=$name]", namespaces=NS, name=bookmark
        )[0]
        paragraphs = [start_mark.getparent(), *start_mark.getparent().itersiblings(_w("p"))]
        texts = ["".join(t.text or "" for t in p.iter(_w("t"))) for p in paragraphs]
        number = next(i for i, text in enumerate(texts) if before + deleted in text)
        paragraph, found = paragraphs[number], texts[number].find(before + deleted)
        start = found + len(before)
        end = start + len(deleted)
        _split_runs_at(paragraph, start)
        _split_runs_at(paragraph, end)
        next_id = 1 + max(
            (int(e.get(_w("id"))) for e in document.iter(_w("ins"), _w("del"))), default=900
        )
        offset, anchor_run = 0, None
        for run in _text_runs(paragraph):
            length = len(run.find("w:t", NS).text or "")
            if start <= offset and offset + length <= end and length:
                deletion = etree.Element(_w("del"))
                deletion.set(_w("id"), str(next_id))
                deletion.set(_w("author"), author)
                deletion.set(_w("date"), date)
                next_id += 1
                run.addprevious(deletion)
                deletion.append(run)
                run.find("w:t", NS).tag = _w("delText")
                anchor_run = deletion
            elif offset + length <= start:
                anchor_run = run
            offset += length
        if inserted:
            insertion = etree.Element(_w("ins"))
            insertion.set(_w("id"), str(next_id))
            insertion.set(_w("author"), author)
            insertion.set(_w("date"), date)
            run = etree.SubElement(insertion, _w("r"))
            model = anchor_run if anchor_run is None or anchor_run.tag == _w("r") else None
            if model is None and anchor_run is not None:
                model = anchor_run.find("w:r", NS)
            if model is not None and model.find("w:rPr", NS) is not None:
                run.append(copy.deepcopy(model.find("w:rPr", NS)))
            etree.SubElement(run, _w("t")).text = inserted
            run.find("w:t", NS).set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            if anchor_run is None:
                first = _text_runs(paragraph)[0]
                first.addprevious(insertion)
            else:
                anchor_run.addnext(insertion)
        parts["word/document.xml"] = etree.tostring(
            document, xml_declaration=True, encoding="UTF-8"
        )

    _rewrite(path, out, edit)


def _text_runs(paragraph: etree._Element) -> list[etree._Element]:
    """The runs holding visible text, in order (also those inside links)."""
    return [
        run
        for run in paragraph.iter(_w("r"))
        if run.find("w:t", NS) is not None and run.getparent().tag != _w("del")
    ]


def _split_runs_at(paragraph: etree._Element, position: int) -> None:
    """Make ``position`` (in the paragraph's visible text) fall between two runs."""
    offset = 0
    for run in _text_runs(paragraph):
        text_element = run.find("w:t", NS)
        text = text_element.text or ""
        if offset < position < offset + len(text):
            cut = position - offset
            tail = copy.deepcopy(run)
            text_element.text = text[:cut]
            tail.find("w:t", NS).text = text[cut:]
            for element in (text_element, tail.find("w:t", NS)):
                element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            run.addnext(tail)
            return
        offset += len(text)
