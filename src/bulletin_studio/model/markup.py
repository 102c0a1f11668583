"""Inline markup: a small Markdown subset (``**bold**``, ``*italic*``, ``[text](url)``).

Text is parsed with markdown-it-py. CommonMark's emphasis rules treat Chinese punctuation
next to a Chinese character as a word boundary problem (``**活动筹资：**设计`` stays literal),
so the emphasis rule is replaced by one that treats CJK characters like punctuation when
deciding whether a ``*`` run may open or close, as the "CJK-friendly" CommonMark proposal does.
"""

import unicodedata
from functools import lru_cache
from itertools import groupby

from markdown_it import MarkdownIt
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.rules_inline.state_inline import Delimiter, StateInline
from pydantic import BaseModel, ConfigDict

from bulletin_studio.model.urls import check_url


class Run(BaseModel):
    """A stretch of text with one set of inline styles."""

    model_config = ConfigDict(frozen=True)

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


def _is_cjk(char: str) -> bool:
    if not char:
        return False
    name = unicodedata.east_asian_width(char)
    return name in ("W", "F")


def _scan_delims(state: StateInline, start: int, can_split_word: bool) -> tuple[bool, bool, int]:
    pos = start
    marker = state.src[start]
    last_char = state.src[start - 1] if start > 0 else " "
    while pos < state.posMax and state.src[pos] == marker:
        pos += 1
    count = pos - start
    next_char = state.src[pos] if pos < state.posMax else " "

    last_punct = isMdAsciiPunct(ord(last_char)) or isPunctChar(last_char) or _is_cjk(last_char)
    next_punct = isMdAsciiPunct(ord(next_char)) or isPunctChar(next_char) or _is_cjk(next_char)
    last_space = isWhiteSpace(ord(last_char))
    next_space = isWhiteSpace(ord(next_char))

    left_flanking = not (next_space or (next_punct and not (last_space or last_punct)))
    right_flanking = not (last_space or (last_punct and not (next_space or next_punct)))
    can_open = left_flanking and (can_split_word or not right_flanking or last_punct)
    can_close = right_flanking and (can_split_word or not left_flanking or next_punct)
    return can_open, can_close, count


def _cjk_emphasis(state: StateInline, silent: bool) -> bool:
    marker = state.src[state.pos]
    if silent or marker not in ("_", "*"):
        return False
    can_open, can_close, length = _scan_delims(state, state.pos, marker == "*")
    for _ in range(length):
        token = state.push("text", "", 0)
        token.content = marker
        state.delimiters.append(
            Delimiter(
                marker=ord(marker),
                length=length,
                token=len(state.tokens) - 1,
                end=-1,
                open=can_open,
                close=can_close,
            )
        )
    state.pos += length
    return True


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    parser = MarkdownIt("zero").enable(["emphasis", "link", "escape"])
    parser.inline.ruler.at("emphasis", _cjk_emphasis)
    parser.validateLink = lambda url: True  # our own check_url decides, with a clear message
    return parser


def parse_inline(text: str) -> list[Run]:
    """Split marked-up text into runs; raises ``ValueError`` naming a bad link target."""
    runs: list[Run] = []
    bold = italic = 0
    href: str | None = None
    for line_no, line in enumerate(text.split("\n")):
        if line_no:
            runs.append(Run(text="\n"))
        if not line:
            continue
        tokens = _parser().parseInline(line)[0].children or []
        for token in tokens:
            match token.type:
                case "strong_open":
                    bold += 1
                case "strong_close":
                    bold -= 1
                case "em_open":
                    italic += 1
                case "em_close":
                    italic -= 1
                case "link_open":
                    href = check_url(str(token.attrGet("href") or ""))
                case "link_close":
                    href = None
                case "text" | "softbreak" | "hardbreak":
                    content = token.content if token.type == "text" else "\n"
                    if content:
                        runs.append(Run(text=content, bold=bold > 0, italic=italic > 0, href=href))
    return _merge(runs)


def _merge(runs: list[Run]) -> list[Run]:
    """Adjacent runs of one style as one run; texts joined once (linear in the length)."""
    merged: list[Run] = []
    for _, same in groupby(runs, key=lambda run: (run.bold, run.italic, run.href)):
        group = list(same)
        if len(group) == 1:
            merged.append(group[0])
        else:
            merged.append(group[0].model_copy(update={"text": "".join(r.text for r in group)}))
    return merged


def plain_text(text: str) -> str:
    """The text a reader sees, without markup (for TOC entries, search, bookmarks)."""
    return "".join(run.text for run in parse_inline(text))


def validate_markup(text: str) -> str:
    """Pydantic validator: keep the source text, but refuse bad links inside it."""
    parse_inline(text)
    return text
