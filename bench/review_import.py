"""Review import scaling: ``python bench/review_import.py`` (also ``bash run.sh bench --review``).

A reviewed DOCX is made from the synthetic issue of ``copies`` × the sample (``synthetic.py``)
exported for review, with ``CHANGES_PER_COPY`` tracked changes per copy written into its body
paragraphs the way Word writes them (an insertion, unchanged text, a deletion, unchanged
text, …). Ten times the input is ten times the document *and* ten times the changes; the
import (``read_review`` then ``merge_review``) should take at most twelve times as long.
Prints a table of changes against seconds (best of ``RUNS``).
"""

import gc
import io
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from bulletin_studio.export.docx import DocxWriter
from bulletin_studio.export.progress import drain
from bulletin_studio.export.writer import WriteOptions
from bulletin_studio.pipeline import Pipeline
from bulletin_studio.render.fonts import FontResolver
from bulletin_studio.review import merge_review, read_review

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from synthetic import synthetic_document  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CHANGES_PER_COPY = 5_000
COPIES = (1, 2, 5, 10)
RUNS = 3
DATE = "2024-03-05T10:00:00Z"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _run(parent: etree._Element, tag: str, text: str) -> None:
    etree.SubElement(etree.SubElement(parent, _w("r")), _w(tag)).text = text


def reviewed_docx(copies: int, folder: Path) -> tuple[Path, int]:
    """The synthetic issue's review DOCX with ``CHANGES_PER_COPY * copies`` tracked changes
    spread over the paragraphs inside item bookmarks; returns the file and the change count."""
    document = synthetic_document(copies)
    tree = Pipeline(FontResolver()).compose(document)
    buffer = io.BytesIO()
    drain(DocxWriter().write(tree, buffer, WriteOptions()))
    with zipfile.ZipFile(buffer) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    body = etree.fromstring(parts["word/document.xml"])
    paragraphs = [p for p in body.iter(_w("p")) if p.find(_w("r")) is not None]
    paragraphs = paragraphs[len(paragraphs) // 10 :]  # past the masthead and contents
    wanted = CHANGES_PER_COPY * copies
    for number in range(wanted):
        paragraph = paragraphs[number % len(paragraphs)]
        kind = "ins" if number % 2 == 0 else "del"
        change = etree.SubElement(paragraph, _w(kind))
        change.set(_w("id"), str(10_000 + number))
        change.set(_w("author"), "审阅人")
        change.set(_w("date"), DATE)
        words = f"增补{number}" if kind == "ins" else f"删{number}"  # no two alike: none merged
        _run(change, "t" if kind == "ins" else "delText", words)
        _run(paragraph, "t", "文")  # unchanged text between two changes keeps them apart
    parts["word/document.xml"] = etree.tostring(body, xml_declaration=True, encoding="UTF-8")
    path = folder / f"reviewed-{copies}.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path, wanted


def best_time(job: Callable[[], object], runs: int) -> float:
    """The fastest of ``runs``: the machine is shared, and other work only ever adds time."""
    times = []
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        job()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    copies_list = [int(arg) for arg in sys.argv[1:]] or list(COPIES)
    print("Review import (read_review + merge_review), best of", RUNS)
    print(f"  {'copies':>6}{'changes':>9}{'read':>9}{'merge':>9}{'total':>9}{'µs/change':>11}")
    totals: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for copies in copies_list:
            path, changes = reviewed_docx(copies, Path(folder))
            issue = synthetic_document(copies).issue
            report = read_review(path)
            assert len(report.changes) == changes, (len(report.changes), changes)
            read = best_time(lambda p=path: read_review(p), RUNS)
            merge = best_time(lambda r=report, i=issue: merge_review(i, r, "r.docx"), RUNS)
            totals[copies] = read + merge
            print(
                f"  {copies:>6}{changes:>9}{read:>8.2f}s{merge:>8.2f}s{read + merge:>8.2f}s"
                f"{(read + merge) / changes * 1e6:>11.0f}"
            )
    smallest, largest = min(totals), max(totals)
    if largest > smallest:
        print(
            f"\n  {largest // smallest}× input / 1× input time: "
            f"{totals[largest] / totals[smallest]:.1f} (target <= {1.2 * largest / smallest:.0f})"
        )


if __name__ == "__main__":
    main()
