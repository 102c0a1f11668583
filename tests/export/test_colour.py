"""Pictures separated for the press: black stays black ink alone in line art, photos fit the
press's gamut and ink limit, transparency lands on paper white, bad profiles are named."""

import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from bulletin_studio.export.colour import ColourError, load_profile, print_profile, separate
from bulletin_studio.paths import PROFILES_DIR


@pytest.fixture(scope="module")
def press():  # type: ignore[no-untyped-def]
    return print_profile("FOGRA39")


def png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def cmyk_of(separated, index: int) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    palette = separated.palette
    return tuple(palette[index * 4 : index * 4 + 4])


def test_line_art_black_is_black_ink_alone_and_white_is_no_ink(press) -> None:  # type: ignore[no-untyped-def]
    logo = Image.new("RGB", (60, 20), (255, 255, 255))
    draw = ImageDraw.Draw(logo)
    draw.rectangle((0, 0, 19, 19), fill=(0, 0, 0))
    draw.rectangle((20, 0, 39, 19), fill=(128, 128, 128))
    draw.rectangle((40, 0, 59, 19), fill=(29, 107, 85))
    separated = separate("logo", png(logo), press)
    assert separated.conversion.kind == "line_art"
    black, grey, green = (
        cmyk_of(separated, separated.pixels.getpixel((x, 5))) for x in (5, 25, 45)
    )
    assert black == (0, 0, 0, 255)
    assert grey[:3] == (0, 0, 0) and 100 < grey[3] < 200
    assert sum(1 for ink in green if ink) >= 3, "colours go through the profile"
    white = Image.new("RGB", (4, 4), (255, 255, 255))
    assert cmyk_of(separate("white", png(white), press), 0) == (0, 0, 0, 0)


def test_a_greyscale_picture_prints_from_the_black_plate(press) -> None:  # type: ignore[no-untyped-def]
    ramp = Image.linear_gradient("L").resize((64, 64))
    separated = separate("ramp", png(ramp), press)
    assert separated.conversion.kind == "greyscale"
    palette = separated.palette
    assert palette is not None
    entries = [palette[i : i + 4] for i in range(0, len(palette), 4)]
    assert all(entry[:3] == b"\0\0\0" for entry in entries)
    assert max(entry[3] for entry in entries) == 255


def test_a_photo_keeps_to_the_ink_limit_and_loses_no_shadow(press) -> None:  # type: ignore[no-untyped-def]
    photo = Image.radial_gradient("L").convert("RGB")
    photo = Image.merge(
        "RGB", (photo.getchannel(0), Image.linear_gradient("L"), photo.getchannel(0).rotate(90))
    )
    separated = separate("photo", png(photo), press)
    assert separated.conversion.kind == "photo"
    pixels = separated.pixels
    assert pixels.mode == "CMYK" and separated.palette is None
    raw = pixels.tobytes()
    totals = [sum(raw[i : i + 4]) for i in range(0, len(raw), 4)]
    assert max(totals) / 2.55 <= 301


def test_transparency_is_composited_onto_paper_white(press) -> None:  # type: ignore[no-untyped-def]
    image = Image.new("RGBA", (8, 8), (0, 0, 0, 0))
    ImageDraw.Draw(image).rectangle((0, 0, 3, 7), fill=(0, 0, 0, 255))
    separated = separate("alpha", png(image), press)
    assert separated.conversion.flattened
    assert cmyk_of(separated, separated.pixels.getpixel((6, 4))) == (0, 0, 0, 0)
    assert cmyk_of(separated, separated.pixels.getpixel((1, 4))) == (0, 0, 0, 255)


def test_a_cmyk_picture_is_kept_as_it_is(press) -> None:  # type: ignore[no-untyped-def]
    image = Image.new("CMYK", (4, 4), (10, 20, 30, 40))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=100)
    separated = separate("cmyk", buffer.getvalue(), press)
    assert separated.conversion.kind == "cmyk" and separated.pixels.mode == "CMYK"


def test_profiles_are_named_when_they_cannot_be_used(tmp_path: Path) -> None:
    with pytest.raises(ColourError, match="不存在") as missing:
        print_profile(tmp_path / "JapanColor2001Coated.icc")
    assert "JapanColor2001Coated.icc" in missing.value.message
    broken = tmp_path / "broken.icc"
    broken.write_bytes(b"not a profile")
    with pytest.raises(ColourError, match="不是有效的 ICC"):
        print_profile(broken)
    with pytest.raises(ColourError, match="不是 CMYK"):
        print_profile(PROFILES_DIR / "sRGB.icc")
    custom = tmp_path / "press.icc"
    custom.write_bytes((PROFILES_DIR / "FOGRA39.icc").read_bytes())
    profile = print_profile(custom)
    assert not profile.registered and profile.identifier == profile.description
    assert load_profile("sRGB").components == 3


def test_every_pixel_keeps_its_own_colour_when_indexed(press) -> None:  # type: ignore[no-untyped-def]
    gradient = Image.linear_gradient("L").resize((97, 61))
    rich = Image.merge("RGB", (gradient, gradient.rotate(90), gradient.transpose(0)))
    picture = rich.quantize(200, dither=Image.Dither.NONE).convert("RGB")
    separated = separate("many", png(picture), press)
    assert separated.palette is not None and separated.conversion.kind == "photo"
    flat = separated.pixels.getpalette("RGB")
    looked_up = [tuple(flat[i * 3 : i * 3 + 3]) for i in separated.pixels.get_flattened_data()]
    assert looked_up == list(picture.get_flattened_data())


def test_near_black_stays_apart_from_black_in_line_art(press) -> None:  # type: ignore[no-untyped-def]
    logo = Image.new("RGB", (30, 10), (255, 255, 255))
    draw = ImageDraw.Draw(logo)
    draw.rectangle((0, 0, 9, 9), fill=(0, 0, 0))
    draw.rectangle((10, 0, 19, 9), fill=(1, 2, 3))
    separated = separate("logo", png(logo), press)
    assert separated.conversion.kind == "line_art"
    black = cmyk_of(separated, separated.pixels.getpixel((5, 5)))
    near_black = cmyk_of(separated, separated.pixels.getpixel((15, 5)))
    assert black == (0, 0, 0, 255)
    assert sum(1 for ink in near_black[:3] if ink) == 3, "a colour, through the profile"
