"""Where a tracked change happens: its paragraph as exported and the offset in it, which
accepting the change needs; and the bookmarks around each remark, found in one sweep."""

import copy
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from bulletin_studio.render.compose import compose
from bulletin_studio.render.layout import load_layout
from bulletin_studio.review import read_review
from bulletin_studio.review.reader import _enclosing
from bulletin_studio.storage import Document
from tests.review.wordlike import NS, W, track_edit
from tests.writing import write_docx

BODY = "可持续公共采购是实现循环经济的关键。"


def test_a_replacement_is_a_deletion_and_an_insertion_at_one_place(
    exported_docx: Path, tmp_path: Path
) -> None:
    reviewed = tmp_path / "r.docx"
    track_edit(
        exported_docx,
        reviewed,
        bookmark="p_body",
        before="可持续公共采购是",
        deleted="实现",
        inserted="推动",
        author="赵审阅",
    )
    deletion, insertion = read_review(reviewed).changes
    assert (deletion.kind, deletion.text, deletion.target) == ("deletion", "实现", "p_body")
    assert (insertion.kind, insertion.text) == ("insertion", "推动")
    assert deletion.paragraph == insertion.paragraph == BODY
    assert deletion.offset == BODY.index("实现")
    assert insertion.offset == BODY.index("实现") + 2


def test_two_changes_in_one_paragraph_share_the_exported_text(
    exported_docx: Path, tmp_path: Path
) -> None:
    track_edit(
        exported_docx,
        tmp_path / "a.docx",
        bookmark="p_body",
        before="",
        inserted="目前，",
        author="甲",
    )
    track_edit(
        tmp_path / "a.docx",
        tmp_path / "b.docx",
        bookmark="p_body",
        before="循环经济",
        deleted="的关键",
        author="乙",
    )
    first, second = read_review(tmp_path / "b.docx").changes
    assert (first.text, first.offset, first.paragraph) == ("目前，", 0, BODY)
    assert (second.text, second.offset, second.paragraph) == ("的关键", BODY.index("的关键"), BODY)


def _split_paragraph_with_inserted_mark(source: Path, out: Path, bookmark: str, at: int) -> None:
    """What Word writes when a reviewer presses Enter inside a paragraph with changes
    tracked: two paragraphs, the first one's mark inserted."""
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    document = etree.fromstring(parts["word/document.xml"])
    mark = document.xpath("//w:bookmarkStart[@w:name=$n]", namespaces=NS, n=bookmark)[0]
    paragraph = mark.getparent()
    second = copy.deepcopy(paragraph)
    for element in second.xpath("w:bookmarkStart", namespaces=NS):
        second.remove(element)
    for element in paragraph.xpath("w:bookmarkEnd", namespaces=NS):
        paragraph.remove(element)
    first_text = paragraph.xpath(".//w:t", namespaces=NS)[0]
    second_text = second.xpath(".//w:t", namespaces=NS)[0]
    first_text.text, second_text.text = first_text.text[:at], second_text.text[at:]
    properties = paragraph.find(f"{{{W}}}pPr")
    if properties is None:
        properties = etree.SubElement(paragraph, f"{{{W}}}pPr")
        paragraph.insert(0, properties)
    inserted = etree.SubElement(etree.SubElement(properties, f"{{{W}}}rPr"), f"{{{W}}}ins")
    inserted.set(f"{{{W}}}id", "990")
    inserted.set(f"{{{W}}}author", "甲")
    paragraph.addnext(second)
    parts["word/document.xml"] = etree.tostring(document, xml_declaration=True, encoding="UTF-8")
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_a_paragraph_split_by_the_reviewer_is_still_one_exported_paragraph(
    exported_docx: Path, tmp_path: Path
) -> None:
    _split_paragraph_with_inserted_mark(exported_docx, tmp_path / "s.docx", "p_body", 8)
    track_edit(
        tmp_path / "s.docx",
        tmp_path / "r.docx",
        bookmark="p_body",
        before="可持续",
        deleted="公共",
        author="乙",
    )
    (change,) = read_review(tmp_path / "r.docx").changes
    assert (change.paragraph, change.offset, change.target) == (BODY, 3, "p_body")


Span = tuple[int, int]
spans_strategy = st.dictionaries(
    st.from_regex(r"[a-z]{3}_[0-9]{1,3}", fullmatch=True),
    st.tuples(st.integers(0, 60), st.integers(0, 40)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=25,
)
ranges_strategy = st.lists(
    st.tuples(st.integers(0, 70), st.integers(0, 20)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=25,
)


@given(spans_strategy, ranges_strategy)
def test_the_sweep_finds_what_checking_every_bookmark_finds(
    spans: dict[str, Span], ranges: list[Span]
) -> None:
    order = {name: number for number, name in enumerate(spans)}

    def by_definition(start: int, end: int) -> tuple[str, ...]:
        """Innermost first; of two with one extent, the one opened later is inside."""
        around = [name for name, (first, last) in spans.items() if first <= start and end <= last]
        return tuple(
            sorted(around, key=lambda n: (spans[n][1] - spans[n][0], -spans[n][0], -order[n]))
        )

    assert _enclosing(spans, ranges) == [by_definition(start, end) for start, end in ranges]


def test_a_deleted_picture_is_a_remark_on_its_figure(
    small_document: Document, tmp_path: Path
) -> None:
    tree = compose(small_document.issue, load_layout("default"), small_document.assets)
    exported = write_docx(tree, tmp_path / "f.docx", datetime(2024, 3, 1, tzinfo=UTC)).path
    with zipfile.ZipFile(exported) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    document = etree.fromstring(parts["word/document.xml"])
    run = document.xpath("//w:r[w:drawing]", namespaces=NS)[0]
    deletion = etree.Element(f"{{{W}}}del")
    deletion.set(f"{{{W}}}author", "赵审阅")
    run.addprevious(deletion)
    deletion.append(run)
    parts["word/document.xml"] = etree.tostring(document)
    with zipfile.ZipFile(tmp_path / "r.docx", "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    (change,) = read_review(tmp_path / "r.docx").changes
    assert (change.kind, change.text, change.target) == ("deletion", "\ufffc", "f_cert")
