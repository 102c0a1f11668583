"""Screen images reach the PDF pixel for pixel, whether embedded as they are or re-encoded."""

import io
import subprocess
from pathlib import Path

import pikepdf
import pytest
from PIL import Image, ImageDraw
from reportlab.pdfgen.canvas import Canvas

from bulletin_studio.export.colour import print_profile
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


def _cmyk_pixels(image: FlateImage, tmp_path: Path, name: str) -> list[bytes]:
    """Every pixel's CMYK as a PDF reader sees it: the stream decoded (predictors included),
    its indices looked up in the /Indexed palette."""
    canvas = Canvas(str(tmp_path / f"{name}.pdf"), invariant=1)
    canvas._setXObjects(image)
    canvas._doc.Reference(image, canvas._doc.getXObjectName(name))
    canvas._doc.addForm(name, image)
    canvas.save()
    with pikepdf.open(tmp_path / f"{name}.pdf") as pdf:
        (stream,) = [
            obj
            for obj in pdf.objects
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image"
        ]
        depth = int(stream.BitsPerComponent)
        width, height = int(stream.Width), int(stream.Height)
        space = stream.ColorSpace
        palette = bytes(space[3]) if isinstance(space[3], pikepdf.String) else space[3].read_bytes()
        raw = stream.read_bytes()
    rawmode = "P" if depth == 8 else f"P;{depth}"
    indices = Image.frombytes("P", (width, height), raw, "raw", rawmode).tobytes()
    return [palette[index * 4 : index * 4 + 4] for index in indices]


@pytest.mark.parametrize("colours", [2, 4, 16, 200])
def test_a_palette_png_prints_its_own_stream_with_the_colours_of_the_rgb_route(
    tmp_path: Path, colours: int
) -> None:
    gradient = Image.linear_gradient("L").resize((97, 61))
    rich = Image.merge("RGB", (gradient, gradient.rotate(90), gradient.transpose(0)))
    picture = rich.quantize(colours, dither=Image.Dither.NONE)
    indexed = io.BytesIO()
    picture.save(indexed, "PNG")
    rgb = io.BytesIO()
    picture.convert("RGB").save(rgb, "PNG")
    press = print_profile("FOGRA39")

    image, conversion = prepared_image(f"indexed-{colours}", indexed.getvalue(), press)
    reference, reference_conversion = prepared_image(f"rgb-{colours}", rgb.getvalue(), press)

    assert isinstance(image, FlateImage) and image.predictor, "the PNG's own stream"
    assert image.bitsPerComponent == {2: 1, 4: 2, 16: 4, 200: 8}[colours], "the PNG's depth"
    assert conversion is not None and reference_conversion is not None
    assert conversion.kind == reference_conversion.kind
    assert _cmyk_pixels(image, tmp_path, "indexed") == _cmyk_pixels(reference, tmp_path, "rgb")
