"""The export dialog: explicit formats, layout, variant and place, remembered per issue file
and never taken from the preview's view switch."""

import io
from pathlib import Path

import pypdf
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtWidgets import QDialogButtonBox

from bulletin_studio.storage import Document
from bulletin_studio.ui.app import ui_font
from bulletin_studio.ui.export_dialog import ExportChoices, ExportDialog

MM = 72 / 25.4


def _open_dialog(window) -> ExportDialog:  # type: ignore[no-untyped-def]
    dialog = window.export()
    assert dialog.isVisible()
    return dialog


def _export(window, dialog: ExportDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.exporter.finished, timeout=90_000) as finished:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert finished.args[0], finished.args[1]


def _boxes(path: Path) -> tuple[float, float]:
    """(sheet width, trim width) of page 1 in points."""
    page = pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages[0]
    return float(page.mediabox.width), float(page.trimbox.width)


def test_print_is_exported_even_after_looking_at_screen_in_the_preview(
    make_window, small_document: Document, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(document=small_document)
    window.exporter.offer_folder = False
    assert window.files.save_to(tmp_path / "issue.bulletin")
    window.preview.bar.variant.setCurrentIndex(window.preview.bar.variant.findData("screen"))

    dialog = _open_dialog(window)
    assert dialog.variant_box.currentData() == "print"
    assert dialog.files_label.text() == str(tmp_path / "issue.pdf")
    _export(window, dialog, qtbot)

    sheet, trim = _boxes(tmp_path / "issue.pdf")
    assert abs(trim - 210 * MM) < 0.5
    assert sheet - trim > 2 * 3 * MM  # bleed (and room for crop marks) on both sides


def test_choices_are_remembered_per_issue_and_independent_of_the_preview(
    make_window, small_document: Document, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(document=small_document)
    window.exporter.offer_folder = False
    issue = tmp_path / "issue.bulletin"
    assert window.files.save_to(issue)
    out = tmp_path / "out"
    out.mkdir()

    dialog = _open_dialog(window)
    dialog.docx_box.setChecked(True)
    dialog.layout_box.setCurrentIndex(dialog.layout_box.findData("a5"))
    dialog.variant_box.setCurrentIndex(dialog.variant_box.findData("screen"))
    dialog.folder_edit.setText(str(out))
    dialog.name_edit.setText("口袋版")
    assert dialog.files_label.text().splitlines() == [
        str(out / "口袋版.pdf"),
        str(out / "口袋版.docx"),
    ]
    _export(window, dialog, qtbot)
    sheet, trim = _boxes(out / "口袋版.pdf")
    assert abs(sheet - 148 * MM) < 0.5 and sheet == trim  # A5, screen: no bleed
    assert (out / "口袋版.docx").stat().st_size > 0

    window.preview.bar.variant.setCurrentIndex(window.preview.bar.variant.findData("print"))
    again = _open_dialog(window)
    assert again.choices() == ExportChoices(
        formats=("pdf", "docx"), layout="a5", variant="screen", folder=str(out), name="口袋版"
    )
    assert "replaces the existing file" in again.files_label.text()
    again.reject()

    assert window.files.save_to(tmp_path / "other.bulletin")  # another issue file
    fresh = _open_dialog(window)
    assert fresh.choices() == ExportChoices(layout=window.preview.layout_name())
    fresh.reject()


def test_the_first_export_starts_from_the_preview_layout(
    make_window, small_document: Document, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(document=small_document)
    assert window.files.save_to(tmp_path / "issue.bulletin")
    window.preview.bar.set_layout_name("a5")
    dialog = _open_dialog(window)
    assert dialog.choices().layout == "a5"
    assert dialog.choices().variant == "print"
    dialog.reject()


def test_export_waits_for_a_format_and_an_existing_folder(
    make_window, small_document: Document, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(document=small_document)
    dialog = _open_dialog(window)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    dialog.pdf_box.setChecked(False)
    assert not ok.isEnabled() and dialog.files_label.text() == "Choose at least one format."
    dialog.docx_box.setChecked(True)
    assert ok.isEnabled() and not dialog._pdf_group.isEnabled()
    dialog.folder_edit.setText(str(tmp_path / "missing"))
    assert not ok.isEnabled() and "does not exist" in dialog.files_label.text()
    dialog.folder_edit.setText(str(tmp_path))
    dialog.name_edit.setText("a/b")
    assert not ok.isEnabled()
    dialog.reject()


_VALUES = st.one_of(
    st.none(), st.integers(), st.text(), st.lists(st.text()), st.dictionaries(st.text(), st.text())
)


@given(
    st.one_of(
        _VALUES,
        st.dictionaries(
            st.sampled_from(["formats", "layout", "variant", "folder", "name"]), _VALUES
        ),
    )
)
def test_remembered_choices_from_a_damaged_settings_file_fall_back_to_defaults(
    data: object,
) -> None:
    choices = ExportChoices.from_prefs(data, layout="a5")
    assert choices.formats and set(choices.formats) <= {"pdf", "docx"}
    assert choices.variant in ("print", "screen")
    assert isinstance(choices.layout, str) and isinstance(choices.folder, str)
    assert ExportChoices.from_prefs(choices.to_prefs()) == choices


def test_the_standards_note_is_shown_whole(qapp, window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The wrapped note under the PDF/X choice gets the height its lines need, for either
    standard (it was cut off below its first line and a half)."""
    font = qapp.font()
    qapp.setFont(ui_font(font))  # the app's own font, as the app sets it
    try:
        dialog = _open_dialog(window)
        dialog.docx_box.setChecked(True)
        note = dialog.pdfx_note
        for standard in ("x4", "x1a"):
            dialog.pdfx_box.setCurrentIndex(dialog.pdfx_box.findData(standard))
            qtbot.wait(50)
            assert note.height() >= note.heightForWidth(note.width()), standard
        dialog.reject()
    finally:
        qapp.setFont(font)
