"""The issue model: pure pydantic, no Qt and no I/O, so every layer can share it."""

from bulletin_studio.model.blocks import (
    Block,
    Figure,
    ImageRef,
    ListBlock,
    ListEntry,
    LogoStrip,
    Paragraph,
    Quote,
    SourceLine,
    Subheading,
    Theme,
)
from bulletin_studio.model.ids import new_id
from bulletin_studio.model.issue import (
    Colophon,
    FieldDraft,
    Issue,
    Masthead,
    Numbering,
    ReviewNote,
    Section,
    SectionKind,
    Snippet,
)
from bulletin_studio.model.items import Article, Item, PartnerNews, Resource
from bulletin_studio.model.markup import Run, parse_inline, plain_text

__all__ = [
    "Article",
    "Block",
    "Colophon",
    "FieldDraft",
    "Figure",
    "ImageRef",
    "Issue",
    "Item",
    "ListBlock",
    "ListEntry",
    "LogoStrip",
    "Masthead",
    "Numbering",
    "Paragraph",
    "PartnerNews",
    "Quote",
    "Resource",
    "ReviewNote",
    "Run",
    "Section",
    "SectionKind",
    "Snippet",
    "SourceLine",
    "Subheading",
    "Theme",
    "new_id",
    "parse_inline",
    "plain_text",
]
