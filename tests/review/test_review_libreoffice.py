"""Round trips through a real word processor: the reviewed file is opened and saved again by
LibreOffice (which rewrites every part), then imported. One conversion per scenario."""

from pathlib import Path

import pytest

from bulletin_studio.review import ReviewReport, merge_review, read_review
from bulletin_studio.review.apply import decide_all
from tests.conftest import Convert
from tests.review.sample_issue import review_issue
from tests.review.wordlike import add_comments, add_reply, track_changes, track_edit

pytestmark = pytest.mark.slow

COMMENTS = [
    ("art_unea", "标题请再斟酌", "李审阅"),
    ("th_policy", "主题名称太长", "王审阅"),
    ("pn_unep", "链接是否有效？", "陈审阅"),
    ("res_guide", "指南有新版本", "李审阅"),
]


@pytest.fixture(scope="module")
def commented(
    exported_docx: Path, libreoffice: Convert, tmp_path_factory: pytest.TempPathFactory
) -> ReviewReport:
    folder = tmp_path_factory.mktemp("commented")
    add_comments(exported_docx, folder / "c.docx", COMMENTS)
    add_reply(folder / "c.docx", folder / "reviewed.docx", 0, "同意修改", "张编辑")
    return read_review(libreoffice(folder / "reviewed.docx", "docx"))


@pytest.fixture(scope="module")
def tracked(
    exported_docx: Path, libreoffice: Convert, tmp_path_factory: pytest.TempPathFactory
) -> tuple[ReviewReport, str]:
    folder = tmp_path_factory.mktemp("tracked")
    deleted = track_changes(
        exported_docx,
        folder / "tracked.docx",
        insert_into="p_body",
        inserted="（据2023年统计）",
        delete_from="p_unep",
        author="赵审阅",
    )
    return read_review(libreoffice(folder / "tracked.docx", "docx")), deleted


def test_each_comment_comes_back_on_its_item(commented: ReviewReport) -> None:
    found = {(c.target, c.text, c.author) for c in commented.comments}
    assert {(target, text, author) for target, text, author in COMMENTS} <= found


def test_the_commented_text_comes_back_as_quoted(commented: ReviewReport) -> None:
    comment = next(c for c in commented.comments if c.text == "主题名称太长")
    assert comment.quoted == "主题1：政策框架"


def test_a_reply_survives_as_a_comment_on_the_same_item(commented: ReviewReport) -> None:
    """LibreOffice 7.4 drops the thread (no commentsExtended.xml) but keeps the reply itself."""
    reply = next(c for c in commented.comments if c.text == "同意修改")
    assert (reply.author, reply.target) == ("张编辑", "art_unea")


def test_tracked_changes_come_back_on_their_blocks(tracked: tuple[ReviewReport, str]) -> None:
    report, deleted = tracked
    changes = {(c.kind, c.text, c.target, c.author) for c in report.changes}
    assert changes == {
        ("insertion", "（据2023年统计）", "p_body", "赵审阅"),
        ("deletion", deleted, "p_unep", "赵审阅"),
    }


def test_merged_notes_of_a_libreoffice_file(commented: ReviewReport) -> None:
    issue, summary = merge_review(review_issue(), commented, "reviewed.docx")
    assert {note.target_id for note in summary.added} >= {
        "art_unea",
        "th_policy",
        "pn_unep",
        "res_guide",
    }
    again, repeat = merge_review(issue, commented, "reviewed.docx")
    assert repeat.added == () and again.notes == issue.notes


@pytest.fixture(scope="module")
def edited(
    exported_docx: Path, libreoffice: Convert, tmp_path_factory: pytest.TempPathFactory
) -> ReviewReport:
    """A replacement inside a paragraph and an insertion after a theme's number, saved
    again by LibreOffice."""
    folder = tmp_path_factory.mktemp("edited")
    track_edit(
        exported_docx,
        folder / "a.docx",
        bookmark="p_body",
        before="可持续公共采购是",
        deleted="实现",
        inserted="推动",
        author="赵审阅",
    )
    track_edit(
        folder / "a.docx",
        folder / "b.docx",
        bookmark="th_policy",
        before="主题1：政策",
        inserted="与法规",
        author="钱审阅",
    )
    return read_review(libreoffice(folder / "b.docx", "docx"))


def test_changes_saved_by_libreoffice_are_made_in_the_text(edited: ReviewReport) -> None:
    issue, _ = merge_review(review_issue(), edited, "reviewed.docx")
    decided = decide_all(issue, "art_unea", accept=True)
    assert decided.refused == ()
    assert decided.issue.find("p_body").text == "可持续公共采购是推动循环经济的关键。"
    assert decided.issue.find("th_policy").title == "政策与法规框架"
