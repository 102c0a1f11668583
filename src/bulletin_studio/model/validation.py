"""Pydantic's refusals in the editor's words and language.

The model's own checks raise ``ValueError`` with a message already worded for the editor;
pydantic's built-in checks (a number out of range, a string too long) speak English
developer-speak, so each kind the editor can meet gets its own message here.
"""

from pydantic_core import ErrorDetails

from bulletin_studio.messages import QT_TRANSLATE_NOOP, Template

_WHOLE_NUMBER = QT_TRANSLATE_NOOP("Validation", "Not a whole number")
_DATE = QT_TRANSLATE_NOOP("Validation", "Not a date (write it as 2024-03-31)")
_BY_KIND: dict[str, Template] = {
    "missing": QT_TRANSLATE_NOOP("Validation", "Required"),
    "string_too_long": QT_TRANSLATE_NOOP("Validation", "At most {max_length} characters"),
    "string_too_short": QT_TRANSLATE_NOOP("Validation", "At least {min_length} characters"),
    "too_long": QT_TRANSLATE_NOOP("Validation", "At most {max_length} entries"),
    "too_short": QT_TRANSLATE_NOOP("Validation", "At least {min_length} entries"),
    "int_parsing": _WHOLE_NUMBER,
    "int_type": _WHOLE_NUMBER,
    "int_from_float": _WHOLE_NUMBER,
    "greater_than_equal": QT_TRANSLATE_NOOP("Validation", "At least {ge}"),
    "greater_than": QT_TRANSLATE_NOOP("Validation", "More than {gt}"),
    "less_than_equal": QT_TRANSLATE_NOOP("Validation", "At most {le}"),
    "less_than": QT_TRANSLATE_NOOP("Validation", "Less than {lt}"),
    "string_type": QT_TRANSLATE_NOOP("Validation", "Not text"),
    "bool_type": QT_TRANSLATE_NOOP("Validation", "Not yes or no"),
    "bool_parsing": QT_TRANSLATE_NOOP("Validation", "Not yes or no"),
    "date_type": _DATE,
    "date_parsing": _DATE,
    "date_from_datetime_parsing": _DATE,
    "literal_error": QT_TRANSLATE_NOOP("Validation", "Not one of {expected}"),
    "enum": QT_TRANSLATE_NOOP("Validation", "Not one of {expected}"),
    "union_tag_invalid": QT_TRANSLATE_NOOP("Validation", "Unknown kind “{tag}”"),
    "extra_forbidden": QT_TRANSLATE_NOOP(
        "Validation", "Not a field this version knows (made by a newer Bulletin Studio?)"
    ),
}
_ANY = QT_TRANSLATE_NOOP("Validation", "Not a valid value")


def explain(detail: ErrorDetails) -> str:
    """One refusal as the editor should read it."""
    context = detail.get("ctx") or {}
    if detail["type"] in ("value_error", "assertion_error") and "error" in context:
        return str(context["error"])  # the model's own message, already translated
    template = _BY_KIND.get(detail["type"], _ANY)
    try:
        return template.format(**context)
    except (KeyError, IndexError):  # a context pydantic did not fill as documented
        return _ANY.format()
