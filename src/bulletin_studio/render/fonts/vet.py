"""A font file the user names in settings is tried in a separate process before it is used.

Installed system fonts come from a package manager; a file named in ``settings.toml`` can be
anything: truncated by a download, garbled on a USB stick, not a font at all. Parsing a
damaged font can raise anything, loop, or claim gigabytes (a garbled table length). So the
face the writer picks is read once in a child process with a memory and time limit: every
table and glyph outline, or for CFF faces the conversion the PDF writer needs (which fills
the cache as a side effect). The verdict is cached per file version, so this costs once;
it is kept as a kind and a detail, and worded in the editor's language when it is read.
"""

import json
import multiprocessing
import os
from pathlib import Path

from bulletin_studio.messages import QT_TRANSLATE_NOOP, Template
from bulletin_studio.render.fonts.convert import Source, base_charset, convert_to_file

MEMORY_LIMIT = 2 * 1024**3
TIME_LIMIT = 300.0

Verdict = tuple[str, str]
"""(kind, detail): ``("", "")`` for a usable face, else a key of ``REASONS`` and its detail."""

USABLE: Verdict = ("", "")
REASONS: dict[str, Template] = {
    "unreadable": QT_TRANSLATE_NOOP("Fonts", "Cannot read it: {detail}"),
    "timeout": QT_TRANSLATE_NOOP("Fonts", "The check timed out or its process ended abnormally"),
    "crashed": QT_TRANSLATE_NOOP(
        "Fonts", "The check's process crashed or ran out of memory (the file may be damaged)"
    ),
    "memory": QT_TRANSLATE_NOOP("Fonts", "Reading it ran out of memory (the file may be damaged)"),
    "damaged": QT_TRANSLATE_NOOP("Fonts", "The file is damaged or not a font: {detail}"),
}


def vet(path: Path, index: int, cache_dir: Path) -> str:
    """ "" if face ``index`` of ``path`` is usable, else why not (in the editor's words)."""
    try:
        source = Source.of(path, index)
    except OSError as error:
        return _worded(("unreadable", str(error.strerror or error)))
    verdict_file = cache_dir / "vetted" / f"{source.key('vet')}.json"
    try:
        saved = json.loads(verdict_file.read_text(encoding="utf-8"))
        verdict = (str(saved["kind"]), str(saved["detail"]))
    except (OSError, ValueError, KeyError, TypeError):
        verdict = _vet_in_child(source, cache_dir)
        verdict_file.parent.mkdir(parents=True, exist_ok=True)
        saved = {"kind": verdict[0], "detail": verdict[1]}
        verdict_file.write_text(json.dumps(saved, ensure_ascii=False), "utf-8")
    return _worded(verdict)


def _worded(verdict: Verdict) -> str:
    kind, detail = verdict
    if not kind:
        return ""
    return REASONS.get(kind, REASONS["damaged"]).format(detail=detail)


def _vet_in_child(source: Source, cache_dir: Path) -> Verdict:
    context = multiprocessing.get_context("spawn")
    reader, writer = context.Pipe(duplex=False)
    child = context.Process(
        target=_check, args=(source, cache_dir, writer), name="bulletin-studio-font-check"
    )
    child.start()
    writer.close()
    verdict: Verdict = ("timeout", "")
    if reader.poll(TIME_LIMIT):
        try:
            kind, detail = reader.recv()
            verdict = (str(kind), str(detail))
        except EOFError:
            verdict = ("crashed", "")
    child.join(5)
    if child.is_alive():
        child.kill()
        child.join()
    return verdict


def _check(
    source: Source, cache_dir: Path, result: "multiprocessing.connection.Connection"
) -> None:
    """In the child: read everything, under limits; send the verdict."""
    _limit_memory()
    try:
        from fontTools.pens.boundsPen import BoundsPen
        from fontTools.ttLib import TTFont

        font = TTFont(source.path, fontNumber=source.index, lazy=False)
        glyph_set = font.getGlyphSet()
        for name in font.getGlyphOrder():
            glyph_set[name].draw(BoundsPen(glyph_set))
        cff = "CFF " in font or "CFF2" in font
        font.close()
        if cff:
            convert_to_file(source.path, source.index, base_charset(), source.base_file(cache_dir))
        result.send(USABLE)
    except MemoryError:
        result.send(("memory", ""))
    except Exception as error:  # any failure of a damaged file means "not usable"
        result.send(("damaged", f"{type(error).__name__}: {error}"[:300]))


def _limit_memory() -> None:
    if os.name != "posix":
        return
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
