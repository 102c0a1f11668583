"""Word cuts kept from an earlier run: the same cuts, without loading the dictionary again."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bulletin_studio.render import kept_cuts
from bulletin_studio.render.cache import CACHE_ENV
from bulletin_studio.render.kept_cuts import KeptCuts, segmenter_build

CUT = """
import sys
from bulletin_studio.render.segment import save_word_cuts, word_boundaries
print(sorted(word_boundaries("可持续公共采购方案的最新进展")))
save_word_cuts()
print("rjieba" in sys.modules)
"""


def _cut_in_a_fresh_process(cache: Path) -> list[str]:
    env = {**os.environ, CACHE_ENV: str(cache)}
    run = subprocess.run(
        [sys.executable, "-c", CUT], env=env, capture_output=True, text=True, check=True
    )
    return run.stdout.splitlines()


def test_a_second_run_reuses_the_cuts_without_the_dictionary(tmp_path: Path) -> None:
    first = _cut_in_a_fresh_process(tmp_path)
    second = _cut_in_a_fresh_process(tmp_path)

    assert first[1] == "True" and second[1] == "False"
    assert first[0] == second[0] != "[]"


@pytest.mark.parametrize("content", [b"\x00garbage", b'["a list"]', b'{"text": [99]}'])
def test_a_damaged_file_is_cut_afresh_and_rewritten(tmp_path: Path, content: bytes) -> None:
    store = KeptCuts(tmp_path, "build")
    store.path.write_bytes(content)

    assert store.get("text") is None
    store.put("可持续采购", frozenset({3, 5}))
    store.save()

    assert json.loads(store.path.read_bytes()) == {"可持续采购": [3, 5]}
    assert KeptCuts(tmp_path, "build").get("可持续采购") == frozenset({3, 5})


def test_the_oldest_cuts_go_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kept_cuts, "MAX_TEXTS", 3)
    store = KeptCuts(tmp_path, "build")
    for text in ("一二", "三四", "五六", "七八"):
        store.put(text, frozenset({1, 2}))
    store.save()

    assert list(json.loads(store.path.read_bytes())) == ["三四", "五六", "七八"]


def test_an_unwritable_folder_only_costs_time(tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder would be")
    store = KeptCuts(blocked, "build")

    store.put("一二", frozenset({1, 2}))
    store.save()

    assert store.get("一二") == frozenset({1, 2})


def test_cuts_reach_the_file_only_when_saved(tmp_path: Path) -> None:
    store = KeptCuts(tmp_path, "build")
    store.put("一二", frozenset({1, 2}))
    assert not store.path.exists()

    store.save()
    written = store.path.stat().st_mtime_ns
    store.save()

    assert json.loads(store.path.read_bytes()) == {"一二": [1, 2]}
    assert store.path.stat().st_mtime_ns == written, "nothing new: no second write"


def test_a_reinstalled_segmenter_gets_a_new_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "fake_segmenter"
    package.mkdir()
    (package / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = segmenter_build("fake_segmenter")
    (package / "dictionary.txt").write_text("新 词 3\n")

    assert segmenter_build("fake_segmenter") != before
    assert segmenter_build("no_such_segmenter") == "none"
