"""User settings shared by the CLI and the app: a small TOML file in the user's config folder.

Only what headless exports need lives here (the window keeps its own state in QSettings):

    [fonts]
    "Noto Serif CJK SC" = "/home/me/fonts/SourceHanSerifSC-Regular.otf"

maps a family named in a layout to a font file, for fonts that are not installed.
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


def font_overrides(path: Path | None = None) -> dict[str, str]:
    """Family → font file from the ``[fonts]`` table; an absent file means no overrides."""
    path = path or settings_path()
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SettingsError(f"设置文件 {path} 无法读取：{error}") from None
    except OSError as error:
        raise SettingsError(f"设置文件 {path} 无法读取：{error.strerror or error}") from None
    fonts = data.get("fonts", {})
    if not isinstance(fonts, dict):
        raise SettingsError(f'设置文件 {path}：键 fonts 应为表（family = "字体文件路径"）')
    for family, file in fonts.items():
        if not isinstance(file, str):
            raise SettingsError(f"设置文件 {path}：键 fonts.{family} 应为字体文件路径")
    return dict(fonts)
