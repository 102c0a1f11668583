"""Messages in the editor's language: English source texts, translated from the one catalogue.

The core (model, storage, render, export, review) marks every message it may show with
``QT_TRANSLATE_NOOP(context, source)``: the marker Qt's ``lupdate`` collects, so core and
window messages are translated together in ``translations/bulletin_studio_zh_CN.ts``. A
message is translated when it is made: in the app through Qt's own translator (the UI's
language, see ``ui.i18n``), elsewhere (CLI, tests) by reading that same .ts file here.

Placeholders are named (``{title}``); values are inserted as they are, never interpreted.
"""

import os
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
CATALOGUE = "bulletin_studio"
HOME_LANGUAGE = "zh_CN"
"""The program's language where the user has not asked for English (the editors' own)."""

Translator = Callable[[str, str], str]


@dataclass(frozen=True)
class Template:
    """A message as written in the source: its context and English text with placeholders."""

    context: str
    source: str

    def format(self, **values: object) -> str:
        """The message in the current language with ``values`` filled in."""
        return _current_translator()(self.context, self.source).format_map(values)

    def __str__(self) -> str:
        return self.format()


def QT_TRANSLATE_NOOP(context: str, source: str) -> Template:
    """Mark ``source`` for the catalogue (under ``context``); translate when it is formatted."""
    return Template(context, source)


def language_from_environment(environ: Mapping[str, str] = os.environ) -> str:
    """``BULLETIN_STUDIO_LANG``, else the POSIX locale variables: English if they ask for it,
    else the program's home language (Chinese), also for ``C``/``POSIX`` or nothing set."""
    for name in ("BULLETIN_STUDIO_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else HOME_LANGUAGE
    return HOME_LANGUAGE


@cache
def catalogue(language: str) -> Mapping[tuple[str, str], str]:
    """The finished translations of ``language``'s .ts file, by (context, source); English
    (the source language) and a language without a file have none."""
    path = TRANSLATIONS_DIR / f"{CATALOGUE}_{language}.ts"
    if language == "en" or not path.is_file():
        return {}
    entries: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished"):
                continue
            if translation.text:
                entries[(name, message.findtext("source", ""))] = translation.text
    return entries


def catalogue_translator(language: str) -> Translator:
    """A translator reading ``language`` from the .ts file (the source text where missing)."""
    entries = catalogue(language)
    return lambda context, source: entries.get((context, source), source)


_translator: Translator | None = None
"""Chosen on first use: the app passes Qt's before any message is made, and then the .ts
file need not be read at all."""


def _current_translator() -> Translator:
    global _translator
    if _translator is None:
        _translator = catalogue_translator(language_from_environment())
    return _translator


def use_translator(translator: Translator) -> None:
    """Translate every message made from now on with ``translator`` (the app passes Qt's)."""
    global _translator
    _translator = translator


def use_language(language: str) -> None:
    """Translate every message made from now on into ``language`` (``en``, ``zh_CN``)."""
    use_translator(catalogue_translator(language))
