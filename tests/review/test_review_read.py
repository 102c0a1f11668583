"""Reading comments, replies and tracked changes from a DOCX edited the way Word edits it."""

from pathlib import Path

import pytest

from bulletin_studio.review import ReviewReport, read_review
from tests.review.wordlike import add_comments, add_reply, track_changes


@pytest.fixture(scope="module")
def reviewed(
    exported_docx: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[ReviewReport, str]:
    folder = tmp_path_factory.mktemp("reviewed")
    add_comments(
        exported_docx,
        folder / "c.docx",
        [
            ("art_unea", "标题请再斟酌", "李审阅"),
            ("p_body", "请补充数据来源", "王审阅"),
            ("th_policy", "主题名称太长", "李审阅"),
            ("pn_unep", "链接是否有效？", "王审阅"),
        ],
    )
    add_reply(folder / "c.docx", folder / "r.docx", 1, "已补充", "张编辑")
    deleted = track_changes(
        folder / "r.docx",
        folder / "t.docx",
        insert_into="p_lead",
        inserted="（第二次会议）",
        delete_from="p_china",
        author="赵审阅",
    )
    return read_review(folder / "t.docx"), deleted


def test_each_comment_lands_on_the_innermost_block_or_item(
    reviewed: tuple[ReviewReport, str],
) -> None:
    report, _ = reviewed
    placed = {(c.text, c.author, c.target) for c in report.comments}
    assert {
        ("标题请再斟酌", "李审阅", "art_unea"),
        ("请补充数据来源", "王审阅", "p_body"),
        ("主题名称太长", "李审阅", "th_policy"),
        ("链接是否有效？", "王审阅", "pn_unep"),
    } <= placed


def test_enclosing_anchors_run_from_block_to_section(reviewed: tuple[ReviewReport, str]) -> None:
    report, _ = reviewed
    comment = next(c for c in report.comments if c.text == "请补充数据来源")
    assert comment.anchors == ("p_body", "art_unea", "sec_network")
    assert comment.quoted == "可持续公共采购是实现循环经济的关键。"


def test_reply_is_threaded_to_its_parent(reviewed: tuple[ReviewReport, str]) -> None:
    report, _ = reviewed
    reply = next(c for c in report.comments if c.text == "已补充")
    parent = next(c for c in report.comments if c.comment_id == reply.parent_comment_id)
    assert (parent.text, reply.author, reply.target) == ("请补充数据来源", "张编辑", "p_body")


def test_tracked_insertion_and_deletion_on_their_blocks(reviewed: tuple[ReviewReport, str]) -> None:
    report, deleted = reviewed
    changes = {(c.kind, c.text, c.target, c.author) for c in report.changes}
    assert changes == {
        ("insertion", "（第二次会议）", "p_lead", "赵审阅"),
        ("deletion", deleted, "p_china", "赵审阅"),
    }
    insertion = next(c for c in report.changes if c.kind == "insertion")
    assert insertion.date is not None and insertion.date.year == 2024


def test_comment_on_the_masthead_is_returned_unplaced(exported_docx: Path, tmp_path: Path) -> None:
    from docx import Document

    doc = Document(str(exported_docx))
    masthead = doc.tables[0].cell(0, 0)  # the band across the page holds the masthead
    doc.add_comment(masthead.paragraphs[1].runs, text="刊名字号太大", author="李审阅")
    doc.save(str(tmp_path / "m.docx"))
    report = read_review(tmp_path / "m.docx")
    (comment,) = report.comments
    assert comment.target is None and comment.quoted == "可持续公共采购计划简报"
    assert report.unplaced == (comment,)


def test_an_unreviewed_export_has_no_remarks_but_all_anchors(exported_docx: Path) -> None:
    report = read_review(exported_docx)
    assert report.remarks == ()
    assert {
        "sec_network",
        "art_unea",
        "p_lead",
        "th_policy",
        "pn_unep",
        "res_guide",
    } <= report.bookmarks
