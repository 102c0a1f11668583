"""Where each node is drawn (``PdfResult.regions``): what the preview highlights and maps
clicks with. Checked against the glyphs pdfplumber finds inside each box."""

import io

import pdfplumber
import pytest
from tests.writing import WrittenPdf

from bulletin_studio.render.tree import FigureNode, ListNode, RenderTree, Text
from bulletin_studio.storage import Document


class TextsInBox:
    """The characters whose centre lies inside a box (PDF points, origin bottom-left)."""

    def __init__(self, data: bytes) -> None:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            self.pages = [
                (float(page.height), [dict(char) for char in page.chars]) for page in pdf.pages
            ]

    def __call__(self, page: int, box: tuple[float, float, float, float]) -> str:
        height, chars = self.pages[page - 1]
        x0, y0, x1, y1 = box
        inside = []
        for char in chars:
            x = (char["x0"] + char["x1"]) / 2
            y = height - (char["top"] + char["bottom"]) / 2
            if x0 <= x <= x1 and y0 <= y <= y1:
                inside.append(char["text"])
        return "".join("".join(inside).split())


def _squeezed(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def texts(print_pdf: WrittenPdf) -> TextsInBox:
    return TextsInBox(print_pdf.data)


def test_every_item_and_block_has_a_region_holding_its_text(
    print_pdf: WrittenPdf, sample_tree: RenderTree, texts: TextsInBox
) -> None:
    regions = print_pdf.result.regions
    checked = 0
    for section in sample_tree.sections:
        assert regions[section.anchor], section.title
        assert section.title in texts(*_first(regions[section.anchor]))
        for item in section.items:
            drawn = "".join(texts(region.page, region.box) for region in regions[item.anchor])
            for heading in item.heading:
                assert _squeezed(heading.plain)[:8] in drawn, item.toc_title
            for block in item.body:
                if isinstance(block, Text) and block.anchor != item.anchor:
                    drawn = "".join(texts(r.page, r.box) for r in regions[block.anchor])
                    assert _squeezed(block.plain)[:6] in drawn, block.anchor
                    checked += 1
    assert checked > 30


def _first(regions: tuple) -> tuple[int, tuple[float, float, float, float]]:  # type: ignore[type-arg]
    return regions[0].page, regions[0].box


def test_a_paragraph_split_by_a_page_break_has_a_region_on_each_page(
    print_pdf: WrittenPdf, sample_tree: RenderTree, texts: TextsInBox
) -> None:
    split = {
        node: regions
        for node, regions in print_pdf.result.regions.items()
        if len({region.page for region in regions}) > 1
    }
    assert split, "the sample has paragraphs running over a page"
    for node, regions in split.items():
        pages = [region.page for region in regions]
        assert pages == sorted(pages) and pages[-1] - pages[0] >= 1
        last = regions[-1]
        x0, y0, x1, y1 = last.box
        assert print_pdf.result.node_at(last.page, (x0 + x1) / 2, (y0 + y1) / 2) == node
        assert texts(last.page, last.box), node


def test_lists_and_figures_are_regions_of_their_block(
    print_pdf: WrittenPdf, sample_tree: RenderTree, texts: TextsInBox
) -> None:
    regions = print_pdf.result.regions
    kinds = set()
    for section in sample_tree.sections:
        for item in section.items:
            for block in item.body:
                if isinstance(block, ListNode):
                    drawn = "".join(texts(r.page, r.box) for r in regions[block.anchor])
                    for entry in block.entries:  # later entries too, not only the anchored one
                        assert (
                            _squeezed(entry.lead + "".join(run.text for run in entry.runs))[:6]
                            in drawn
                        )
                    kinds.add("list")
                elif isinstance(block, FigureNode) and block.pictures:
                    assert block.anchor is not None
                    assert len(regions[block.anchor]) >= 1 + (block.caption is not None)
                    kinds.add(block.kind)
    assert kinds == {"list", "figure", "logos"}


def test_a_click_finds_the_innermost_node(
    print_pdf: WrittenPdf, sample_tree: RenderTree, sample: Document
) -> None:
    result = print_pdf.result
    partner = next(section for section in sample_tree.sections if section.columns == 2)
    item = partner.items[0]
    block = next(block for block in item.body if isinstance(block, Text))
    region = result.regions[block.anchor][0]
    x0, y0, x1, y1 = region.box
    assert result.node_at(region.page, (x0 + x1) / 2, (y0 + y1) / 2) == block.anchor
    title = result.regions[item.anchor][0]
    x0, y0, x1, y1 = title.box
    assert result.node_at(title.page, (x0 + x1) / 2, (y0 + y1) / 2) == item.anchor
    assert result.node_at(region.page, 2.0, 2.0) is None  # the sheet's corner, outside the bleed


def test_masthead_and_colophon_are_regions(print_pdf: WrittenPdf, texts: TextsInBox) -> None:
    result = print_pdf.result
    (masthead,) = result.regions["masthead"]
    assert masthead.page == 1
    assert "可持续公共采购计划简报" in texts(1, masthead.box)
    colophon = result.regions["colophon"]
    assert {region.page for region in colophon} == {result.pages}


def test_regions_are_measured_on_the_sheet(print_pdf: WrittenPdf, screen_pdf: WrittenPdf) -> None:
    """Print adds bleed and crop-mark room around the trim: every box moves by that offset."""
    printed, screen = print_pdf.result.regions, screen_pdf.result.regions
    assert printed.keys() == screen.keys()
    offsets = {
        (round(p.box[0] - s.box[0], 2), round(p.box[1] - s.box[1], 2))
        for node in printed
        for p, s in zip(printed[node], screen[node], strict=True)
    }
    assert len(offsets) == 1
    ((dx, dy),) = offsets
    assert dx == dy > 8  # 3 mm bleed + 7 mm for crop marks
