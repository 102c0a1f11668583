"""File ▸ Preflight for print: the print shop's report in a panel; a finding selects its item."""

from bulletin_studio.storage import Document


def test_preflight_lists_findings_and_a_click_selects_the_item(
    make_window, small_document: Document, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(document=small_document)
    panel = window.preflight
    with qtbot.waitSignal(panel.finished, timeout=120_000) as finished:
        window.preflight_action.trigger()
    assert finished.args == [True]  # coarse images warn; nothing a print shop would refuse
    assert window.preflight_dock.isVisible()
    assert "0 errors" in panel.summary.text()
    rows = [panel.tree.topLevelItem(index) for index in range(panel.tree.topLevelItemCount())]
    coarse = [row for row in rows if "ppi" in row.text(0) and row.data(0, 0x0100)]
    assert len(coarse) == 2
    assert "p. 2" in coarse[0].text(1) and "公共采购" in coarse[0].text(1)
    assert "300 ppi" in coarse[0].text(2)
    window.outline.select("masthead")
    panel.tree.itemClicked.emit(coarse[0], 0)
    assert window.outline.selected_key() == "art_one"


def test_x1a_is_offered_and_checked(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    panel = window.preflight
    panel.standard.setCurrentIndex(panel.standard.findData("x1a"))
    with qtbot.waitSignal(panel.finished, timeout=120_000):
        panel.run()
    assert panel.report is not None and panel.report.standard == "x1a"
    assert not panel.report.refused
