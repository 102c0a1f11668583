"""Keep the one catalogue current: collect new messages, add translations, compile the .qm.

    python scripts/translations.py update             # lupdate over all of src, then lrelease
    python scripts/translations.py add zh.json        # {"Context|English source": "译文"}
    python scripts/translations.py unfinished         # what still needs a translation

``tests/ui/test_i18n.py`` fails until every message marked in the sources (window strings and
the core's ``QT_TRANSLATE_NOOP`` messages) has a translation and the .qm is compiled.
"""

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "src" / "bulletin_studio"
TS = SOURCES / "translations" / "bulletin_studio_zh_CN.ts"
QM = TS.with_suffix(".qm")


def qt_tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or str(Path(sys.executable).parent / f"pyside6-{name}")
    if not Path(found).exists():
        sys.exit(f"pyside6-{name} is not installed (pip install PySide6)")
    return found


def update() -> None:
    """Collect every marked message into the .ts and compile it."""
    sources = sorted(str(path) for path in SOURCES.rglob("*.py"))
    lupdate = [qt_tool("lupdate"), *sources, "-ts", str(TS), "-no-obsolete", "-locations", "none"]
    subprocess.run(lupdate, check=True, capture_output=True)
    subprocess.run([qt_tool("lrelease"), str(TS), "-qm", str(QM)], check=True, capture_output=True)


def add(mapping_file: Path) -> None:
    """Set the translations given as ``{"Context|source": "translation"}``, then update."""
    mapping: dict[str, str] = json.loads(mapping_file.read_text(encoding="utf-8"))
    update()
    tree = ET.parse(TS)
    found = set()
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            key = f"{name}|{message.findtext('source')}"
            if key in mapping:
                translation = message.find("translation")
                assert translation is not None
                translation.text = mapping[key]
                translation.attrib.pop("type", None)
                found.add(key)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    update()  # lupdate writes the file back in its own layout
    for key in sorted(set(mapping) - found):
        print(f"not in the sources: {key}")


def unfinished() -> None:
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") == "unfinished":
                print(f"{context.findtext('name')}|{message.findtext('source')}")


if __name__ == "__main__":
    match sys.argv[1:]:
        case ["update"]:
            update()
        case ["add", mapping_file]:
            add(Path(mapping_file))
        case ["unfinished"]:
            unfinished()
        case _:
            sys.exit(__doc__)
