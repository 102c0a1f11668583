"""Acceptance: the real published issue (../shared/reference), composed and exported."""

import pytest
from tests.export.pdf_reading import page_lines, reading_texts, toc_entries
from tests.reference_issue import REFERENCE_DIR, reference_document

from bulletin_studio.export.progress import drain
from bulletin_studio.model.problems import check_issue
from bulletin_studio.pipeline import Pipeline, Rendered
from bulletin_studio.render.fonts import FontResolver
from bulletin_studio.render.linebreak import NO_LINE_END, NO_LINE_START
from bulletin_studio.render.tree import RenderTree

pytestmark = pytest.mark.skipif(
    not REFERENCE_DIR.is_dir(), reason="../shared/reference is beside the clone in CI"
)


@pytest.fixture(scope="module")
def pdf() -> Rendered:
    """The print PDF as the app makes it, through the pipeline."""
    return drain(Pipeline(FontResolver()).render(reference_document()))


@pytest.fixture(scope="module")
def tree(pdf: Rendered) -> RenderTree:
    return pdf.checked.tree


def test_reference_issue_is_complete() -> None:
    document = reference_document()
    issue = document.issue
    assert [len(section.items) for section in issue.sections] == [1, 3, 4]
    assert [problem for problem in check_issue(issue) if problem.severity == "error"] == []
    first = issue.sections[0].items[0]
    assert [block.title for block in first.blocks if block.type == "theme"][:2] == [
        "可持续消费和生产全球对话",
        "运用数字标准和工具促进可持续消费和生产",
    ]
    assert issue.colophon.email == "wangj@mepcec.com"


def test_reference_issue_toc_pages_match(pdf: Rendered, tree: RenderTree) -> None:
    texts = reading_texts(pdf.data)
    entries = toc_entries(pdf.data)
    assert len(entries) == len(tree.toc) == 11
    for entry, (listed_title, listed_page) in zip(tree.toc, entries, strict=True):
        assert listed_title.endswith("".join(entry.text.split()))
        assert listed_page == pdf.result.anchor_pages[entry.anchor]
        heading = (
            next(
                text
                for text in (
                    "".join(node.plain.split())
                    for section in tree.sections
                    for item in section.items
                    if item.anchor == entry.anchor
                    for node in item.heading[-1:]
                )
            )
            if entry.level
            else "".join(entry.text.split())
        )
        assert heading in texts[listed_page - 1]


def test_reference_issue_lines_follow_chinese_rules(pdf: Rendered) -> None:
    lines = [line.text for line in page_lines(pdf.data) if len(line.text) > 1]
    assert [line for line in lines if line[0] in NO_LINE_START] == []
    assert [line for line in lines if line[-1] in NO_LINE_END] == []
    assert pdf.checked.errors == []  # every character has a glyph
