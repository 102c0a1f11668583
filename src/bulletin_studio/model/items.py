"""Items: what a section lists in the table of contents."""

from typing import Annotated, Literal

from pydantic import Field

from bulletin_studio.model.blocks import Block, ImageRef, ModelBase
from bulletin_studio.model.fields import PlainText, RichText, Url
from bulletin_studio.model.ids import StableId, new_id

NewPage = Annotated[bool, Field(description="Start the item on a new page")]
"""Any item may open a page: the real bulletin starts its long articles on a fresh one."""


class Article(ModelBase):
    """A news article: event label, title, subtitle, body blocks and where it came from."""

    type: Literal["article"] = "article"
    id: StableId = Field(default_factory=lambda: new_id("art"))
    label: PlainText = Field("", description="English event label above the title")
    title: PlainText = ""
    subtitle: PlainText = ""
    blocks: list[Block] = Field(default_factory=list)
    new_page: NewPage = False


class PartnerNews(ModelBase):
    """News from a partner organisation, usually set in two columns."""

    type: Literal["partner_news"] = "partner_news"
    id: StableId = Field(default_factory=lambda: new_id("pn"))
    organisation: PlainText = ""
    title: PlainText = ""
    link: Url | None = None
    logo: ImageRef | None = None
    show_organisation: bool = Field(
        True, description="Print the organisation as a label above the title"
    )
    blocks: list[Block] = Field(default_factory=list)
    new_page: NewPage = False


class Resource(ModelBase):
    """A publication (guide, report, tool) with a link to where it can be read."""

    type: Literal["resource"] = "resource"
    id: StableId = Field(default_factory=lambda: new_id("res"))
    title: PlainText = ""
    link: Url | None = None
    publisher: PlainText = ""
    description: RichText = ""
    cover: ImageRef | None = None
    new_page: NewPage = False


Item = Annotated[Article | PartnerNews | Resource, Field(discriminator="type")]
