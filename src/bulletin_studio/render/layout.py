"""Layouts as data: a TOML file in ``layouts/`` validated by these models.

A layout holds every typographic decision (page, columns, fonts per role, styles, colours),
so the PDF and DOCX writers share them and an editor can add an edition without code.
"""

import re
import tomllib
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from bulletin_studio.errors import BulletinError
from bulletin_studio.messages import QT_TRANSLATE_NOOP
from bulletin_studio.model.issue import SectionKind
from bulletin_studio.model.validation import explain
from bulletin_studio.paths import LAYOUTS_DIR


class LayoutError(BulletinError):
    """A layout file that cannot be used; the message names the file and the key."""


_LIST_SEPARATOR = QT_TRANSLATE_NOOP("Layout", ", ")


def _listed(names: list[str]) -> str:
    return _LIST_SEPARATOR.format().join(names)


class Strict(BaseModel):
    """Unknown keys are typos; ``inf`` and ``nan`` are never a size."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


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

MIN_TEXT_MM = 40
MIN_COLUMN_MM = 25

PLACEHOLDERS = frozenset({"title", "numbering", "network", "page", "section"})
"""What a running head or foot may name: ``{title}`` (the bulletin's), ``{numbering}``
(「2024年第1期　总第15期」), ``{network}``, ``{page}`` and ``{section}`` (the title of the
section the top of the page belongs to). Nothing else is evaluated: no attributes, indexes or
format specifications, so a layout file cannot reach into the program."""

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def check_placeholders(template: str) -> None:
    """Refuse unknown names and stray braces, naming them."""
    for name in _PLACEHOLDER.findall(template):
        if name not in PLACEHOLDERS:
            known = _listed([f"{{{known}}}" for known in sorted(PLACEHOLDERS)])
            raise ValueError(
                QT_TRANSLATE_NOOP(
                    "Layout", "Unknown placeholder {placeholder} (known: {known})"
                ).format(placeholder=f"{{{name}}}", known=known)
            )
    if "{" in _PLACEHOLDER.sub("", template) or "}" in _PLACEHOLDER.sub("", template):
        raise ValueError(
            QT_TRANSLATE_NOOP(
                "Layout", "A brace without its pair: write placeholders as {example}"
            ).format(example="{title}")
        )


def fill_placeholders(template: str, values: Mapping[str, str]) -> str:
    """Put ``values`` in for their placeholders; others (``{page}`` until drawn) stay."""
    return _PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), template)


class Color(Strict):
    """CMYK for print (0–1 each), RGB for screen; both given so neither is guessed.

    ``overprint`` prints the colour on top of whatever lies beneath instead of knocking it
    out: black text then never shows a white halo when the plates are slightly off register.
    Only a black-only colour may overprint (a coloured one would mix with what is under it).
    """

    cmyk: tuple[float, float, float, float]
    rgb: str = Field(pattern=r"^#[0-9A-Fa-f]{6}$")
    overprint: bool = False

    @field_validator("cmyk")
    @classmethod
    def _unit_range(cls, value: tuple[float, float, float, float]) -> tuple[float, ...]:
        if any(not 0 <= part <= 1 for part in value):
            raise ValueError(
                QT_TRANSLATE_NOOP("Layout", "CMYK values must be between 0 and 1").format()
            )
        return value

    @model_validator(mode="after")
    def _overprint_black_only(self) -> "Color":
        if self.overprint and any(self.cmyk[:3]):
            raise ValueError(
                QT_TRANSLATE_NOOP(
                    "Layout", "overprint: only a black-only colour (C = M = Y = 0) may overprint"
                ).format()
            )
        return self

    @property
    def inks(self) -> int:
        """How many plates the colour is printed from (1 for black text or a black tint)."""
        return sum(part > 0 for part in self.cmyk)

    @property
    def coverage(self) -> float:
        """Total area coverage in per cent (the sum of the four inks)."""
        return sum(self.cmyk) * 100


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
    left_indent: float = Field(0, ge=0, le=200, description="Points")
    space_before: float = Field(0, ge=0, le=200)
    space_after: float = Field(0, ge=0, le=200)
    keep_with_next: bool = False


class Page(Strict):
    width: float = Field(210, gt=50, le=1200, description="Trim width, mm")
    height: float = Field(297, gt=50, le=1200, description="Trim height, mm")
    margin_top: float = Field(25, ge=5, le=600)
    margin_bottom: float = Field(22, ge=5, le=600)
    margin_inner: float = Field(20, ge=5, le=600)
    margin_outer: float = Field(20, ge=5, le=600)
    column_gap: float = Field(8, ge=2, le=100, description="mm between columns")
    bleed: float = Field(3, ge=0, le=10, description="mm, print variant only")
    crop_marks: bool = True


class Masthead(Strict):
    band_color: str = "primary"
    band_height: float = Field(78, gt=10, le=600, description="mm from the top trim edge")
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
    """Running head and foot: text with named placeholders (see ``PLACEHOLDERS``)."""

    header: str = Field("{title}　{numbering}", max_length=200)
    footer: str = Field("{page}", max_length=200)
    rule_color: str = "rule"

    @field_validator("header", "footer")
    @classmethod
    def _known_placeholders(cls, template: str) -> str:
        check_placeholders(template)
        return template


class PrintColour(Strict):
    """The printing condition the print variant is separated for, and its ink limit.

    ``profile`` is a profile bundled in ``resources/icc`` by name (``FOGRA39``: coated offset,
    ISO 12647-2) or the path of the printer's own ``.icc`` file (e.g. Japan Color 2001 Coated);
    ``settings.toml`` may override it per user (``[print] profile = "..."``).
    """

    profile: str = "FOGRA39"
    total_ink_limit: float = Field(
        300, ge=100, le=400, description="Highest total area coverage (C+M+Y+K) in per cent"
    )


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
    print: PrintColour = PrintColour()

    @model_validator(mode="after")
    def _complete(self) -> "Layout":
        missing = [style.value for style in Style if style not in self.styles]
        if missing:
            raise ValueError(
                QT_TRANSLATE_NOOP("Layout", "styles: missing {names}").format(
                    names=_listed(missing)
                )
            )
        missing_fonts = [role for role in FontRole.__args__ if role not in self.fonts]
        if missing_fonts:
            raise ValueError(
                QT_TRANSLATE_NOOP("Layout", "fonts: missing {names}").format(
                    names=_listed(missing_fonts)
                )
            )
        used = {style.color for style in self.styles.values()}
        used |= {self.masthead.band_color, self.masthead.numbers_color, self.link_color}
        used.add(self.running.rule_color)
        unknown = sorted(used - set(self.colors))
        if unknown:
            raise ValueError(
                QT_TRANSLATE_NOOP("Layout", "colors: {names} used but not defined").format(
                    names=_listed(unknown)
                )
            )
        limit = self.print.total_ink_limit
        heavy = [name for name, color in self.colors.items() if color.coverage > limit + 1e-6]
        if heavy:
            raise ValueError(
                QT_TRANSLATE_NOOP(
                    "Layout", "colors: {names} exceed the total ink limit of {limit} %"
                ).format(names=_listed(sorted(heavy)), limit=f"{limit:g}")
            )
        if any(not 1 <= count <= 3 for count in self.columns.values()):
            raise ValueError(
                QT_TRANSLATE_NOOP(
                    "Layout", "columns: each section kind takes 1 to 3 columns"
                ).format()
            )
        return self

    @model_validator(mode="after")
    def _fits_the_page(self) -> "Layout":
        """Geometry a page can hold: text area, columns and masthead all with room to spare."""
        page = self.page
        if self.text_width() < MIN_TEXT_MM:
            raise ValueError(
                QT_TRANSLATE_NOOP(
                    "Layout",
                    "page: margin_inner {inner} + margin_outer {outer} mm leave {left} mm of a "
                    "{width} mm wide page; at least {least} mm",
                ).format(
                    inner=f"{page.margin_inner:g}",
                    outer=f"{page.margin_outer:g}",
                    left=f"{self.text_width():g}",
                    width=f"{page.width:g}",
                    least=MIN_TEXT_MM,
                )
            )
        if self.text_height() < MIN_TEXT_MM:
            raise ValueError(
                QT_TRANSLATE_NOOP(
                    "Layout",
                    "page: margin_top {top} + margin_bottom {bottom} mm leave {left} mm of a "
                    "{height} mm high page; at least {least} mm",
                ).format(
                    top=f"{page.margin_top:g}",
                    bottom=f"{page.margin_bottom:g}",
                    left=f"{self.text_height():g}",
                    height=f"{page.height:g}",
                    least=MIN_TEXT_MM,
                )
            )
        for kind, count in self.columns.items():
            if self.column_width(count) < MIN_COLUMN_MM:
                raise ValueError(
                    QT_TRANSLATE_NOOP(
                        "Layout",
                        "page.column_gap: {count} columns for {kind} with a {gap} mm gap are "
                        "narrower than {least} mm",
                    ).format(
                        count=count,
                        kind=kind.value,
                        gap=f"{page.column_gap:g}",
                        least=MIN_COLUMN_MM,
                    )
                )
        if self.masthead.band_height > page.height - page.margin_bottom - MIN_TEXT_MM:
            raise ValueError(
                QT_TRANSLATE_NOOP(
                    "Layout",
                    "masthead.band_height: {height} mm leaves no room for the table of contents "
                    "on the cover",
                ).format(height=f"{self.masthead.band_height:g}")
            )
        if self.figures.logo_height > self.text_height():
            raise ValueError(
                QT_TRANSLATE_NOOP(
                    "Layout", "figures.logo_height: taller than the text area"
                ).format()
            )
        return self

    def text_width(self) -> float:
        """Width of the text area in mm."""
        return self.page.width - self.page.margin_inner - self.page.margin_outer

    def columns_for(self, kind: SectionKind) -> int:
        return self.columns.get(kind, 1)

    def column_width(self, columns: int) -> float:
        """Width of one column in mm, for ``columns`` columns across the text area."""
        return (self.text_width() - self.page.column_gap * (columns - 1)) / columns

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
        key = ".".join(str(part) for part in first["loc"])
        raise LayoutError(
            QT_TRANSLATE_NOOP("Layout", "Layout file {path}: key {key}: {problem}").format(
                path=path,
                key=key or QT_TRANSLATE_NOOP("Layout", "(top level)").format(),
                problem=explain(first),
            )
        ) from None


def _layout_path(name_or_path: str | Path, directory: Path) -> Path:
    path = Path(name_or_path)
    if path.suffix != ".toml":
        path = directory / f"{name_or_path}.toml"
    if not path.is_file():
        known = (
            _listed(available_layouts(directory)) or QT_TRANSLATE_NOOP("Layout", "none").format()
        )
        raise LayoutError(
            QT_TRANSLATE_NOOP("Layout", "There is no layout “{name}” (available: {known})").format(
                name=name_or_path, known=known
            )
        )
    return path


def _layout_data(path: Path, directory: Path, seen: tuple[Path, ...]) -> dict[str, Any]:
    if path in seen:
        raise LayoutError(
            QT_TRANSLATE_NOOP(
                "Layout", "Layout file {path}: key extends: the layouts extend each other in a loop"
            ).format(path=path)
        )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise LayoutError(
            QT_TRANSLATE_NOOP("Layout", "Cannot read layout file {path}: {reason}").format(
                path=path, reason=error
            )
        ) from None
    base_name = data.pop("extends", None)
    if base_name is None:
        return data
    if not isinstance(base_name, str):
        raise LayoutError(
            QT_TRANSLATE_NOOP(
                "Layout", "Layout file {path}: key extends: should be the name of a layout"
            ).format(path=path)
        )
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
