"""Core messages: English sources, translated from the one catalogue, placeholders kept."""

import re
import xml.etree.ElementTree as ET

import pytest

from bulletin_studio import messages
from bulletin_studio.messages import QT_TRANSLATE_NOOP

PLACEHOLDER = re.compile(r"\{(\w*)\}")
TS = messages.TRANSLATIONS_DIR / f"{messages.CATALOGUE}_zh_CN.ts"


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({}, "zh_CN"),
        ({"LANG": "C.UTF-8"}, "zh_CN"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANG": "en_US.UTF-8", "BULLETIN_STUDIO_LANG": "zh_CN"}, "zh_CN"),
        ({"LANG": "zh_TW.UTF-8", "BULLETIN_STUDIO_LANG": "en"}, "en"),
    ],
)
def test_language_comes_from_the_environment(environ: dict[str, str], language: str) -> None:
    assert messages.language_from_environment(environ) == language


def test_a_message_speaks_the_chosen_language() -> None:
    empty = QT_TRANSLATE_NOOP("Problems", "The title is empty")
    messages.use_language("en")
    assert empty.format() == "The title is empty"
    messages.use_language("zh_CN")
    assert str(empty) == "标题为空"


def test_values_are_inserted_not_interpreted() -> None:
    """A title with braces (or a format spec) is text, not a placeholder."""
    template = QT_TRANSLATE_NOOP("Problems", "“{title}” has no text yet")
    assert template.format(title="{0.__class__} {title}") == "“{0.__class__} {title}”还没有正文"


def test_every_translation_keeps_the_placeholders_of_its_source() -> None:
    mismatched = []
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.findtext("translation", "") or source
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation)):
                mismatched.append(f"{context.findtext('name')}: {source} → {translation}")
    assert mismatched == []
