"""Drafts: refused input kept beside the last valid value, and reported as errors."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bulletin_studio.model import (
    Article,
    Colophon,
    FieldDraft,
    Issue,
    ListBlock,
    Numbering,
    Paragraph,
    Section,
    Snippet,
)
from bulletin_studio.model.drafts import (
    draft_error,
    draft_node,
    find_draft,
    with_draft,
    without_draft,
    without_orphan_drafts,
)
from bulletin_studio.model.problems import check_issue


def issue_with(*drafts: FieldDraft) -> Issue:
    return Issue(
        numbering=Numbering(year=2025, number=3, cumulative=21),
        sections=[
            Section(
                id="sec_a",
                title="栏目",
                items=[
                    Article(
                        id="art_a",
                        title="杭州会议",
                        blocks=[
                            Paragraph(id="p_a", text="正文"),
                            ListBlock(id="l_a", entries=[{"lead": "一", "text": "二"}]),
                        ],
                    )
                ],
            )
        ],
        colophon=Colophon(editor="林清", email="editor@example.org"),
        snippets=[Snippet(id="snip_a", name="常用", text="段落")],
        drafts=list(drafts),
    )


def test_a_draft_is_an_error_naming_field_node_and_the_models_message() -> None:
    issue = issue_with(
        FieldDraft(key="colophon", field="email", text="editor-at-example"),
        FieldDraft(key="p_a", field="text", text="见[会议](www.example.org)"),
    )
    drafts = [p for p in check_issue(issue) if p.severity == "error"]
    assert [(p.target_id, p.field) for p in drafts] == [("colophon", "电子邮箱"), ("p_a", "正文")]
    assert "电子邮箱“editor-at-example”无效" in drafts[0].message
    assert "链接“www.example.org”无效" in drafts[1].message
    assert issue.colophon.email == "editor@example.org", "the field keeps its valid value"


def test_a_list_draft_holds_the_rows_as_json() -> None:
    rows = [{"lead": "一", "text": "[链接](www.example.org)"}]
    draft = FieldDraft(key="l_a", field="entries", text=json.dumps(rows, ensure_ascii=False))
    assert "www.example.org" in (draft_error(issue_with(draft), draft) or "")


def test_a_draft_that_is_valid_or_has_no_node_is_not_reported() -> None:
    valid = FieldDraft(key="colophon", field="website", text="https://example.org")
    orphan = FieldDraft(key="p_gone", field="text", text="[x](www.example.org)")
    assert check_issue(issue_with(valid, orphan)) == check_issue(issue_with())


def test_drafts_are_replaced_not_duplicated_and_removed_on_demand() -> None:
    issue = with_draft(issue_with(), "colophon", "email", "a")
    issue = with_draft(issue, "colophon", "email", "ab")
    assert [d.text for d in issue.drafts] == ["ab"]
    assert with_draft(issue, "colophon", "email", "ab") is issue
    assert find_draft(issue, "colophon", "website") is None
    assert without_draft(issue, "colophon", "website") is issue
    assert without_draft(issue, "colophon", "email").drafts == []


def test_drafts_of_deleted_nodes_go_with_them() -> None:
    kept = FieldDraft(key="snip_a", field="text", text="[x](www.a.org)")
    gone = FieldDraft(key="p_gone", field="text", text="[x](www.b.org)")
    issue = issue_with(kept, gone)
    assert without_orphan_drafts(issue).drafts == [kept]
    assert without_orphan_drafts(without_orphan_drafts(issue)).drafts == [kept]


@pytest.mark.parametrize("key", ["masthead", "numbering", "colophon", "issue", "art_a", "snip_a"])
def test_every_kind_of_key_names_a_node(key: str) -> None:
    assert draft_node(issue_with(), key) is not None


@given(st.text(max_size=40))
def test_any_typed_link_is_either_a_valid_value_or_kept_verbatim(typed: str) -> None:
    """What the forms do with a keystroke: the value if the model takes it, else a draft."""
    issue = issue_with()
    message = draft_error(issue, FieldDraft(key="colophon", field="website", text=typed))
    if message is None:
        assert Colophon(website=typed).website == typed.strip()
    else:
        kept = with_draft(issue, "colophon", "website", typed)
        assert find_draft(kept, "colophon", "website").text == typed  # type: ignore[union-attr]
        assert kept.colophon.website is None
        assert any(p.target_id == "colophon" and p.field == "网站" for p in check_issue(kept))
