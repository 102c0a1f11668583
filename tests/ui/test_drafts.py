"""Typed text is never thrown away: a refused value stays as the field's draft (issue 8.2/8.3)."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QTreeWidgetItem

from bulletin_studio.model import Figure
from bulletin_studio.model.drafts import find_draft
from bulletin_studio.storage import sample_document
from bulletin_studio.ui.editor import IssueEditor
from bulletin_studio.ui.forms.entries import ListEntriesField
from bulletin_studio.ui.forms.fields import FieldBinding
from bulletin_studio.ui.forms.images import ImageField
from bulletin_studio.ui.main_window import MainWindow
from tests.ui.keyboard import type_text

BAD_EMAIL = "editor-at-example"
BAD_PARAGRAPH = "详见[高级别政治论坛](www.un.org/hlpf)官网。"


def replace_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Select all and type over it, as an editor does."""
    widget.selectAll()
    type_text(widget, text)


def colophon_email(window: MainWindow) -> FieldBinding:
    window.outline.select("colophon")
    return window.forms.form.binding("email")


def first_paragraph(window: MainWindow, item_id: str = "art_hlpf") -> FieldBinding:
    window.outline.select(item_id)
    return window.forms.form.blocks.cards[0].bindings[0]


def problem_rows(window: MainWindow) -> list[tuple[str, str]]:
    window.problems.refresh()
    tree = window.problems.tree
    rows: list[QTreeWidgetItem] = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return [(row.text(0), row.text(1)) for row in rows]


def test_invalid_email_survives_selecting_another_item(window: MainWindow) -> None:
    binding = colophon_email(window)
    replace_text(binding.widget, BAD_EMAIL)
    assert binding.error.isVisible()
    assert window.isWindowModified(), "what was typed is an edit"
    window.outline.select("art_hlpf")
    binding = colophon_email(window)
    assert binding.widget.text() == BAD_EMAIL
    assert binding.error.isVisible() and BAD_EMAIL in binding.error.text()
    assert window.editor.issue.colophon.email == "bulletin@spp.example.org"
    assert ("Email", "Colophon") in [
        (text.split(": ")[0], where) for text, where in problem_rows(window) if BAD_EMAIL in text
    ]


def test_activating_a_drafts_problem_opens_its_form(window: MainWindow) -> None:
    replace_text(colophon_email(window).widget, BAD_EMAIL)
    window.outline.select("art_hlpf")
    problem_rows(window)
    tree = window.problems.tree
    row = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if BAD_EMAIL in tree.topLevelItem(i).text(0)
    )
    tree.itemActivated.emit(row, 0)
    assert window.outline.selected_key() == "colophon"
    assert window.forms.form.binding("email").widget.text() == BAD_EMAIL


def test_bad_link_keeps_the_whole_paragraph_and_lists_it_under_the_item(
    window: MainWindow,
) -> None:
    before = window.editor.node("p_hlpf_lead").text
    binding = first_paragraph(window)
    replace_text(binding.widget.text_edit, BAD_PARAGRAPH)
    window.outline.select("art_claims")
    binding = first_paragraph(window)
    assert binding.widget.text() == BAD_PARAGRAPH
    assert binding.error.isVisible()
    assert window.editor.node("p_hlpf_lead").text == before, "the preview keeps the valid text"
    title = window.editor.node("art_hlpf").title
    assert any("www.un.org/hlpf" in text and where == title for text, where in problem_rows(window))


def test_ctrl_k_link_without_scheme_keeps_the_paragraph(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    binding = first_paragraph(window)
    edit = binding.widget.text_edit
    before = edit.toPlainText()
    edit.selectAll()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("www.un.org", True))
    binding.widget.make_link()
    window.outline.select("art_claims")
    assert first_paragraph(window).widget.text() == f"[{before}](www.un.org)"


def test_drafts_follow_undo_and_redo_and_go_when_fixed(window: MainWindow) -> None:
    binding = colophon_email(window)
    replace_text(binding.widget, BAD_EMAIL)
    window.undo_action.trigger()
    assert binding.widget.text() == "bulletin@spp.example.org"
    assert not binding.error.isVisible()
    assert window.editor.issue.drafts == []
    window.redo_action.trigger()
    assert binding.widget.text() == BAD_EMAIL and binding.error.isVisible()
    type_text(binding.widget, "@example.org")
    assert window.editor.issue.colophon.email == f"{BAD_EMAIL}@example.org"
    assert window.editor.issue.drafts == []
    assert not binding.error.isVisible()


def test_clearing_an_optional_field_drops_its_draft(window: MainWindow) -> None:
    binding = colophon_email(window)
    replace_text(binding.widget, BAD_EMAIL)
    binding.widget.selectAll()
    binding.widget.del_()
    assert window.editor.issue.colophon.email is None
    assert window.editor.issue.drafts == []


def test_a_draft_goes_with_its_deleted_block_and_comes_back_on_undo(window: MainWindow) -> None:
    replace_text(first_paragraph(window).widget.text_edit, BAD_PARAGRAPH)
    window.editor.delete("p_hlpf_lead")
    assert window.editor.issue.drafts == []
    window.undo_action.trigger()
    assert first_paragraph(window).widget.text() == BAD_PARAGRAPH


def test_bad_link_in_a_list_entry_is_kept(window: MainWindow) -> None:
    window.outline.select("art_trustfund")
    entries = window.forms.form.binding("entries", "l_trust_uses").widget
    assert isinstance(entries, ListEntriesField)
    text = entries.findChildren(QLineEdit)[1]
    replace_text(text, "见[指南](www.example.org)")
    window.outline.select("art_claims")
    window.outline.select("art_trustfund")
    entries = window.forms.form.binding("entries", "l_trust_uses").widget
    assert entries.findChildren(QLineEdit)[1].text() == "见[指南](www.example.org)"
    draft = find_draft(window.editor.issue, "l_trust_uses", "entries")
    assert draft is not None and json.loads(draft.text)[0]["text"] == "见[指南](www.example.org)"


def test_cumulative_number_below_the_years_number_is_kept(window: MainWindow) -> None:
    window.outline.select("masthead")
    binding = window.forms.form.binding("cumulative")
    number = window.editor.issue.numbering.number
    binding.widget.setValue(number - 1 if number > 1 else 1)
    if number == 1:
        pytest.skip("the sample's issue is the first of its year")
    window.outline.select("colophon")
    window.outline.select("masthead")
    binding = window.forms.form.binding("cumulative")
    assert binding.widget.value() == number - 1
    assert binding.error.isVisible()


def test_typed_values_survive_save_and_reopen_and_are_listed(
    make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    replace_text(colophon_email(window).widget, BAD_EMAIL)
    replace_text(first_paragraph(window).widget.text_edit, BAD_PARAGRAPH)
    window.outline.select("art_claims")
    path = tmp_path / "drafts.bulletin"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    window.save_as_action.trigger()
    assert not window.isWindowModified()
    window.close()

    reopened = make_window()
    assert reopened.open_path(path)
    assert colophon_email(reopened).widget.text() == BAD_EMAIL
    assert first_paragraph(reopened).widget.text() == BAD_PARAGRAPH
    rows = problem_rows(reopened)
    title = reopened.editor.node("art_hlpf").title
    assert any(BAD_EMAIL in text for text, _ in rows)
    assert any("www.un.org/hlpf" in text and where == title for text, where in rows)


def test_alt_text_keeps_its_spaces_while_typing(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    figure_id = "f_assess_chart"
    window.outline.select("art_assessment")
    card = next(c for c in window.forms.form.blocks.cards if c.block_id == figure_id)
    image = card.bindings[0].widget
    assert isinstance(image, ImageField)
    alt = image.findChild(QLineEdit)
    alt.selectAll()
    alt.del_()
    qtbot.keyClicks(alt, "Hangzhou meeting")
    assert alt.text() == "Hangzhou meeting"
    figure = window.editor.node(figure_id)
    assert isinstance(figure, Figure) and figure.image is not None
    assert figure.image.alt == "Hangzhou meeting"


@settings(max_examples=60, deadline=None)
@given(typed=st.text(max_size=30))
def test_whatever_is_typed_is_the_value_or_the_draft(qapp, typed: str) -> None:  # type: ignore[no-untyped-def]
    """A property of the editor: no keystroke's text is ever dropped, and undo restores."""
    editor = IssueEditor(sample_document())
    before = editor.issue
    value = typed if typed.strip() else None
    message = editor.set_field("colophon", "website", value, draft=typed)
    draft = find_draft(editor.issue, "colophon", "website")
    if message is None:
        assert editor.issue.colophon.website == (value.strip() if value else None)
        assert draft is None
    else:
        assert draft is not None and draft.text == typed
        assert editor.issue.colophon.website == before.colophon.website
    editor.undo_stack.undo()
    assert editor.issue == before


def test_clearing_a_required_link_keeps_the_empty_field_and_says_why(window: MainWindow) -> None:
    window.outline.select("art_claims")
    url = window.forms.form.binding("url", "s_claims").widget
    url.selectAll()
    url.del_()
    window.outline.select("art_hlpf")
    window.outline.select("art_claims")
    binding = window.forms.form.binding("url", "s_claims")
    assert binding.widget.text() == ""
    assert binding.error.isVisible() and "The link is empty" in binding.error.text()
    assert window.editor.node("s_claims").url.startswith("https://")  # type: ignore[union-attr]
