"""The finished file: what ReportLab cannot declare, added with pikepdf (qpdf).

Print files are PDF/X, the standard a print shop's preflight checks:

- **PDF/X-4** (ISO 15930-7, PDF 1.6), the default: CMYK and ICC-based colour, live
  transparency allowed;
- **PDF/X-1a:2003** (ISO 15930-4, PDF 1.4): CMYK only, no transparency, for shops and RIPs
  that take nothing newer.

Both get an output intent ``/GTS_PDFX`` embedding the destination CMYK profile, the version
keys in the Info dictionary and the XMP metadata, ``/Trapped /False`` and a document ID; no
annotation may sit inside the bleed box, so the print variant loses its links (the screen
variant keeps them; the outline stays in both). The screen variant gets an sRGB output intent.

Dates come from the clock the writer is given: the pipeline's honours ``SOURCE_DATE_EPOCH``,
so a rebuild with the same epoch gives the same bytes (the ID is a hash of the content).
"""

import hashlib
import html
import io
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

import pikepdf

from bulletin_studio.export.colour import REGISTRY, OutputProfile
from bulletin_studio.export.writer import PdfX

VERSION_NAMES: dict[PdfX, str] = {"x4": "PDF/X-4", "x1a": "PDF/X-1a:2003"}
PDF_VERSIONS: dict[PdfX, str] = {"x4": "1.6", "x1a": "1.4"}


@dataclass(frozen=True)
class DocumentInfo:
    """What the Info dictionary and the XMP packet say about the document."""

    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    creator: str
    created: datetime


@dataclass(frozen=True)
class Destination:
    """Where an anchor (a section, item or block id) starts: page number (from 1), x, y."""

    page: int
    x: float
    y: float


@dataclass(frozen=True)
class Finished:
    data: bytes
    removed_annotations: int
    """Links dropped from the print file because PDF/X forbids them inside the bleed box."""


def finish(
    data: bytes,
    standard: PdfX | None,
    profile: OutputProfile,
    info: DocumentInfo,
    destinations: Mapping[str, Destination],
) -> Finished:
    """The ReportLab output ``data`` as a PDF/X file (``standard``) or a screen PDF.

    ``destinations`` become named destinations, so ``issue.pdf#art_…`` opens at an item and
    the preflight report can tell which item a finding is in.
    """
    with pikepdf.open(io.BytesIO(data)) as pdf:
        removed = _drop_annotations_in_bleed(pdf) if standard else 0
        _name_destinations(pdf, destinations)
        _set_info(pdf, standard, info)
        pdf.Root.OutputIntents = pikepdf.Array([_output_intent(pdf, standard, profile)])
        document_id = uuid.UUID(bytes=hashlib.sha256(data).digest()[:16], version=4)
        xmp = xmp_packet(standard, info, document_id)
        pdf.Root.Metadata = pdf.make_stream(
            xmp, Type=pikepdf.Name.Metadata, Subtype=pikepdf.Name.XML
        )
        out = io.BytesIO()
        pdf.save(
            out,
            deterministic_id=True,
            fix_metadata_version=False,
            force_version=PDF_VERSIONS[standard] if standard else None,
            compress_streams=True,
            object_stream_mode=pikepdf.ObjectStreamMode.disable,
        )
    return Finished(out.getvalue(), removed)


def _name_destinations(pdf: pikepdf.Pdf, destinations: Mapping[str, Destination]) -> None:
    tree = pikepdf.NameTree.new(pdf)
    for name in sorted(destinations):
        where = destinations[name]
        page = pdf.pages[where.page - 1].obj
        tree[name] = pikepdf.Array(
            [page, pikepdf.Name.XYZ, round(where.x, 2), round(where.y, 2), 0]
        )
    pdf.Root.Names = pikepdf.Dictionary(Dests=tree.obj)


def _drop_annotations_in_bleed(pdf: pikepdf.Pdf) -> int:
    removed = 0
    for page in pdf.pages:
        annotations = page.obj.get("/Annots")
        if annotations is None:
            continue
        bleed = pikepdf.Rectangle(page.obj.get("/BleedBox", page.mediabox))
        kept = pikepdf.Array()
        for annotation in annotations:
            rect = pikepdf.Rectangle(annotation.Rect)
            inside = (
                rect.llx < bleed.urx
                and rect.urx > bleed.llx
                and rect.lly < bleed.ury
                and rect.ury > bleed.lly
            )
            if inside:
                removed += 1
            else:
                kept.append(annotation)
        if len(kept):
            page.obj.Annots = kept
        else:
            del page.obj["/Annots"]
    return removed


def _set_info(pdf: pikepdf.Pdf, standard: PdfX | None, info: DocumentInfo) -> None:
    date = pdf_date(info.created)
    entries = pdf.docinfo
    entries.Title = info.title
    entries.Author = info.author
    entries.Subject = info.subject
    entries.Keywords = ", ".join(info.keywords)
    entries.Creator = info.creator
    entries.Producer = info.creator
    entries.CreationDate = date
    entries.ModDate = date
    entries.Trapped = pikepdf.Name("/False" if standard else "/Unknown")
    if standard is not None:
        entries.GTS_PDFXVersion = VERSION_NAMES[standard]
        if standard == "x1a":
            entries.GTS_PDFXConformance = VERSION_NAMES[standard]


def pdf_date(moment: datetime) -> str:
    """``D:YYYYMMDDHHmmSS+HH'mm'``, the form PDF 1.4 readers (and PDF/X-1a) expect."""
    offset = moment.utcoffset()
    minutes = round(offset.total_seconds() / 60) if offset is not None else 0
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"D:{moment:%Y%m%d%H%M%S}{sign}{hours:02d}'{rest:02d}'"


def _output_intent(
    pdf: pikepdf.Pdf, standard: PdfX | None, profile: OutputProfile
) -> pikepdf.Dictionary:
    icc = pdf.make_stream(profile.data, N=profile.components)
    intent = pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent,
        S=pikepdf.Name.GTS_PDFX if standard else pikepdf.Name.GTS_PDFA1,
        OutputConditionIdentifier=profile.identifier,
        OutputCondition=profile.description,
        Info=profile.description,
        DestOutputProfile=icc,
    )
    if profile.registered:
        intent.RegistryName = REGISTRY
    return intent


def _xml_text(value: str) -> str:
    """Character data of the XMP packet (not xml.sax.saxutils: it imports urllib and ssl)."""
    return html.escape(value, quote=False)


def xmp_packet(standard: PdfX | None, info: DocumentInfo, document_id: uuid.UUID) -> bytes:
    """The XMP metadata, agreeing with the Info dictionary as PDF/X requires."""
    date = info.created.isoformat(timespec="seconds")
    creators = f"<rdf:li>{_xml_text(info.author)}</rdf:li>" if info.author else ""
    pdfx = ""
    if standard == "x4":
        pdfx = (
            '<rdf:Description rdf:about="" xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">'
            "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion></rdf:Description>"
        )
    elif standard == "x1a":
        pdfx = (
            '<rdf:Description rdf:about="" xmlns:pdfx="http://ns.adobe.com/pdfx/1.3/">'
            "<pdfx:GTS_PDFXVersion>PDF/X-1a:2003</pdfx:GTS_PDFXVersion>"
            "<pdfx:GTS_PDFXConformance>PDF/X-1a:2003</pdfx:GTS_PDFXConformance>"
            "</rdf:Description>"
        )
    trapped = "False" if standard else "Unknown"
    title = _xml_text(info.title)
    body = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq>{creators}</rdf:Seq></dc:creator>
<dc:description><rdf:Alt>
<rdf:li xml:lang="x-default">{_xml_text(info.subject)}</rdf:li>
</rdf:Alt></dc:description>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:CreatorTool>{_xml_text(info.creator)}</xmp:CreatorTool>
<xmp:CreateDate>{date}</xmp:CreateDate>
<xmp:ModifyDate>{date}</xmp:ModifyDate>
<xmp:MetadataDate>{date}</xmp:MetadataDate>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdf:Producer>{_xml_text(info.creator)}</pdf:Producer>
<pdf:Keywords>{_xml_text(", ".join(info.keywords))}</pdf:Keywords>
<pdf:Trapped>{trapped}</pdf:Trapped>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
<xmpMM:DocumentID>uuid:{document_id}</xmpMM:DocumentID>
<xmpMM:InstanceID>uuid:{document_id}</xmpMM:InstanceID>
<xmpMM:VersionID>1</xmpMM:VersionID>
<xmpMM:RenditionClass>default</xmpMM:RenditionClass>
</rdf:Description>
{pdfx}
</rdf:RDF>
</x:xmpmeta>
{" " * 2000}
<?xpacket end="w"?>"""
    return body.encode("utf-8")
