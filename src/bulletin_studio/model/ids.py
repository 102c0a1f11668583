"""Stable ids for items and blocks.

An id anchors a preview position, a DOCX bookmark and a review comment, so it must survive
reordering and editing, and be a valid Word bookmark name (a letter first, at most 40
characters of letters, digits and underscores).
"""

import secrets
from typing import Annotated

from pydantic import StringConstraints

ID_PATTERN = r"^[A-Za-z][A-Za-z0-9_]{2,39}$"

StableId = Annotated[str, StringConstraints(pattern=ID_PATTERN)]


def new_id(prefix: str) -> str:
    """A fresh id such as ``art_5f3a9c1e2b``; the prefix tells a reader what it names."""
    return f"{prefix}_{secrets.token_hex(5)}"
