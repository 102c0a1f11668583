"""The print variant as a print shop's preflight reads it: PDF/X-4 and PDF/X-1a:2003.

Every key the standards ask for is read back with pikepdf; qpdf checks the file's syntax;
Ghostscript re-writes it in its PDF/X mode, which refuses (with a warning) whatever PDF/X
forbids.
"""

import io
import re
import shutil
import subprocess
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest
from PIL import ImageCms
from tests.writing import EXPORTED_AT, WrittenPdf, write_pdf

from bulletin_studio.export.pdfx import DocumentInfo, xmp_packet
from bulletin_studio.paths import PROFILES_DIR
from bulletin_studio.render.tree import RenderTree

XMP = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "xmpMM": "http://ns.adobe.com/xap/1.0/mm/",
    "pdfxid": "http://www.npes.org/pdfx/ns/id/",
    "pdfx": "http://ns.adobe.com/pdfx/1.3/",
}
RGB_OPERATORS = {"rg", "RG"}


@pytest.fixture(scope="session")
def x1a_pdf(sample_tree: RenderTree) -> WrittenPdf:
    return write_pdf(sample_tree, "print", pdfx="x1a")


@pytest.fixture(params=["x4", "x1a"])
def pdfx_file(request: pytest.FixtureRequest, print_pdf: WrittenPdf) -> tuple[str, bytes]:
    if request.param == "x4":
        return "x4", print_pdf.data
    return "x1a", request.getfixturevalue("x1a_pdf").data


def xmp_value(pdf: pikepdf.Pdf, path: str) -> str | None:
    root = ET.fromstring(pdf.Root.Metadata.read_bytes())
    for description in root.iter(f"{{{XMP['rdf']}}}Description"):
        found = description.find(path, XMP)
        if found is not None:
            return "".join(found.itertext()).strip()
    return None


def test_output_intent_embeds_the_cmyk_press_profile(pdfx_file: tuple[str, bytes]) -> None:
    _, data = pdfx_file
    with pikepdf.open(io.BytesIO(data)) as pdf:
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == pikepdf.Name.GTS_PDFX
        assert str(intent.OutputConditionIdentifier) == "FOGRA39"
        assert str(intent.RegistryName) == "http://www.color.org"
        icc = intent.DestOutputProfile
        assert int(icc.N) == 4
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc.read_bytes()))
        assert profile.profile.xcolor_space.strip() == "CMYK"
        assert icc.read_bytes() == (PROFILES_DIR / "FOGRA39.icc").read_bytes()


def test_version_keys_in_info_and_xmp_agree(pdfx_file: tuple[str, bytes]) -> None:
    standard, data = pdfx_file
    name = {"x4": "PDF/X-4", "x1a": "PDF/X-1a:2003"}[standard]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        info = pdf.docinfo
        assert str(info.GTS_PDFXVersion) == name
        assert info.Trapped == pikepdf.Name("/False")
        assert xmp_value(pdf, "pdf:Trapped") == "False"
        assert pdf.pdf_version == {"x4": "1.6", "x1a": "1.4"}[standard]
        assert data.startswith(f"%PDF-{pdf.pdf_version}".encode())
        if standard == "x4":
            assert xmp_value(pdf, "pdfxid:GTS_PDFXVersion") == name
            assert "/GTS_PDFXConformance" not in info
        else:
            assert xmp_value(pdf, "pdfx:GTS_PDFXVersion") == name
            assert str(info.GTS_PDFXConformance) == name
            assert xmp_value(pdf, "pdfx:GTS_PDFXConformance") == name
        assert (xmp_value(pdf, "xmpMM:DocumentID") or "").startswith("uuid:")
        assert xmp_value(pdf, "xmpMM:VersionID") == "1"
        assert xmp_value(pdf, "xmpMM:RenditionClass") == "default"
        first, second = pdf.trailer.ID
        assert len(bytes(first)) == len(bytes(second)) == 16


def test_dates_come_from_the_clock_in_info_and_xmp(pdfx_file: tuple[str, bytes]) -> None:
    _, data = pdfx_file
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert str(pdf.docinfo.CreationDate) == "D:20250701083000+00'00'"
        assert str(pdf.docinfo.ModDate) == str(pdf.docinfo.CreationDate)
        for key in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
            assert xmp_value(pdf, key) == EXPORTED_AT.isoformat()


def test_every_page_has_trim_and_bleed_boxes_and_no_art_box(pdfx_file: tuple[str, bytes]) -> None:
    _, data = pdfx_file
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) >= 6
        for page in pdf.pages:
            media = pikepdf.Rectangle(page.mediabox)
            trim = pikepdf.Rectangle(page.obj.TrimBox)
            bleed = pikepdf.Rectangle(page.obj.BleedBox)
            assert "/ArtBox" not in page.obj
            assert media.llx <= bleed.llx < trim.llx and trim.urx < bleed.urx <= media.urx
            assert media.lly <= bleed.lly < trim.lly and trim.ury < bleed.ury <= media.ury


def content_streams(pdf: pikepdf.Pdf) -> Iterator[tuple[pikepdf.Object, pikepdf.Dictionary]]:
    """Every page's content and every form it draws, with their resources."""
    seen: set[tuple[int, int]] = set()
    pending = [(page.obj, page.obj.Resources) for page in pdf.pages]
    while pending:
        stream, resources = pending.pop()
        yield stream, resources
        for xobject in resources.get("/XObject", {}).values():
            if xobject.Subtype == pikepdf.Name.Form and xobject.objgen not in seen:
                seen.add(xobject.objgen)
                pending.append((xobject, xobject.get("/Resources", resources)))


def test_no_rgb_image_or_colour_operator(pdfx_file: tuple[str, bytes]) -> None:
    standard, data = pdfx_file
    with pikepdf.open(io.BytesIO(data)) as pdf:
        images = 0
        for stream, resources in content_streams(pdf):
            operators = {str(op) for _, op in pikepdf.parse_content_stream(stream)}
            assert not operators & RGB_OPERATORS
            for name, space in resources.get("/ColorSpace", {}).items():
                assert "RGB" not in str(space), name
            for xobject in resources.get("/XObject", {}).values():
                if xobject.Subtype != pikepdf.Name.Image:
                    continue
                images += 1
                space = xobject.ColorSpace
                base = space[1] if isinstance(space, pikepdf.Array) else space
                assert base == pikepdf.Name.DeviceCMYK
                assert "/SMask" not in xobject and "/Mask" not in xobject
                if standard == "x1a":
                    assert "/ICCBased" not in str(space)
        assert images >= 8


def test_no_annotation_inside_the_bleed_box_but_the_outline_stays(
    pdfx_file: tuple[str, bytes],
) -> None:
    _, data = pdfx_file
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert all("/Annots" not in page.obj for page in pdf.pages)
        assert int(pdf.Root.Outlines.Count) != 0
        assert len(pikepdf.NameTree(pdf.Root.Names.Dests)) > 20  # item ids: issue.pdf#art_…


def test_x1a_has_no_transparency(x1a_pdf: WrittenPdf) -> None:
    with pikepdf.open(io.BytesIO(x1a_pdf.data)) as pdf:
        for _, resources in content_streams(pdf):
            for state in resources.get("/ExtGState", {}).values():
                assert float(state.get("/ca", 1)) == 1 and float(state.get("/CA", 1)) == 1
                assert "/SMask" not in state
            assert "/Group" not in resources


def test_screen_variant_is_srgb_with_links_and_no_pdfx(screen_pdf: WrittenPdf) -> None:
    with pikepdf.open(io.BytesIO(screen_pdf.data)) as pdf:
        (intent,) = pdf.Root.OutputIntents
        assert int(intent.DestOutputProfile.N) == 3
        assert str(intent.OutputConditionIdentifier) == "sRGB"
        assert "/GTS_PDFXVersion" not in pdf.docinfo
        assert sum(len(page.obj.get("/Annots", [])) for page in pdf.pages) > 20


@pytest.mark.slow
def test_qpdf_check_is_clean(pdfx_file: tuple[str, bytes], tmp_path: Path) -> None:
    path = tmp_path / "print.pdf"
    path.write_bytes(pdfx_file[1])
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors found" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def ghostscript_pdfx(data: bytes, tmp_path: Path) -> str:
    """Ghostscript's PDF/X mode re-writing ``data``; its messages, page counters removed."""
    version = subprocess.run(["gs", "--version"], capture_output=True, text=True).stdout.strip()
    definitions = Path(f"/usr/share/ghostscript/{version}/lib/PDFX_def.ps")
    profile = PROFILES_DIR / "FOGRA39.icc"
    text = definitions.read_text(encoding="latin-1")
    text = re.sub(r"/ICCProfile \(.*?\) def", f"/ICCProfile ({profile}) def", text)
    text = text.replace("(CGATS TR001)", "(FOGRA39)")
    (tmp_path / "pdfx_def.ps").write_text(text, encoding="latin-1")
    (tmp_path / "in.pdf").write_bytes(data)
    result = subprocess.run(
        [
            "gs",
            "-dPDFX",
            "-dBATCH",
            "-dNOPAUSE",
            "-dSAFER",
            f"--permit-file-read={PROFILES_DIR}/",
            "-sColorConversionStrategy=CMYK",
            "-sDEVICE=pdfwrite",
            f"-sOutputFile={tmp_path / 'out.pdf'}",
            str(tmp_path / "pdfx_def.ps"),
            str(tmp_path / "in.pdf"),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr
    lines = (result.stdout + result.stderr).splitlines()
    return "\n".join(
        line
        for line in lines
        if not re.match(
            r"^(Page \d+|Processing pages .*|GPL Ghostscript .*|Copyright .*|"
            r"This software .*|see the file .*)$",
            line,
        )
    ).strip()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("gs") is None, reason="Ghostscript is not installed")
def test_ghostscript_pdfx_mode_rewrites_the_print_file_without_a_warning(
    print_pdf: WrittenPdf, screen_pdf: WrittenPdf, tmp_path: Path
) -> None:
    assert ghostscript_pdfx(print_pdf.data, tmp_path) == ""
    with pikepdf.open(tmp_path / "out.pdf") as pdf:
        assert str(pdf.docinfo.GTS_PDFXVersion).startswith("PDF/X-")
    # The same check refuses what PDF/X forbids: the screen file's links.
    messages = ghostscript_pdfx(screen_pdf.data, tmp_path)
    assert "not permitted in PDF/X" in messages


def test_xmp_packet_keeps_markup_characters_of_the_title_as_text() -> None:
    info = DocumentInfo(
        title="Reuse & repair <2024> “循环”",
        author="A & B",
        subject="x < y",
        keywords=("R&D",),
        creator="Bulletin Studio",
        created=EXPORTED_AT,
    )
    packet = xmp_packet("x4", info, uuid.UUID(int=1)).decode()
    root = ET.fromstring(packet[packet.index("<x:xmpmeta") : packet.index("</x:xmpmeta>") + 12])
    texts = {element.tag.split("}")[1]: "".join(element.itertext()) for element in root.iter()}
    assert texts["title"] == "Reuse & repair <2024> “循环”"
    assert texts["creator"] == "A & B"
    assert texts["Keywords"] == "R&D"
