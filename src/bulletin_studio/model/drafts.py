"""Drafts: what the editor typed into a field that refused it, kept beside the valid value.

An edit either sets a field (and drops that field's draft) or, when the model refuses the value
(a link without ``https://``, an email without ``@``), keeps the typed text as the field's
draft. The field keeps its last valid value, so the preview still renders; the draft is saved
with the issue, shown in the form and reported by :func:`~bulletin_studio.model.problems.
check_issue` until it is fixed. Every function returns a new Issue and never mutates one, so
an undo snapshot covers drafts like any other edit.
"""

import json
from typing import Any

from pydantic import BaseModel, ValidationError

from bulletin_studio.messages import QT_TRANSLATE_NOOP
from bulletin_studio.model.issue import FieldDraft, Issue
from bulletin_studio.model.validation import explain

FIXED_PARTS = ("masthead", "numbering", "colophon")
ISSUE_KEY = "issue"
UNREADABLE_LIST = QT_TRANSLATE_NOOP("Drafts", "Cannot read the list “{text}”")


def model_message(error: ValidationError) -> str:
    """The first refusal, worded for the editor in the current language."""
    return explain(error.errors()[0])


def draft_node(issue: Issue, key: str) -> BaseModel | None:
    """The node a draft's key names: a fixed part, the issue, or a node or snippet id."""
    if key == ISSUE_KEY:
        return issue
    if key in FIXED_PARTS:
        return getattr(issue, key)  # type: ignore[no-any-return]
    return issue.find(key) or next((s for s in issue.snippets if s.id == key), None)


def find_draft(issue: Issue, key: str, field: str) -> FieldDraft | None:
    return next((d for d in issue.drafts if d.key == key and d.field == field), None)


def with_draft(issue: Issue, key: str, field: str, text: str) -> Issue:
    """The issue with ``text`` as the draft of ``field`` (the same Issue if it already is)."""
    existing = find_draft(issue, key, field)
    if existing is not None and existing.text == text:
        return issue
    draft = FieldDraft(key=key, field=field, text=text)
    if existing is None:
        drafts = [*issue.drafts, draft]
    else:
        drafts = [draft if d is existing else d for d in issue.drafts]
    return issue.model_copy(update={"drafts": drafts})


def without_draft(issue: Issue, key: str, field: str) -> Issue:
    """The issue without the draft of ``field`` (the same Issue if there is none)."""
    if find_draft(issue, key, field) is None:
        return issue
    drafts = [d for d in issue.drafts if not (d.key == key and d.field == field)]
    return issue.model_copy(update={"drafts": drafts})


def without_orphan_drafts(issue: Issue) -> Issue:
    """Drop the drafts of nodes that no longer exist (a draft goes with its deleted node)."""
    kept = [d for d in issue.drafts if draft_node(issue, d.key) is not None]
    if len(kept) == len(issue.drafts):
        return issue
    return issue.model_copy(update={"drafts": kept})


def draft_value(node: BaseModel, field: str, text: str) -> Any:
    """The value a draft stands for: its text, or for a list field the rows its JSON holds."""
    if isinstance(getattr(node, field, None), list):
        return json.loads(text)
    return text


def refusal(node: BaseModel, field: str, value: Any) -> str | None:
    """The model's message if ``field`` of ``node`` may not take ``value``; None if it may."""
    candidate = node.model_copy()
    try:
        setattr(candidate, field, value)
    except ValidationError as error:
        return model_message(error)
    return None


def draft_error(issue: Issue, draft: FieldDraft) -> str | None:
    """Why the draft cannot be the field's value yet (None if it now could, or has no node)."""
    node = draft_node(issue, draft.key)
    if node is None or draft.field not in type(node).model_fields:
        return None
    try:
        value = draft_value(node, draft.field, draft.text)
    except ValueError:
        return UNREADABLE_LIST.format(text=draft.text)
    return refusal(node, draft.field, value)
