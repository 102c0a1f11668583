"""The headless CLI, run as a real process: exit codes, stdout and one-line errors."""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from bulletin_studio import cli
from bulletin_studio.model import Issue, Numbering
from bulletin_studio.storage import Document, load_document, sample_document, save_document
from bulletin_studio.storage.envelope import encode


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
