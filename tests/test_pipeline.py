"""The one path from document to file: checks, refusal on errors, progress, cancel, failures."""

import io
import json
import zipfile
from collections.abc import Generator
from datetime import UTC, datetime
from pathlib import Path

import pikepdf
import pytest

from bulletin_studio import messages
from bulletin_studio.errors import BulletinError
from bulletin_studio.export.pdf import PdfWriter
from bulletin_studio.export.progress import Cancelled, Progress, drain
from bulletin_studio.export.writer import Format, WriteOptions
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
    Exported,
    ExportRefused,
    Pipeline,
    SourceDateError,
    WriterFailed,
    source_date_clock,
)
from bulletin_studio.render import segment
from bulletin_studio.render.fonts import FontResolver
from bulletin_studio.render.kept_cuts import KeptCuts
from bulletin_studio.storage import AssetStore, Document, sample_document
from tests.export.pdf_reading import reading_texts, toc_entries
from tests.hostile_images import jpeg, png_cut_pixels, png_long_ihdr
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


# -- issue 9: what validated but did not export ------------------------------------------------


def _exports(pipeline: Pipeline, document: Document, tmp_path: Path) -> Exported:
    """Validate, then export both formats: whatever validates must export."""
    assert pipeline.check(document).errors == []
    targets: dict[Format, Path] = {"pdf": tmp_path / "out.pdf", "docx": tmp_path / "out.docx"}
    return drain(pipeline.export(document, targets))


def test_a_just_added_article_without_title_exports(pipeline: Pipeline, tmp_path: Path) -> None:
    document = one_article([Paragraph(text="正文")])
    untitled = document.issue.sections[0].items[0].model_copy(update={"title": ""})
    section = document.issue.sections[0].model_copy(update={"items": [untitled]})
    document.issue = document.issue.model_copy(update={"sections": [section]})
    exported = _exports(pipeline, document, tmp_path)
    assert exported.results["pdf"].anchor_pages["art_one"] == 2  # type: ignore[union-attr]
    text = reading_texts((tmp_path / "out.pdf").read_bytes())
    assert "栏目" in text[0] and "正文" in text[1]


def test_an_article_with_a_tall_figure_in_two_columns_exports(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    assets = AssetStore()
    tall = ImageRef(asset=assets.add(png_bytes((200, 30, 30), (400, 900))))
    blocks: list[Block] = [
        Paragraph(text="正文" * 200),
        Figure(id="f_tall", image=tall, caption="图一"),
        Paragraph(text="后文" * 300),
        Figure(image=tall, caption="图二"),
    ]
    document = one_article(blocks, assets)
    section = document.issue.sections[0].model_copy(update={"kind": SectionKind.PARTNER_NEWS})
    document.issue = document.issue.model_copy(update={"sections": [section]})
    exported = _exports(pipeline, document, tmp_path)
    assert exported.results["pdf"].anchor_pages["f_tall"] >= 2  # type: ignore[union-attr]


def test_text_pasted_from_word_exports_both_ways(pipeline: Pipeline, tmp_path: Path) -> None:
    document = one_article([Paragraph(text="第一行\x0b第二行\x0c\x1b逃逸\ufffe字符")])
    title = document.issue.sections[0].items[0].model_copy(update={"title": "标\x0b题"})
    section = document.issue.sections[0].model_copy(update={"items": [title]})
    document.issue = document.issue.model_copy(update={"sections": [section]})
    _exports(pipeline, document, tmp_path)
    with zipfile.ZipFile(tmp_path / "out.docx") as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert "逃逸字符" in body and "\x1b" not in body


def test_images_from_elsewhere_export_to_docx_and_pdf(pipeline: Pipeline, tmp_path: Path) -> None:
    assets = AssetStore()
    refs = [
        ImageRef(asset=assets.add(data))
        for data in (jpeg("CMYK", jfif=False), jpeg(jfif=False), png_long_ihdr())
    ]
    document = one_article([Figure(image=ref, caption="图") for ref in refs], assets)
    exported = _exports(pipeline, document, tmp_path)
    assert exported.results["docx"].pictures == 3  # type: ignore[union-attr]


def test_a_picture_that_does_not_decode_refuses_the_export(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    assets = AssetStore()
    broken = ImageRef(asset=assets.add(png_cut_pixels()))
    document = one_article([Figure(id="f_cut", image=broken, caption="图")], assets)
    assert [problem.target_id for problem in pipeline.check(document).errors] == ["f_cut"]
    assert drain(pipeline.render(document)).data.startswith(b"%PDF-"), "the preview still draws"


def test_very_long_titles_export(pipeline: Pipeline, tmp_path: Path) -> None:
    document = one_article([Paragraph(text="正文")])
    long_title = document.issue.sections[0].items[0].model_copy(update={"title": "长" * 4000})
    section = document.issue.sections[0].model_copy(update={"items": [long_title]})
    masthead = document.issue.masthead.model_copy(update={"title": "标" * 300})
    document.issue = document.issue.model_copy(update={"sections": [section], "masthead": masthead})
    _exports(pipeline, document, tmp_path)
    toc_line = toc_entries((tmp_path / "out.pdf").read_bytes())[1][0]
    assert toc_line.endswith("…") and len(toc_line) <= 121


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


def test_a_refused_export_speaks_the_ui_language(pipeline: Pipeline, tmp_path: Path) -> None:
    document = one_article([Paragraph(id="p_odd", text="符号\U0001fa90不在字体中")])
    title = document.issue.masthead.title
    with pytest.raises(ExportRefused) as chinese:
        drain(pipeline.export(document, {"pdf": tmp_path / "odd.pdf"}))
    assert chinese.value.message == (
        f"“{title}”有错误，未导出：“标题” 字符“\U0001fa90”（U+1FA90）在版式的字体中都没有字形，"
        "无法印出"
    )
    messages.use_language("en")
    with pytest.raises(ExportRefused) as english:
        drain(pipeline.export(document, {"pdf": tmp_path / "odd.pdf"}))
    assert english.value.message == (
        f"“{title}” has errors and was not exported: “标题” No font of the layout has a glyph "
        "for the character “\U0001fa90” (U+1FA90): it cannot be printed"
    )


def test_a_bad_source_date_is_explained_in_the_ui_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    messages.use_language("en")
    with pytest.raises(SourceDateError) as english:
        source_date_clock()
    assert english.value.message == (
        "The environment variable SOURCE_DATE_EPOCH is “yesterday”, not a number of seconds: "
        "set it to a whole number (such as 1735689600) or remove it"
    )


def test_word_cuts_are_saved_by_an_export_not_by_a_preview(
    pipeline: Pipeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = KeptCuts(tmp_path / "cuts", "build")
    monkeypatch.setattr(segment, "_kept_cuts", lambda: store)
    segment.word_boundaries.cache_clear()
    document = sample_document()

    drain(pipeline.render(document))
    assert not store.path.exists(), "typing in the app writes nothing"
    drain(pipeline.export(document, {"pdf": tmp_path / "issue.pdf"}))

    kept = json.loads(store.path.read_bytes())
    titles = [item.title for section in document.issue.sections for item in section.items]
    assert any(text.strip() in titles for text in kept), "the wrapped titles are kept"
