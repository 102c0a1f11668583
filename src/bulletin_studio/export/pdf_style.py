"""Layout styles resolved for ReportLab: colours for the variant, fonts per role and weight."""

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from reportlab.lib.colors import CMYKColor, Color, HexColor

from bulletin_studio.export.fonts import FontFace, registered_faces
from bulletin_studio.export.writer import Variant
from bulletin_studio.render.fonts import FontError, FontResolver
from bulletin_studio.render.layout import FontRole, Layout, Style, TextStyle


@dataclass(frozen=True)
class FaceStacks:
    """Faces tried per character: Chinese characters prefer ``cjk``, others ``latin``."""

    cjk: tuple[FontFace, ...]
    latin: tuple[FontFace, ...]


class Palette:
    """Everything a writer needs from the layout, resolved once per export."""

    def __init__(
        self, layout: Layout, variant: Variant, resolver: FontResolver, needed: Iterable[str]
    ) -> None:
        self.layout = layout
        self.variant = variant
        self._resolver = resolver
        self._needed = frozenset(needed)
        self._stacks: dict[tuple[FontRole, bool, bool], FaceStacks] = {}
        self._colors: dict[str, Color] = {}
        self.shape_cache: dict[Hashable, Any] = {}
        """Shaped paragraphs by content and style: reused across layout passes."""

    def color(self, name: str) -> Color:
        """CMYK in print (what the press separates), RGB on screen."""
        if name not in self._colors:
            spec = self.layout.colors[name]
            if self.variant == "print":
                self._colors[name] = CMYKColor(*spec.cmyk)
            else:
                self._colors[name] = HexColor(spec.rgb)
        return self._colors[name]

    def overprints(self, name: str) -> bool:
        """Black text overprints in print (no white halo when the plates are off register)."""
        return self.variant == "print" and self.layout.colors[name].overprint

    def faces(self, role: FontRole, bold: bool, italic: bool) -> FaceStacks:
        key = (role, bold, italic)
        if key not in self._stacks:
            stack = self.layout.fonts[role]
            resolve = self._resolver.faces
            cjk = tuple(
                registered_faces(
                    resolve(stack.cjk, bold=bold, italic=False, needed=self._needed, role=role),
                    role,
                    self._resolver.cache_dir,
                )
            )
            try:
                latin = tuple(
                    registered_faces(
                        resolve(
                            stack.latin, bold=bold, italic=italic, needed=self._needed, role=role
                        ),
                        role,
                        self._resolver.cache_dir,
                    )
                )
            except FontError:
                latin = cjk  # CJK faces carry Latin glyphs too: plainer, but never missing
            self._stacks[key] = FaceStacks(cjk=cjk, latin=latin)
        return self._stacks[key]

    def style(self, style: Style) -> TextStyle:
        return self.layout.styles[style]

    @cached_property
    def base_font(self) -> str:
        """An embedded face as ReportLab's initial font, so no bare Helvetica is referenced."""
        return self.faces("body", False, False).latin[0].name
