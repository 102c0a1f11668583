"""First start: the preview explains the font conversion with a progress bar and an estimate,
converts in the background and draws the first page when the fonts are ready.

A real conversion runs, of a small CFF face (URW's D050000L dingbats, from fonts-urw-base35)
named by a test layout, so it takes seconds rather than the minute of the Noto CJK faces.
"""

import re
import shutil
from pathlib import Path

import pytest

from bulletin_studio.paths import LAYOUTS_DIR
from bulletin_studio.pipeline import Pipeline
from bulletin_studio.render.fonts import FontResolver
from bulletin_studio.render.fonts.discovery import fontconfig_faces
from bulletin_studio.storage import Document
from bulletin_studio.ui.editor import IssueEditor
from bulletin_studio.ui.font_setup import SECONDS_PER_FACE, FontSetup, FontSetupView
from bulletin_studio.ui.preview import PreviewPanel

SMALL_CFF_FACE = "D050000L"
ROLES = ("title", "heading", "body", "caption")


def layouts_with(face: str, folder: Path) -> Path:
    """A ``default`` layout whose every font stack is one CFF face of fonts-urw-base35."""
    if not any(found.cff and found.matches(face) for found in fontconfig_faces()):
        pytest.fail(f"{face} is missing: apt-get install fonts-urw-base35 (run.sh does)")
    folder.mkdir()
    shutil.copy(LAYOUTS_DIR / "default.toml", folder / "base.toml")
    stacks = "".join(f'[fonts.{role}]\ncjk = ["{face}"]\nlatin = ["{face}"]\n' for role in ROLES)
    (folder / "default.toml").write_text(f'extends = "base"\n{stacks}', encoding="utf-8")
    return folder


@pytest.fixture
def layouts(tmp_path: Path) -> Path:
    return layouts_with(SMALL_CFF_FACE, tmp_path / "layouts")


def test_first_start_shows_font_progress_then_the_preview(
    qtbot, layouts: Path, tmp_path: Path, small_document: Document
) -> None:  # type: ignore[no-untyped-def]
    resolver = FontResolver(cache_dir=tmp_path / "font-cache")
    pipeline = Pipeline(resolver, layouts_dir=layouts)
    layout = pipeline.layout("default")
    assert len(resolver.missing_faces(layout)) == 1

    editor = IssueEditor(small_document)
    preview = PreviewPanel(editor, pipeline)
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitUntil(lambda: preview.font_setup is not None)  # once the window is up
    setup = preview.font_setup
    assert setup.running()
    qtbot.waitUntil(lambda: preview.findChild(FontSetupView) is not None, timeout=30_000)
    view = preview.findChild(FontSetupView)
    assert view.isVisible()
    assert view.faces.text() == "0 of 1 font faces converted"
    assert re.fullmatch(r"About \d+ s left", view.estimate.text())
    assert 0 <= view.bar.value() < view.bar.maximum()
    seen = [view.bar.value()]
    setup.progressed.connect(lambda: seen.append(view.bar.value()))
    editor.set_field("masthead", "title", "首次启动")  # editing goes on meanwhile

    with qtbot.waitSignal(preview.rendered, timeout=120_000) as rendered:
        pass
    assert seen == sorted(seen)
    assert resolver.missing_faces(layout) == []
    assert not view.isVisible() and preview.page_view.isVisible()
    assert rendered.args[0].checked.tree.masthead.title == "首次启动"
    preview.shutdown()


def test_no_font_step_when_the_cache_is_complete(
    qtbot, layouts: Path, tmp_path: Path, small_document: Document
) -> None:  # type: ignore[no-untyped-def]
    resolver = FontResolver(cache_dir=tmp_path / "font-cache")
    layout = Pipeline(resolver, layouts_dir=layouts).layout("default")
    resolver.prepare(layout)
    preview = PreviewPanel(IssueEditor(small_document), Pipeline(resolver, layouts_dir=layouts))
    qtbot.addWidget(preview)
    started: list[bool] = []
    qtbot.waitUntil(lambda: preview.font_setup is not None)
    preview.font_setup.conversionStarted.connect(lambda: started.append(True))
    with qtbot.waitSignal(preview.rendered, timeout=60_000):
        pass
    assert started == [] and preview.findChild(FontSetupView) is None
    preview.shutdown()


def test_estimate_and_bar_follow_the_clock_until_faces_appear(
    qtbot, layouts: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The arithmetic alone: a face "finishes" when its cache file appears."""
    now = [100.0]
    resolver = FontResolver(cache_dir=tmp_path / "font-cache")
    layout = Pipeline(resolver, layouts_dir=layouts).layout("default")
    setup = FontSetup(resolver, layout, clock=lambda: now[0])
    setup.files = resolver.missing_faces(layout)
    assert setup.remaining_seconds() == SECONDS_PER_FACE and setup.fraction() == 0
    fractions = []
    for elapsed in (3, 6, 12, 30, 60):
        now[0] = 100.0 + elapsed
        fractions.append(setup.fraction())
        assert setup.remaining_seconds() >= SECONDS_PER_FACE / 3
    assert fractions == sorted(fractions) and fractions[-1] < 1.0
    (target,) = setup.files
    target.parent.mkdir(parents=True)
    target.write_bytes(b"converted")
    assert setup.done() == 1 and setup.fraction() == 1.0 and setup.remaining_seconds() == 0


def test_the_estimate_counts_faces_converted_side_by_side(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Four faces (Nimbus Sans: regular, bold, italic, bold italic), two at a time."""
    now = [0.0]
    resolver = FontResolver(cache_dir=tmp_path / "font-cache")
    folder = layouts_with("Nimbus Sans", tmp_path / "layouts")
    layout = Pipeline(resolver, layouts_dir=folder).layout("default")
    setup = FontSetup(resolver, layout, clock=lambda: now[0])
    setup.files, setup.workers = resolver.missing_faces(layout), 2
    assert len(setup.files) == 4
    assert setup.remaining_seconds() == 2 * SECONDS_PER_FACE
    now[0] = 40.0  # slower than usual: the first round ends at 40 s
    setup.files[0].parent.mkdir(parents=True)
    setup.files[0].write_bytes(b"converted")
    assert setup.remaining_seconds() == 40.0  # one more round of 40 s
    setup.files[1].write_bytes(b"converted")
    now[0] = 41.0
    assert setup.remaining_seconds() == 40.0  # rounds of 40 and 41 s: 40.5 s, 81 s in all
    assert 0.5 <= setup.fraction() < 0.75
