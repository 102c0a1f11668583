"""The README's screenshot of a review being applied, at 1280×800 (offscreen platform).

    python scripts/screenshot_review.py [OUT.png]    # default: docs/screenshots/review-applied.png

The sample issue is exported for review; a reviewer's tracked changes and a comment are
written into the DOCX the way Word writes them (``tests/review/wordlike.py``); the window
imports it, accepts one change, rejects another, leaves one open and answers the comment.
Settings go to a throw-away folder; the PNG is quantised to 256 colours.
"""

import functools
import sys
from pathlib import Path

import capture  # first: it sets the profile before Qt loads
from capture import SCRATCH, sample_window, save
from PySide6.QtCore import Qt

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.review.wordlike import add_comments, track_edit  # noqa: E402

from bulletin_studio.export.docx import DocxWriter  # noqa: E402
from bulletin_studio.export.progress import drain  # noqa: E402
from bulletin_studio.export.writer import WriteOptions  # noqa: E402
from bulletin_studio.pipeline import Pipeline  # noqa: E402
from bulletin_studio.render.fonts import FontResolver  # noqa: E402
from bulletin_studio.storage import sample_document  # noqa: E402

OUT = ROOT / "docs" / "screenshots" / "review-applied.png"
settle = functools.partial(capture.settle, timeout=120.0)  # importing a review takes longer


def reviewed_docx(folder: Path) -> Path:
    """The sample's review DOCX with three tracked changes and a comment."""
    exported = folder / "2025-3.docx"
    tree = Pipeline(FontResolver()).compose(sample_document())
    with exported.open("wb") as out:
        drain(DocxWriter().write(tree, out, WriteOptions()))
    track_edit(
        exported,
        folder / "a.docx",
        bookmark="p_hlpf_intro",
        before="与会代表认为，距离2030年",
        deleted="仅剩五年",
        inserted="只有五年时间",
        author="王审阅",
    )
    track_edit(
        folder / "a.docx",
        folder / "b.docx",
        bookmark="p_hlpf_lead",
        before="一百二十余名代表",
        inserted="通过",
        author="李审阅",
    )
    track_edit(
        folder / "b.docx",
        folder / "c.docx",
        bookmark="p_hlpf_intro",
        before="需要以更加系统的方式",
        deleted="推动",
        author="李审阅",
    )
    comment = ("th_hlpf_policy", "主题名称可否缩短？", "王审阅")
    add_comments(folder / "c.docx", folder / "reviewed.docx", [comment])
    return folder / "reviewed.docx"


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    out.parent.mkdir(parents=True, exist_ok=True)
    _app, window = sample_window(sys.argv[:1])  # the application lives while main runs
    reviewed = reviewed_docx(SCRATCH)
    window.import_review_from(reviewed)
    notes = window.notes
    settle(lambda: notes.tree.topLevelItemCount() > 0)

    def note_id(text: str) -> str:
        return next(n.id for n in window.editor.issue.notes if n.text == text)

    for text, accept in (("仅剩五年", True), ("只有五年时间", True), ("通过", False)):
        notes.tree.setCurrentItem(notes.row_of(note_id(text)))
        notes.decide(accept)
        settle()
    comment = note_id("主题名称可否缩短？")
    notes.tree.setCurrentItem(notes.row_of(comment))
    dialog = notes.reply()
    assert dialog is not None
    dialog.text.setPlainText("已改为“纳入国家发展规划”。")
    dialog.accept()
    settle()
    notes.tree.setCurrentItem(notes.row_of(note_id("推动")))
    window.notes_dock.raise_()
    window.resizeDocks([window.notes_dock], [250], Qt.Orientation.Vertical)
    settle(lambda: not window.preview.is_busy() and window.preview.document.pageCount() > 0)
    window.select_node("p_hlpf_intro")
    settle()
    binding = window.forms.form.binding("text", "p_hlpf_intro")
    start = binding.text_box.toPlainText().index("只有五年时间")
    binding.reveal(start, start + len("只有五年时间"))
    window.forms.ensureWidgetVisible(binding.row, 0, 120)
    window.preview.show_node("p_hlpf_intro")
    settle()
    save(window.grab(), out)
    window.editor.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    main()
