"""The long run of the export property: ``python scripts/fuzz_export.py [EXAMPLES]``.

Runs ``tests/test_export_property.py`` with many more examples than the suite does
(default 2,000): issues drawn as the app can make them must export if they validate and
preview if they do not. Prints Hypothesis' statistics; exits non-zero on a counterexample.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    examples = sys.argv[1] if len(sys.argv) > 1 else "2000"
    environment = {**os.environ, "BULLETIN_FUZZ_EXAMPLES": examples}
    environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "--timeout=0",
        "--hypothesis-show-statistics",
        str(ROOT / "tests" / "test_export_property.py"),
    ]
    return subprocess.run(command, cwd=ROOT, env=environment, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
