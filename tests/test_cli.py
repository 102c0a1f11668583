"""The headless CLI, run as a real process: exit codes, stdout and one-line errors."""

import json
import os
import re
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from bulletin_studio import cli
from bulletin_studio.model import Issue, Numbering
from bulletin_studio.storage import Document, load_document, sample_document, save_document
from bulletin_studio.storage.envelope import encode
from tests.conftest import fill
from tests.review.sample_issue import review_issue
from tests.review.wordlike import add_comments


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bulletin_studio.cli", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: int = 1) -> str:
    assert result.returncode == code, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_schema_prints_the_envelope_schema() -> None:
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["properties"]["format"] == {"const": "bulletin-studio/issue"}
    assert "Issue" in schema["$defs"]


def test_sample_writes_the_bundled_issue(tmp_path: Path) -> None:
    out = tmp_path / "sample.bulletin"
    result = run("sample", str(out))
    assert result.returncode == 0, result.stderr
    assert load_document(out).issue == sample_document().issue
    line = assert_one_line_error(run("sample", str(out)))
    assert "已存在" in line
    assert run("sample", "--force", str(out)).returncode == 0


def test_new_from_advances_past_the_year_end(small_document: Document, tmp_path: Path) -> None:
    small_document.issue.numbering = Numbering(year=2024, number=4, cumulative=18)
    previous, out = tmp_path / "2024-4.bulletin", tmp_path / "2025-1.bulletin"
    save_document(small_document, previous)
    result = run("new", "--from", str(previous), str(out))
    assert result.returncode == 0, result.stderr
    numbering = load_document(out).issue.numbering
    assert (numbering.year, numbering.number, numbering.cumulative) == (2025, 1, 19)


def test_new_from_a_missing_file_fails_with_one_line(tmp_path: Path) -> None:
    line = assert_one_line_error(run("new", "--from", str(tmp_path / "nope.bulletin"), "x"))
    assert "nope.bulletin 不存在" in line


def test_validate_passes_with_warnings(small_document: Document, tmp_path: Path) -> None:
    path = tmp_path / "x.bulletin"
    save_document(small_document, path)
    result = run("validate", str(path))
    assert result.returncode == 0, result.stdout
    assert "警告 编辑：版权页缺少编辑姓名" in result.stdout
    assert "0 个错误" in result.stdout


def test_the_cli_speaks_english_where_the_locale_asks_for_it(
    small_document: Document, tmp_path: Path
) -> None:
    path = tmp_path / "x.bulletin"
    save_document(small_document, path)
    result = run("validate", str(path), env={"BULLETIN_STUDIO_LANG": "", "LC_ALL": "en_GB.UTF-8"})
    assert "Warning Editor: The colophon has no editor's name" in result.stdout
    assert re.search(r": 0 error\(s\), \d+ warning\(s\)$", result.stdout.strip())
    refused = run("export", str(path), env={"BULLETIN_STUDIO_LANG": "en"})
    assert assert_one_line_error(refused) == "Give --pdf or --docx, or both"


def test_validate_fails_on_errors(tmp_path: Path) -> None:
    path = tmp_path / "empty.bulletin"
    save_document(Document(Issue(numbering=Numbering(year=2024, number=1, cumulative=1))), path)
    result = run("validate", str(path))
    assert result.returncode == 1
    assert "错误 本期还没有栏目" in result.stdout


def test_validate_lists_problems_of_a_file_that_does_not_load(
    small_document: Document, tmp_path: Path
) -> None:
    envelope = json.loads(encode(small_document.issue))
    envelope["issue"]["sections"][0]["items"][0]["blocks"][0]["text"] = "[x](ftp://a.org)"
    path = tmp_path / "bad.bulletin"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("issue.json", json.dumps(envelope))
    result = run("validate", str(path))
    line = assert_one_line_error(result)
    assert line.startswith("文件 bad.bulletin 不是有效的简报文件")
    assert "错误 [p_lead] 正文：链接“ftp://a.org”无效" in result.stdout


def test_validate_refuses_a_non_package(tmp_path: Path) -> None:
    path = tmp_path / "x.bulletin"
    path.write_text("hello")
    assert "不是 zip 压缩包" in assert_one_line_error(run("validate", str(path)))


def test_a_refusal_is_printed_in_the_language_asked_for(tmp_path: Path) -> None:
    path = tmp_path / "x.bulletin"
    path.write_text("hello")
    line = assert_one_line_error(run("validate", str(path), env={"BULLETIN_STUDIO_LANG": "en"}))
    assert line == (
        "The file x.bulletin is not a valid bulletin file: it is not a zip archive (the file is"
        " damaged or of another kind)"
    )


def test_export_needs_a_target(small_document: Document, tmp_path: Path) -> None:
    path = tmp_path / "x.bulletin"
    save_document(small_document, path)
    assert "--pdf 或 --docx" in assert_one_line_error(run("export", str(path)))


def test_export_writes_pdf_and_docx(small_document: Document, tmp_path: Path) -> None:
    path, pdf, docx = tmp_path / "x.bulletin", tmp_path / "x.pdf", tmp_path / "x.docx"
    save_document(small_document, path)
    result = run("export", str(path), "--pdf", str(pdf), "--docx", str(docx), "--variant", "screen")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [str(pdf), str(docx)]
    assert pdf.read_bytes().startswith(b"%PDF-")
    with zipfile.ZipFile(docx) as archive:
        assert "word/document.xml" in archive.namelist()


def test_unknown_layout_fails_with_one_line(small_document: Document, tmp_path: Path) -> None:
    path = tmp_path / "x.bulletin"
    save_document(small_document, path)
    result = run("export", str(path), "--docx", str(tmp_path / "x.docx"), "--layout", "nope")
    assert "版式“nope”不存在" in assert_one_line_error(result)


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).with_name("bulletin-studio")
    result = subprocess.run([str(script), "schema"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("{")


@pytest.mark.parametrize(("argv", "expected"), [([], None), (["x.bulletin"], Path("x.bulletin"))])
def test_file_argument_or_nothing_opens_the_window(
    argv: list[str], expected: Path | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The GUI itself is tested with the GUI; here only the dispatch to it."""
    opened: list[Path | None] = []
    monkeypatch.setattr(cli, "_run_gui", lambda path: opened.append(path) or 0)
    assert cli.main(argv) == 0
    assert opened == [expected]


def test_fonts_lists_the_face_of_each_role(tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text("[fonts\n", encoding="utf-8")
    listing = run("fonts")
    assert listing.returncode == 0, listing.stderr
    assert "Noto Serif CJK SC" in listing.stdout and "Liberation Serif" in listing.stdout
    broken = run("fonts", env={"BULLETIN_STUDIO_CONFIG": str(settings)})
    assert str(settings) in assert_one_line_error(broken)


def test_new_after_the_last_numberable_issue_fails_with_one_line(
    small_document: Document, tmp_path: Path
) -> None:
    small_document.issue.numbering = Numbering(year=2200, number=4, cumulative=900)
    previous = tmp_path / "2200-4.bulletin"
    save_document(small_document, previous)
    line = assert_one_line_error(run("new", "--from", str(previous), str(tmp_path / "n.bulletin")))
    assert "2200年第4期" in line and "无法再编号" in line


def test_a_damaged_font_file_in_settings_costs_a_warning_not_the_export(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(
        Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf").read_bytes()[
            :50_000
        ]
    )
    settings = tmp_path / "settings.toml"
    settings.write_text(f'[fonts]\n"Liberation Serif" = "{broken}"\n', encoding="utf-8")
    path, pdf = tmp_path / "x.bulletin", tmp_path / "x.pdf"
    save_document(sample_document(), path)
    result = run(
        "export", str(path), "--pdf", str(pdf), env={"BULLETIN_STUDIO_CONFIG": str(settings)}
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert f"字体文件 {broken} 无法使用" in result.stderr
    assert pdf.read_bytes().startswith(b"%PDF-")


def test_a_bug_is_one_line_with_the_details_in_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "bulletin-studio.log"
    monkeypatch.setenv("BULLETIN_STUDIO_LOG", str(log))

    def broken(_args: object) -> int:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(cli, "_cmd_schema", broken)
    assert cli.main(["schema"]) == cli.EXIT_INTERNAL
    error = capsys.readouterr().err.strip()
    assert error.count("\n") == 0 and "ZeroDivisionError" in error and str(log) in error
    assert "Traceback" in log.read_text(encoding="utf-8")


# --- issue 8: writing commands respect locks and never overwrite what they must not ------


def _saved(doc: Document, path: Path) -> bytes:
    save_document(doc, path)
    return path.read_bytes()


def test_export_never_overwrites_a_document_or_a_fifo(
    small_document: Document, tmp_path: Path
) -> None:
    """``export t.bulletin --pdf t.bulletin`` used to destroy the issue."""
    path, other, fifo = tmp_path / "t.bulletin", tmp_path / "other.bulletin", tmp_path / "out.pdf"
    before, other_before = _saved(small_document, path), _saved(small_document, other)
    os.mkfifo(fifo)
    for flag, target, words in [
        ("--pdf", path, "正在导出的简报"),
        ("--docx", other, "简报文件"),
        ("--pdf", fifo, "命名管道"),
    ]:
        line = assert_one_line_error(run("export", str(path), flag, str(target)))
        assert target.name in line and words in line, line
    assert path.read_bytes() == before and other.read_bytes() == other_before
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.bulletin", "out.pdf", "t.bulletin"]


HOLDER = """
import sys
from pathlib import Path
from bulletin_studio.storage import acquire_lock
lock = acquire_lock(Path(sys.argv[1]))
print("held", flush=True)
sys.stdin.read()
"""


@pytest.mark.parametrize("command", ["new", "sample"])
def test_force_does_not_overwrite_a_file_open_elsewhere(
    command: str, small_document: Document, tmp_path: Path
) -> None:
    previous, out = tmp_path / "prev.bulletin", tmp_path / "open.bulletin"
    save_document(small_document, previous)
    before = _saved(small_document, out)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(out)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        args = ["--from", str(previous)] if command == "new" else []
        line = assert_one_line_error(run(command, *args, "--force", str(out)))
        assert "文件 open.bulletin 已在别处打开（用户" in line and f"进程 {holder.pid}" in line
        assert out.read_bytes() == before
    finally:
        holder.communicate("")
    assert run(command, *args, "--force", str(out)).returncode == 0


def _reviewed(doc: Document, tmp_path: Path, remarks: list[tuple[str, str, str]]) -> Path:
    exported, reviewed = tmp_path / "exported.docx", tmp_path / "reviewed.docx"
    bulletin = tmp_path / "for-export.bulletin"
    save_document(doc, bulletin)
    assert cli.main(["export", str(bulletin), "--docx", str(exported)]) == 0
    add_comments(exported, reviewed, remarks)
    return reviewed


def test_import_review_into_an_unpacked_issue_keeps_it_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = Document(issue=review_issue())
    reviewed = _reviewed(doc, tmp_path, [("p_china", "数字需核实", "李审阅")])
    folder = tmp_path / "unpacked"
    folder.mkdir()
    (folder / "issue.json").write_bytes(encode(doc.issue))
    assert cli.main(["import-review", str(folder / "issue.json"), str(reviewed)]) == 0
    assert (folder / "issue.json").read_bytes().startswith(b"{")
    notes = load_document(folder / "issue.json").issue.notes
    assert [(note.target_id, note.text) for note in notes] == [("p_china", "数字需核实")]


def test_import_review_of_huge_comments_saves_a_file_that_opens(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Three 7 MB comments made an issue.json over the 20 MB read limit: only the .bak opened."""
    doc = Document(issue=review_issue())
    huge = "很长的意见" * (7 * 1024 * 1024 // 15)
    reviewed = _reviewed(doc, tmp_path, [("p_china", huge, f"审阅{n}") for n in range(3)])
    path = tmp_path / "issue.bulletin"
    save_document(doc, path)
    assert cli.main(["import-review", str(path), str(reviewed)]) == 0
    notes = load_document(path).issue.notes
    assert len(notes) == 3
    for note in notes:
        assert note.text.startswith("很长的意见很长的意见")
        assert "审阅意见过长" in note.text and "全文见 reviewed.docx" in note.text
        assert len(note.text) < len(huge) // 10


@pytest.mark.timeout(30)
def test_import_review_refuses_a_fifo_at_once_and_leaves_no_lock(
    small_document: Document, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, fifo = tmp_path / "x.bulletin", tmp_path / "reviewed.docx"
    before = _saved(small_document, path)
    os.mkfifo(fifo)
    assert cli.main(["import-review", str(path), str(fifo)]) == 1
    assert "reviewed.docx" in capsys.readouterr().err
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reviewed.docx", "x.bulletin"]


def test_a_full_disk_names_the_file_and_what_to_do(
    full_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = Document(issue=review_issue())
    reviewed = _reviewed(doc, full_disk.parent, [("p_china", "数字需核实", "李审阅")])
    path = full_disk / "issue.bulletin"
    before = _saved(doc, path)
    fill(full_disk)
    assert cli.main(["import-review", str(path), str(reviewed)]) == 1
    error = capsys.readouterr().err
    assert "issue.bulletin" in error and "腾出空间" in error, error
    assert path.read_bytes() == before
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler", "issue.bulletin"]


def test_preflight_passes_the_sample_and_refuses_a_screen_pdf(tmp_path: Path) -> None:
    bulletin = tmp_path / "sample.bulletin"
    save_document(sample_document(), bulletin)
    accepted = run("preflight", str(bulletin), "--pdfx", "x1a")
    assert accepted.returncode == 0, accepted.stderr
    assert accepted.stdout.strip().splitlines()[-1].startswith("PDF/X-1a:2003：0 个错误")
    assert "FOGRA39" in accepted.stdout
    screen = tmp_path / "screen.pdf"
    exported = run("export", str(bulletin), "--pdf", str(screen), "--variant", "screen")
    assert exported.returncode == 0, exported.stderr
    refused = run("preflight", str(screen))
    assert refused.returncode == 1
    assert "出血框内有 Link 注释" in refused.stdout
    assert "处理：" in refused.stdout
    assert "会被退回" in refused.stdout.strip().splitlines()[-1]


def test_export_takes_pdfx_only_for_print(tmp_path: Path) -> None:
    bulletin = tmp_path / "sample.bulletin"
    save_document(sample_document(), bulletin)
    line = assert_one_line_error(
        run(
            "export",
            str(bulletin),
            "--pdf",
            str(tmp_path / "x.pdf"),
            "--variant",
            "screen",
            "--pdfx",
            "x1a",
        )
    )
    assert "--pdfx" in line
    out = tmp_path / "x1a.pdf"
    assert run("export", str(bulletin), "--pdf", str(out), "--pdfx", "x1a").returncode == 0
    assert out.read_bytes().startswith(b"%PDF-1.4")


@pytest.mark.slow
@pytest.mark.parametrize(
    "path", sorted(Path(__file__).parent.rglob("*.bulletin")), ids=lambda path: path.name
)
def test_every_issue_file_of_the_suite_that_validates_exports(path: Path, tmp_path: Path) -> None:
    if run("validate", str(path)).returncode != 0:
        return
    out = tmp_path / "out"
    result = run("export", str(path), "--pdf", f"{out}.pdf", "--docx", f"{out}.docx")
    assert result.returncode == 0, result.stderr
