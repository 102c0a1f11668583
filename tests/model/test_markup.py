"""Inline markup: CJK-friendly emphasis, links with checked targets, plain text for the TOC."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bulletin_studio.model import Run, parse_inline, plain_text
from tests.strategies import TEXT_ALPHABET


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("**活动筹资：**设计", [Run(text="活动筹资：", bold=True), Run(text="设计")]),
        ("这是*重点*内容", [Run(text="这是"), Run(text="重点", italic=True), Run(text="内容")]),
        (
            "请看**“循环经济”**一文",
            [Run(text="请看"), Run(text="“循环经济”", bold=True), Run(text="一文")],
        ),
        ("**UNEP**与伙伴", [Run(text="UNEP", bold=True), Run(text="与伙伴")]),
        ("2 * 3 = 6", [Run(text="2 * 3 = 6")]),
        (
            "详见[官网](https://www.unep.org)。",
            [Run(text="详见"), Run(text="官网", href="https://www.unep.org"), Run(text="。")],
        ),
        (
            "**[指南](https://a.org/g)**",
            [Run(text="指南", bold=True, href="https://a.org/g")],
        ),
        ("第一行\n**第二行**", [Run(text="第一行\n"), Run(text="第二行", bold=True)]),
        (r"\*不是强调\*", [Run(text="*不是强调*")]),
    ],
    ids=[
        "cjk-bold-colon",
        "cjk-italic",
        "cjk-quotes",
        "latin-then-cjk",
        "lone-stars",
        "link",
        "bold-link",
        "newline",
        "escaped",
    ],
)
def test_parse_inline(text: str, runs: list[Run]) -> None:
    assert parse_inline(text) == runs


def test_bad_link_target_is_named() -> None:
    with pytest.raises(ValueError, match="链接“javascript:x”无效"):
        parse_inline("[点击](javascript:x)")


def test_plain_text_drops_markup() -> None:
    source = "**活动筹资：**设计、[策划](https://a.org)相关*活动*"
    assert plain_text(source) == "活动筹资：设计、策划相关活动"


@given(st.text())
def test_parse_inline_never_crashes(text: str) -> None:
    """Anything typed into a form is either parsed or refused with a ValueError (a bad link)."""
    try:
        runs = parse_inline(text)
    except ValueError as error:
        assert "链接" in str(error)
    else:
        assert all(run.text for run in runs)


MARKUP_CHARACTERS = "*_[]\\"
visible = st.text(
    alphabet=st.characters(exclude_characters=MARKUP_CHARACTERS, exclude_categories=("Cs", "Cc"))
    | st.sampled_from(TEXT_ALPHABET + "\n")
)


@given(visible)
def test_plain_text_keeps_text_without_markup(text: str) -> None:
    assert plain_text(text) == text
