"""Remarks become notes on the issue: placed, threaded, valid ids, never duplicated."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bulletin_studio import messages
from bulletin_studio.model import Issue
from bulletin_studio.review import MergeSummary, Remark, ReviewError, ReviewReport, merge_review
from bulletin_studio.review.merge import MAX_REMARK_CHARS
from tests.review.sample_issue import review_issue

WHEN = datetime(2024, 3, 5, 10, tzinfo=UTC)


def _report(*remarks: Remark) -> ReviewReport:
    return ReviewReport(
        path=Path("reviewed.docx"),
        remarks=remarks,
        bookmarks=frozenset({"sec_network", "art_unea", "p_body"}),
    )


def _comment(
    text: str, anchors: tuple[str, ...], comment_id: str, parent: str | None = None
) -> Remark:
    return Remark(
        kind="comment",
        author="李审阅",
        date=WHEN,
        text=text,
        quoted="原文",
        anchors=anchors,
        comment_id=comment_id,
        parent_comment_id=parent,
    )


REPORT = _report(
    _comment("请补充来源", ("p_body", "art_unea", "sec_network"), "0"),
    _comment("已补充", ("p_body", "art_unea", "sec_network"), "1", parent="0"),
    _comment("刊名太大", (), "2"),
    Remark(
        kind="deletion",
        author="赵审阅",
        date=WHEN,
        text="多余",
        quoted="",
        anchors=("p_gone", "art_unea", "sec_network"),
    ),
)


@pytest.fixture
def merged() -> tuple[Issue, MergeSummary]:
    return merge_review(review_issue(), REPORT, "reviewed.docx")


def test_notes_are_placed_threaded_and_valid(merged: tuple[Issue, MergeSummary]) -> None:
    issue, summary = merged
    first, reply, masthead, deletion = issue.notes
    assert (first.kind, first.target_id, first.text, first.resolved) == (
        "comment",
        "p_body",
        "请补充来源",
        False,
    )
    assert reply.parent_id == first.id and reply.target_id == "p_body"
    assert masthead.target_id is None
    assert deletion.kind == "deletion"
    assert summary.unplaced == (masthead,)
    Issue.model_validate(issue.model_dump())  # every id a valid StableId, every note valid


def test_a_block_gone_from_the_issue_falls_back_to_its_item(
    merged: tuple[Issue, MergeSummary],
) -> None:
    issue, _ = merged
    assert issue.notes[3].target_id == "art_unea"


def test_importing_the_same_file_again_adds_nothing(merged: tuple[Issue, MergeSummary]) -> None:
    issue, _ = merged
    again, summary = merge_review(issue, REPORT, "copy of reviewed.docx")
    assert again.notes == issue.notes
    assert summary.added == () and summary.duplicates == 4


def test_a_reply_to_a_known_comment_attaches_to_its_note(
    merged: tuple[Issue, MergeSummary],
) -> None:
    issue, _ = merged
    later = _report(
        _comment("请补充来源", ("p_body", "art_unea", "sec_network"), "7"),
        _comment("来源已核实", ("p_body", "art_unea", "sec_network"), "8", parent="7"),
    )
    updated, summary = merge_review(issue, later, "second round.docx")
    (note,) = summary.added
    assert note.parent_id == issue.notes[0].id
    assert len(updated.notes) == 5


def test_the_input_issue_is_left_unchanged(merged: tuple[Issue, MergeSummary]) -> None:
    original = review_issue()
    merge_review(original, REPORT, "reviewed.docx")
    assert original.notes == []


def test_a_file_of_another_issue_is_refused() -> None:
    other = ReviewReport(path=Path("old.docx"), remarks=(), bookmarks=frozenset({"art_old"}))
    with pytest.raises(ReviewError, match="另一期"):
        merge_review(review_issue(), other, "old.docx")


def test_a_clipped_comment_says_so_in_english() -> None:
    """The note added to a too-long remark is written in the UI's language at import."""
    long_text = "意" * (MAX_REMARK_CHARS + 5)
    messages.use_language("en")
    _, summary = merge_review(
        review_issue(), _report(_comment(long_text, ("p_body",), "0")), "reviewed.docx"
    )
    [note] = summary.added
    assert note.text == "意" * MAX_REMARK_CHARS + (
        f"… (the comment is too long, {MAX_REMARK_CHARS + 5} characters: only the first"
        f" {MAX_REMARK_CHARS} are kept; the whole text is in reviewed.docx)"
    )
