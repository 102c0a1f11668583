"""Refused content names the field (in Chinese) and the node id an editor must fix."""

from typing import Any

import pytest
from pydantic import ValidationError

from bulletin_studio.model import Colophon, Issue, Numbering, Paragraph, ReviewNote
from bulletin_studio.model.problems import Problem, check_issue, problems_from_validation

NUMBERING = {"year": 2024, "number": 1, "cumulative": 15}


def problems(data: dict[str, Any]) -> list[Problem]:
    with pytest.raises(ValidationError) as caught:
        Issue.model_validate(data)
    return problems_from_validation(caught.value, data)


def article(*blocks: dict[str, Any]) -> dict[str, Any]:
    return {
        "numbering": NUMBERING,
        "sections": [
            {"id": "sec_a", "items": [{"type": "article", "id": "art_a", "blocks": list(blocks)}]}
        ],
    }


def test_invalid_email_names_the_field() -> None:
    [problem] = problems({"numbering": NUMBERING, "colophon": {"email": "editor-at-example"}})
    assert problem.field == "电子邮箱"
    assert "editor-at-example" in problem.message


@pytest.mark.parametrize("url", ["ftp://files.org/a", "javascript:alert(1)", "www.example.org"])
def test_only_http_and_mailto_links(url: str) -> None:
    [problem] = problems({"numbering": NUMBERING, "colophon": {"website": url}})
    assert problem.field == "网站"
    assert f"链接“{url}”无效" in problem.message
    with pytest.raises(ValidationError, match="只接受以 http://、https:// 或 mailto: 开头"):
        Paragraph(text=f"[点此]({url})")


@pytest.mark.parametrize("url", ["https://www.unep.org/a?b=1", "http://x.cn", "mailto:a@b.org"])
def test_good_links_pass(url: str) -> None:
    assert Colophon(website=url).website == url
    assert Paragraph(text=f"[点此]({url})").text == f"[点此]({url})"


def test_link_without_host_is_explained() -> None:
    with pytest.raises(ValidationError, match="缺少网站地址"):
        Colophon(website="https://")


def test_duplicate_ids_name_the_id() -> None:
    data = article({"type": "paragraph", "id": "p_same"}, {"type": "quote", "id": "p_same"})
    [problem] = problems(data)
    assert problem.message == "编号“p_same”重复：每个栏目、条目和段落的编号必须唯一"


def test_cumulative_below_number_names_both_fields() -> None:
    [problem] = problems({"numbering": {"year": 2024, "number": 4, "cumulative": 3}})
    assert problem.message == "总期数（3）不能小于本年期数（4）"
    assert problem.field == "期号"
    with pytest.raises(ValidationError):
        Numbering(year=2024, number=4, cumulative=3)


def test_problem_points_at_the_block_id() -> None:
    data = article(
        {"type": "paragraph", "id": "p_fine", "text": "好"},
        {"type": "list", "id": "l_bad", "entries": [{"text": "[x](javascript:1)"}]},
    )
    [problem] = problems(data)
    assert (problem.target_id, problem.field) == ("l_bad", "正文")
    assert str(problem).startswith("[l_bad] 正文：链接“javascript:1”无效")


def test_problem_points_at_the_item_when_the_item_is_wrong() -> None:
    data = article()
    data["sections"][0]["items"][0]["title"] = 42
    [problem] = problems(data)
    assert problem.target_id == "art_a"


def test_unknown_keys_are_refused() -> None:
    [problem] = problems({"numbering": NUMBERING, "colophn": {}})
    assert "colophn" in problem.field


def test_check_issue_reports_empty_content_by_id() -> None:
    issue = Issue.model_validate(article({"type": "paragraph", "id": "p_empty"}))
    found = {(p.target_id, p.severity) for p in check_issue(issue)}
    assert ("p_empty", "warning") in found
    assert ("sec_a", "warning") in found  # section without title
    assert all(p.severity == "warning" for p in check_issue(issue))


def test_check_issue_compares_with_the_previous_numbering() -> None:
    issue = Issue(numbering=Numbering(year=2023, number=1, cumulative=15))
    previous = Numbering(year=2024, number=1, cumulative=15)
    messages = [p.message for p in check_issue(issue, previous) if p.severity == "error"]
    assert "总第15期不大于上一期的总第15期" in messages
    assert "年份 2023 早于上一期的 2024" in messages


def test_a_change_note_place_lies_in_its_paragraph() -> None:
    with pytest.raises(ValidationError, match="超出了所在段落"):
        ReviewNote(kind="insertion", text="新", paragraph="原文", offset=3)
    assert ReviewNote(kind="insertion", text="新", paragraph="原文", offset=2).offset == 2


def test_only_a_change_is_accepted_or_rejected() -> None:
    with pytest.raises(ValidationError, match="只有修订"):
        ReviewNote(kind="comment", text="请核实", decision="accepted")
