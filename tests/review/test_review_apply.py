"""Accepting and rejecting reviewers' tracked changes: made in the model's Markdown text, in
any order, and refused with a reason when the text changed after the export."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bulletin_studio import messages
from bulletin_studio.model import Issue, ListBlock, ListEntry, Paragraph, Quote, nodes
from bulletin_studio.render.compose import compose
from bulletin_studio.render.layout import load_layout
from bulletin_studio.review import merge_review, read_review
from bulletin_studio.review.apply import (
    ChangeRefused,
    accept_change,
    decide_all,
    reject_change,
)
from tests.review.sample_issue import review_issue
from tests.review.wordlike import track_edit
from tests.writing import write_docx


def apply_issue() -> Issue:
    """The review sample with marked-up text, a list and a quote in the first article."""
    issue = review_issue()
    article = issue.find("art_unea")
    blocks = [
        *article.blocks,
        Paragraph(id="p_rich", text="详见[官网](https://www.unep.org)，**循环经济**是重点。"),
        ListBlock(
            id="l_funds",
            entries=[ListEntry(lead="活动筹资", text="设计、策划相关活动或项目；")],
        ),
        Quote(id="q_voice", text="采购是政策工具。", attribution="王主任"),
    ]
    return nodes.replace_node(issue, "art_unea", article.model_copy(update={"blocks": blocks}))


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = compose(apply_issue(), load_layout("default"), {})
    out = tmp_path_factory.mktemp("apply") / "issue.docx"
    return write_docx(tree, out, datetime(2024, 3, 1, tzinfo=UTC)).path


def reviewed(exported: Path, tmp_path: Path, *edits: dict[str, str]) -> Issue:
    """The issue with the notes of a file carrying ``edits`` (``track_edit`` arguments)."""
    source = exported
    for number, edit in enumerate(edits):
        target = tmp_path / f"r{number}.docx"
        track_edit(source, target, author="赵审阅", **edit)
        source = target
    issue, _ = merge_review(apply_issue(), read_review(source), "r.docx")
    return issue


def change(issue: Issue, kind: str, text: str) -> str:
    return next(n.id for n in issue.notes if n.kind == kind and n.text == text)


REPLACE = {
    "bookmark": "p_body",
    "before": "可持续公共采购是",
    "deleted": "实现",
    "inserted": "推动",
}


@pytest.mark.parametrize("first", ["deletion", "insertion"])
def test_a_replacement_accepted_in_either_order(exported: Path, tmp_path: Path, first: str) -> None:
    issue = reviewed(exported, tmp_path, REPLACE)
    texts = {"deletion": "实现", "insertion": "推动"}
    second = "insertion" if first == "deletion" else "deletion"
    issue = accept_change(issue, change(issue, first, texts[first]))
    issue = accept_change(issue, change(issue, second, texts[second]))
    assert issue.find("p_body").text == "可持续公共采购是推动循环经济的关键。"
    assert {(n.kind, n.decision, n.resolved) for n in issue.notes} == {
        ("deletion", "accepted", True),
        ("insertion", "accepted", True),
    }


def test_rejecting_leaves_the_text_and_closes_the_note(exported: Path, tmp_path: Path) -> None:
    issue = reviewed(exported, tmp_path, REPLACE)
    after = reject_change(issue, change(issue, "insertion", "推动"))
    assert after.find("p_body").text == issue.find("p_body").text
    note = next(n for n in after.notes if n.kind == "insertion")
    assert (note.decision, note.resolved) == ("rejected", True)
    after = accept_change(after, change(after, "deletion", "实现"))
    assert after.find("p_body").text == "可持续公共采购是循环经济的关键。"


@pytest.mark.parametrize(
    ("edit", "block", "field", "result"),
    [
        (
            {"bookmark": "p_rich", "before": "详见官网，", "deleted": "循环"},
            "p_rich",
            "text",
            "详见[官网](https://www.unep.org)，**经济**是重点。",
        ),
        (
            {"bookmark": "p_rich", "before": "详见官网", "inserted": "（英文）"},
            "p_rich",
            "text",
            "详见[官网](https://www.unep.org)（英文），**循环经济**是重点。",
        ),
        (
            {"bookmark": "p_rich", "before": "循环经济", "inserted": "*"},
            "p_rich",
            "text",
            r"详见[官网](https://www.unep.org)，**循环经济\***是重点。",
        ),
        (
            {"bookmark": "th_policy", "before": "主题1：政策框架", "inserted": "（草案）"},
            "th_policy",
            "title",
            "政策框架（草案）",
        ),
        (
            {"bookmark": "l_funds", "before": "设计、", "deleted": "策划"},
            "l_funds",
            "entries",
            [ListEntry(lead="活动筹资", text="设计、相关活动或项目；")],
        ),
        (
            {"bookmark": "l_funds", "before": "活动", "inserted": "与"},
            "l_funds",
            "entries",
            [ListEntry(lead="活动与筹资", text="设计、策划相关活动或项目；")],
        ),
        (
            {"bookmark": "q_voice", "before": "采购是", "inserted": "重要的"},
            "q_voice",
            "text",
            "采购是重要的政策工具。",
        ),
        (
            {"bookmark": "art_unea", "before": "公共采购", "inserted": "如何"},
            "art_unea",
            "title",
            "公共采购如何为实现可持续和循环转型采取实际行动",
        ),
    ],
    ids=[
        "inside-bold",
        "after-a-link",
        "a-star-typed-by-the-reviewer",
        "theme-title-after-its-number",
        "list-entry-text",
        "list-lead-term",
        "quote-before-its-attribution",
        "item-title",
    ],
)
def test_a_change_is_made_in_the_field_it_fell_in(
    exported: Path, tmp_path: Path, edit: dict[str, str], block: str, field: str, result: object
) -> None:
    issue = reviewed(exported, tmp_path, edit)
    (note,) = issue.notes
    assert note.target_id == block
    after = accept_change(issue, note.id)
    assert getattr(after.find(block), field) == result


def test_a_paragraph_edited_after_the_export_is_not_guessed_at(
    exported: Path, tmp_path: Path
) -> None:
    issue = reviewed(exported, tmp_path, REPLACE)
    paragraph = issue.find("p_body").model_copy(
        update={"text": "可持续公共采购是实现绿色经济的关键。"}
    )
    issue = nodes.replace_node(issue, "p_body", paragraph)
    with pytest.raises(ChangeRefused, match="已与审阅时不同") as refused:
        accept_change(issue, change(issue, "deletion", "实现"))
    assert "公共采购为实现可持续和循环转型采取实际行动" in refused.value.message
    assert "p_body" in refused.value.message


def test_accept_all_of_an_item_lists_what_it_could_not_make(exported: Path, tmp_path: Path) -> None:
    issue = reviewed(
        exported,
        tmp_path,
        REPLACE,
        {"bookmark": "p_lead", "before": "本次活动", "inserted": "重点"},
        {"bookmark": "q_voice", "before": "采购是", "deleted": "政策"},
    )
    quote = issue.find("q_voice").model_copy(update={"text": "采购是一种政策手段。"})
    issue = nodes.replace_node(issue, "q_voice", quote)
    result = decide_all(issue, "art_unea", accept=True)
    assert result.issue.find("p_body").text == "可持续公共采购是推动循环经济的关键。"
    assert result.issue.find("p_lead").text == "本次活动重点聚焦公共采购的转型作用。"
    assert len(result.made) == 3
    ((note, reason),) = result.refused
    assert note.text == "政策" and "已与审阅时不同" in reason
    rejected = decide_all(result.issue, "art_unea", accept=False)
    assert rejected.made == (note.id,) and rejected.issue.find("q_voice") == quote


def test_a_note_imported_before_positions_were_kept_is_made_by_hand(
    exported: Path, tmp_path: Path
) -> None:
    issue = reviewed(exported, tmp_path, REPLACE)
    notes = [n.model_copy(update={"paragraph": "", "offset": None}) for n in issue.notes]
    issue = issue.model_copy(update={"notes": notes})
    with pytest.raises(ChangeRefused, match="没有记下位置"):
        accept_change(issue, notes[0].id)
    assert reject_change(issue, notes[0].id).notes[0].decision == "rejected"


def test_a_decided_change_is_not_made_twice(exported: Path, tmp_path: Path) -> None:
    issue = reviewed(exported, tmp_path, REPLACE)
    note = change(issue, "deletion", "实现")
    issue = accept_change(issue, note)
    with pytest.raises(ChangeRefused, match="已经接受过了"):
        accept_change(issue, note)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "Paragraph p_body of “公共采购为实现可持续和循环转型采取实际行动”: this change has"
            " already been accepted",
        ),
        (
            "zh_CN",
            "“公共采购为实现可持续和循环转型采取实际行动”的段落 p_body：这处修订已经接受过了",
        ),
    ],
)
def test_a_refused_change_speaks_the_ui_language(
    exported: Path, tmp_path: Path, language: str, expected: str
) -> None:
    issue = reviewed(exported, tmp_path, REPLACE)
    note = change(issue, "deletion", "实现")
    issue = accept_change(issue, note)
    messages.use_language(language)
    with pytest.raises(ChangeRefused) as caught:
        accept_change(issue, note)
    assert str(caught.value) == expected
