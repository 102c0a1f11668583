"""The committed translations cover every UI string, and the committed .qm matches the .ts.

The .qm is committed (it is package data, so installs need no Qt tools); this test is what
keeps it honest: lupdate over the sources must find nothing new or unfinished, and lrelease of
the committed .ts must give the committed .qm byte for byte.
"""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from bulletin_studio.ui import i18n

SOURCES = Path(i18n.__file__).parents[1]
TS = i18n.I18N_DIR / "bulletin_studio_zh_CN.ts"
QM = i18n.I18N_DIR / "bulletin_studio_zh_CN.qm"


def qt_tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or str(Path(sys.executable).parent / f"pyside6-{name}")
    if not Path(found).exists():
        pytest.skip(f"pyside6-{name} is not installed")
    return found


def test_every_message_is_translated(tmp_path: Path) -> None:
    ts = tmp_path / TS.name
    shutil.copy(TS, ts)
    sources = sorted(str(path) for path in SOURCES.rglob("*.py"))
    subprocess.run(
        [qt_tool("lupdate"), *sources, "-ts", str(ts), "-no-obsolete", "-locations", "none"],
        check=True,
        capture_output=True,
    )
    untranslated = [
        message.findtext("source")
        for message in ET.parse(ts).getroot().iter("message")
        if message.find("translation").get("type") == "unfinished"
    ]
    assert untranslated == []


def test_committed_qm_is_compiled_from_committed_ts(tmp_path: Path) -> None:
    fresh = tmp_path / QM.name
    subprocess.run(
        [qt_tool("lrelease"), str(TS), "-qm", str(fresh)], check=True, capture_output=True
    )
    assert fresh.read_bytes() == QM.read_bytes(), "run lrelease on the .ts and commit the .qm"


def test_chinese_catalogue_loads(qapp) -> None:  # type: ignore[no-untyped-def]
    translators = i18n.install_translators(qapp, QLocale("zh_CN"))
    try:
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
        assert (
            QCoreApplication.translate("PreviewPanel", "Preparing preview…") != "Preparing preview…"
        )
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale.system())
