"""The preview renders the real PDF off the GUI thread and follows the selected item."""

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
