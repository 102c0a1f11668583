"""The preview renders the real PDF off the GUI thread, follows the selected item, maps clicks
on its pages back to the forms, zooms and pages, and shows the layout chosen above it."""

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication

from bulletin_studio.model import Colophon
from bulletin_studio.storage import sample_document
from bulletin_studio.ui import document_prefs
from bulletin_studio.ui.page_view import MARGIN, ZOOM_STEPS, Fit, PagePoint


def test_preview_shows_the_page_of_the_selected_item(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(with_preview=True, document=sample_document())
    preview = window.preview
    with qtbot.waitSignal(preview.rendered, timeout=90_000):
        pass
    assert preview.document.pageCount() > 2
    last_section = window.editor.issue.sections[-1]
    item = last_section.items[-1]
    expected = preview.anchor_pages[item.id]
    assert expected > 1
    window.outline.select(item.id)
    qtbot.waitUntil(lambda: preview.current_page() == expected - 1, timeout=5_000)


def test_preview_shows_page_one_for_masthead_and_last_page_for_colophon(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(with_preview=True, document=sample_document())
    preview = window.preview
    with qtbot.waitSignal(preview.rendered, timeout=90_000):
        pass
    last = preview.document.pageCount() - 1
    assert last > 1
    window.outline.select("colophon")
    qtbot.waitUntil(lambda: preview.current_page() == last, timeout=5_000)
    window.outline.select("masthead")
    qtbot.waitUntil(lambda: preview.current_page() == 0, timeout=5_000)


def test_empty_colophon_still_goes_to_the_last_page(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    document = sample_document()
    document.issue.colophon = Colophon()
    window = make_window(with_preview=True, document=document)
    preview = window.preview
    window.outline.select("colophon")  # before the first render: the jump waits for it
    with qtbot.waitSignal(preview.rendered, timeout=90_000) as rendered:
        pass
    assert "colophon" not in rendered.args[0].result.anchor_pages
    last = preview.document.pageCount() - 1
    qtbot.waitUntil(lambda: preview.current_page() == last, timeout=5_000)


def _rendered_window(make_window, qtbot):  # type: ignore[no-untyped-def]
    window = make_window(with_preview=True, document=sample_document())
    with qtbot.waitSignal(window.preview.rendered, timeout=90_000):
        pass
    qtbot.waitUntil(window.preview.page_view.isVisible)
    # the pages in view come first; the whole issue follows and reloads the view
    qtbot.waitUntil(lambda: not window.preview.is_busy(), timeout=90_000)
    return window


def _centre(box: tuple[float, float, float, float]) -> tuple[float, float]:
    x0, y0, x1, y1 = box
    return (x0 + x1) / 2, (y0 + y1) / 2


def test_click_on_the_page_opens_that_block_in_its_form(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = _rendered_window(make_window, qtbot)
    preview, view = window.preview, window.preview.page_view
    article = window.editor.issue.sections[1].items[0]
    block = article.blocks[1]
    region = preview.result.regions[block.id][0]
    view.go_to_page(region.page - 1)
    x, y = _centre(region.box)
    position = view.view_point(PagePoint(region.page - 1, x, y)).toPoint()
    assert view.viewport().rect().contains(position)

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=position)

    assert window.outline.selected_key() == article.id
    card = next(card for card in window.forms.form.blocks.cards if card.block_id == block.id)
    assert card.isAncestorOf(QApplication.focusWidget())
    marked = [box for boxes in view.highlighted().values() for box in boxes]
    assert marked and all(
        any(m[0] <= r.box[0] and m[3] >= r.box[3] for m in marked)
        for r in preview.result.regions[block.id]
    )


def test_a_click_on_a_heading_selects_the_item_and_on_the_masthead_the_masthead(
    make_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = _rendered_window(make_window, qtbot)
    preview, view = window.preview, window.preview.page_view
    item = window.editor.issue.sections[2].items[1]
    for key, expected in ((item.id, item.id), ("masthead", "masthead")):
        window.outline.select("colophon")
        region = preview.result.regions[key][0]
        view.go_to_page(region.page - 1)
        point = view.view_point(PagePoint(region.page - 1, *_centre(region.box))).toPoint()
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
        assert window.outline.selected_key() == expected


def test_selecting_an_item_scrolls_to_it_and_highlights_it(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = _rendered_window(make_window, qtbot)
    view = window.preview.page_view
    item = window.editor.issue.sections[1].items[2]
    window.outline.select(item.id)
    first = window.preview.result.regions[item.id][0]
    assert view.current_page() == first.page - 1
    top = view.view_point(PagePoint(first.page - 1, first.box[0], first.box[3]))
    assert view.viewport().rect().contains(top.toPoint())
    assert first.page - 1 in view.highlighted()


def test_zoom_fits_width_and_page_and_steps(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = _rendered_window(make_window, qtbot)
    preview, view = window.preview, window.preview.page_view
    viewport = view.viewport().rect()
    assert view.zoom() == Fit.WIDTH
    assert abs(view.page_rect(0).width() - (viewport.width() - 2 * MARGIN)) <= 1
    fit_width = view.zoom_factor()

    preview.bar.zoom_box.setCurrentIndex(preview.bar.zoom_box.findData(Fit.PAGE))
    preview.bar.zoom_box.activated.emit(preview.bar.zoom_box.currentIndex())
    assert view.zoom() == Fit.PAGE
    assert view.page_rect(0).height() <= viewport.height() - 2 * MARGIN + 1

    view.set_zoom(fit_width)
    preview.bar.zoom_in_button.click()
    assert view.zoom_factor() == min(step for step in ZOOM_STEPS if step > fit_width + 0.01)
    assert preview.bar.zoom_box.currentText().endswith("%")
    bigger = view.page_rect(0).width()
    view.zoom_out()
    view.zoom_out()
    assert view.page_rect(0).width() < bigger
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)  # the View menu
    assert view.page_rect(0).width() < bigger * 0.8


def test_page_buttons_box_keys_and_thumbnails_move_through_pages(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = _rendered_window(make_window, qtbot)
    preview, view = window.preview, window.preview.page_view
    pages = preview.document.pageCount()
    view.go_to_page(0)
    preview.bar.next_button.click()
    assert view.current_page() == 1 and preview.bar.page_box.value() == 2
    preview.bar.page_box.setValue(5)
    assert view.current_page() == 4
    preview.bar.previous_button.click()
    assert view.current_page() == 3
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.current_page() == pages - 1 and preview.bar.page_count.text() == f"/ {pages}"
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert view.current_page() == pages - 2

    preview.bar.thumbnails_button.click()
    thumbnails = preview.thumbnails
    assert thumbnails.isVisible() and thumbnails.count() == pages
    qtbot.waitUntil(lambda: not thumbnails._stale, timeout=20_000)
    third = thumbnails.item(2)
    qtbot.mouseClick(
        thumbnails.viewport(),
        Qt.MouseButton.LeftButton,
        pos=thumbnails.visualItemRect(third).center(),
    )
    assert view.current_page() == 2
    image = third.icon().pixmap(thumbnails.iconSize()).toImage()
    assert (
        len(
            {
                image.pixel(x, y)
                for x in range(0, image.width(), 4)
                for y in range(0, image.height(), 4)
            }
        )
        > 3
    )


def test_layout_chooser_shows_the_a5_edition_and_is_remembered(
    make_window, qtbot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    window = _rendered_window(make_window, qtbot)
    preview = window.preview
    assert window.files.save_to(tmp_path / "issue.bulletin")
    a4_width = preview.document.pagePointSize(0).width()
    with qtbot.waitSignal(preview.rendered, timeout=90_000) as rendered:
        preview.bar.layout_box.setCurrentIndex(preview.bar.layout_box.findData("a5"))
    assert rendered.args[0].checked.tree.layout.name == "a5"
    a5_width = preview.document.pagePointSize(0).width()
    assert a4_width - a5_width == pytest.approx((210 - 148) * 72 / 25.4, abs=0.5)
    assert document_prefs.load(tmp_path / "issue.bulletin")["preview_layout"] == "a5"


def test_after_an_edit_the_pages_in_view_come_first_then_the_whole_issue(
    make_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = _rendered_window(make_window, qtbot)
    preview, view = window.preview, window.preview.page_view
    item = window.editor.issue.sections[1].items[2]
    window.outline.select(item.id)
    first, last = view.visible_pages()
    assert first > 0 and last + 1 < preview.result.pages - 1
    before, pages = preview.result, preview.result.pages
    updates: list[str] = []
    preview.pagesUpdated.connect(
        lambda: updates.append("in view" if preview.result is before else "whole")
    )
    preview.rendered.connect(lambda _rendered: updates.append("rendered"))
    block = item.blocks[0]

    with qtbot.waitSignal(preview.rendered, timeout=60_000):
        window.editor.set_field(block.id, "text", "新的开头。" + block.text)

    assert updates == ["in view", "whole", "rendered"]
    cut = preview.interim_document
    assert last + 1 < cut.pageCount() < pages
    size = QSize(300, 420)
    for page in range(first, last + 1):  # the pages set first are the whole issue's pages
        assert cut.render(page, size) == preview.document.render(page, size)
