"""Highlight shapes: the boxes of a node, joined per column so an item reads as one mark."""

from hypothesis import given
from hypothesis import strategies as st

from bulletin_studio.ui.page_view import merge_boxes


def test_a_heading_and_its_paragraphs_become_one_box_per_column() -> None:
    left = [(50, 700, 280, 740), (50, 640, 280, 696), (50, 560, 280, 630)]
    right = [(300, 700, 530, 760), (300, 600, 530, 690)]
    merged = sorted(merge_boxes(left + right))
    assert merged == [(50, 560, 280, 740), (300, 600, 530, 760)]


def test_a_figure_between_paragraphs_joins_both() -> None:
    """The narrower picture links the paragraph above to the one below."""
    column = [(50, 700, 280, 740), (50, 560, 280, 596), (120, 600, 210, 690)]
    assert merge_boxes(column) == [(50, 560, 280, 740)]


def test_boxes_far_apart_stay_apart() -> None:
    assert len(merge_boxes([(50, 700, 280, 740), (50, 100, 280, 140)])) == 2


boxes = st.builds(
    lambda x, y, w, h: (x, y, x + w, y + h),
    st.floats(0, 500),
    st.floats(0, 800),
    st.floats(1, 300),
    st.floats(1, 300),
)


@given(st.lists(boxes, max_size=25))
def test_every_box_is_inside_a_merged_box(found: list[tuple[float, float, float, float]]) -> None:
    merged = merge_boxes(found)
    assert len(merged) <= len(found)
    for x0, y0, x1, y1 in found:
        assert any(m[0] <= x0 and m[1] <= y0 and m[2] >= x1 and m[3] >= y1 for m in merged)
