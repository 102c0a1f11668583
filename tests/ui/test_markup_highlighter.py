"""Rich text fields show bold, italic and links as formatting; the text stays Markdown."""

from PySide6.QtGui import QFont, QTextCharFormat

from bulletin_studio.ui.forms.markup_highlighter import LINK_COLOR, MARK_COLOR
from bulletin_studio.ui.forms.richtext import RichTextEdit


def _format_at(edit: RichTextEdit, position: int) -> QTextCharFormat:
    block = edit.text_edit.document().findBlock(position)
    offset = position - block.position()
    formats = block.layout().formats()  # the ranges own their formats: copy before it goes
    for look in formats:
        if look.start <= offset < look.start + look.length:
            return QTextCharFormat(look.format)
    return QTextCharFormat()


def test_bold_italic_and_links_look_formatted_while_the_text_keeps_its_marks(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = RichTextEdit()
    qtbot.addWidget(edit)
    text = "**粗体**和*斜体*，见[官网](https://www.unep.org)；**加粗的[链接](https://a.org)**"
    edit.set_text(text)
    assert edit.text() == text
    at = text.index
    assert _format_at(edit, at("粗体")).fontWeight() == QFont.Weight.Bold
    assert _format_at(edit, at("**粗体")).foreground().color() == MARK_COLOR
    assert _format_at(edit, at("斜体")).fontItalic()
    assert not _format_at(edit, at("和")).fontItalic()
    link = _format_at(edit, at("官网"))
    assert link.fontUnderline() and link.foreground().color() == LINK_COLOR
    assert _format_at(edit, at("https://www")).foreground().color() == MARK_COLOR
    bold_link = _format_at(edit, at("链接"))
    assert bold_link.fontUnderline() and bold_link.fontWeight() == QFont.Weight.Bold


def test_lone_stars_are_not_formatting(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = RichTextEdit()
    qtbot.addWidget(edit)
    edit.set_text("3 * 4 = 12，不是 ** 粗体")
    assert all(
        _format_at(edit, position).fontWeight() != QFont.Weight.Bold
        and not _format_at(edit, position).fontItalic()
        for position in range(len(edit.text()))
    )
