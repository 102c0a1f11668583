"""Immutable-style edits of an Issue, addressed by node key.

A key is a section/item/block/snippet id, or one of the fixed parts ``masthead``,
``numbering``, ``colophon`` and ``issue``; ``snippets`` is the parent key of the snippets.
Every function returns a new Issue and shares the untouched parts with the old one, so an
undo snapshot is just a reference to the previous Issue.
Nothing here imports Qt: the editor and the tests use the same operations.
"""

from typing import Any

from pydantic import BaseModel

from bulletin_studio.model import Issue, Section, new_id
from bulletin_studio.model.items import Article, PartnerNews, Resource

ItemModel = Article | PartnerNews | Resource
FIXED_KEYS = ("masthead", "numbering", "colophon")
ISSUE_KEY = "issue"
SNIPPETS_KEY = "snippets"
FIXED_ROWS = ("masthead", "colophon", SNIPPETS_KEY)  # outline rows that never move or go away


def get_node(issue: Issue, key: str) -> BaseModel | None:
    if key == ISSUE_KEY:
        return issue
    if key in FIXED_KEYS:
        return getattr(issue, key)
    return issue.find(key) or next((s for s in issue.snippets if s.id == key), None)


def locate(issue: Issue, key: str) -> tuple[str, int] | None:
    """(parent key, index): sections sit in ``issue``, items in a section, blocks in an item,
    snippets in ``snippets``."""
    for s_index, section in enumerate(issue.sections):
        if section.id == key:
            return ISSUE_KEY, s_index
        for i_index, item in enumerate(section.items):
            if item.id == key:
                return section.id, i_index
            for b_index, block in enumerate(getattr(item, "blocks", [])):
                if block.id == key:
                    return item.id, b_index
    for index, snippet in enumerate(issue.snippets):
        if snippet.id == key:
            return SNIPPETS_KEY, index
    return None


def children(issue: Issue, parent_key: str) -> list[Any]:
    """The list a parent holds: sections of the issue, items of a section, blocks of an item."""
    if parent_key == ISSUE_KEY:
        return list(issue.sections)
    if parent_key == SNIPPETS_KEY:
        return list(issue.snippets)
    parent = issue.find(parent_key)
    if isinstance(parent, Section):
        return list(parent.items)
    if parent is not None and hasattr(parent, "blocks"):
        return list(parent.blocks)
    raise KeyError(parent_key)


def _with_children(issue: Issue, parent_key: str, new_children: list[Any]) -> Issue:
    if parent_key == ISSUE_KEY:
        return issue.model_copy(update={"sections": new_children})
    if parent_key == SNIPPETS_KEY:
        return issue.model_copy(update={"snippets": new_children})
    parent = issue.find(parent_key)
    field = "items" if isinstance(parent, Section) else "blocks"
    assert parent is not None
    return replace_node(issue, parent_key, parent.model_copy(update={field: new_children}))


def replace_node(issue: Issue, key: str, new: Any) -> Issue:
    """The issue with the node ``key`` swapped for ``new`` (already validated by the caller)."""
    if key == ISSUE_KEY:
        return new
    if key in FIXED_KEYS:
        return issue.model_copy(update={key: new})
    where = locate(issue, key)
    if where is None:
        raise KeyError(key)
    parent_key, index = where
    siblings = children(issue, parent_key)
    siblings[index] = new
    return _with_children(issue, parent_key, siblings)


def insert_node(issue: Issue, parent_key: str, index: int, node: Any) -> Issue:
    siblings = children(issue, parent_key)
    index = max(0, min(index, len(siblings)))
    siblings.insert(index, node)
    return _with_children(issue, parent_key, siblings)


def remove_node(issue: Issue, key: str) -> Issue:
    where = locate(issue, key)
    if where is None:
        raise KeyError(key)
    parent_key, index = where
    siblings = children(issue, parent_key)
    del siblings[index]
    return _with_children(issue, parent_key, siblings)


def move_node(issue: Issue, key: str, new_parent: str, index: int) -> Issue:
    """Move a node to ``index`` of ``new_parent`` (index counted before the node is taken out)."""
    where = locate(issue, key)
    if where is None:
        raise KeyError(key)
    old_parent, old_index = where
    node = get_node(issue, key)
    if old_parent == new_parent and index > old_index:
        index -= 1
    return insert_node(remove_node(issue, key), new_parent, index, node)


def with_fresh_ids(node: BaseModel) -> BaseModel:
    """A copy of a node and everything under it with new ids (duplicates must not share ids)."""
    data = node.model_dump()
    _renew(data)
    return type(node).model_validate(data)


def _renew(data: Any) -> None:
    if isinstance(data, dict):
        if isinstance(data.get("id"), str):
            data["id"] = new_id(data["id"].split("_", 1)[0])
        for value in data.values():
            _renew(value)
    elif isinstance(data, list):
        for value in data:
            _renew(value)
