"""Benchmarks: ``bash run.sh bench [FLAGS]`` (or ``python bench/run.py [FLAGS]``). Prints
figures; nothing in the test suite depends on timings. Without a flag the export and GUI
benchmarks run; flags pick any of:

- ``--export``: the writers on the sample and on synthetic issues of about 10, 50 and 100
  pages (whole process, warm, peak memory, growth per page);
- ``--gui``: the app (``bench/gui.py``): cold start, keystroke to page, memory, undo;
- ``--scaling``: how time grows with hostile input, ten times more at each step: one long
  paragraph (``bench/linebreak_scaling.py``), DOCX items (``bench/docx_scaling.py``) and
  tracked changes in a review (``bench/review_import.py``); a few minutes;
- ``--typography``: the line breaker measured against Typst (``bench/typography.py``).

The export benchmark in detail:

- the sample issue: in-process warm export (median), whole process (``bulletin-studio
  export``, median), for PDF and DOCX;
- synthetic issues of about 10, 50 and 100 pages: whole-process time and peak memory,
  in-process warm time, and how time per page grows with length.
"""

import io
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bulletin_studio.export.docx import DocxWriter
from bulletin_studio.export.pdf import PdfWriter
from bulletin_studio.export.progress import drain
from bulletin_studio.export.writer import WriteOptions
from bulletin_studio.pipeline import Pipeline
from bulletin_studio.render.fonts import FontResolver
from bulletin_studio.render.tree import RenderTree
from bulletin_studio.storage import save_document

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from synthetic import synthetic_document  # noqa: E402

FLAGS = frozenset({"--export", "--gui", "--scaling", "--typography"})
SIZES = {"~10 pages": 1, "~50 pages": 5, "~100 pages": 10}


def median_time(job: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        job()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def child(copies: int, kind: str, out: Path) -> dict:
    started = time.perf_counter()
    output = subprocess.run(
        [sys.executable, str(HERE / "export_child.py"), str(copies), kind, str(out)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result = json.loads(output.strip().splitlines()[-1])
    result["wall"] = time.perf_counter() - started
    return result


def cli_time(bulletin: Path, flag: str, out: Path, runs: int) -> float:
    command = [sys.executable, "-m", "bulletin_studio.cli", "export", str(bulletin), flag, str(out)]
    return median_time(lambda: subprocess.run(command, check=True, capture_output=True), runs)


def write_pdf(pipeline: Pipeline, tree: RenderTree) -> int:
    """The PDF writer alone on a composed tree (fonts and shaping warm): pages."""
    writer = PdfWriter(pipeline.session)
    return drain(writer.write(tree, io.BytesIO(), WriteOptions())).pages


def write_docx(tree: RenderTree) -> None:
    drain(DocxWriter().write(tree, io.BytesIO(), WriteOptions()))


def export_benchmarks() -> None:
    fonts = FontResolver()
    pipeline = Pipeline(fonts)
    fonts.prepare(pipeline.layout("default"))
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        sample = synthetic_document(1)
        bulletin = work / "sample.bulletin"
        save_document(sample, bulletin)
        tree = pipeline.compose(sample)
        pages = write_pdf(pipeline, tree)
        pdf_warm = median_time(lambda: write_pdf(pipeline, tree), 7)
        docx_warm = median_time(lambda: write_docx(tree), 7)
        preview_warm = median_time(lambda: drain(pipeline.render(sample)), 7)
        pdf_cold = cli_time(bulletin, "--pdf", work / "c.pdf", 3)
        docx_cold = cli_time(bulletin, "--docx", work / "c.docx", 3)

        print("Sample issue")
        print(f"  {'':28}{'PDF':>10}{'DOCX':>10}   target (PDF)")
        print(f"  {'writer, warm (median)':28}{pdf_warm:>9.3f}s{docx_warm:>9.3f}s   < 0.3 s")
        print(f"  {'whole process (median)':28}{pdf_cold:>9.3f}s{docx_cold:>9.3f}s   < 1.5 s")
        print(f"  preview render (compose, checks, PDF), warm: {preview_warm:.3f}s")
        print(f"  pages: {pages}")
        print()
        print("Synthetic issues (print PDF; DOCX of the same issue)")
        print(
            f"  {'size':12}{'pages':>6}{'process':>10}{'warm':>9}{'s/page':>9}{'peak MB':>9}"
            f"{'DOCX':>9}{'DOCX MB':>9}"
        )
        per_page: dict[str, float] = {}
        warm_times: dict[str, float] = {}
        for label, copies in SIZES.items():
            pdf = child(copies, "pdf", work / f"{copies}.pdf")
            docx = child(copies, "docx", work / f"{copies}.docx")
            big_tree = pipeline.compose(synthetic_document(copies))
            warm = median_time(lambda t=big_tree: write_pdf(pipeline, t), 3)
            warm_times[label] = warm
            per_page[label] = warm / pdf["pages"]
            print(
                f"  {label:12}{pdf['pages']:>6}{pdf['wall']:>9.2f}s{warm:>8.2f}s"
                f"{per_page[label] * 1000:>7.1f}ms{pdf['peak_mb']:>9.0f}"
                f"{docx['wall']:>8.2f}s{docx['peak_mb']:>9.0f}"
            )
        ratio = warm_times["~100 pages"] / warm_times["~10 pages"]
        growth = per_page["~100 pages"] / per_page["~10 pages"]
        print()
        print(
            f"  100-page / 10-page time: {ratio:.1f} (target <= 12); "
            f"time per page grows x{growth:.2f}"
        )


def main() -> None:
    chosen = set(sys.argv[1:])
    if not chosen <= FLAGS:
        sys.exit(f"usage: bench/run.py [{'] ['.join(sorted(FLAGS))}]")
    if not chosen:
        chosen = {"--export", "--gui"}
    if "--export" in chosen:
        export_benchmarks()
    if "--gui" in chosen:
        print()
        subprocess.run([sys.executable, str(HERE / "gui.py")], check=True)
    if "--scaling" in chosen:
        for script in ("linebreak_scaling.py", "docx_scaling.py", "review_import.py"):
            print()
            subprocess.run([sys.executable, str(HERE / script)], check=True)
    if "--typography" in chosen:
        print()
        subprocess.run([sys.executable, str(HERE / "typography.py")], check=True)


if __name__ == "__main__":
    main()
