"""Preflight: what can be stored and drawn, but would print badly.

Model checks (``model.problems``) see the content (an empty section, a missing caption); these
see the content placed by a layout: an image's resolution at the size it is printed. Glyph
coverage is reported by the PDF export itself, which knows the faces it chose.
"""

from collections.abc import Iterator

from bulletin_studio.messages import QT_TRANSLATE_NOOP
from bulletin_studio.model.problems import Problem, field_name
from bulletin_studio.render.layout import Layout
from bulletin_studio.render.tree import FigureNode, Picture, RenderTree, SectionNode

MIN_PPI = 300
"""Below this, photos and logos look soft in offset print."""

MM_PER_INCH = 25.4


def preflight(tree: RenderTree) -> list[Problem]:
    """Every print problem of the composed issue, in reading order."""
    unusable = [
        Problem(
            severity="error",
            target_id=image.anchor,
            field=field_name("image"),
            message=QT_TRANSLATE_NOOP(
                "Preflight", "{reason} ({asset}…): choose this image again"
            ).format(reason=image.reason, asset=image.asset[:12]),
        )
        for image in tree.unusable_images
    ]
    return unusable + [
        problem for section in tree.sections for problem in _image_problems(section, tree.layout)
    ]


def _image_problems(section: SectionNode, layout: Layout) -> Iterator[Problem]:
    width_mm = layout.column_width(section.columns)
    figures = layout.figures
    for item in section.items:
        if item.cover is not None:
            yield from _resolution(item.cover, width_mm * figures.cover_width, None, item.anchor)
        for block in item.body:
            if not isinstance(block, FigureNode):
                continue
            for picture in block.pictures:
                if block.kind == "logos":
                    yield from _resolution(picture, None, figures.logo_height, block.anchor)
                else:
                    yield from _resolution(
                        picture, width_mm * block.width_fraction, None, block.anchor
                    )


def _resolution(
    picture: Picture, width_mm: float | None, height_mm: float | None, anchor: str | None
) -> Iterator[Problem]:
    if width_mm is not None:
        ppi = picture.pixel_width / (width_mm / MM_PER_INCH)
    else:
        assert height_mm is not None
        ppi = picture.pixel_height / (height_mm / MM_PER_INCH)
    if ppi < MIN_PPI:
        yield Problem(
            severity="warning",
            target_id=anchor,
            field=field_name("image"),
            message=QT_TRANSLATE_NOOP(
                "Preflight",
                "At its printed size the image has only {ppi} ppi (at least {min_ppi} ppi "
                "recommended) and may print blurred: {width}×{height} pixels",
            ).format(
                ppi=f"{ppi:.0f}",
                min_ppi=MIN_PPI,
                width=picture.pixel_width,
                height=picture.pixel_height,
            ),
        )
