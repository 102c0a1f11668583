"""The word segmenter loads beside the work that comes before the first wrapped heading."""

import subprocess
import sys

SCRIPT = """
import sys, threading
from bulletin_studio.render.segment import preload_segmenter, word_boundaries
preload_segmenter()
loading = any(t.name == "load jieba" for t in threading.enumerate())
print(loading or "rjieba" in sys.modules)
print(sorted(word_boundaries("可持续公共采购方案")))
"""


def test_preloaded_segmenter_cuts_as_the_plain_one() -> None:
    """In a fresh interpreter, where nothing has loaded jieba yet."""
    preloaded = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    plain = subprocess.run(
        [sys.executable, "-c", SCRIPT.replace("preload_segmenter()", "")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert preloaded[0] == "True", "loading started"
    assert plain[0] == "False"
    assert preloaded[1] == plain[1] != "[]"
