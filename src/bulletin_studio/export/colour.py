"""Colour management of the print variant: pictures separated for the press with LittleCMS.

The layout gives its colours in CMYK already, so only pictures need converting. Each one goes
from its own ICC profile (sRGB when it has none) to the output profile of the printing
condition (FOGRA39 unless the layout or the settings name another):

- photos: relative colorimetric with black-point compensation, the usual choice for images
  whose colours mostly fit the press gamut (out-of-gamut colours are clipped to the nearest
  printable one, never to a pure primary, and shadows keep their detail);
- line art (a handful of flat colours) and greyscale pictures: the same for colours, but every
  neutral (R = G = B) becomes black ink alone at the lightness the photo conversion would
  give, so black type in a logo prints from one plate instead of a rich four-ink black.

A picture with 256 colours or fewer stays indexed (a CMYK palette), as compact as its PNG.
"""

import io
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Literal

from PIL import Image, ImageCms, UnidentifiedImageError

from bulletin_studio.errors import BulletinError
from bulletin_studio.messages import QT_TRANSLATE_NOOP
from bulletin_studio.paths import PROFILES_DIR

LINE_ART_COLOURS = 16
"""A picture with at most this many colours is line art (a logo, a chart), not a photo."""

SRGB_PROFILE = PROFILES_DIR / "sRGB.icc"
"""The screen variant's output intent, and the source profile of pictures that carry none."""

REGISTRY = "http://www.color.org"
"""Where the bundled printing conditions (FOGRA39, …) are registered."""

PictureKind = Literal["photo", "line_art", "greyscale", "cmyk"]


class ColourError(BulletinError):
    """An output profile that cannot be used; the message names the file and what to do."""


@dataclass(frozen=True)
class OutputProfile:
    """An ICC profile a PDF is made for: the printing condition, or sRGB for the screen."""

    path: Path
    description: str
    identifier: str
    """``OutputConditionIdentifier``: the registered name of a bundled condition (FOGRA39),
    else the profile's own description."""
    registered: bool
    components: int
    data: bytes = field(repr=False)

    @cached_property
    def cms(self) -> ImageCms.ImageCmsProfile:
        return ImageCms.ImageCmsProfile(io.BytesIO(self.data))


def load_profile(spec: str | Path) -> OutputProfile:
    """A bundled profile by name (``FOGRA39``, ``sRGB``) or an ``.icc`` file by path."""
    bundled = PROFILES_DIR / f"{spec}.icc"
    registered = isinstance(spec, str) and "/" not in spec and bundled.is_file()
    path = bundled if registered else Path(spec).expanduser()
    try:
        stat = path.stat()
    except OSError:
        known = ", ".join(sorted(p.stem for p in PROFILES_DIR.glob("*.icc")))
        raise ColourError(
            QT_TRANSLATE_NOOP(
                "Export",
                "Colour profile {path} does not exist: in the layout's [print] profile or the "
                "settings file, write a bundled name ({known}) or the path of the .icc file "
                "the print shop gave you",
            ).format(path=path, known=known)
        ) from None
    return _load(path.resolve(), stat.st_mtime_ns, stat.st_size, registered)


def print_profile(spec: str | Path) -> OutputProfile:
    """The output profile of the print variant: it must describe a CMYK press."""
    profile = load_profile(spec)
    if profile.components != 4:
        raise ColourError(
            QT_TRANSLATE_NOOP(
                "Export",
                "Colour profile {path} ({description}) is not a CMYK output profile: the print "
                "variant needs the print shop's CMYK profile",
            ).format(path=profile.path, description=profile.description)
        )
    return profile


@cache
def _load(path: Path, mtime_ns: int, size: int, registered: bool) -> OutputProfile:
    """Read once per file version (a changed file is read again)."""
    data = path.read_bytes()
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(data))
    except (OSError, ImageCms.PyCMSError):
        raise ColourError(
            QT_TRANSLATE_NOOP("Export", "Colour profile {path} is not a valid ICC profile").format(
                path=path
            )
        ) from None
    description = ImageCms.getProfileDescription(profile).strip() or path.stem
    space = profile.profile.xcolor_space.strip()
    components = {"CMYK": 4, "RGB": 3, "GRAY": 1}.get(space, 0)
    identifier = path.stem if registered else description
    return OutputProfile(path, description, identifier, registered, components, data)


@dataclass(frozen=True)
class ImageConversion:
    """How one picture reached the plates: what the preflight report lists."""

    asset: str
    source: str
    target: str
    kind: PictureKind
    flattened: bool
    """Its transparency was composited onto the paper white it is printed on."""


@dataclass(frozen=True)
class Separated:
    """A picture in the press's colours: ``pixels`` is CMYK, or palette indices (mode "P")
    into ``palette`` (four bytes per entry, CMYK)."""

    pixels: Image.Image = field(repr=False)
    palette: bytes | None
    conversion: ImageConversion
    own_indices: bool = False
    """``pixels`` are the file's own palette indices, so its stored index data can be used."""


def separate(asset: str, data: bytes, profile: OutputProfile) -> Separated:
    """Convert a picture (PNG, JPEG, …) to the output profile's CMYK (see the module doc)."""
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError) as error:
        raise ColourError(
            QT_TRANSLATE_NOOP("Export", "Cannot read image {asset}: {reason}").format(
                asset=asset, reason=error
            )
        ) from None
    if image.mode == "CMYK":
        conversion = ImageConversion(asset, "CMYK", profile.description, "cmyk", False)
        return Separated(image, None, conversion)
    source = image.info.get("icc_profile")
    transform = _photo_transform(source, profile)
    if image.mode == "P" and "transparency" not in image.info:
        kept = _separate_indexed(asset, image, source, transform, profile)
        if kept is not None:
            return kept
    rgb, flattened = _flattened_rgb(image)
    colours = rgb.getcolors(256)
    indexed = _indexed(rgb, [colour for _, colour in colours]) if colours is not None else None
    if indexed is None:
        pixels = ImageCms.applyTransform(rgb, transform)
        assert pixels is not None
        conversion = ImageConversion(
            asset, _source_name(source), profile.description, "photo", flattened
        )
        return Separated(pixels, None, conversion)
    indices, entries = indexed
    kind = _kind(entries)
    cmyk = _convert_entries(entries, transform, profile, black_only_neutrals=kind != "photo")
    conversion = ImageConversion(asset, _source_name(source), profile.description, kind, flattened)
    return Separated(indices, b"".join(bytes(entry) for entry in cmyk), conversion)


def _separate_indexed(
    asset: str,
    image: Image.Image,
    source: bytes | None,
    transform: ImageCms.ImageCmsTransform,
    profile: OutputProfile,
) -> Separated | None:
    """An opaque palette picture keeps its indices and only its palette is converted: no
    expansion to RGB and back (a third of a print export's picture time went there).

    None when a pixel points past the palette (a damaged file): the RGB route copes.
    """
    entries = _palette(image)
    counted = image.getcolors(256) or []
    if not entries or any(index >= len(entries) for _, index in counted):
        return None
    kind = _kind([entries[index] for _, index in counted])
    cmyk = _convert_entries(entries, transform, profile, black_only_neutrals=kind != "photo")
    conversion = ImageConversion(asset, _source_name(source), profile.description, kind, False)
    return Separated(image, b"".join(bytes(entry) for entry in cmyk), conversion, True)


def _kind(colours: list[tuple[int, int, int]]) -> PictureKind:
    """Greyscale when every colour is neutral, line art when there are few, else a photo."""
    if all(r == g == b for r, g, b in colours):
        return "greyscale"
    return "line_art" if len(colours) <= LINE_ART_COLOURS else "photo"


def _source_name(icc: bytes | None) -> str:
    if icc is None:
        return "sRGB"
    try:
        return ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(icc))).strip()
    except (OSError, ImageCms.PyCMSError):
        return "sRGB"


def _flattened_rgb(image: Image.Image) -> tuple[Image.Image, bool]:
    """RGB on white: every picture of these layouts sits on paper, and PDF/X-1a allows no
    transparency (flattening onto the known white gives the same print in both standards)."""
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    if not has_alpha:
        return image.convert("RGB"), False
    rgba = image.convert("RGBA")
    white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    return Image.alpha_composite(white, rgba).convert("RGB"), True


def _photo_transform(source: bytes | None, profile: OutputProfile) -> ImageCms.ImageCmsTransform:
    return _transform(source or SRGB_PROFILE.read_bytes(), profile)


@cache
def _transform(source: bytes, profile: OutputProfile) -> ImageCms.ImageCmsTransform:
    """Relative colorimetric with black-point compensation, built once per profile pair."""
    try:
        source_profile = ImageCms.ImageCmsProfile(io.BytesIO(source))
    except (OSError, ImageCms.PyCMSError):
        source_profile = ImageCms.ImageCmsProfile(str(SRGB_PROFILE))
    return ImageCms.buildTransform(
        source_profile,
        profile.cms,
        "RGB",
        "CMYK",
        renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
        flags=ImageCms.Flags.BLACKPOINTCOMPENSATION,
    )


def _convert_entries(
    entries: list[tuple[int, int, int]],
    transform: ImageCms.ImageCmsTransform,
    profile: OutputProfile,
    *,
    black_only_neutrals: bool,
) -> list[tuple[int, int, int, int]]:
    strip = Image.frombytes("RGB", (len(entries), 1), b"".join(bytes(entry) for entry in entries))
    converted = ImageCms.applyTransform(strip, transform)
    assert converted is not None
    raw = converted.tobytes()
    cmyk = [(raw[i], raw[i + 1], raw[i + 2], raw[i + 3]) for i in range(0, len(raw), 4)]
    if black_only_neutrals:
        lightness = _lightness(converted, profile)
        for index, (r, g, b) in enumerate(entries):
            if r == g == b:
                cmyk[index] = (0, 0, 0, black_for_lightness(lightness[index], profile))
    return cmyk


def _lightness(cmyk: Image.Image, profile: OutputProfile) -> list[float]:
    """L* (0–100) of CMYK values printed under the profile's condition."""
    lab = ImageCms.applyTransform(cmyk, _to_lab(profile))
    assert lab is not None
    return [lightness * 100 / 255 for lightness in lab.tobytes()[::3]]


@cache
def _to_lab(profile: OutputProfile) -> ImageCms.ImageCmsTransform:
    return ImageCms.buildTransform(
        profile.cms,
        ImageCms.createProfile("LAB"),
        "CMYK",
        "LAB",
        renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
    )


@cache
def _black_ramp(profile: OutputProfile) -> list[float]:
    """L* of black ink alone at each of 256 levels, lightest (no ink) first."""
    ramp = Image.frombytes("CMYK", (256, 1), b"".join(bytes((0, 0, 0, k)) for k in range(256)))
    return _lightness(ramp, profile)


def black_for_lightness(lightness: float, profile: OutputProfile) -> int:
    """The black-ink level (0–255) that prints closest to ``lightness`` (L*)."""
    ramp = _black_ramp(profile)
    descending = [-value for value in ramp]
    level = bisect_left(descending, -lightness)
    if level >= len(ramp):
        return 255
    if level and abs(ramp[level - 1] - lightness) <= abs(ramp[level] - lightness):
        return level - 1
    return level


def _indexed(
    rgb: Image.Image, colours: list[tuple[int, int, int]]
) -> tuple[Image.Image, list[tuple[int, int, int]]] | None:
    """The picture as indices into its own colours, exactly (None if that fails).

    Median cut asked for as many colours as the picture has puts each colour in a box of its
    own, so a palette of exactly those colours proves every pixel kept its colour. Mapping onto
    a given palette (``quantize(palette=…)``) looks colours up at reduced precision: it moved
    one pixel in ten of a 200-colour picture to a neighbouring colour, and could turn a black
    (black ink alone) into a near-black (four inks) or back.
    """
    indices = rgb.quantize(len(colours), Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    entries = _palette(indices)
    if sorted(entries) != sorted(colours):
        return None
    return indices, entries


def _palette(image: Image.Image) -> list[tuple[int, int, int]]:
    """A palette picture's entries, in index order."""
    flat = image.getpalette("RGB") or []
    return [(flat[i], flat[i + 1], flat[i + 2]) for i in range(0, len(flat) - 2, 3)]
