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

CONFIG_ENV = "BULLETIN_STUDIO_CONFIG"


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
        raise SettingsError(f"设置文件 {path} 无法读取：{error}") from None
    except OSError as error:
        raise SettingsError(f"设置文件 {path} 无法读取：{error.strerror or error}") from None


def font_overrides(path: Path | None = None) -> dict[str, str]:
    """Family → font file from the ``[fonts]`` table; an absent file means no overrides."""
    path = path or settings_path()
    data = _read(path)
    fonts = data.get("fonts", {})
    if not isinstance(fonts, dict):
        raise SettingsError(f'设置文件 {path}：键 fonts 应为表（family = "字体文件路径"）')
    for family, file in fonts.items():
        if not isinstance(file, str):
            raise SettingsError(f"设置文件 {path}：键 fonts.{family} 应为字体文件路径")
    return dict(fonts)


def print_profile(path: Path | None = None) -> Path | None:
    """The CMYK profile of ``[print] profile``, replacing the layout's; None when not set."""
    path = path or settings_path()
    section = _read(path).get("print", {})
    if not isinstance(section, dict):
        raise SettingsError(f'设置文件 {path}：键 print 应为表（profile = "ICC 文件路径"）')
    profile = section.get("profile")
    if profile is None:
        return None
    if not isinstance(profile, str) or not profile:
        raise SettingsError(f"设置文件 {path}：键 print.profile 应为 ICC 文件路径")
    return Path(profile).expanduser()
