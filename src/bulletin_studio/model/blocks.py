"""Blocks: the pieces an article or partner news item is made of."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from bulletin_studio.model.fields import AssetName, PlainText, RichText, Url
from bulletin_studio.model.ids import StableId, new_id


class ModelBase(BaseModel):
    """Strict about unknown keys (a typo in a file is an error, not silently dropped)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class ImageRef(ModelBase):
    """An image stored in the package, with a text alternative for screen readers and DOCX."""

    asset: AssetName
    alt: PlainText = ""


class Paragraph(ModelBase):
    type: Literal["paragraph"] = "paragraph"
    id: StableId = Field(default_factory=lambda: new_id("p"))
    text: RichText = ""
    lead: bool = Field(False, description="Set as the article's lead (导语) paragraph")


class Subheading(ModelBase):
    type: Literal["subheading"] = "subheading"
    id: StableId = Field(default_factory=lambda: new_id("h"))
    text: RichText = ""


class Theme(ModelBase):
    """A numbered theme (主题1、主题2 …): numbers follow the order of themes in the article."""

    type: Literal["theme"] = "theme"
    id: StableId = Field(default_factory=lambda: new_id("th"))
    title: RichText = ""
    text: RichText = ""


class ListEntry(ModelBase):
    lead: PlainText = Field("", description="Bold lead term, e.g. 活动筹资")
    text: RichText = ""


class ListBlock(ModelBase):
    type: Literal["list"] = "list"
    id: StableId = Field(default_factory=lambda: new_id("l"))
    ordered: bool = False
    entries: list[ListEntry] = Field(default_factory=list)


class Figure(ModelBase):
    type: Literal["figure"] = "figure"
    id: StableId = Field(default_factory=lambda: new_id("f"))
    image: ImageRef | None = None
    caption: RichText = ""
    width: float = Field(1.0, ge=0.2, le=1.0, description="Share of the column width")


class LogoStrip(ModelBase):
    """Several partner logos side by side, with one caption under the row."""

    type: Literal["logos"] = "logos"
    id: StableId = Field(default_factory=lambda: new_id("g"))
    logos: list[ImageRef] = Field(default_factory=list)
    caption: RichText = ""


class Quote(ModelBase):
    type: Literal["quote"] = "quote"
    id: StableId = Field(default_factory=lambda: new_id("q"))
    text: RichText = ""
    attribution: PlainText = ""


class SourceLine(ModelBase):
    """Where a news item was taken from: printed as 「摘自：URL」."""

    type: Literal["source"] = "source"
    id: StableId = Field(default_factory=lambda: new_id("s"))
    label: PlainText = "摘自："
    url: Url = "https://www.oneplanetnetwork.org"


Block = Annotated[
    Paragraph | Subheading | Theme | ListBlock | Figure | LogoStrip | Quote | SourceLine,
    Field(discriminator="type"),
]

BLOCK_TYPES: dict[str, type[ModelBase]] = {
    cls.model_fields["type"].default: cls
    for cls in (Paragraph, Subheading, Theme, ListBlock, Figure, LogoStrip, Quote, SourceLine)
}
