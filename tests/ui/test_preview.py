"""The preview renders the real PDF off the GUI thread and follows the selected item."""

from bulletin_studio.model import Colophon
from bulletin_studio.storage import sample_document


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
