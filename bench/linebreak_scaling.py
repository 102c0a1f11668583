"""How PDF export time grows with the length of one paragraph (``bench/linebreak_scaling.py``).

Three shapes of hostile input, each at three sizes ten times apart, exported in-process
(fonts warm): a paragraph of short lines separated by typed line breaks, one long
paragraph of Chinese prose, and one Latin word with no break opportunity at all. Linear
time means 10× the input takes about 10× the time (the target is at most 12×).
"""

import io
import sys
import time

from bulletin_studio.export.pdf import PdfWriter, TypesetSession
from bulletin_studio.export.progress import drain
from bulletin_studio.export.writer import WriteOptions
from bulletin_studio.model import Article, Issue, Numbering, Paragraph, Section, SectionKind
from bulletin_studio.render.compose import compose
from bulletin_studio.render.fonts import FontResolver
from bulletin_studio.render.layout import load_layout
from bulletin_studio.storage import AssetStore

PROSE = "公共采购约占许多国家国内生产总值的百分之十二至二十，是引导市场的重要工具。"


def short_lines(count: int) -> str:
    return "\n".join(f"第{number}行" for number in range(count))


def prose(count: int) -> str:
    return (PROSE * (count // len(PROSE) + 1))[:count]


def long_word(count: int) -> str:
    return "x" * count


CASES = {
    "short lines, \\n-separated (lines)": (short_lines, (1_000, 10_000, 100_000)),
    "one paragraph of prose (characters)": (prose, (10_000, 100_000, 1_000_000)),
    "one unbreakable word (characters)": (long_word, (10_000, 100_000, 1_000_000)),
}


def export_time(text: str, session: TypesetSession) -> tuple[float, int]:
    article = Article(id="art_long", title="长段落", blocks=[Paragraph(id="p_long", text=text)])
    section = Section(id="sec_one", kind=SectionKind.NETWORK_NEWS, title="栏目", items=[article])
    issue = Issue(numbering=Numbering(year=2025, number=1, cumulative=1), sections=[section])
    tree = compose(issue, load_layout("default"), AssetStore())
    started = time.perf_counter()
    result = drain(PdfWriter(session).write(tree, io.BytesIO(), WriteOptions()))
    return time.perf_counter() - started, result.pages


def main() -> None:
    chosen = sys.argv[1:] or list(CASES)
    session = TypesetSession(FontResolver())
    export_time("预热", session)
    print("| input | size | bytes | pages | export time | × previous size |")
    print("|---|---|---|---|---|---|")
    for label in chosen:
        make, sizes = CASES[label]
        previous = None
        for size in sizes:
            text = make(size)
            seconds, pages = export_time(text, session)
            growth = f"{seconds / previous:.1f}" if previous else ""
            print(
                f"| {label} | {size:,} | {len(text.encode()):,} | {pages} | {seconds:.2f} s "
                f"| {growth} |",
                flush=True,
            )
            previous = seconds


if __name__ == "__main__":
    main()
