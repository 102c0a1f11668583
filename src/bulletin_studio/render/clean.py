"""Text as pasted becomes text that can be printed: control and invisible characters resolved.

Text pasted from Word or a web page carries characters no writer can put on a page: Word's
manual line break (``\\x0b``) and page break (``\\x0c``), escape codes, byte-order marks,
zero-width spaces, bidi marks, noncharacters (U+FFFE) and, from a damaged file, lone
surrogates. XML (so DOCX) forbids several of them and no font draws them. Composing maps
the ones that mean a line break to one and drops the rest, so both writers see the same
text; the stored issue keeps what the editor typed.
"""

import unicodedata
from functools import lru_cache
from typing import Any, TypeVar

from pydantic import BaseModel

Model = TypeVar("Model", bound=BaseModel)

LINE_BREAKS = "\x0b\x0c\r\x85\u2028\u2029"
"""Vertical tab (Word's Shift+Enter), form feed (page break), CR, NEL, line/para separator."""

_NONCHARACTERS = frozenset(range(0xFDD0, 0xFDF0)) | frozenset(
    plane * 0x10000 + low for plane in range(17) for low in (0xFFFE, 0xFFFF)
)


@lru_cache(maxsize=65536)
def _replacement(char: str) -> str:
    """What one character becomes on the page ("" = dropped)."""
    if char in LINE_BREAKS:
        return "\n"
    if char == "\t":
        return " "
    if ord(char) in _NONCHARACTERS:
        return ""
    category = unicodedata.category(char)
    if category in ("Cc", "Cf", "Cs"):
        return "\n" if char == "\n" else ""
    return char


def printable(text: str) -> str:
    """``text`` with every character mapped as the module docstring says; fast when clean."""
    if text.isprintable() or all(char == "\n" or char.isprintable() for char in text):
        return text
    return "".join(_replacement(char) for char in text.replace("\r\n", "\n"))


def printable_model(node: Model) -> Model:
    """A copy of a model with every string field made printable; the same object if clean.

    Ids, asset names and links keep their validated form unless a character had to go, so
    unchanged nodes stay identical (the preview's shaping cache keys on them).
    """
    changes: dict[str, Any] = {}
    for name in type(node).model_fields:
        value = getattr(node, name)
        cleaned = _printable_value(value)
        if cleaned is not value:
            changes[name] = cleaned
    return node.model_copy(update=changes) if changes else node


def _printable_value(value: Any) -> Any:
    if isinstance(value, str):
        cleaned = printable(value)
        return value if cleaned == value else cleaned
    if isinstance(value, BaseModel):
        return printable_model(value)
    if isinstance(value, list):
        items = [_printable_value(item) for item in value]
        changed = any(new is not old for new, old in zip(items, value, strict=True))
        return items if changed else value
    return value
