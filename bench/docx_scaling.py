"""How the DOCX writer's time grows with the number of items (issue 9: it must be linear).

``python bench/docx_scaling.py`` (or ``bash run.sh bench --docx``) writes synthetic issues of
about 50, 500 and 5,000 items and prints items against seconds (wall clock and CPU, best of a
few runs for the small ones) and the ratio for each tenfold step; the target is <= 12.
"""

import io
import itertools
import sys
import time
from pathlib import Path

from bulletin_studio.export.docx import DocxWriter
from bulletin_studio.export.progress import drain
from bulletin_studio.export.writer import WriteOptions
from bulletin_studio.render.compose import compose
from bulletin_studio.render.layout import load_layout
from bulletin_studio.render.tree import RenderTree

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import synthetic_document

COPIES = (3, 30, 300)
"""The sample has 17 items: 51, 510 and 5,100 items."""
TARGET = 12.0


def _timed(tree: RenderTree, runs: int) -> tuple[float, float]:
    """Best wall-clock and CPU seconds of ``runs`` writes (the machine is shared)."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        drain(DocxWriter().write(tree, io.BytesIO(), WriteOptions()))
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def docx_scaling() -> None:
    layout = load_layout("default")
    rows: list[tuple[int, float, float]] = []
    print("DOCX writer: items against seconds (synthetic issues)")
    print(f"  {'items':>6}{'wall s':>9}{'CPU s':>9}{'x time':>8}")
    for copies in COPIES:
        document = synthetic_document(copies)
        tree = compose(document.issue, layout, document.assets)
        items = sum(len(section.items) for section in tree.sections)
        wall, cpu = _timed(tree, runs=3 if copies < 100 else 1)
        growth = f"{cpu / rows[-1][2]:>7.1f}x" if rows else f"{'':>8}"
        rows.append((items, wall, cpu))
        print(f"  {items:>6}{wall:>9.2f}{cpu:>9.2f}{growth}", flush=True)
    worst = max(later[2] / earlier[2] for earlier, later in itertools.pairwise(rows))
    verdict = "ok" if worst <= TARGET else "TOO SLOW"
    print(f"  10x the items: at most {worst:.1f}x the CPU time (target <= {TARGET:g}): {verdict}")


if __name__ == "__main__":
    docx_scaling()
