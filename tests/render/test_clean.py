"""Pasted text becomes printable text: line breaks kept, invisible and control characters gone."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from bulletin_studio.model import Article, Issue, Numbering, Paragraph, Section
from bulletin_studio.render.clean import printable, printable_model


def test_word_breaks_become_line_breaks_and_controls_vanish() -> None:
    assert printable("一\x0b二\x0c三\r\n四\r五") == "一\n二\n三\n四\n五"
    assert printable("a\x1bb\x00c\ufffed\ufeffe\u200bf\tg") == "abcdef g"
    assert printable("\ud800孤立") == "孤立"
    assert printable("全角　空格 and\u00a0nbsp") == "全角　空格 and\u00a0nbsp"


@given(st.text())
def test_no_character_a_writer_refuses_survives(text: str) -> None:
    for char in printable(text):
        assert char == "\n" or unicodedata.category(char) not in ("Cc", "Cf", "Cs")
        assert ord(char) not in (0xFFFE, 0xFFFF)


def test_a_clean_model_is_returned_as_is_and_a_dirty_one_is_copied() -> None:
    clean = Article(title="标题", blocks=[Paragraph(text="正文")])
    assert printable_model(clean) is clean
    dirty = Issue(
        numbering=Numbering(year=2024, number=1, cumulative=1),
        sections=[Section(items=[Article(title="标\x0b题", blocks=[Paragraph(text="a\x1bb")])])],
    )
    cleaned = printable_model(dirty)
    article = cleaned.sections[0].items[0]
    assert (article.title, article.blocks[0].text) == ("标\n题", "ab")
    assert dirty.sections[0].items[0].title == "标\x0b题", "the stored issue keeps what was typed"
