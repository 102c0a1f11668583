"""Layouts as data: the shipped layouts load, and a bad file names the key that is wrong."""

from pathlib import Path

import pytest

from bulletin_studio import messages
from bulletin_studio.model import SectionKind
from bulletin_studio.paths import LAYOUTS_DIR
from bulletin_studio.render.layout import (
    LayoutError,
    Style,
    available_layouts,
    check_placeholders,
    fill_placeholders,
    load_layout,
)


def test_shipped_layouts_load() -> None:
    assert {"default", "a5"} <= set(available_layouts())
    default = load_layout("default")
    a5 = load_layout("a5")
    assert (default.page.width, default.page.height) == (210, 297)
    assert (a5.page.width, a5.page.height) == (148, 210)
    assert default.columns_for(SectionKind.PARTNER_NEWS) == 2
    assert a5.columns_for(SectionKind.PARTNER_NEWS) == 1
    assert a5.styles[Style.BODY].size < default.styles[Style.BODY].size
    assert a5.styles[Style.CAPTION] == default.styles[Style.CAPTION]  # inherited
    assert default.colors["primary"].rgb.startswith("#")


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('extends = "default"\n[page]\nwidth = -3\n', "page.width"),
        ('extends = "default"\n[styles.body]\ncolor = "purple"\n', "colors"),
        (
            'extends = "default"\n[colors.primary]\ncmyk = [2, 0, 0, 0]\nrgb = "#000000"\n',
            "colors.primary.cmyk",
        ),
        ('extends = "default"\n[columns]\npartner_news = 5\n', "columns"),
        ('extends = "default"\n[styles.body]\nsize = "big"\n', "styles.body.size"),
        ('extends = "default"\n[page]\nbleeed = 3\n', "page.bleeed"),
        # accepted by the schema's types once, and then crashed or hung the writers
        ('extends = "default"\n[page]\nwidth = inf\n', "page.width"),
        ('extends = "default"\n[page]\nmargin_inner = 150\nmargin_outer = 100\n', "margin_inner"),
        ('extends = "default"\n[page]\ncolumn_gap = 1e6\n', "page.column_gap"),
        ('extends = "default"\n[page]\ncolumn_gap = 60\n[columns]\nresources = 3\n', "gap"),
        ('extends = "default"\n[running]\nheader = "{issue}"\n', "running.header"),
        ('extends = "default"\n[running]\nheader = "{title"\n', "running.header"),
        (
            'extends = "default"\n[running]\nheader = "{title.__class__.__mro__}"\n',
            "running.header",
        ),
        ('extends = "default"\n[running]\nfooter = "{page:>100000000}"\n', "running.footer"),
        ('extends = "default"\n[masthead]\nband_height = 290\n', "masthead.band_height"),
        (
            'extends = "default"\n[colors.accent]\ncmyk = [0, 0.5, 1, 0]\n'
            'rgb = "#EE8F2E"\noverprint = true\n',
            "colors.accent",
        ),
        (
            'extends = "default"\n[colors.primary]\ncmyk = [1, 0.8, 0.8, 1]\nrgb = "#000000"\n',
            "colors",
        ),
        ('extends = "default"\n[print]\ntotal_ink_limit = 500\n', "print.total_ink_limit"),
    ],
)
def test_bad_layout_names_the_key(tmp_path: Path, text: str, key: str) -> None:
    for shipped in available_layouts():
        _write(tmp_path, shipped, load_text(shipped))
    path = _write(tmp_path, "broken", text)
    with pytest.raises(LayoutError) as raised:
        load_layout(path, directory=tmp_path)
    assert key in str(raised.value)
    assert str(path) in str(raised.value)


def load_text(name: str) -> str:
    return (LAYOUTS_DIR / f"{name}.toml").read_text(encoding="utf-8")


def test_unknown_layout_lists_the_known_ones() -> None:
    with pytest.raises(LayoutError, match="default"):
        load_layout("no-such-layout")


def test_extends_cycle_and_bad_toml(tmp_path: Path) -> None:
    _write(tmp_path, "one", 'extends = "two"\n')
    _write(tmp_path, "two", 'extends = "one"\n')
    with pytest.raises(LayoutError, match="extends"):
        load_layout("one", directory=tmp_path)
    bad = _write(tmp_path, "bad", "[page\n")
    with pytest.raises(LayoutError, match="无法读取"):
        load_layout(bad, directory=tmp_path)


def test_running_text_takes_named_placeholders_only() -> None:
    values = {"title": "简报", "numbering": "2024年第1期"}
    assert (
        fill_placeholders("{title}　{numbering}　第{page}页", values)
        == "简报　2024年第1期　第{page}页"
    )
    check_placeholders("{network} {page}")
    with pytest.raises(ValueError, match="未知的占位符"):
        check_placeholders("{title!r}")


def test_the_default_layout_keeps_the_ink_rules_it_states() -> None:
    """Text in black ink alone and overprinting; small text in one ink; under the limit."""
    layout = load_layout("default")
    text = layout.colors["text"]
    assert text.cmyk == (0, 0, 0, 1) and text.overprint
    for style in layout.styles.values():
        if style.size < 9:
            assert layout.colors[style.color].inks == 1, style
    assert layout.colors["muted"].cmyk[:3] == (0, 0, 0)
    limit = layout.print.total_ink_limit
    assert limit == 300
    assert all(color.coverage <= limit for color in layout.colors.values())


def test_a_bad_layout_is_explained_in_the_ui_language(tmp_path: Path) -> None:
    """Pydantic's refusals and the layout's own checks both speak the editor's language."""
    for shipped in available_layouts():
        _write(tmp_path, shipped, load_text(shipped))
    narrow = _write(tmp_path, "narrow", 'extends = "default"\n[page]\nwidth = 20\n')
    margins = _write(
        tmp_path, "margins", 'extends = "default"\n[page]\nmargin_inner = 150\nmargin_outer = 100\n'
    )
    with pytest.raises(LayoutError) as chinese:
        load_layout(narrow, directory=tmp_path)
    assert str(chinese.value) == f"版式文件 {narrow}：键 page.width：必须大于 50.0"
    messages.use_language("en")
    with pytest.raises(LayoutError) as english:
        load_layout(narrow, directory=tmp_path)
    assert str(english.value) == f"Layout file {narrow}: key page.width: More than 50.0"
    with pytest.raises(LayoutError) as english:
        load_layout(margins, directory=tmp_path)
    assert str(english.value) == (
        f"Layout file {margins}: key (top level): page: margin_inner 150 + margin_outer 100 mm "
        "leave -40 mm of a 210 mm wide page; at least 40 mm"
    )
    with pytest.raises(LayoutError, match="There is no layout “missing” "):
        load_layout("missing", directory=tmp_path)
