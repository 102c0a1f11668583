"""``bulletin-studio export --docx`` then ``import-review``: notes saved into the document."""

from pathlib import Path

import pytest

from bulletin_studio.cli import main
from bulletin_studio.storage import Document, load_document, save_document
from tests.review.sample_issue import review_issue
from tests.review.wordlike import add_comments


@pytest.fixture
def bulletin(tmp_path: Path) -> Path:
    path = tmp_path / "issue.bulletin"
    save_document(Document(issue=review_issue()), path)
    return path


def test_export_comment_import_and_import_again(
    bulletin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "issue.docx"
    assert main(["export", str(bulletin), "--docx", str(exported)]) == 0
    reviewed = tmp_path / "reviewed.docx"
    add_comments(
        exported, reviewed, [("p_china", "数字需核实", "李审阅"), ("pn_unep", "改标题", "王审阅")]
    )
    capsys.readouterr()

    assert main(["import-review", str(bulletin), str(reviewed)]) == 0
    out = capsys.readouterr().out
    assert "导入 2 条审阅意见" in out
    assert "中国可持续公共采购进展：评论 1" in out
    assert "联合国环境规划署发布新报告：评论 1" in out
    notes = load_document(bulletin).issue.notes
    assert {(note.target_id, note.text) for note in notes} == {
        ("p_china", "数字需核实"),
        ("pn_unep", "改标题"),
    }

    assert main(["import-review", str(bulletin), str(reviewed)]) == 0
    assert "导入 0 条审阅意见（2 条此前已导入，已跳过）" in capsys.readouterr().out
    assert load_document(bulletin).issue.notes == notes


def test_a_refused_file_leaves_the_document_untouched(
    bulletin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = bulletin.read_bytes()
    junk = tmp_path / "junk.docx"
    junk.write_bytes(b"not a zip")
    assert main(["import-review", str(bulletin), str(junk)]) == 1
    assert "不是 DOCX" in capsys.readouterr().err
    assert bulletin.read_bytes() == before
