"""Preflight: image resolution at the printed size, named by node id."""

from bulletin_studio.model import (
    Article,
    Figure,
    ImageRef,
    Issue,
    LogoStrip,
    Numbering,
    Section,
    SectionKind,
)
from bulletin_studio.preflight import preflight
from bulletin_studio.render.compose import compose
from bulletin_studio.render.layout import load_layout
from bulletin_studio.storage import AssetStore, sample_document
from tests.strategies import png_bytes


def _issue(assets: AssetStore) -> Issue:
    sharp = ImageRef(asset=assets.add(png_bytes((10, 80, 60), (2400, 1200))))
    soft = ImageRef(asset=assets.add(png_bytes((200, 80, 60), (400, 200))))
    tiny_logo = ImageRef(asset=assets.add(png_bytes((20, 20, 160), (90, 40))))
    good_logo = ImageRef(asset=assets.add(png_bytes((20, 160, 20), (400, 160))))
    return Issue(
        numbering=Numbering(year=2025, number=1, cumulative=22),
        sections=[
            Section(
                id="sec_news",
                kind=SectionKind.NETWORK_NEWS,
                title="新闻",
                items=[
                    Article(
                        id="art_one",
                        title="标题",
                        blocks=[
                            Figure(id="f_sharp", image=sharp, caption="清晰"),
                            Figure(id="f_soft", image=soft, caption="发虚"),
                            LogoStrip(id="g_logos", logos=[tiny_logo, good_logo], caption="标志"),
                        ],
                    )
                ],
            ),
        ],
    )


def test_low_resolution_images_are_reported() -> None:
    assets = AssetStore()
    tree = compose(_issue(assets), load_layout("default"), assets)
    found = {(problem.target_id, problem.field) for problem in preflight(tree)}
    assert found == {("f_soft", "图片"), ("g_logos", "图片")}


def test_sample_issue_is_print_ready() -> None:
    sample = sample_document()
    tree = compose(sample.issue, load_layout("default"), sample.assets)
    assert preflight(tree) == []
