"""Persistent preferences (QSettings, organisation "BulletinStudio"): recent files, language,
the name replies to reviewers are signed with."""

from pathlib import Path

from PySide6.QtCore import QSettings

ORGANIZATION = "BulletinStudio"
APPLICATION = "Bulletin Studio"
MAX_RECENT = 8


def settings() -> QSettings:
    """Tests redirect this with QSettings.setPath / a different organisation name."""
    return QSettings(ORGANIZATION, APPLICATION)


def recent_files() -> list[Path]:
    value = settings().value("files/recent", [])
    names = [value] if isinstance(value, str) else list(value or [])
    return [Path(name) for name in names if name]


def add_recent_file(path: Path) -> None:
    names = [str(path)] + [str(p) for p in recent_files() if p != path]
    settings().setValue("files/recent", names[:MAX_RECENT])


def language() -> str:
    """ "" follows the system locale; otherwise a locale name such as ``zh_CN`` or ``en``."""
    return str(settings().value("ui/language", "") or "")


def set_language(name: str) -> None:
    settings().setValue("ui/language", name)


DEFAULT_REVIEWER = "编辑"
"""The author of the editor's replies to reviewers until a name is given."""


def reviewer_name() -> str:
    """The name the editor signs replies to reviewers with (asked in the reply dialog)."""
    return str(settings().value("review/name", "") or "").strip() or DEFAULT_REVIEWER


def set_reviewer_name(name: str) -> None:
    settings().setValue("review/name", name.strip())
