"""User settings: font overrides from a TOML file, with clear errors naming file and key."""

from pathlib import Path

import pytest

from bulletin_studio import messages
from bulletin_studio.settings import SettingsError, font_overrides


def test_absent_file_means_no_overrides(tmp_path: Path) -> None:
    assert font_overrides(tmp_path / "missing.toml") == {}


def test_fonts_table_maps_family_to_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('[fonts]\n"Noto Serif CJK SC" = "/fonts/serif.ttf"\n', encoding="utf-8")
    assert font_overrides(path) == {"Noto Serif CJK SC": "/fonts/serif.ttf"}


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("[fonts\n", "无法读取"),
        ("fonts = 3\n", "键 fonts"),
        ("[fonts]\nSimSun = 4\n", "fonts.SimSun"),
    ],
)
def test_bad_settings_name_the_key(tmp_path: Path, text: str, needle: str) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError, match=needle) as raised:
        font_overrides(path)
    assert str(path) in str(raised.value)


def test_a_bad_setting_is_named_in_english(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("[fonts]\nSimSun = 4\n", encoding="utf-8")
    messages.use_language("en")
    with pytest.raises(SettingsError) as raised:
        font_overrides(path)
    assert str(raised.value) == (
        f"Settings file {path}: the key fonts.SimSun should be a font file path"
    )
