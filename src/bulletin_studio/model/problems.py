"""Problems an editor should fix, each pointing at the node (by id) and field it concerns.

Pydantic refuses what cannot be stored (a bad link, a duplicate id); these checks report
what can be stored but should not be printed as is (an empty title, a figure without image),
and the drafts: text the editor typed that a field refused, kept until it is fixed.
"""

from collections.abc import Iterator, Sequence
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from bulletin_studio.messages import QT_TRANSLATE_NOOP, Template
from bulletin_studio.model.blocks import Figure, ListBlock, LogoStrip, Paragraph, Theme
from bulletin_studio.model.drafts import draft_error
from bulletin_studio.model.issue import Issue, Numbering
from bulletin_studio.model.items import Article, PartnerNews, Resource
from bulletin_studio.model.validation import explain

Severity = Literal["error", "warning"]


class Problem(BaseModel):
    severity: Severity
    message: str
    target_id: str | None = None
    field: str = ""

    def __str__(self) -> str:
        where = f"[{self.target_id}] " if self.target_id else ""
        return where + self.text()

    def text(self) -> str:
        """The message with the field it concerns, as lists show it."""
        if not self.field:
            return self.message
        return _IN_FIELD.format(field=self.field, message=self.message)


_IN_FIELD = QT_TRANSLATE_NOOP("Problems", "{field}: {message}")
_AT_PLACE = QT_TRANSLATE_NOOP("Problems", "“{place}” {message}")

FIELD_NAMES: dict[str, Template] = {
    "title": QT_TRANSLATE_NOOP("Fields", "Title"),
    "text": QT_TRANSLATE_NOOP("Fields", "Text"),
    "caption": QT_TRANSLATE_NOOP("Fields", "Caption"),
    "email": QT_TRANSLATE_NOOP("Fields", "Email"),
    "website": QT_TRANSLATE_NOOP("Fields", "Website"),
    "link": QT_TRANSLATE_NOOP("Fields", "Link"),
    "url": QT_TRANSLATE_NOOP("Fields", "URL"),
    "cumulative": QT_TRANSLATE_NOOP("Fields", "Cumulative issue"),
    "number": QT_TRANSLATE_NOOP("Fields", "Issue in year"),
    "year": QT_TRANSLATE_NOOP("Fields", "Year"),
    "image": QT_TRANSLATE_NOOP("Fields", "Image"),
    "logos": QT_TRANSLATE_NOOP("Fields", "Logos"),
    "entries": QT_TRANSLATE_NOOP("Fields", "Entries"),
    "items": QT_TRANSLATE_NOOP("Fields", "Items"),
    "editor": QT_TRANSLATE_NOOP("Fields", "Editor"),
    "numbering": QT_TRANSLATE_NOOP("Fields", "Numbering"),
    "source_statement": QT_TRANSLATE_NOOP("Fields", "Source statement"),
    "description": QT_TRANSLATE_NOOP("Fields", "Description"),
    "attribution": QT_TRANSLATE_NOOP("Fields", "Attribution"),
    "tagline": QT_TRANSLATE_NOOP("Fields", "Tagline"),
}


def field_name(field: str) -> str:
    """The editor's name for a model field (the field's own name where there is none)."""
    template = FIELD_NAMES.get(field)
    return template.format() if template is not None else field


def shorten(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, for messages and lists."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


PLACE_NAMES: dict[str, Template] = {
    "masthead": QT_TRANSLATE_NOOP("Problems", "Masthead"),
    "colophon": QT_TRANSLATE_NOOP("Problems", "Colophon"),
    "numbering": QT_TRANSLATE_NOOP("Problems", "Numbering"),
}
_UNTITLED = QT_TRANSLATE_NOOP("Problems", "(untitled)")


def place(issue: Issue, target_id: str | None) -> str:
    """Where a problem is, as the editor knows it: the item's (or section's) title."""
    if not target_id:
        return ""
    owner = issue.owner_item(target_id)
    node = owner if owner is not None else issue.find(target_id)
    title = shorten(getattr(node, "title", "")) if node is not None else ""
    if title:
        return title
    if target_id in PLACE_NAMES:
        return PLACE_NAMES[target_id].format()
    return _UNTITLED.format() if node is not None else target_id


def describe(problem: Problem, issue: Issue) -> str:
    """One line for the editor: 「“标题” 字段：说明」, titles instead of ids."""
    where = place(issue, problem.target_id)
    return _AT_PLACE.format(place=where, message=problem.text()) if where else problem.text()


TITLE_MAX_CHARS = 120
"""Beyond this a title is cut where space is one line or a few (TOC, bookmarks, banners)."""


def check_issue(issue: Issue, previous: Numbering | None = None) -> list[Problem]:
    """All content problems of an issue, in reading order."""
    problems = list(_numbering_problems(issue.numbering, previous))
    problems.extend(_draft_problems(issue))
    if not issue.sections:
        problems.append(
            Problem(
                severity="error",
                message=QT_TRANSLATE_NOOP("Problems", "The issue has no sections yet").format(),
            )
        )
    for section in issue.sections:
        if not section.title:
            problems.append(
                _warn(
                    section.id,
                    "title",
                    QT_TRANSLATE_NOOP("Problems", "The section title is empty").format(),
                )
            )
        problems.extend(_long_title(section.id, section.title))
        if not section.items:
            problems.append(
                _warn(
                    section.id,
                    "items",
                    QT_TRANSLATE_NOOP("Problems", "Section “{title}” has no items").format(
                        title=section.title
                    ),
                )
            )
        for item in section.items:
            problems.extend(_item_problems(item))
    if not issue.colophon.editor:
        problems.append(
            _warn(
                None,
                "editor",
                QT_TRANSLATE_NOOP("Problems", "The colophon has no editor's name").format(),
            )
        )
    return problems


def _numbering_problems(numbering: Numbering, previous: Numbering | None) -> Iterator[Problem]:
    if previous is None:
        return
    if numbering.cumulative <= previous.cumulative:
        yield Problem(
            severity="error",
            field=field_name("cumulative"),
            message=QT_TRANSLATE_NOOP(
                "Problems",
                "Overall number {cumulative} does not follow the previous issue's {previous}",
            ).format(cumulative=numbering.cumulative, previous=previous.cumulative),
        )
    if numbering.year < previous.year:
        yield Problem(
            severity="error",
            field=field_name("year"),
            message=QT_TRANSLATE_NOOP(
                "Problems", "The year {year} is before the previous issue's {previous}"
            ).format(year=numbering.year, previous=previous.year),
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
                field=field_name(draft.field),
                message=message,
            )


def _warn(target_id: str | None, field: str, message: str) -> Problem:
    return Problem(
        severity="warning", target_id=target_id, field=field_name(field), message=message
    )


def _long_title(target_id: str, title: str) -> Iterator[Problem]:
    if len(title) > TITLE_MAX_CHARS:
        yield _warn(
            target_id,
            "title",
            QT_TRANSLATE_NOOP(
                "Problems",
                "The title is long ({length} characters): the table of contents, bookmarks and"
                " section banners show only its first {limit}",
            ).format(length=len(title), limit=TITLE_MAX_CHARS),
        )


_ITEM_MESSAGES = {
    "empty_title": QT_TRANSLATE_NOOP("Problems", "The title is empty"),
    "no_link": QT_TRANSLATE_NOOP("Problems", "Resource “{title}” has no link"),
    "no_text": QT_TRANSLATE_NOOP("Problems", "“{title}” has no text yet"),
    "empty_paragraph": QT_TRANSLATE_NOOP("Problems", "The paragraph is empty"),
    "no_image": QT_TRANSLATE_NOOP("Problems", "No image chosen for the figure yet"),
    "no_caption": QT_TRANSLATE_NOOP("Problems", "No caption"),
    "no_logos": QT_TRANSLATE_NOOP("Problems", "The logo strip has no logos"),
    "empty_list": QT_TRANSLATE_NOOP("Problems", "The list is empty"),
}


def _item_problems(item: Article | PartnerNews | Resource) -> Iterator[Problem]:
    said = _ITEM_MESSAGES
    if not item.title:
        yield _warn(item.id, "title", said["empty_title"].format())
    yield from _long_title(item.id, item.title)
    if isinstance(item, Resource):
        if not item.link:
            yield _warn(item.id, "link", said["no_link"].format(title=item.title))
        return
    if not item.blocks:
        yield _warn(item.id, "text", said["no_text"].format(title=item.title))
    for block in item.blocks:
        match block:
            case Paragraph() | Theme() if not block.text:
                yield _warn(block.id, "text", said["empty_paragraph"].format())
            case Figure() if block.image is None:
                yield _warn(block.id, "image", said["no_image"].format())
            case Figure() | LogoStrip() if not block.caption:
                yield _warn(block.id, "caption", said["no_caption"].format())
            case LogoStrip() if not block.logos:
                yield _warn(block.id, "logos", said["no_logos"].format())
            case ListBlock() if not block.entries:
                yield _warn(block.id, "entries", said["empty_list"].format())


def problems_from_validation(error: ValidationError, data: Any) -> list[Problem]:
    """Turn pydantic's errors on raw issue data into problems naming the node id and field."""
    problems = []
    for detail in error.errors():
        location = detail["loc"]
        problems.append(
            Problem(
                severity="error",
                message=explain(detail),
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
    return field_name(names[-1]) if names[-1] in FIELD_NAMES else ".".join(names)
