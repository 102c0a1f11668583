"""One export in a fresh process: ``python bench/export_child.py COPIES pdf|docx OUT``.

Prints pages, seconds and peak memory as JSON, so the parent can time whole processes.
"""

import json
import resource
import sys
import time
from pathlib import Path

started = time.perf_counter()

from bulletin_studio.export.progress import drain  # noqa: E402
from bulletin_studio.pipeline import Pipeline  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import synthetic_document  # noqa: E402


def _peak_rss_mb() -> float:
    """VmHWM of this process image: ru_maxrss would carry over the parent's peak across exec."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    copies, kind, out = int(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    exported = drain(Pipeline.from_settings().export(synthetic_document(copies), {kind: out}))
    result = exported.results[kind]
    pages = getattr(result, "pages", 0)
    peak_mb = _peak_rss_mb()
    print(
        json.dumps({"pages": pages, "seconds": time.perf_counter() - started, "peak_mb": peak_mb})
    )


if __name__ == "__main__":
    main()
