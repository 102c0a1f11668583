"""The model must stay importable without Qt: the CLI, a server and tests use it headless."""

import ast
import subprocess
import sys
from pathlib import Path

import bulletin_studio.model

MODEL_DIR = Path(bulletin_studio.model.__file__).parent
QT_PACKAGES = ("PySide6", "PyQt5", "PyQt6", "PySide2", "shiboken6", "qtpy")


def test_importing_the_model_loads_no_qt() -> None:
    code = (
        "import sys, bulletin_studio.model, bulletin_studio.model.derive, "
        "bulletin_studio.model.problems; "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'PySide6 imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def _imported_modules(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_model_sources_do_not_import_qt() -> None:
    files = sorted(MODEL_DIR.glob("*.py"))
    assert files
    for path in files:
        imported = _imported_modules(path.read_text(encoding="utf-8"))
        qt = {name for name in imported if name.split(".")[0] in QT_PACKAGES}
        assert not qt, f"{path.name} imports {qt}"
