"""Choices remembered per issue file: the export's formats, layout, variant and folder, and
the layout the preview shows. Kept in the app's settings under a digest of the file's path;
an untitled issue keeps them for the session only."""

import hashlib
import json
from pathlib import Path
from typing import Any

from bulletin_studio.ui import settings

_UNTITLED: dict[str, Any] = {}


def _key(path: Path) -> str:
    digest = hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:20]
    return f"documents/{digest}"


def load(path: Path | None) -> dict[str, Any]:
    """What was remembered for the file (empty when nothing was, or it cannot be read)."""
    if path is None:
        return dict(_UNTITLED)
    raw = settings.settings().value(_key(path), "")
    try:
        data = json.loads(str(raw)) if raw else {}
    except json.JSONDecodeError:
        return {}
    return data if isinstance(data, dict) else {}


def update(path: Path | None, **values: Any) -> None:
    """Remember some values for the file, keeping the others."""
    data = load(path) | values
    if path is None:
        _UNTITLED.clear()
        _UNTITLED.update(data)
    else:
        settings.settings().setValue(_key(path), json.dumps(data, ensure_ascii=False))
