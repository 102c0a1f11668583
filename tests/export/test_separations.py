"""The print PDF on the plates: Ghostscript renders it to CMYK and the inks are measured.

Body text must print from the black plate alone (misregistration cannot fringe it), and a
photo must be separated through the press profile: no pixel clipped to a pure primary and no
more ink than the printing condition takes.
"""

import io
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image, ImageDraw
from tests.writing import WrittenPdf, write_pdf

from bulletin_studio.model import (
    Article,
    Figure,
    ImageRef,
    Issue,
    Numbering,
    Paragraph,
    Section,
    SectionKind,
)
from bulletin_studio.render.compose import compose
from bulletin_studio.render.layout import load_layout
from bulletin_studio.storage import AssetStore

DPI = 150
SCALE = DPI / 72

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("gs") is None, reason="Ghostscript is not installed"),
]


def plates(data: bytes, page: int, tmp_path: Path) -> Image.Image:
    """One page as Ghostscript separates it: a CMYK image, 0 = no ink, 255 = solid."""
    source, target = tmp_path / "in.pdf", tmp_path / f"page{page}.tif"
    source.write_bytes(data)
    subprocess.run(
        [
            "gs",
            "-q",
            "-dBATCH",
            "-dNOPAUSE",
            "-dSAFER",
            "-sDEVICE=tiff32nc",
            f"-r{DPI}",
            f"-dFirstPage={page}",
            f"-dLastPage={page}",
            f"-sOutputFile={target}",
            str(source),
        ],
        check=True,
        timeout=120,
    )
    image = Image.open(target)
    image.load()
    assert image.mode == "CMYK"
    return image


def pixels_in(image: Image.Image, box: tuple[float, float, float, float]) -> list[tuple]:
    """CMYK pixels inside a box given in points from the page's top left, one pixel inset."""
    x0, top, x1, bottom = (round(value * SCALE) for value in box)
    region = image.crop((x0 + 1, top + 1, max(x0 + 2, x1 - 1), max(top + 2, bottom - 1)))
    raw = region.tobytes()
    return [tuple(raw[i : i + 4]) for i in range(0, len(raw), 4)]


def test_body_text_prints_from_the_black_plate_alone(print_pdf: WrittenPdf, tmp_path: Path) -> None:
    page_number = 3
    with pdfplumber.open(io.BytesIO(print_pdf.data)) as pdf:
        page = pdf.pages[page_number - 1]
        body = [
            char
            for char in page.chars
            if abs(char["size"] - 10.5) < 0.01
            and "Serif" in char["fontname"]
            and tuple(char["non_stroking_color"] or ()) == (0, 0, 0, 1)
        ]
    assert len(body) > 300, "page 3 is mostly body text"
    image = plates(print_pdf.data, page_number, tmp_path)
    inked = [
        pixel
        for char in body
        for pixel in pixels_in(image, (char["x0"], char["top"], char["x1"], char["bottom"]))
        if any(pixel)
    ]
    assert len(inked) > 5000
    assert all(pixel[3] > 0 for pixel in inked)
    coloured = [pixel for pixel in inked if any(pixel[:3])]
    assert coloured == []


def photo_png() -> bytes:
    """A true-colour photo stand-in: hue and lightness sweeps, and sRGB's pure primaries."""
    width, height = 600, 400
    image = Image.new("HSV", (width, height))
    draw = ImageDraw.Draw(image)
    for x in range(width):
        for band, (saturation, value) in enumerate(((255, 255), (160, 200), (255, 90))):
            hue = x * 255 // width
            draw.line((x, band * 100, x, band * 100 + 99), fill=(hue, saturation, value))
    rgb = image.convert("RGB")
    draw = ImageDraw.Draw(rgb)
    for index, colour in enumerate(((255, 0, 0), (0, 255, 0), (0, 0, 255), (0, 0, 0))):
        draw.rectangle((index * 150, 300, index * 150 + 149, 399), fill=colour)
    buffer = io.BytesIO()
    rgb.save(buffer, "PNG")
    return buffer.getvalue()


def test_a_photo_is_separated_without_clipping_to_pure_primaries(tmp_path: Path) -> None:
    assets = AssetStore()
    photo = assets.add(photo_png())
    article = Article(
        id="art_photo",
        title="照片",
        blocks=[
            Paragraph(id="p_text", text="照片之前的一段正文。"),
            Figure(id="f_photo", image=ImageRef(asset=photo), caption="色彩分离"),
        ],
    )
    section = Section(id="sec", kind=SectionKind.NETWORK_NEWS, title="栏目", items=[article])
    issue = Issue(numbering=Numbering(year=2025, number=3, cumulative=21), sections=[section])
    written = write_pdf(compose(issue, load_layout("default"), assets))
    (conversion,) = written.result.conversions
    assert conversion.kind == "photo" and conversion.source == "sRGB"
    with pdfplumber.open(io.BytesIO(written.data)) as pdf:
        (placed,) = pdf.pages[1].images
    image = plates(written.data, 2, tmp_path)
    pixels = pixels_in(image, (placed["x0"], placed["top"], placed["x1"], placed["bottom"]))
    assert len(pixels) > 50_000
    coverage = max(sum(pixel) for pixel in pixels) / 2.55
    assert 250 < coverage <= 302, "shadows use the press's ink, never more than its limit"
    clipped = [pixel for pixel in pixels if all(v in (0, 255) for v in pixel) and any(pixel)]
    assert clipped == []
    distinct = set(pixels)
    assert len(distinct) > 700, "every hue of the sweeps keeps its own ink mix"
    blue = pixels_in(image, _quarter(placed, 2))
    c, m, y, k = (sum(pixel[i] for pixel in blue) / len(blue) / 2.55 for i in range(4))
    assert c > 90 and 55 < m < 90 and y < 5 and k < 10, "sRGB blue is a press blue, not C+M"


def _quarter(placed: dict, index: int) -> tuple[float, float, float, float]:
    """The bottom band's ``index``-th colour patch (of four), in page points."""
    width = (placed["x1"] - placed["x0"]) / 4
    height = placed["bottom"] - placed["top"]
    left = placed["x0"] + index * width
    return (left + 3, placed["top"] + height * 0.78, left + width - 3, placed["bottom"] - 3)
