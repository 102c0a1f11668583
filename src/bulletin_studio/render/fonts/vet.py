"""A font file the user names in settings is tried in a separate process before it is used.

Installed system fonts come from a package manager; a file named in ``settings.toml`` can be
anything: truncated by a download, garbled on a USB stick, not a font at all. Parsing a
damaged font can raise anything, loop, or claim gigabytes (a garbled table length). So the
face the writer picks is read once in a child process with a memory and time limit: every
table and glyph outline, or for CFF faces the conversion the PDF writer needs (which fills
the cache as a side effect). The verdict is cached per file version, so this costs once.
"""

import json
import multiprocessing
import os
from pathlib import Path

from bulletin_studio.render.fonts.convert import Source, base_charset, convert_to_file

MEMORY_LIMIT = 2 * 1024**3
TIME_LIMIT = 300.0


def vet(path: Path, index: int, cache_dir: Path) -> str:
    """ "" if face ``index`` of ``path`` is usable, else why not (in the editor's words)."""
    try:
        source = Source.of(path, index)
    except OSError as error:
        return f"无法读取：{error.strerror or error}"
    verdict_file = cache_dir / "vetted" / f"{source.key('vet')}.json"
    try:
        return str(json.loads(verdict_file.read_text(encoding="utf-8"))["problem"])
    except (OSError, ValueError, KeyError):
        pass
    problem = _vet_in_child(source, cache_dir)
    verdict_file.parent.mkdir(parents=True, exist_ok=True)
    verdict_file.write_text(json.dumps({"problem": problem}, ensure_ascii=False), "utf-8")
    return problem


def _vet_in_child(source: Source, cache_dir: Path) -> str:
    context = multiprocessing.get_context("spawn")
    reader, writer = context.Pipe(duplex=False)
    child = context.Process(
        target=_check, args=(source, cache_dir, writer), name="bulletin-studio-font-check"
    )
    child.start()
    writer.close()
    problem = "检查超时或进程异常退出"
    if reader.poll(TIME_LIMIT):
        try:
            problem = str(reader.recv())
        except EOFError:
            problem = "检查时进程崩溃或超出内存上限（文件可能已损坏）"
    child.join(5)
    if child.is_alive():
        child.kill()
        child.join()
    return problem


def _check(
    source: Source, cache_dir: Path, result: "multiprocessing.connection.Connection"
) -> None:
    """In the child: read everything, under limits; send "" or the reason."""
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
        result.send("")
    except MemoryError:
        result.send("读取时超出内存上限（文件可能已损坏）")
    except Exception as error:  # any failure of a damaged file means "not usable"
        result.send(f"文件已损坏或不是字体：{type(error).__name__}: {error}"[:300])


def _limit_memory() -> None:
    if os.name != "posix":
        return
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
