"""The per-user cache of typesetting work that later runs can reuse instead of redoing:
converted and parsed fonts, and word cuts of wrapped headings; and how files get into it."""

import os
import tempfile
from pathlib import Path

import platformdirs

CACHE_ENV = "BULLETIN_STUDIO_FONT_CACHE"
"""Named for what it first held; tests and CI point it at one shared folder."""


def default_cache_dir() -> Path:
    """The per-user cache folder; an environment variable lets tests and CI share one."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_cache_dir("bulletin-studio")) / "fonts"


def write_atomic(path: Path, data: bytes) -> None:
    """Temp file then ``os.replace``: parallel exports never see a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(descriptor, "wb") as temp:
            temp.write(data)
        os.replace(temp_name, path)
    except OSError:  # a full disk included: no temp file is left behind
        os.unlink(temp_name)
        raise
