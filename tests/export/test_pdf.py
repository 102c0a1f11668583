"""The print-ready PDF, checked as a reader and a print shop would: text, pages, fonts, boxes."""

import io
import itertools
import re

import pypdf
import pytest
from tests.export.pdf_reading import page_lines, reading_texts, toc_entries
from tests.writing import WrittenPdf, write_pdf

from bulletin_studio.export.pdf import TypesetSession
from bulletin_studio.render.fonts import FontResolver
from bulletin_studio.render.linebreak import NO_LINE_END, NO_LINE_START
from bulletin_studio.render.tree import RenderTree

MM = 72 / 25.4


def test_sample_has_cover_toc_and_body(print_pdf: WrittenPdf, sample_tree: RenderTree) -> None:
    texts = reading_texts(print_pdf.data)
    assert print_pdf.pages == len(texts) >= 6
    assert "目录" in texts[0]
    assert "2025年第" in texts[0] and "总第" in texts[0]
    for section in sample_tree.sections:
        assert section.title in texts[0]


def test_toc_numbers_are_the_pages_where_items_start(
    print_pdf: WrittenPdf, sample_tree: RenderTree
) -> None:
    texts = reading_texts(print_pdf.data)
    entries = toc_entries(print_pdf.data)
    assert len(entries) == len(sample_tree.toc)
    checked = 0
    for entry, (listed_title, listed) in zip(sample_tree.toc, entries, strict=True):
        title = "".join(entry.text.split())
        assert listed_title.endswith(title)
        first_page = next(number for number, text in enumerate(texts[1:], start=2) if title in text)
        assert listed == first_page, title
        assert print_pdf.anchor_pages[entry.anchor] == first_page
        checked += 1
    assert checked == len(sample_tree.toc) >= 12


@pytest.mark.parametrize("variant", ["print", "screen"])
def test_every_font_is_embedded(
    variant: str, print_pdf: WrittenPdf, screen_pdf: WrittenPdf
) -> None:
    data = print_pdf.data if variant == "print" else screen_pdf.data
    reader = pypdf.PdfReader(io.BytesIO(data))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert len(fonts) >= 4
    for name, font in fonts.items():
        descriptor = font.get("/FontDescriptor")
        assert descriptor is not None, f"{name} is not embedded"
        descriptor = descriptor.get_object()
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), name
        assert "+" in str(name), f"{name} is not a subset"


def test_no_line_breaks_against_chinese_rules(print_pdf: WrittenPdf) -> None:
    lines = [line for line in page_lines(print_pdf.data) if len(line.text) > 1]
    assert len(lines) > 200
    starts = [line.text for line in lines if line.text[0] in NO_LINE_START]
    ends = [line.text for line in lines if line.text[-1] in NO_LINE_END]
    assert starts == []
    assert ends == []


def test_outline_links_and_metadata(screen_pdf: WrittenPdf, sample_tree: RenderTree) -> None:
    reader = pypdf.PdfReader(io.BytesIO(screen_pdf.data))
    top_level = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    assert top_level == [section.title for section in sample_tree.sections]
    uris = set()
    internal = 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A")
            if action is not None and "/URI" in action:
                uris.add(str(action["/URI"]))
            elif "/Dest" in annotation:
                internal += 1
    assert internal >= len(sample_tree.toc)
    assert any(uri.startswith("https://www.oneplanetnetwork.org") for uri in uris)
    assert any(uri.startswith("mailto:") for uri in uris)
    assert reader.metadata.title == sample_tree.metadata.title
    assert reader.trailer["/Root"]["/Lang"] == "zh-CN"


def test_print_variant_has_bleed_and_cmyk(print_pdf: WrittenPdf, screen_pdf: WrittenPdf) -> None:
    reader = pypdf.PdfReader(io.BytesIO(print_pdf.data))
    for page in reader.pages:
        trim, bleed = page.trimbox, page.bleedbox
        for inner, outer in ((trim.left, bleed.left), (trim.bottom, bleed.bottom)):
            assert float(inner) - float(outer) == pytest.approx(3 * MM, abs=0.01)
        for inner, outer in ((trim.right, bleed.right), (trim.top, bleed.top)):
            assert float(outer) - float(inner) == pytest.approx(3 * MM, abs=0.01)
        assert float(trim.width) == pytest.approx(210 * MM, abs=0.01)
    cover = reader.pages[0].get_contents().get_data().decode("latin-1")
    assert re.search(r"[\d.]+ [\d.]+ [\d.]+ [\d.]+ k", cover)
    screen = pypdf.PdfReader(io.BytesIO(screen_pdf.data)).pages[0]
    assert float(screen.mediabox.width) == pytest.approx(210 * MM, abs=0.01)
    assert " rg" in screen.get_contents().get_data().decode("latin-1")


def test_same_input_gives_identical_bytes(sample_tree: RenderTree, print_pdf: WrittenPdf) -> None:
    again = write_pdf(sample_tree, "print")
    assert again.data == print_pdf.data


def test_no_heading_is_left_at_the_foot_of_a_column(
    print_pdf: WrittenPdf, sample_tree: RenderTree
) -> None:
    lines = page_lines(print_pdf.data)
    middle = 105 * MM + 8.5 + 5 * MM + 2 * MM  # page centre on the print sheet
    checked = 0
    for section in sample_tree.sections:
        for item in section.items:
            title = "".join(item.heading[-1].plain.split())
            tail = title[-4:]
            for index, line in enumerate(lines):
                if "".join(line.text.split()).endswith(tail) and line.page > 1:
                    column = line.x0 >= middle
                    below = [
                        other
                        for other in lines[index + 1 :]
                        if other.page == line.page
                        and (other.x0 >= middle) == column
                        and other.top > line.top
                    ]
                    assert below, f"{title} ends its column on page {line.page}"
                    checked += 1
                    break
    assert checked >= 15


def test_session_reuses_shaping_without_changing_the_output(
    sample_tree: RenderTree, print_pdf: WrittenPdf
) -> None:
    session = TypesetSession(FontResolver())
    first = write_pdf(sample_tree, "print", session)
    palette = session.palette(sample_tree, "print")
    second = write_pdf(sample_tree, "print", session)
    assert session.palette(sample_tree, "print") is palette
    assert first.data == second.data == print_pdf.data
    assert session.palette(sample_tree, "screen") is not palette


def test_latin_words_are_never_letter_spaced(print_pdf: WrittenPdf) -> None:
    """Justification widens gaps between Chinese characters and at spaces, never in words."""
    import pdfplumber

    spread = []
    with pdfplumber.open(io.BytesIO(print_pdf.data)) as pdf:
        for page in pdf.pages:
            chars = [char for char in page.chars if char["text"].isascii()]
            for before, after in itertools.pairwise(chars):
                same_line = abs(before["matrix"][5] - after["matrix"][5]) < 0.1
                if same_line and before["text"].isalpha() and after["text"].isalpha():
                    gap = after["x0"] - before["x1"]
                    if 0.3 < gap < 20:
                        spread.append((before["text"], after["text"], round(gap, 2)))
    assert spread == []
