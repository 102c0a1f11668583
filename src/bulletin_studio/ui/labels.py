"""Display names for model fields, item kinds and block types, translated at the point of use.

Model field names are English identifiers; the forms are generated from the model, so the
names an editor sees live here, in one table per context for Qt's translation tools.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

FIELD_LABELS: dict[str, str] = {
    "network_name": QT_TRANSLATE_NOOP("Fields", "Network"),
    "title": QT_TRANSLATE_NOOP("Fields", "Title"),
    "name": QT_TRANSLATE_NOOP("Fields", "Name"),
    "tagline": QT_TRANSLATE_NOOP("Fields", "Tagline"),
    "language": QT_TRANSLATE_NOOP("Fields", "Language"),
    "year": QT_TRANSLATE_NOOP("Fields", "Year"),
    "number": QT_TRANSLATE_NOOP("Fields", "Issue in year"),
    "cumulative": QT_TRANSLATE_NOOP("Fields", "Cumulative issue"),
    "date": QT_TRANSLATE_NOOP("Fields", "Publication date"),
    "issues_per_year": QT_TRANSLATE_NOOP("Fields", "Issues per year"),
    "kind": QT_TRANSLATE_NOOP("Fields", "Kind"),
    "label": QT_TRANSLATE_NOOP("Fields", "Event label"),
    "subtitle": QT_TRANSLATE_NOOP("Fields", "Subtitle"),
    "organisation": QT_TRANSLATE_NOOP("Fields", "Organisation"),
    "link": QT_TRANSLATE_NOOP("Fields", "Link"),
    "logo": QT_TRANSLATE_NOOP("Fields", "Logo"),
    "publisher": QT_TRANSLATE_NOOP("Fields", "Publisher"),
    "description": QT_TRANSLATE_NOOP("Fields", "Description"),
    "cover": QT_TRANSLATE_NOOP("Fields", "Cover"),
    "source_statement": QT_TRANSLATE_NOOP("Fields", "Source statement"),
    "compiler": QT_TRANSLATE_NOOP("Fields", "Compiled by"),
    "editor": QT_TRANSLATE_NOOP("Fields", "Editor"),
    "email": QT_TRANSLATE_NOOP("Fields", "Email"),
    "website": QT_TRANSLATE_NOOP("Fields", "Website"),
    "text": QT_TRANSLATE_NOOP("Fields", "Text"),
    "lead": QT_TRANSLATE_NOOP("Fields", "Lead paragraph"),
    "ordered": QT_TRANSLATE_NOOP("Fields", "Numbered"),
    "entries": QT_TRANSLATE_NOOP("Fields", "Entries"),
    "image": QT_TRANSLATE_NOOP("Fields", "Image"),
    "caption": QT_TRANSLATE_NOOP("Fields", "Caption"),
    "width": QT_TRANSLATE_NOOP("Fields", "Width (share of column)"),
    "logos": QT_TRANSLATE_NOOP("Fields", "Logos"),
    "attribution": QT_TRANSLATE_NOOP("Fields", "Attribution"),
    "url": QT_TRANSLATE_NOOP("Fields", "URL"),
    "new_page": QT_TRANSLATE_NOOP("Fields", "Start on a new page"),
    "show_organisation": QT_TRANSLATE_NOOP("Fields", "Show organisation label"),
}

MODEL_FIELD_LABELS: dict[tuple[str, str], str] = {
    ("SourceLine", "label"): QT_TRANSLATE_NOOP("Fields", "Words before the link"),
}
"""Where a field name means something else on one kind of node (a source line's 「摘自：」)."""

ITEM_KINDS: dict[str, str] = {
    "article": QT_TRANSLATE_NOOP("Kinds", "Article"),
    "partner_news": QT_TRANSLATE_NOOP("Kinds", "Partner news"),
    "resource": QT_TRANSLATE_NOOP("Kinds", "Resource"),
}

BLOCK_KINDS: dict[str, str] = {
    "paragraph": QT_TRANSLATE_NOOP("Kinds", "Paragraph"),
    "subheading": QT_TRANSLATE_NOOP("Kinds", "Subheading"),
    "theme": QT_TRANSLATE_NOOP("Kinds", "Theme"),
    "list": QT_TRANSLATE_NOOP("Kinds", "List"),
    "figure": QT_TRANSLATE_NOOP("Kinds", "Figure"),
    "logos": QT_TRANSLATE_NOOP("Kinds", "Logo strip"),
    "quote": QT_TRANSLATE_NOOP("Kinds", "Quote"),
    "source": QT_TRANSLATE_NOOP("Kinds", "Source line"),
}

SECTION_KINDS: dict[str, str] = {
    "network_news": QT_TRANSLATE_NOOP("Kinds", "Network news"),
    "programme_news": QT_TRANSLATE_NOOP("Kinds", "Programme news"),
    "partner_news": QT_TRANSLATE_NOOP("Kinds", "Partner news"),
    "resources": QT_TRANSLATE_NOOP("Kinds", "Resources"),
    "custom": QT_TRANSLATE_NOOP("Kinds", "Custom"),
}

LANGUAGES: dict[str, str] = {
    "zh-CN": QT_TRANSLATE_NOOP("Kinds", "Simplified Chinese"),
    "zh-TW": QT_TRANSLATE_NOOP("Kinds", "Traditional Chinese"),
    "en": QT_TRANSLATE_NOOP("Kinds", "English"),
}


def field_label(name: str, model: type | None = None) -> str:
    """The caption of field ``name`` (of ``model``, where that changes its meaning)."""
    special = MODEL_FIELD_LABELS.get((model.__name__, name)) if model is not None else None
    return QCoreApplication.translate("Fields", special or FIELD_LABELS.get(name, name))


def kind_label(kind: str) -> str:
    for table in (ITEM_KINDS, BLOCK_KINDS, SECTION_KINDS, LANGUAGES):
        if kind in table:
            return QCoreApplication.translate("Kinds", table[kind])
    return kind
