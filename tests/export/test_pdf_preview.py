"""What the live preview asks of the PDF writer: the same pages without deflating streams,
and a PDF set only through the page being read, which must match the whole issue's page."""

import io

import pypdf
from tests.export.pdf_reading import reading_texts, toc_entries
from tests.writing import EXPORTED_AT, WrittenPdf, session

from bulletin_studio.export.pdf import PdfWriter
from bulletin_studio.export.progress import drain
from bulletin_studio.export.writer import WriteOptions
from bulletin_studio.render.tree import RenderTree


def _write(tree: RenderTree, options: WriteOptions) -> WrittenPdf:
    buffer = io.BytesIO()
    result = drain(PdfWriter(session(), lambda: EXPORTED_AT).write(tree, buffer, options))
    return WrittenPdf(result, buffer.getvalue())


def _page_stream_filters(data: bytes) -> set[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    found = set()
    for page in reader.pages:
        contents = page["/Contents"]
        for stream in contents if isinstance(contents, list) else [contents]:
            found.add(str(stream.get_object().get("/Filter", "none")))
    return found


def test_an_uncompressed_pdf_has_the_same_pages(
    print_pdf: WrittenPdf, sample_tree: RenderTree
) -> None:
    plain = _write(sample_tree, WriteOptions(compress=False))
    assert plain.pages == print_pdf.pages and plain.result.complete
    assert plain.anchor_pages == print_pdf.anchor_pages
    assert plain.result.regions == print_pdf.result.regions
    assert reading_texts(plain.data) == reading_texts(print_pdf.data)
    assert _page_stream_filters(plain.data) == {"none"}
    assert _page_stream_filters(print_pdf.data) in ({"/FlateDecode"}, {"['/FlateDecode']"})
    assert len(plain.data) > len(print_pdf.data)


def test_a_pdf_set_through_a_page_matches_the_whole_issue_there(
    print_pdf: WrittenPdf, sample_tree: RenderTree
) -> None:
    whole = reading_texts(print_pdf.data)
    for through in (2, 3, print_pdf.pages - 2):
        cut = _write(sample_tree, WriteOptions(compress=False, through_page=through))
        assert not cut.result.complete
        assert through < cut.pages < print_pdf.pages
        assert reading_texts(cut.data)[1:through] == whole[1:through]  # after the cover
        placed = {key: page for key, page in print_pdf.anchor_pages.items() if page <= through}
        assert {k: v for k, v in cut.anchor_pages.items() if v <= through} == placed
        # the TOC links to items not set yet still point at a page of the file
        reader = pypdf.PdfReader(io.BytesIO(cut.data))
        pages = {page.indirect_reference.idnum for page in reader.pages}
        links = [a.get_object() for a in reader.pages[0]["/Annots"]]
        targets = [link["/Dest"][0].idnum for link in links if "/Dest" in link]
        assert len(targets) == len(sample_tree.toc) and set(targets) <= pages


def test_a_pdf_set_through_the_cover_leaves_the_tocs_numbers_blank(
    print_pdf: WrittenPdf, sample_tree: RenderTree
) -> None:
    """The numbers are only known once every item is set (the preview never stops there)."""
    cut = _write(sample_tree, WriteOptions(compress=False, through_page=1))
    assert len(toc_entries(print_pdf.data)) == len(sample_tree.toc)
    assert len(toc_entries(cut.data)) < 3  # at most what begins the next page is known
    cover = reading_texts(cut.data)[0]
    assert all("".join(entry.text.split()) in cover for entry in sample_tree.toc)


def test_through_the_last_page_or_beyond_is_the_whole_issue(
    print_pdf: WrittenPdf, sample_tree: RenderTree
) -> None:
    last = _write(sample_tree, WriteOptions(through_page=print_pdf.pages))
    assert last.result.complete and last.pages == print_pdf.pages
    assert last.data == print_pdf.data
