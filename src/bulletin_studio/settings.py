"""User settings shared by the CLI and the app: a small TOML file in the user's config folder.

Only what headless exports need lives here (the window keeps its own state in QSettings):

    [fonts]
    "Noto Serif CJK SC" = "/home/me/fonts/SourceHanSerifSC-Regular.otf"

maps a family named in a layout to a font file, for fonts that are not installed, and

    [print]
    profile = "/home/me/profiles/JapanColor2001Coated.icc"

separates print PDFs for the printer's own CMYK profile instead of the layout's.
"""

import os
import tomllib
from pathlib import Path

import platformdirs

from bulletin_studio.errors import BulletinError
from bulletin_studio.messages import QT_TRANSLATE_NOOP

CONFIG_ENV = "BULLETIN_STUDIO_CONFIG"
_UNREADABLE = QT_TRANSLATE_NOOP("Settings", "The settings file {path} cannot be read: {reason}")


class SettingsError(BulletinError):
    """The settings file cannot be used; the message names the file and the key."""


def settings_path() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir("bulletin-studio")) / "settings.toml"


def _read(path: Path) -> dict[str, object]:
    """The settings as a table; an absent file is an empty one."""
    if not path.is_file():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SettingsError(_UNREADABLE.format(path=path, reason=error)) from None
    except OSError as error:
        raise SettingsError(_UNREADABLE.format(path=path, reason=error.strerror or error)) from None


def font_overrides(path: Path | None = None) -> dict[str, str]:
    """Family → font file from the ``[fonts]`` table; an absent file means no overrides."""
    path = path or settings_path()
    data = _read(path)
    fonts = data.get("fonts", {})
    if not isinstance(fonts, dict):
        raise SettingsError(
            QT_TRANSLATE_NOOP(
                "Settings",
                'Settings file {path}: the key fonts should be a table (family = "font file path")',
            ).format(path=path)
        )
    for family, file in fonts.items():
        if not isinstance(file, str):
            raise SettingsError(
                QT_TRANSLATE_NOOP(
                    "Settings",
                    "Settings file {path}: the key fonts.{family} should be a font file path",
                ).format(path=path, family=family)
            )
    return dict(fonts)


def print_profile(path: Path | None = None) -> Path | None:
    """The CMYK profile of ``[print] profile``, replacing the layout's; None when not set."""
    path = path or settings_path()
    section = _read(path).get("print", {})
    if not isinstance(section, dict):
        raise SettingsError(
            QT_TRANSLATE_NOOP(
                "Settings",
                'Settings file {path}: the key print should be a table (profile = "ICC file path")',
            ).format(path=path)
        )
    profile = section.get("profile")
    if profile is None:
        return None
    if not isinstance(profile, str) or not profile:
        raise SettingsError(
            QT_TRANSLATE_NOOP(
                "Settings", "Settings file {path}: the key print.profile should be an ICC file path"
            ).format(path=path)
        )
    return Path(profile).expanduser()
