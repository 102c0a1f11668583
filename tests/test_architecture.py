"""The layers of DESIGN.md, enforced: ui → pipeline → export → render → model, storage and
review beside render, Qt only in the app, ReportLab and python-docx only in their writers.

The contracts live in pyproject.toml (``[tool.importlinter]``); this runs them.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout
