"""Screen images reach the PDF pixel for pixel, whether embedded as they are or re-encoded."""

import io
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from reportlab.pdfgen.canvas import Canvas

from bulletin_studio.export.pdf_images import FlateImage, Pictures, prepared_image


def _picture(mode: str) -> bytes:
    """Quadrants and a diagonal: any row misalignment or lost predictor shows at once."""
    image = Image.new("RGB", (97, 61), (250, 250, 245))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 48, 30), fill=(30, 110, 85))
    draw.rectangle((49, 31, 96, 60), fill=(238, 143, 46))
    draw.line((0, 60, 96, 0), fill=(17, 104, 154), width=3)
    if mode == "RGBA":
        image = image.convert("RGBA")
        image.putalpha(Image.new("L", image.size, 255))
    elif mode == "P":
        image = image.convert("P", palette=Image.Palette.ADAPTIVE, colors=16)
    else:
        image = image.convert(mode)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("mode", "passthrough"),
    [
        ("RGB", True),
        ("L", True),
        ("P", True),
        ("RGBA", False),
    ],
)
def test_image_round_trips_exactly(tmp_path: Path, mode: str, passthrough: bool) -> None:
    data = _picture(mode)
    name = f"{mode.lower():0<64}.png"
    image, conversion = prepared_image(name, data)
    assert isinstance(image, FlateImage) == passthrough
    assert conversion is None
    canvas = Canvas(str(tmp_path / "image.pdf"), invariant=1)
    Pictures(None).draw(canvas, name, data, 10, 10, 97, 61)
    canvas.save()
    subprocess.run(
        ["pdfimages", "-png", str(tmp_path / "image.pdf"), str(tmp_path / "out")], check=True
    )
    extracted = Image.open(tmp_path / "out-000.png").convert("RGB")
    original = Image.open(io.BytesIO(data)).convert("RGB")
    assert extracted.size == original.size
    assert extracted.tobytes() == original.tobytes()
