"""Draw the artwork of the bundled sample issue (Pillow only) and file it by content hash.

Every picture is original and drawn from code: a stylised certificate and a bar chart (figures),
five fictional partner logos and a report cover. Lettering uses the font embedded in Pillow
(``ImageFont.load_default``) with the basic layout engine, so no system font is involved and
the output depends only on the Pillow (and zlib) version.

Each PNG is stored in ``resources/sample/assets/`` under the SHA-256 of its bytes, as the
``.bulletin`` package requires. ``resources/sample/art.json`` maps a readable key (``logo_gpa``)
to that file name. When the bytes change (say, a newer Pillow compresses differently), the old
names in ``issue.json`` are replaced by the new ones and the old files are removed.

    python scripts/make_sample_art.py          # write assets, update art.json and issue.json
    python scripts/make_sample_art.py --check  # exit 1 if the stored art is out of date
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import math
import sys
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SAMPLE_DIR = Path(__file__).resolve().parents[1] / "resources" / "sample"
ASSETS_DIR = SAMPLE_DIR / "assets"
MAPPING_FILE = SAMPLE_DIR / "art.json"
ISSUE_FILE = SAMPLE_DIR / "issue.json"

SCALE = 2  # draw at twice the size, then downsample: smooth edges without anti-aliasing support

GREEN = (29, 107, 85)
DARK_GREEN = (16, 70, 55)
LIGHT_GREEN = (186, 205, 197)
TINT = (237, 245, 241)
ORANGE = (238, 143, 46)
BLUE = (17, 104, 154)
SKY = (120, 178, 214)
SAND = (250, 246, 236)
GREY = (94, 110, 104)
LIGHT_GREY = (214, 220, 217)
WHITE = (255, 255, 255)
INK = (38, 38, 38)

Color = tuple[int, int, int]
Box = tuple[float, float, float, float]


class Canvas:
    """A drawing surface in final-size coordinates, rendered at ``SCALE`` times the size."""

    def __init__(self, width: int, height: int, background: Color = WHITE) -> None:
        self.width = width
        self.height = height
        self.image = Image.new("RGB", (width * SCALE, height * SCALE), background)
        self.draw = ImageDraw.Draw(self.image)

    @staticmethod
    def _s(box: Box) -> list[float]:
        return [value * SCALE for value in box]

    def rect(
        self,
        box: Box,
        fill: Color | None = None,
        outline: Color | None = None,
        width: float = 0,
        radius: float = 0,
    ) -> None:
        self.draw.rounded_rectangle(
            self._s(box),
            radius=radius * SCALE,
            fill=fill,
            outline=outline,
            width=round(width * SCALE),
        )

    def ellipse(
        self, box: Box, fill: Color | None = None, outline: Color | None = None, width: float = 0
    ) -> None:
        self.draw.ellipse(self._s(box), fill=fill, outline=outline, width=round(width * SCALE))

    def circle(self, cx: float, cy: float, r: float, **kwargs: object) -> None:
        self.ellipse((cx - r, cy - r, cx + r, cy + r), **kwargs)  # type: ignore[arg-type]

    def polygon(
        self,
        points: list[tuple[float, float]],
        fill: Color | None = None,
        outline: Color | None = None,
        width: float = 0,
    ) -> None:
        scaled = [(x * SCALE, y * SCALE) for x, y in points]
        self.draw.polygon(scaled, fill=fill, outline=outline, width=round(width * SCALE))

    def line(self, points: list[tuple[float, float]], fill: Color, width: float) -> None:
        scaled = [(x * SCALE, y * SCALE) for x, y in points]
        self.draw.line(scaled, fill=fill, width=round(width * SCALE), joint="curve")

    def arc(self, box: Box, start: float, end: float, fill: Color, width: float) -> None:
        self.draw.arc(self._s(box), start, end, fill=fill, width=round(width * SCALE))

    def text(
        self, xy: tuple[float, float], text: str, size: float, fill: Color, anchor: str = "la"
    ) -> None:
        self.draw.text(
            (xy[0] * SCALE, xy[1] * SCALE), text, font=_font(size * SCALE), fill=fill, anchor=anchor
        )

    def png(self, colors: int = 64) -> bytes:
        """Downsample, reduce to a palette (flat artwork loses nothing visible) and compress."""
        small = self.image.resize((self.width, self.height), Image.Resampling.LANCZOS)
        paletted = small.quantize(
            colors=colors, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
        buffer = io.BytesIO()
        paletted.save(buffer, format="PNG", optimize=True)
        return buffer.getvalue()


def _font(size: float) -> ImageFont.FreeTypeFont:
    font = ImageFont.load_default(size=round(size))
    if not isinstance(font, ImageFont.FreeTypeFont):  # Pillow built without FreeType
        raise SystemExit("Pillow needs FreeType support to draw the sample art")
    return font.font_variant(layout_engine=ImageFont.Layout.BASIC)


def leaf(
    c: Canvas, base: tuple[float, float], tip: tuple[float, float], fill: Color, vein: Color
) -> None:
    """A lens-shaped leaf from ``base`` to ``tip`` with a central vein."""
    (bx, by), (tx, ty) = base, tip
    length = math.hypot(tx - bx, ty - by)
    ux, uy = (tx - bx) / length, (ty - by) / length
    nx, ny = -uy, ux
    outline = []
    for side in (1, -1):
        for step in range(21):
            t = step / 20 if side == 1 else 1 - step / 20
            bulge = side * 0.32 * length * math.sin(math.pi * t) * (1 - 0.35 * t)
            outline.append((bx + ux * length * t + nx * bulge, by + uy * length * t + ny * bulge))
    c.polygon(outline, fill=fill)
    c.line(
        [(bx - ux * length * 0.12, by - uy * length * 0.12), (tx, ty)],
        fill=vein,
        width=max(3.0, length / 28),
    )


# ---------------------------------------------------------------------------------------------
# Figures


def certificate() -> bytes:
    """A stylised co-lead certificate: frame, emblem, placeholder lines, seal and signature."""
    width, height = 2000, 1400
    c = Canvas(width, height, background=TINT)
    c.rect((150, 90, 1850, 1310), fill=SAND, outline=GREEN, width=14, radius=10)
    c.rect((190, 130, 1810, 1270), outline=LIGHT_GREEN, width=5, radius=6)
    for cx, cy in ((190, 130), (1810, 130), (190, 1270), (1810, 1270)):
        c.circle(cx, cy, 22, fill=ORANGE)
    # Emblem: a globe with a leaf.
    c.circle(1000, 300, 110, fill=GREEN)
    c.ellipse((935, 190, 1065, 410), outline=SAND, width=7)
    c.line([(890, 300), (1110, 300)], fill=SAND, width=7)
    c.arc((900, 215, 1100, 275), 0, 180, fill=SAND, width=6)
    c.arc((900, 325, 1100, 385), 180, 360, fill=SAND, width=6)
    c.polygon([(1060, 250), (1150, 175), (1130, 270)], fill=ORANGE)
    c.text((1000, 470), "CERTIFICATE OF CO-LEADERSHIP", 62, DARK_GREEN, anchor="mm")
    c.text((1000, 545), "SUSTAINABLE PUBLIC PROCUREMENT PROGRAMME", 34, GREY, anchor="mm")
    c.line([(560, 600), (1440, 600)], fill=ORANGE, width=5)
    # Placeholder lines for the wording, centred and of varying length.
    for row, half in enumerate((560, 480, 620, 420, 520)):
        y = 680 + row * 62
        c.rect((1000 - half, y, 1000 + half, y + 20), fill=LIGHT_GREY, radius=10)
    # Seal with rays.
    cx, cy = 520, 1080
    rays = []
    for k in range(48):
        angle = math.pi * 2 * k / 48
        r = 130 if k % 2 == 0 else 112
        rays.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    c.polygon(rays, fill=ORANGE)
    c.circle(cx, cy, 92, fill=SAND)
    c.circle(cx, cy, 78, outline=ORANGE, width=6)
    c.text((cx, cy - 14), "SPP", 52, ORANGE, anchor="mm")
    c.text((cx, cy + 34), "2025", 30, ORANGE, anchor="mm")
    # Signature over a line.
    points = [
        (1180 + t * 4.4, 1080 - 38 * math.sin(t / 9.0) * math.exp(-t / 140) - t * 0.25)
        for t in range(130)
    ]
    c.line(points, fill=BLUE, width=6)
    c.line([(1150, 1135), (1650, 1135)], fill=GREY, width=4)
    c.rect((1270, 1165, 1530, 1180), fill=LIGHT_GREY, radius=7)
    return c.png()


def procurement_chart() -> bytes:
    """Bar chart: share of tenders with environmental criteria, 2019–2025 (illustrative)."""
    width, height = 2000, 1250
    c = Canvas(width, height)
    left, right, top, bottom = 230, 1900, 120, 1060
    values = [(2019, 21), (2020, 26), (2021, 31), (2022, 38), (2023, 44), (2024, 52), (2025, 58)]
    maximum = 70
    for tick in range(0, maximum + 1, 10):
        y = bottom - (bottom - top) * tick / maximum
        c.line([(left, y), (right, y)], fill=LIGHT_GREY if tick else GREY, width=3)
        c.text((left - 30, y), f"{tick}%", 40, GREY, anchor="rm")
    slot = (right - left) / len(values)
    for index, (year, value) in enumerate(values):
        x0 = left + slot * index + slot * 0.2
        x1 = x0 + slot * 0.6
        y = bottom - (bottom - top) * value / maximum
        colour = ORANGE if year == 2025 else GREEN
        c.rect((x0, y, x1, bottom), fill=colour, radius=8)
        c.rect((x0, bottom - 10, x1, bottom), fill=colour)
        c.text(((x0 + x1) / 2, y + 24), f"{value}%", 42, WHITE, anchor="ma")
        c.text(((x0 + x1) / 2, bottom + 36), str(year), 44, GREY, anchor="ma")
    # Trend line through the bar tops.
    trend = [
        (left + slot * (i + 0.5), bottom - (bottom - top) * v / maximum - 70)
        for i, (_, v) in enumerate(values)
    ]
    c.line(trend, fill=BLUE, width=6)
    for x, y in trend:
        c.circle(x, y, 13, fill=WHITE, outline=BLUE, width=6)
    return c.png()


# ---------------------------------------------------------------------------------------------
# Logos: simple shapes and Latin initials of fictional organisations.


def _wordmark(
    c: Canvas, initials: str, name_lines: tuple[str, ...], x: float, colour: Color
) -> None:
    c.text((x, 150), initials, 120, colour, anchor="ls")
    for row, line in enumerate(name_lines):
        c.text((x + 4, 210 + row * 40), line, 32, GREY, anchor="ls")


def logo_gpa() -> bytes:
    """Green Procurement Alliance: a leaf in a circle."""
    c = Canvas(720, 360)
    c.circle(150, 180, 110, fill=GREEN)
    leaf(c, (95, 250), (215, 105), WHITE, GREEN)
    _wordmark(c, "GPA", ("Green Procurement", "Alliance"), 300, GREEN)
    return c.png()


def logo_cbc() -> bytes:
    """Circular Buildings Coalition: stacked blocks and a circular arrow."""
    c = Canvas(720, 360)
    blocks = [(60, 200, 150, 280), (160, 200, 250, 280), (110, 110, 200, 190)]
    for index, box in enumerate(blocks):
        c.rect(box, fill=(BLUE, SKY, BLUE)[index], radius=6)
    c.arc((40, 60, 270, 300), 200, 330, fill=ORANGE, width=14)
    c.polygon([(238, 70), (272, 110), (222, 116)], fill=ORANGE)
    _wordmark(c, "CBC", ("Circular Buildings", "Coalition"), 300, BLUE)
    return c.png()


def logo_eln() -> bytes:
    """Eco-Label Network: a hexagon with a tick."""
    c = Canvas(720, 360)
    hexagon = [
        (
            150 + 115 * math.cos(math.pi / 3 * k + math.pi / 6),
            180 + 115 * math.sin(math.pi / 3 * k + math.pi / 6),
        )
        for k in range(6)
    ]
    c.polygon(hexagon, fill=ORANGE)
    c.line([(95, 185), (135, 230), (210, 130)], fill=WHITE, width=22)
    _wordmark(c, "ELN", ("Eco-Label", "Network"), 300, (196, 104, 20))
    return c.png()


def logo_ucn() -> bytes:
    """Urban Circularity Network: concentric arcs over a skyline."""
    c = Canvas(720, 360)
    for index, radius in enumerate((115, 85, 55)):
        c.arc(
            (150 - radius, 200 - radius, 150 + radius, 200 + radius),
            180,
            360,
            fill=(GREEN, SKY, ORANGE)[index],
            width=16,
        )
    for x0, h in ((45, 70), (85, 110), (125, 60), (165, 95), (205, 75)):
        c.rect((x0, 280 - h, x0 + 32, 280), fill=DARK_GREEN)
    c.rect((35, 280, 265, 292), fill=DARK_GREEN)
    _wordmark(c, "UCN", ("Urban Circularity", "Network"), 300, DARK_GREEN)
    return c.png()


def logo_tcf() -> bytes:
    """Textile Circularity Fund (partner news): a spool with a looping thread."""
    c = Canvas(720, 360)
    c.rect((70, 70, 230, 100), fill=DARK_GREEN, radius=8)
    c.rect((70, 260, 230, 290), fill=DARK_GREEN, radius=8)
    c.rect((100, 100, 200, 260), fill=SKY)
    for y in range(112, 256, 18):
        c.line([(100, y), (200, y + 8)], fill=BLUE, width=6)
    c.arc((180, 150, 290, 260), 270, 180, fill=ORANGE, width=10)
    _wordmark(c, "TCF", ("Textile Circularity", "Fund"), 310, BLUE)
    return c.png()


# ---------------------------------------------------------------------------------------------
# Report cover


def report_cover() -> bytes:
    """Cover of a fictional guide: colour band, stylised buildings and a leaf, Latin title."""
    width, height = 900, 1270
    c = Canvas(width, height, background=SAND)
    c.rect((0, 0, width, 430), fill=GREEN)
    c.circle(700, 140, 70, fill=ORANGE)
    # Skyline of buildings with windows.
    skyline = [(60, 260), (190, 200), (320, 300), (450, 160), (580, 240), (710, 190)]
    for x0, top in skyline:
        c.rect((x0, top, x0 + 110, 430), fill=DARK_GREEN)
        for wy in range(top + 25, 410, 45):
            for wx in (x0 + 18, x0 + 62):
                c.rect((wx, wy, wx + 30, wy + 22), fill=LIGHT_GREEN)
    c.rect((0, 430, width, 450), fill=ORANGE)
    c.text((70, 560), "SUSTAINABLE", 62, DARK_GREEN)
    c.text((70, 640), "BUILDING MATERIALS", 62, DARK_GREEN)
    c.text((70, 720), "Procurement guide", 44, GREY)
    c.line([(70, 810), (430, 810)], fill=ORANGE, width=8)
    for row, length in enumerate((640, 580, 610, 420)):
        c.rect((70, 860 + row * 44, 70 + length, 878 + row * 44), fill=LIGHT_GREY, radius=9)
    # A leaf in the corner.
    leaf(c, (650, 1180), (820, 990), GREEN, SAND)
    c.text((70, 1180), "2025", 40, GREEN)
    return c.png()


ARTWORK: dict[str, Callable[[], bytes]] = {
    "figure_certificate": certificate,
    "figure_chart": procurement_chart,
    "logo_gpa": logo_gpa,
    "logo_cbc": logo_cbc,
    "logo_eln": logo_eln,
    "logo_ucn": logo_ucn,
    "logo_tcf": logo_tcf,
    "cover_materials": report_cover,
}


def asset_name(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest() + ".png"


def render_all() -> dict[str, bytes]:
    return {key: draw() for key, draw in ARTWORK.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="only compare with the stored art; exit 1 if it is out of date",
    )
    args = parser.parse_args(argv)

    rendered = render_all()
    mapping = {key: asset_name(data) for key, data in rendered.items()}
    old: dict[str, str] = (
        json.loads(MAPPING_FILE.read_text(encoding="utf-8")) if MAPPING_FILE.exists() else {}
    )

    if args.check:
        stale = [
            key
            for key in mapping
            if old.get(key) != mapping[key] or not (ASSETS_DIR / mapping[key]).exists()
        ]
        for key in stale:
            print(f"out of date: {key}", file=sys.stderr)
        return 1 if stale else 0

    ASSETS_DIR.mkdir(parents=True, exist_ok=True)
    for key, data in rendered.items():
        (ASSETS_DIR / mapping[key]).write_bytes(data)

    if ISSUE_FILE.exists():
        text = ISSUE_FILE.read_text(encoding="utf-8")
        for key, new_name in mapping.items():
            old_name = old.get(key)
            if old_name and old_name != new_name:
                text = text.replace(old_name, new_name)
        ISSUE_FILE.write_text(text, encoding="utf-8")
        for key, name in mapping.items():
            if name not in text:
                print(f"note: {key} ({name}) is not used by issue.json", file=sys.stderr)

    for old_name in old.values():
        if old_name not in mapping.values():
            (ASSETS_DIR / old_name).unlink(missing_ok=True)

    MAPPING_FILE.write_text(json.dumps(mapping, indent=2) + "\n", encoding="utf-8")
    total = sum(len(data) for data in rendered.values())
    for key, name in mapping.items():
        print(f"{key:20} {name}  {len(rendered[key]) // 1024:4d} KB")
    print(f"{'total':20} {total // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
