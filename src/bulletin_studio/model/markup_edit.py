"""Editing marked-up text by what a reader sees: positions in ``plain_text`` mapped into the
Markdown source, so an edit keeps the markup around it.

A reviewer's tracked change is a place in the visible text of the DOCX (``活动筹资：设计``),
while the model holds ``**活动筹资：**设计``; pressing Enter in a bold phrase splits it into
two paragraphs that are both still bold. The map follows markdown-it's own tokens (the
parser ``markup`` uses), so it agrees with what the writers print; whatever it cannot
follow gives ``None`` rather than a guess.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby, pairwise

from bulletin_studio.model.markup import Run, _parser, parse_inline, plain_text

MARKUP_CHARACTERS = "\\*_[]"
"""Characters that would start markup (or an escape) if typed into the source as they are."""


def escape_markup(text: str) -> str:
    """``text`` as source that shows exactly ``text``: markup characters backslash-escaped."""
    return "".join(f"\\{char}" if char in MARKUP_CHARACTERS else char for char in text)


@dataclass(frozen=True)
class SourceMap:
    """Where each visible character sits in the source, and where each link's markup ends.

    ``positions[i]`` is the source index of ``plain_text(source)[i]``; ``links[i]`` is, for
    a character inside a link, the source index just after that link's ``](…)``, else -1.
    """

    source: str
    positions: tuple[int, ...]
    links: tuple[int, ...]


def source_map(source: str) -> SourceMap | None:
    """The map of ``source``; None if its markup cannot be followed (a bad link, a control
    character markdown-it normalises) — never for text without markup characters."""
    positions: list[int] = []
    links: list[int] = []
    start = 0
    for number, line in enumerate(source.split("\n")):
        if number:
            positions.append(start - 1)
            links.append(-1)
        mapped = _map_line(line)
        if mapped is None:
            return None
        positions.extend(start + index for index in mapped[0])
        links.extend(start + end if end >= 0 else -1 for end in mapped[1])
        start += len(line) + 1
    if len(positions) != len(_visible(source) or ""):
        return None
    return SourceMap(source, tuple(positions), tuple(links))


def _visible(source: str) -> str | None:
    try:
        return plain_text(source)
    except ValueError:
        return None


def _map_line(line: str) -> tuple[list[int], list[int]] | None:
    """Walk one line's tokens along the source: markup is skipped, text matched character by
    character (an escaped character's backslash is markup)."""
    positions: list[int] = []
    link_ends: list[int] = []
    in_link: list[int] | None = None  # the current link's characters (indices of positions)
    cursor = 0
    for token in _parser().parseInline(line)[0].children or [] if line else []:
        if token.type in ("strong_open", "strong_close", "em_open", "em_close"):
            if not line.startswith(token.markup, cursor):
                return None
            cursor += len(token.markup)
        elif token.type == "link_open" and line.startswith("[", cursor):
            cursor, in_link = cursor + 1, []
        elif token.type == "link_close" and in_link is not None:
            end = _link_destination_end(line, cursor)
            if end is None:
                return None
            for index in in_link:
                link_ends[index] = end
            cursor, in_link = end, None
        elif token.type == "text":
            for char in token.content:
                if line[cursor : cursor + 1] == "\\" and line.startswith(char, cursor + 1):
                    positions.append(cursor + 1)  # markdown-it reads "\\" + a mark as an escape
                elif line.startswith(char, cursor):
                    positions.append(cursor)
                else:
                    return None
                cursor = positions[-1] + 1
                link_ends.append(-1)
                if in_link is not None:
                    in_link.append(len(positions) - 1)
        else:
            return None
    if cursor != len(line):
        return None
    return positions, link_ends


def _link_destination_end(line: str, cursor: int) -> int | None:
    """The index after ``](destination "title")`` starting at ``cursor``: parentheses nest,
    ``<…>`` and quotes are read whole, a backslash escapes the next character."""
    if not line.startswith("](", cursor):
        return None
    index, depth, quote, angle = cursor + 2, 1, "", False
    while index < len(line):
        char = line[index]
        if char == "\\":
            index += 2
            continue
        if quote:
            quote = "" if char == quote else quote
        elif angle:
            angle = char != ">"
        elif char == "<":
            angle = True
        elif char in "\"'":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return None


def edit_visible(source: str, start: int, end: int, inserted: str) -> str | None:
    """The source whose visible text is ``plain[:start] + inserted + plain[end:]``.

    The deleted characters go with their escapes and the markup around them stays;
    inserted text takes the style of the character before it (as a word processor does),
    but not its link when it comes right after the link's text. If the markup no longer
    holds (a bold phrase emptied, a space left inside ``**``), the whole text is written
    again from its runs. None if neither gives the expected text.
    """
    mapped = source_map(source)
    if mapped is None or not 0 <= start <= end <= len(mapped.positions):
        return None
    plain = plain_text(source)
    expected = plain[:start] + inserted + plain[end:]
    removed: set[int] = set()
    shown = set(mapped.positions)
    for index in range(start, end):
        position = mapped.positions[index]
        removed.add(position)
        if position and source[position - 1] == "\\" and position - 1 not in shown:
            removed.add(position - 1)
    point = _insertion_point(mapped, start)
    kept = "".join(char for index, char in enumerate(source) if index not in removed)
    point -= sum(1 for index in removed if index < point)
    candidate = kept[:point] + escape_markup(inserted) + kept[point:]
    if _shows(candidate, expected) and not _has_empty_markup(candidate):
        return candidate
    styles = _styles(source)
    before = styles[start - 1] if start else Run(text="")
    if (
        start
        and before.href is not None
        and mapped.links[start - 1] >= 0
        and (start == len(styles) or styles[start].href != before.href)
    ):
        before = before.model_copy(update={"href": None})
    return _rewritten(expected, [*styles[:start], *(before for _ in inserted), *styles[end:]])


def _insertion_point(mapped: SourceMap, start: int) -> int:
    if start == 0:
        return 0
    previous = start - 1
    link_end = mapped.links[previous]
    ends_link = start == len(mapped.positions) or mapped.links[start] != link_end
    if link_end >= 0 and ends_link:
        return link_end
    return mapped.positions[previous] + 1


def _shows(source: str, expected: str) -> bool:
    return _visible(source) == expected


def _has_empty_markup(source: str) -> bool:
    """A pair of ``**``/``*`` or a link left around nothing (after deleting its text)."""
    for line in source.split("\n"):
        tokens = _parser().parseInline(line)[0].children or [] if line else []
        shown = [token for token in tokens if token.type != "text" or token.content]
        for first, second in pairwise(shown):
            if first.type.endswith("_open") and second.type == first.type[:-5] + "_close":
                return True
    return False


def _styles(source: str) -> list[Run]:
    """One empty-text run per visible character, carrying its style."""
    return [run.model_copy(update={"text": ""}) for run in parse_inline(source) for _ in run.text]


def _runs(text: str, styles: list[Run]) -> list[Run]:
    runs: list[Run] = []
    index = 0
    for style, group in groupby(styles, key=_style):
        length = len(list(group))
        bold, italic, href = style
        runs.append(Run(text=text[index : index + length], bold=bold, italic=italic, href=href))
        index += length
    return runs


def markup_from_runs(runs: list[Run], italic: str = "*") -> str:
    """Source for ``runs``: links around bold around italic; the spaces at the edges of a
    styled run go outside its markers, where Markdown lets them count as text. ``italic``
    is ``*`` or ``_`` (an italic phrase right before a bold one needs ``_``)."""
    parts: list[str] = []
    for href, in_link in groupby(runs, key=lambda run: run.href):
        inner = "".join(_bold_group(bold, list(same), italic) for bold, same in _by_bold(in_link))
        parts.append(f"[{inner}]({href})" if href else inner)
    return "".join(parts)


def _by_bold(runs: Iterable[Run]) -> Iterator[tuple[bool, Iterator[Run]]]:
    return groupby(runs, key=lambda run: run.bold)


def _bold_group(bold: bool, runs: list[Run], italic: str) -> str:
    inner = "".join(_wrapped(escape_markup(run.text), italic if run.italic else "") for run in runs)
    return _wrapped(inner, "**" if bold else "")


def _wrapped(text: str, marker: str) -> str:
    core = text.strip()
    if not marker or not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{marker}{core}{marker}{trail}"


def _rewritten(text: str, styles: list[Run]) -> str | None:
    """``text`` with ``styles`` (one per character) written as source afresh; None if
    Markdown cannot say it. Spaces at a phrase's edge may lose its style, nothing else."""
    runs = _runs(text, styles)
    for italic in ("*", "_"):
        source = markup_from_runs(runs, italic)
        if _shows(source, text) and all(
            char.isspace() or _style(shown) == _style(wanted)
            for char, shown, wanted in zip(text, _styles(source), styles, strict=True)
        ):
            return source
    return None


def _style(run: Run) -> tuple[bool, bool, str | None]:
    return run.bold, run.italic, run.href


def split_markup(source: str, position: int) -> tuple[str, str]:
    """``source`` cut at a source ``position`` (where Enter was pressed) into two texts that
    show, together, what it showed. Markup open at the cut is closed before it and opened
    again after it; where that cannot be written, the source is cut as it is (nothing
    visible is lost either way)."""
    before, after = source[:position], source[position:]
    whole = _parsed(source)
    if whole is None:
        return before, after
    halves = (_parsed(before), _parsed(after))
    if halves[0] is not None and halves[1] is not None and _joined(*halves) == whole:
        return before, after
    mapped = source_map(source)
    if mapped is None:
        return before, after
    cut = sum(1 for index in mapped.positions if index < position)
    plain = plain_text(source)
    styles = _styles(source)
    first = _rewritten(plain[:cut], styles[:cut])
    second = _rewritten(plain[cut:], styles[cut:])
    if first is None or second is None:
        return before, after
    return first, second


def _parsed(source: str) -> list[Run] | None:
    try:
        return parse_inline(source)
    except ValueError:
        return None


def _joined(first: list[Run], second: list[Run]) -> list[Run]:
    """Two run lists as one: the runs meeting at the join merged if they share a style."""
    if first and second:
        last, next_run = first[-1], second[0]
        if (last.bold, last.italic, last.href) == (next_run.bold, next_run.italic, next_run.href):
            joined = last.model_copy(update={"text": last.text + next_run.text})
            return [*first[:-1], joined, *second[1:]]
    return [*first, *second]
