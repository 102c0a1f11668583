"""Measure CFF → TrueType conversion per face, ``prepare()`` end to end, and registration.

Each face is converted in its own fresh process, so time and peak memory are that face's
alone; then ``prepare()`` runs on the layout with an empty cache (parallel workers), and a
fresh process registers every cached file with ReportLab, as an export does at start.

    python bench/fonts_prepare.py [--layout default] [--keep DIR]
"""

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bulletin_studio.render.fonts import FontResolver
from bulletin_studio.render.fonts.convert import base_charset, convert
from bulletin_studio.render.fonts.discovery import fontconfig_faces
from bulletin_studio.render.layout import load_layout

FACES = ("Noto Sans CJK SC", "Noto Serif CJK SC")

_REGISTER = """
import sys, time
from pathlib import Path
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
for number, path in enumerate(sorted(Path(sys.argv[1]).glob("*.ttf"))):
    started = time.perf_counter()
    pdfmetrics.registerFont(TTFont(f"F{number}", str(path)))
    print(f"register {path.name}: {time.perf_counter() - started:.3f} s")
"""


def convert_one(path: str, index: int) -> None:
    """Child process: convert one face to the base set and print time, size and peak RSS."""
    started = time.perf_counter()
    data = convert(Path(path), index, sorted(base_charset()))
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{Path(path).name}#{index}: {elapsed:.1f} s, {len(data) / 1e6:.2f} MB, {peak:.0f} MB RSS"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layout", default="default")
    parser.add_argument("--keep", type=Path, help="cache folder to fill and keep")
    args = parser.parse_args()
    print(f"base set: {len(base_charset())} characters")
    for face in fontconfig_faces():
        if face.cff and any(face.matches(family) for family in FACES):
            code = f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); "
            code += (
                f"import fonts_prepare; fonts_prepare.convert_one({str(face.path)!r}, {face.index})"
            )
            subprocess.run([sys.executable, "-c", code], check=True)
    with tempfile.TemporaryDirectory() as scratch:
        cache = args.keep or Path(scratch)
        started = time.perf_counter()
        FontResolver(cache_dir=cache).prepare(load_layout(args.layout), print)
        print(f"prepare({args.layout}): {time.perf_counter() - started:.1f} s")
        sizes = {path.name: path.stat().st_size for path in cache.glob("*.ttf")}
        print(f"cache: {len(sizes)} files, {sum(sizes.values()) / 1e6:.1f} MB")
        subprocess.run([sys.executable, "-c", _REGISTER, str(cache)], check=True)


if __name__ == "__main__":
    main()
