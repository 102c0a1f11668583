"""The one path from document to file: checks, refusal on errors, progress, cancel, failures."""

import io
from collections.abc import Generator
from datetime import UTC, datetime
from pathlib import Path

import pikepdf
import pytest

from bulletin_studio.errors import BulletinError
from bulletin_studio.export.pdf import PdfWriter
from bulletin_studio.export.progress import Cancelled, Progress, drain
from bulletin_studio.export.writer import WriteOptions
from bulletin_studio.model import (
    Article,
    Block,
    Figure,
    ImageRef,
    Issue,
    Numbering,
    Paragraph,
    Section,
    SectionKind,
)
from bulletin_studio.pipeline import (
    ExportRefused,
    Pipeline,
    SourceDateError,
    WriterFailed,
    source_date_clock,
)
from bulletin_studio.render.fonts import FontResolver
from bulletin_studio.storage import AssetStore, Document, sample_document
from tests.strategies import png_bytes


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(FontResolver())


def one_article(blocks: list[Block], assets: AssetStore | None = None) -> Document:
    """The smallest issue that exports: one section, one article holding ``blocks``."""
    article = Article(id="art_one", title="标题", blocks=blocks)
    section = Section(id="sec_one", kind=SectionKind.NETWORK_NEWS, title="栏目", items=[article])
    issue = Issue(numbering=Numbering(year=2024, number=1, cumulative=15), sections=[section])
    return Document(issue=issue, assets=assets or AssetStore())


def test_export_reports_progress_and_a_cancelled_one_leaves_no_file(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    seen: list[Progress] = []
    pdf, docx = tmp_path / "issue.pdf", tmp_path / "issue.docx"
    exported = drain(
        pipeline.export(sample_document(), {"pdf": pdf, "docx": docx}), on_progress=seen.append
    )
    assert pdf.read_bytes()[:5] == b"%PDF-" and docx.read_bytes()[:2] == b"PK"
    assert exported.results["pdf"].pages > 1
    fractions = [progress.fraction for progress in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any(progress.message.startswith("排版：") for progress in seen), "names the item"
    cancelled = tmp_path / "cancelled.pdf"
    with pytest.raises(Cancelled):
        drain(pipeline.export(sample_document(), {"pdf": cancelled}), should_cancel=lambda: True)
    assert not cancelled.exists()


def test_a_character_no_font_has_refuses_the_export_naming_the_item(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    document = one_article([Paragraph(id="p_odd", text="符号\U0001fa90不在字体中")])
    checked = pipeline.check(document)
    assert [(problem.target_id, "U+1FA90" in problem.message) for problem in checked.errors] == [
        ("p_odd", True)
    ]
    out = tmp_path / "odd.pdf"
    with pytest.raises(ExportRefused) as refused:
        drain(pipeline.export(document, {"pdf": out}))
    assert "“标题”" in refused.value.message and "U+1FA90" in refused.value.message
    assert not out.exists()
    preview = drain(pipeline.render(document))
    assert preview.data.startswith(b"%PDF-"), "the preview draws anyway"


def test_a_coarse_image_warns_but_exports(pipeline: Pipeline, tmp_path: Path) -> None:
    assets = AssetStore()
    coarse = ImageRef(asset=assets.add(png_bytes((200, 80, 60), (300, 150))))
    document = one_article([Figure(id="f_coarse", image=coarse, caption="图注")], assets)
    exported = drain(pipeline.export(document, {"pdf": tmp_path / "coarse.pdf"}))
    coarse_images = [problem for problem in exported.problems if "ppi" in problem.message]
    assert [(problem.target_id, problem.severity) for problem in coarse_images] == [
        ("f_coarse", "warning")
    ]


def test_a_writer_bug_is_reported_with_the_item_it_happened_in(
    pipeline: Pipeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = PdfWriter.write

    def failing(
        self: PdfWriter, *args: object
    ) -> Generator[Progress, None, object]:  # a writer that breaks on the second item
        for progress in original(self, *args):  # type: ignore[arg-type]
            yield progress
            if progress.message.startswith("排版："):  # laying out this item breaks
                raise ZeroDivisionError("a bug")
        return None

    monkeypatch.setattr(PdfWriter, "write", failing)
    with pytest.raises(WriterFailed) as failed:
        drain(pipeline.export(sample_document(), {"pdf": tmp_path / "x.pdf"}))
    first_item = sample_document().issue.sections[0].items[0].title
    assert "ZeroDivisionError" in failed.value.message and first_item in failed.value.message
    assert isinstance(failed.value.__cause__, ZeroDivisionError)


def test_render_keeps_content_and_print_problems_apart(pipeline: Pipeline) -> None:
    document = one_article([Paragraph(id="p_empty", text="")])
    rendered = drain(pipeline.render(document, "pdf", "default", WriteOptions("screen")))
    assert [problem.target_id for problem in rendered.checked.content] == ["p_empty", None]
    assert rendered.checked.printing == []


def test_source_date_epoch_dates_the_pdf_and_makes_it_reproducible(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1751358600")  # 2025-07-01 08:30 UTC
    first = drain(pipeline.render(sample_document())).data
    second = drain(pipeline.render(sample_document())).data
    assert first == second
    with pikepdf.open(io.BytesIO(first)) as pdf:
        assert str(pdf.docinfo.CreationDate) == "D:20250701083000+00'00'"


def test_without_source_date_epoch_the_pdf_carries_the_real_date(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = datetime.now(UTC).replace(microsecond=0)
    data = drain(pipeline.render(sample_document(), options=WriteOptions(variant="screen"))).data
    with pikepdf.open(io.BytesIO(data)) as pdf:
        created = pdf.docinfo.CreationDate
    stamp = datetime.strptime(str(created)[2:16], "%Y%m%d%H%M%S").replace(tzinfo=UTC)
    assert before <= stamp <= datetime.now(UTC)


def test_a_malformed_source_date_epoch_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(SourceDateError, match="SOURCE_DATE_EPOCH"):
        source_date_clock()


def test_the_settings_profile_replaces_the_layouts(tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text('[print]\nprofile = "/nowhere/JapanColor2001Coated.icc"\n')
    pipeline = Pipeline.from_settings(settings)
    with pytest.raises(BulletinError, match=r"JapanColor2001Coated\.icc"):
        drain(pipeline.render(sample_document()))


def test_print_preflight_of_the_sample_accepts_it_and_lists_conversions(
    pipeline: Pipeline,
) -> None:
    report = drain(pipeline.preflight_print(sample_document(), pdfx="x1a"))
    assert report.standard == "x1a"
    assert not report.refused, [finding.message for finding in report.findings]
    conversions = [finding for finding in report.findings if finding.check == "色彩转换"]
    assert len(conversions) == 8
    assert all("FOGRA39" in finding.message for finding in conversions)
