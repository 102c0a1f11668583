"""The print shop's preflight of a PDF: each finding with its page, item and what to do."""

import io

import pytest
from reportlab.lib.colors import CMYKColor
from reportlab.pdfgen.canvas import Canvas

from bulletin_studio import messages
from bulletin_studio.preflight.print_file import PrintReport, inspect_print_file
from bulletin_studio.render.compose import compose
from bulletin_studio.render.layout import load_layout
from bulletin_studio.storage import Document, sample_document
from tests.writing import write_pdf


def checks(report: PrintReport, severity: str) -> set[str]:
    return {finding.check for finding in report.findings if finding.severity == severity}


@pytest.fixture(scope="module")
def sample_print() -> bytes:
    sample = sample_document()
    return write_pdf(compose(sample.issue, load_layout("default"), sample.assets)).data


def test_the_sample_print_file_passes_both_standards(sample_print: bytes) -> None:
    report = inspect_print_file(sample_print)
    assert report.standard == "x4"
    assert report.count("error") == report.count("warning") == 0, report.findings
    assert not report.refused
    assert {"输出意图", "字体", "图片分辨率"} <= checks(report, "info")
    wasteful = [f for f in report.findings if "超过 450 ppi" in f.message]
    assert wasteful and all(f.item_id and f.item_title and f.pages for f in wasteful)
    # the same file claims X-4: checked as X-1a it is refused, and the report says why
    as_x1a = inspect_print_file(sample_print, "x1a")
    assert as_x1a.refused and "PDF/X" in checks(as_x1a, "error")


def test_the_screen_pdf_would_be_refused_with_reasons(sample_print: bytes) -> None:
    sample = sample_document()
    screen = write_pdf(compose(sample.issue, load_layout("default"), sample.assets), "screen")
    report = inspect_print_file(screen.data, "x4")
    assert report.refused
    assert {"PDF/X", "输出意图", "注释", "色彩"} <= checks(report, "error")
    links = [finding for finding in report.findings if finding.check == "注释"]
    assert len({page for finding in links for page in finding.pages}) > 3
    assert all("屏幕版" in finding.action for finding in links)


def test_a_low_resolution_picture_is_reported_at_its_item(small_document: Document) -> None:
    tree = compose(small_document.issue, load_layout("default"), small_document.assets)
    report = inspect_print_file(write_pdf(tree).data)
    coarse = [f for f in report.findings if f.check == "图片分辨率" and f.severity == "warning"]
    assert len(coarse) == 2
    for finding in coarse:
        assert finding.pages == (2,)
        assert finding.item_id == "art_one"
        assert finding.item_title == "公共采购为实现可持续和循环转型采取实际行动"
        assert "300 ppi" in finding.action


def hand_made_pdf() -> bytes:
    """A page with what a print shop sends back: every problem once, inside the trim."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(300, 300), invariant=1)
    canvas.setTrimBox((10, 10, 290, 290))
    canvas.setBleedBox((0, 0, 300, 300))
    canvas.setFillColor(CMYKColor(0.3, 0.1, 0.2, 0.45))
    canvas.setFont("Helvetica", 5)
    canvas.drawString(50, 200, "four-ink five-point text")
    canvas.setFillColor(CMYKColor(0, 0, 0, 0))
    canvas.setFont("Helvetica", 7)
    canvas.drawString(50, 180, "white seven-point text")
    canvas.setStrokeColor(CMYKColor(0, 0, 0, 1))
    canvas.setLineWidth(0.1)
    canvas.line(50, 150, 250, 150)
    canvas.setFillColor(CMYKColor(1, 1, 1, 0.5))
    canvas.rect(50, 50, 100, 50, stroke=0, fill=1)
    canvas.setFillColorRGB(1, 0, 0)
    canvas.rect(200, 50, 40, 40, stroke=0, fill=1)
    canvas.setFillColor(CMYKColor(0, 0, 0, 1))
    canvas.drawString(12, 100, "at the edge")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_every_print_problem_on_a_hand_made_page_is_found() -> None:
    report = inspect_print_file(hand_made_pdf(), "x4", ink_limit=300)
    assert report.refused
    errors, warnings = checks(report, "error"), checks(report, "warning")
    assert {"PDF/X", "输出意图", "色彩", "总墨量", "字体"} <= errors
    assert {"小字套印", "反白小字", "细线", "安全边距"} <= warnings
    by_check = {finding.check: finding for finding in report.findings}
    assert "350 %" in by_check["总墨量"].message
    assert "5.0 pt" in by_check["小字套印"].message and "4 色" in by_check["小字套印"].message
    assert "0.10 pt" in by_check["细线"].message
    assert "Helvetica" in by_check["字体"].message
    assert all(finding.action for finding in report.findings if finding.severity != "info")


def test_the_report_speaks_the_ui_language() -> None:
    """Check, finding and what to do: all in English under the English UI."""
    messages.use_language("en")
    report = inspect_print_file(hand_made_pdf(), "x4", ink_limit=300)
    by_check = {finding.check: finding for finding in report.findings}
    assert {"Output intent", "Colour", "Total ink", "Fonts", "Hairlines"} <= set(by_check)
    ink = by_check["Total ink"]
    assert ink.message == "Total ink 350 %, more than the 300 % the printing condition allows"
    assert ink.action.startswith("Lower the colour's CMYK values")
    assert ink.pages == (1,)
    small = by_check["Small text in several inks"]
    assert small.message.startswith("5.0 pt text printed in 4 inks")
    assert small.action == "Print text smaller than 6 pt in one ink (such as 100 % K)"
    text = " ".join(f"{f.check} {f.message} {f.action}" for f in report.findings)
    assert not any("\u4e00" <= char <= "\u9fff" for char in text), text
