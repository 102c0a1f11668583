"""Problems an editor should fix, each pointing at the node (by id) and field it concerns.

Pydantic refuses what cannot be stored (a bad link, a duplicate id); these checks report
what can be stored but should not be printed as is (an empty title, a figure without image),
and the drafts: text the editor typed that a field refused, kept until it is fixed.
"""

from collections.abc import Iterator, Sequence
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from bulletin_studio.model.blocks import Figure, ListBlock, LogoStrip, Paragraph, Theme
from bulletin_studio.model.drafts import draft_error
from bulletin_studio.model.issue import Issue, Numbering
from bulletin_studio.model.items import Article, PartnerNews, Resource

Severity = Literal["error", "warning"]


class Problem(BaseModel):
    severity: Severity
    message: str
    target_id: str | None = None
    field: str = ""

    def __str__(self) -> str:
        where = f"[{self.target_id}] " if self.target_id else ""
        field = f"{self.field}：" if self.field else ""
        return f"{where}{field}{self.message}"


FIELD_NAMES = {
    "title": "标题",
    "text": "正文",
    "caption": "图注",
    "email": "电子邮箱",
    "website": "网站",
    "link": "链接",
    "url": "网址",
    "cumulative": "总期数",
    "number": "本年期数",
    "year": "年份",
    "image": "图片",
    "logos": "标志",
    "entries": "列表项",
    "items": "条目",
    "editor": "编辑",
    "numbering": "期号",
    "source_statement": "来源说明",
    "description": "简介",
    "attribution": "引语出处",
    "tagline": "标语",
}


def shorten(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, for messages and lists."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def place(issue: Issue, target_id: str | None) -> str:
    """Where a problem is, as the editor knows it: the item's (or section's) title."""
    if not target_id:
        return ""
    owner = issue.owner_item(target_id)
    node = owner if owner is not None else issue.find(target_id)
    title = shorten(getattr(node, "title", "")) if node is not None else ""
    return title or PLACE_NAMES.get(target_id, "（无标题）" if node is not None else target_id)


def describe(problem: Problem, issue: Issue) -> str:
    """One line for the editor: 「“标题” 字段：说明」, titles instead of ids."""
    where = place(issue, problem.target_id)
    field = f"{problem.field}：" if problem.field else ""
    return f"“{where}” {field}{problem.message}" if where else f"{field}{problem.message}"


TITLE_MAX_CHARS = 120
"""Beyond this a title is cut where space is one line or a few (TOC, bookmarks, banners)."""

PLACE_NAMES = {"masthead": "报头", "colophon": "版权页", "numbering": "期号"}


def check_issue(issue: Issue, previous: Numbering | None = None) -> list[Problem]:
    """All content problems of an issue, in reading order."""
    problems = list(_numbering_problems(issue.numbering, previous))
    problems.extend(_draft_problems(issue))
    if not issue.sections:
        problems.append(Problem(severity="error", message="本期还没有栏目"))
    for section in issue.sections:
        if not section.title:
            problems.append(_warn(section.id, "title", "栏目标题为空"))
        problems.extend(_long_title(section.id, section.title))
        if not section.items:
            problems.append(_warn(section.id, "items", f"栏目“{section.title}”没有条目"))
        for item in section.items:
            problems.extend(_item_problems(item))
    if not issue.colophon.editor:
        problems.append(_warn(None, "editor", "版权页缺少编辑姓名"))
    return problems


def _numbering_problems(numbering: Numbering, previous: Numbering | None) -> Iterator[Problem]:
    if previous is None:
        return
    if numbering.cumulative <= previous.cumulative:
        yield Problem(
            severity="error",
            field=FIELD_NAMES["cumulative"],
            message=(f"总第{numbering.cumulative}期不大于上一期的总第{previous.cumulative}期"),
        )
    if numbering.year < previous.year:
        yield Problem(
            severity="error",
            field=FIELD_NAMES["year"],
            message=f"年份 {numbering.year} 早于上一期的 {previous.year}",
        )


def _draft_problems(issue: Issue) -> Iterator[Problem]:
    """Each draft is an error: the field's value is not what the editor typed, and the export
    must not print the stale value as if it were."""
    for draft in issue.drafts:
        message = draft_error(issue, draft)
        if message is not None:
            yield Problem(
                severity="error",
                target_id=draft.key,
                field=FIELD_NAMES.get(draft.field, draft.field),
                message=message,
            )


def _warn(target_id: str | None, field: str, message: str) -> Problem:
    return Problem(
        severity="warning",
        target_id=target_id,
        field=FIELD_NAMES.get(field, field),
        message=message,
    )


def _long_title(target_id: str, title: str) -> Iterator[Problem]:
    if len(title) > TITLE_MAX_CHARS:
        yield _warn(
            target_id,
            "title",
            f"标题过长（{len(title)} 字）：目录、书签和栏目标题条中只显示前 {TITLE_MAX_CHARS} 字",
        )


def _item_problems(item: Article | PartnerNews | Resource) -> Iterator[Problem]:
    if not item.title:
        yield _warn(item.id, "title", "标题为空")
    yield from _long_title(item.id, item.title)
    if isinstance(item, Resource):
        if not item.link:
            yield _warn(item.id, "link", f"资源“{item.title}”没有链接")
        return
    if not item.blocks:
        yield _warn(item.id, "text", f"“{item.title}”还没有正文")
    for block in item.blocks:
        match block:
            case Paragraph() | Theme() if not block.text:
                yield _warn(block.id, "text", "段落为空")
            case Figure() if block.image is None:
                yield _warn(block.id, "image", "插图还没有选择图片")
            case Figure() | LogoStrip() if not block.caption:
                yield _warn(block.id, "caption", "缺少图注")
            case LogoStrip() if not block.logos:
                yield _warn(block.id, "logos", "标志栏没有标志")
            case ListBlock() if not block.entries:
                yield _warn(block.id, "entries", "列表为空")


def problems_from_validation(error: ValidationError, data: Any) -> list[Problem]:
    """Turn pydantic's errors on raw issue data into problems naming the node id and field."""
    problems = []
    for detail in error.errors():
        location = detail["loc"]
        message = str(detail["msg"]).removeprefix("Value error, ")
        problems.append(
            Problem(
                severity="error",
                message=message,
                target_id=_nearest_id(data, location),
                field=_field_label(location),
            )
        )
    return problems


def _nearest_id(data: Any, location: Sequence[int | str]) -> str | None:
    """Walk the raw data along the error's path and keep the last ``id`` seen."""
    found = None
    node = data
    for key in location:
        if isinstance(node, dict) and key == node.get("type"):
            continue  # the tag pydantic adds for the union member, not a key of the data
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            found = node["id"]
    return found


def _field_label(location: Sequence[int | str]) -> str:
    names = [str(part) for part in location if isinstance(part, str) and "-" not in str(part)]
    if not names:
        return ""
    return FIELD_NAMES.get(names[-1], ".".join(names))
