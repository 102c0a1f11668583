"""The issue: masthead, numbering, sections of items, colophon and reviewers' notes."""

import datetime as dt
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from bulletin_studio.errors import BulletinError
from bulletin_studio.messages import QT_TRANSLATE_NOOP
from bulletin_studio.model.blocks import Block, ImageRef, ModelBase
from bulletin_studio.model.fields import Email, PlainText, RichText, Url
from bulletin_studio.model.ids import StableId, new_id
from bulletin_studio.model.items import Item


class SectionKind(StrEnum):
    NETWORK_NEWS = "network_news"
    PROGRAMME_NEWS = "programme_news"
    PARTNER_NEWS = "partner_news"
    RESOURCES = "resources"
    CUSTOM = "custom"


DEFAULT_SECTION_TITLES: dict[SectionKind, str] = {
    SectionKind.NETWORK_NEWS: "同一个地球网络最新进展",
    SectionKind.PROGRAMME_NEWS: "可持续公共采购计划最新进展",
    SectionKind.PARTNER_NEWS: "合作伙伴最新进展",
    SectionKind.RESOURCES: "资源",
    SectionKind.CUSTOM: "新栏目",
}


FIRST_YEAR = 1990
LAST_YEAR = 2200
MAX_CUMULATIVE = 9999


class NumberingError(BulletinError):
    """The next issue's number would leave the range the model accepts."""


class Masthead(ModelBase):
    network_name: PlainText = "同一个地球网络"
    title: PlainText = "可持续公共采购计划简报"
    tagline: str = Field("One planet\nprocure with care", description="May span two lines")
    language: Literal["zh-CN", "zh-TW", "en"] = "zh-CN"


class Numbering(ModelBase):
    """「2024年第1期 总第15期」: number in the year and the cumulative number."""

    year: int = Field(ge=FIRST_YEAR, le=LAST_YEAR)
    number: int = Field(ge=1, le=99, description="Number within the year (第N期)")
    cumulative: int = Field(
        ge=1, le=MAX_CUMULATIVE, description="Number since the first issue (总第N期)"
    )
    date: dt.date | None = Field(None, description="Publication date")

    @model_validator(mode="after")
    def _cumulative_covers_year(self) -> "Numbering":
        if self.cumulative < self.number:
            raise ValueError(
                QT_TRANSLATE_NOOP(
                    "Numbering",
                    "The overall number ({cumulative}) cannot be less than the number in the"
                    " year ({number})",
                ).format(cumulative=self.cumulative, number=self.number)
            )
        return self

    def label(self) -> str:
        return f"{self.year}年第{self.number}期　总第{self.cumulative}期"

    def advanced(self, issues_per_year: int) -> "Numbering":
        """The numbering of the next issue: a new year restarts 第N期, 总第N期 always grows."""
        year, number = self.year, self.number + 1
        if number > issues_per_year:
            year, number = year + 1, 1
        if year > LAST_YEAR or self.cumulative >= MAX_CUMULATIVE:
            raise NumberingError(
                QT_TRANSLATE_NOOP(
                    "Numbering",
                    "No issue can follow {label} (the year goes up to {last_year}, the overall"
                    " number up to {max_cumulative})",
                ).format(label=self.label(), last_year=LAST_YEAR, max_cumulative=MAX_CUMULATIVE)
            )
        return Numbering(year=year, number=number, cumulative=self.cumulative + 1)


class Section(ModelBase):
    id: StableId = Field(default_factory=lambda: new_id("sec"))
    kind: SectionKind = SectionKind.CUSTOM
    title: PlainText = ""
    items: list[Item] = Field(default_factory=list)


class Colophon(ModelBase):
    source_statement: RichText = ""
    compiler: PlainText = ""
    editor: PlainText = ""
    email: Email | None = None
    website: Url | None = None


class ReviewNote(ModelBase):
    """A reviewer's comment or tracked change, brought back from a reviewed DOCX, or the
    editor's reply to one.

    A tracked change keeps the paragraph it was made in, as exported (deleted text in,
    inserted text out), and its place there: accepting it makes the same edit in the
    model's text if that paragraph is still there (``review.apply``).
    """

    id: StableId = Field(default_factory=lambda: new_id("note"))
    kind: Literal["comment", "insertion", "deletion"] = "comment"
    target_id: StableId | None = Field(None, description="Item or block the remark is on")
    author: str = ""
    date: dt.datetime | None = None
    text: str = ""
    quoted: str = Field("", description="The text the remark covers")
    parent_id: StableId | None = Field(None, description="The note this one replies to")
    origin: str = Field("", description="Fingerprint of the remark in its file, to skip repeats")
    resolved: bool = False
    paragraph: str = Field(
        "", description="A tracked change's paragraph as exported: deleted text in, inserted out"
    )
    offset: int | None = Field(
        None, ge=0, description="Where in the paragraph the change is (None: place unknown)"
    )
    decision: Literal["accepted", "rejected"] | None = Field(
        None, description="What the editor did with a tracked change"
    )

    @property
    def open_change(self) -> bool:
        """A tracked change neither accepted nor rejected yet."""
        return self.kind != "comment" and self.decision is None

    @model_validator(mode="after")
    def _offset_in_paragraph(self) -> "ReviewNote":
        if self.offset is not None and self.offset > len(self.paragraph):
            length = len(self.paragraph)
            raise ValueError(
                QT_TRANSLATE_NOOP(
                    "Review",
                    "The change at {offset} is beyond the end of its paragraph ({length}"
                    " characters)",
                ).format(offset=self.offset, length=length)
            )
        if self.decision is not None and self.kind == "comment":
            raise ValueError(
                QT_TRANSLATE_NOOP(
                    "Review",
                    "Only a tracked change (an insertion or deletion) is accepted or rejected",
                ).format()
            )
        return self


class Snippet(ModelBase):
    """Boilerplate the editor reuses across issues (e.g. the paragraph about the co-lead body)."""

    id: StableId = Field(default_factory=lambda: new_id("snip"))
    name: PlainText = ""
    text: RichText = ""


class FieldDraft(ModelBase):
    """What the editor typed into a field that refused it (a link without ``https://``, an
    email without ``@``): saved with the issue so typing is never lost, while the field itself
    keeps its last valid value (what the preview and the export use) until the draft is fixed."""

    key: StableId = Field(
        description="The node: masthead, numbering, colophon, issue, or a section/item/block/"
        "snippet id"
    )
    field: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]*$")]
    text: str = Field(description="Exactly what was typed (a list's rows as JSON)")


class Issue(ModelBase):
    masthead: Masthead = Field(default_factory=Masthead)
    numbering: Numbering
    issues_per_year: int = Field(4, ge=1, le=52, description="4 for a quarterly bulletin")
    sections: list[Section] = Field(default_factory=list)
    colophon: Colophon = Field(default_factory=Colophon)
    snippets: list[Snippet] = Field(default_factory=list)
    notes: list[ReviewNote] = Field(default_factory=list)
    drafts: list[FieldDraft] = Field(
        default_factory=list, description="Typed values the fields refused, kept to be fixed"
    )

    @model_validator(mode="after")
    def _ids_unique(self) -> "Issue":
        seen: set[str] = set()
        for node in self.walk():
            node_id = node.id
            if node_id in seen:
                raise ValueError(
                    QT_TRANSLATE_NOOP(
                        "Issue",
                        "The id “{id}” is used twice: every section, item and block needs its own",
                    ).format(id=node_id)
                )
            seen.add(node_id)
        return self

    def walk(self) -> Iterator[Section | Item | Block]:
        """Every node with an id, in reading order."""
        for section in self.sections:
            yield section
            for item in section.items:
                yield item
                yield from getattr(item, "blocks", [])

    def find(self, node_id: str) -> Section | Item | Block | None:
        return next((node for node in self.walk() if node.id == node_id), None)

    def owner_item(self, node_id: str) -> Item | None:
        """The item a node belongs to (the item itself, or the item holding a block)."""
        for section in self.sections:
            for item in section.items:
                if item.id == node_id or any(
                    block.id == node_id for block in getattr(item, "blocks", [])
                ):
                    return item
        return None

    def asset_names(self) -> set[str]:
        """Every image the issue refers to (the package must hold each one)."""
        names: set[str] = set()
        for node in self.walk():
            for ref in _image_refs(node):
                names.add(ref.asset)
        return names


def _image_refs(node: object) -> Iterator[ImageRef]:
    for attr in ("image", "logo", "cover"):
        ref = getattr(node, attr, None)
        if ref is not None:
            yield ref
    yield from getattr(node, "logos", [])
