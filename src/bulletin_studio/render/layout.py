"""Layouts as data: a TOML file in ``layouts/`` validated by these models.

A layout holds every typographic decision (page, columns, fonts per role, styles, colours),
so the PDF and DOCX writers share them and an editor can add an edition without code.
"""

import tomllib
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from bulletin_studio.errors import BulletinError
from bulletin_studio.model.issue import SectionKind
from bulletin_studio.paths import LAYOUTS_DIR


class LayoutError(BulletinError):
    """A layout file that cannot be used; the message names the file and the key."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Style(StrEnum):
    """Every paragraph role the writers know; a layout must define each one."""

    MASTHEAD_NETWORK = "masthead_network"
    MASTHEAD_TITLE = "masthead_title"
    MASTHEAD_TAGLINE = "masthead_tagline"
    MASTHEAD_NUMBERING = "masthead_numbering"
    TOC_HEADING = "toc_heading"
    TOC_SECTION = "toc_section"
    TOC_ITEM = "toc_item"
    SECTION = "section"
    LABEL = "label"
    TITLE = "title"
    PARTNER_TITLE = "partner_title"
    SUBTITLE = "subtitle"
    LEAD = "lead"
    BODY = "body"
    SUBHEADING = "subheading"
    THEME = "theme"
    LIST = "list"
    CAPTION = "caption"
    QUOTE = "quote"
    SOURCE = "source"
    RESOURCE_TITLE = "resource_title"
    RESOURCE_META = "resource_meta"
    COLOPHON = "colophon"
    HEADER = "header"
    FOOTER = "footer"


FontRole = Literal["title", "heading", "body", "caption"]


class Color(Strict):
    """CMYK for print (0–1 each), RGB for screen; both given so neither is guessed."""

    cmyk: tuple[float, float, float, float]
    rgb: str = Field(pattern=r"^#[0-9A-Fa-f]{6}$")

    @field_validator("cmyk")
    @classmethod
    def _unit_range(cls, value: tuple[float, float, float, float]) -> tuple[float, ...]:
        if any(not 0 <= part <= 1 for part in value):
            raise ValueError("CMYK values must be between 0 and 1")
        return value


class FontStack(Strict):
    """Families tried in order; the first one installed and embeddable wins."""

    cjk: list[str] = Field(min_length=1)
    latin: list[str] = Field(min_length=1)


class TextStyle(Strict):
    font: FontRole = "body"
    size: float = Field(gt=3, le=96, description="Points")
    leading: float = Field(gt=3, le=140, description="Baseline to baseline, points")
    bold: bool = False
    italic: bool = False
    color: str = "text"
    align: Literal["justify", "left", "center", "right"] = "justify"
    first_line_indent: float = Field(0, ge=0, le=4, description="In ems (2 for body text)")
    left_indent: float = Field(0, ge=0, description="Points")
    space_before: float = Field(0, ge=0)
    space_after: float = Field(0, ge=0)
    keep_with_next: bool = False


class Page(Strict):
    width: float = Field(210, gt=50, le=1200, description="Trim width, mm")
    height: float = Field(297, gt=50, le=1200, description="Trim height, mm")
    margin_top: float = Field(25, ge=5)
    margin_bottom: float = Field(22, ge=5)
    margin_inner: float = Field(20, ge=5)
    margin_outer: float = Field(20, ge=5)
    column_gap: float = Field(8, ge=2, description="mm between columns")
    bleed: float = Field(3, ge=0, le=10, description="mm, print variant only")
    crop_marks: bool = True


class Masthead(Strict):
    band_color: str = "primary"
    band_height: float = Field(78, gt=10, description="mm from the top trim edge")
    numbers_color: str = "accent"


class Figures(Strict):
    """Picture sizes both writers share (and preflight measures resolution against)."""

    logo_height: float = Field(13, gt=3, le=60, description="Height of a logo strip, mm")
    logo_gap: float = Field(6, ge=0, le=30, description="Space between logos, mm")
    cover_width: float = Field(0.3, gt=0.05, le=1, description="Cover image: share of column")
    max_height: float = Field(
        0.55, gt=0.1, le=1, description="Tallest figure: share of the text area's height"
    )


class RunningText(Strict):
    header: str = "{title}　{numbering}"
    footer: str = "{page}"
    rule_color: str = "rule"


class Typography(Strict):
    """Choices of Chinese typesetting that differ between houses (clreq §3.1.6)."""

    line_end_punctuation: Literal["half", "hang"] = Field(
        "half", description="A closing mark at a line end: set half width, or hung in the margin"
    )


class Layout(Strict):
    name: str
    description: str = ""
    page: Page = Page()
    columns: dict[SectionKind, int] = Field(default_factory=dict)
    colors: dict[str, Color]
    fonts: dict[FontRole, FontStack]
    styles: dict[Style, TextStyle]
    masthead: Masthead = Masthead()
    figures: Figures = Figures()
    running: RunningText = RunningText()
    typography: Typography = Typography()
    link_color: str = "link"

    @model_validator(mode="after")
    def _complete(self) -> "Layout":
        missing = [style.value for style in Style if style not in self.styles]
        if missing:
            raise ValueError(f"styles: missing {', '.join(missing)}")
        missing_fonts = [role for role in FontRole.__args__ if role not in self.fonts]
        if missing_fonts:
            raise ValueError(f"fonts: missing {', '.join(missing_fonts)}")
        used = {style.color for style in self.styles.values()}
        used |= {self.masthead.band_color, self.masthead.numbers_color, self.link_color}
        used.add(self.running.rule_color)
        unknown = sorted(used - set(self.colors))
        if unknown:
            raise ValueError(f"colors: {', '.join(unknown)} used but not defined")
        if any(not 1 <= count <= 3 for count in self.columns.values()):
            raise ValueError("columns: each section kind takes 1 to 3 columns")
        return self

    def columns_for(self, kind: SectionKind) -> int:
        return self.columns.get(kind, 1)

    def column_width(self, columns: int) -> float:
        """Width of one column in mm, for ``columns`` columns across the text area."""
        page = self.page
        text_width = page.width - page.margin_inner - page.margin_outer
        return (text_width - page.column_gap * (columns - 1)) / columns

    def text_height(self) -> float:
        """Height of the text area in mm."""
        return self.page.height - self.page.margin_top - self.page.margin_bottom


def available_layouts(directory: Path = LAYOUTS_DIR) -> list[str]:
    return sorted(path.stem for path in directory.glob("*.toml"))


def load_layout(name_or_path: str | Path, directory: Path = LAYOUTS_DIR) -> Layout:
    """Load a layout by name (``default``) or path, naming the file and key on any error.

    A layout may start from another with ``extends = "name"`` and change only what differs.
    """
    path = _layout_path(name_or_path, directory)
    data = _layout_data(path, directory, seen=())
    data.setdefault("name", path.stem)
    try:
        return Layout.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        key = ".".join(str(part) for part in first["loc"]) or "(top level)"
        message = str(first["msg"]).removeprefix("Value error, ")
        raise LayoutError(f"版式文件 {path}：键 {key}：{message}") from None


def _layout_path(name_or_path: str | Path, directory: Path) -> Path:
    path = Path(name_or_path)
    if path.suffix != ".toml":
        path = directory / f"{name_or_path}.toml"
    if not path.is_file():
        known = ", ".join(available_layouts(directory)) or "none"
        raise LayoutError(f"版式“{name_or_path}”不存在（可用：{known}）")
    return path


def _layout_data(path: Path, directory: Path, seen: tuple[Path, ...]) -> dict[str, Any]:
    if path in seen:
        raise LayoutError(f"版式文件 {path}：键 extends：循环继承")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise LayoutError(f"版式文件 {path} 无法读取：{error}") from None
    base_name = data.pop("extends", None)
    if base_name is None:
        return data
    if not isinstance(base_name, str):
        raise LayoutError(f"版式文件 {path}：键 extends：应为版式名称")
    base = _layout_data(_layout_path(base_name, directory), directory, (*seen, path))
    return _merged(base, data)


def _merged(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """Tables merge key by key; any other value replaces the base's."""
    merged = dict(base)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merged(merged[key], value)
        else:
            merged[key] = value
    return merged
