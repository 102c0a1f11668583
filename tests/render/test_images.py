"""Every image is decoded before composing; what does not decode is left out and reported."""

from tests.hostile_images import jpeg, png_cut_pixels, png_long_ihdr

from bulletin_studio import messages
from bulletin_studio.model import Article, Figure, ImageRef, Issue, Numbering, Section
from bulletin_studio.preflight import preflight
from bulletin_studio.render.compose import compose
from bulletin_studio.render.images import inspect_image
from bulletin_studio.render.layout import load_layout
from bulletin_studio.storage import AssetStore


def test_decoding_tells_a_cut_pixel_stream_that_checksums_miss() -> None:
    assets = AssetStore()
    name = assets.add(png_cut_pixels())  # storage's header and CRC checks pass
    info = inspect_image(name, assets[name])
    assert not info.usable and "损坏" in info.problem


def test_unusable_images_are_left_out_and_reported_on_their_block() -> None:
    assets = AssetStore()
    broken = ImageRef(asset=assets.add(png_cut_pixels()))
    fine = ImageRef(asset=assets.add(jpeg("CMYK", jfif=False)))
    odd = ImageRef(asset=assets.add(png_long_ihdr()))
    article = Article(
        title="标题",
        blocks=[
            Figure(id="f_broken", image=broken, caption="坏图"),
            Figure(id="f_cmyk", image=fine, caption="印刷用图"),
            Figure(id="f_odd", image=odd, caption="头部多一字节"),
        ],
    )
    issue = Issue(
        numbering=Numbering(year=2024, number=1, cumulative=1),
        sections=[Section(items=[article])],
    )
    tree = compose(issue, load_layout("default"), assets)
    figures = tree.sections[0].items[0].body
    assert [len(figure.pictures) for figure in figures] == [0, 1, 1]  # type: ignore[union-attr]
    cmyk = figures[1].pictures[0]  # type: ignore[union-attr]
    assert (cmyk.format, cmyk.mode, cmyk.jfif) == ("JPEG", "CMYK", False)
    errors = [problem for problem in preflight(tree) if problem.severity == "error"]
    assert [(problem.target_id, problem.field) for problem in errors] == [("f_broken", "图片")]


def test_a_cached_verdict_is_worded_in_the_language_asked_for_later() -> None:
    """Decoding is cached per process; the reason is worded each time it is read."""
    assets = AssetStore()
    name = assets.add(png_cut_pixels())
    assert "图片数据已损坏" in inspect_image(name, assets[name]).problem
    messages.use_language("en")
    problem = inspect_image(name, assets[name]).problem
    assert problem.startswith("The image data is damaged and cannot be decoded: ")
