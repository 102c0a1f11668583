"""Driving the writers directly in tests: a render tree in, the bytes (or file) out.

The pipeline is what the program uses; writer tests go one level lower so a failure points
at the writer, and share one typesetting session (fonts are the slow part of a PDF).
"""

import io
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bulletin_studio.export.docx import DocxResult, DocxWriter
from bulletin_studio.export.pdf import PdfResult, PdfWriter, TypesetSession
from bulletin_studio.export.progress import drain
from bulletin_studio.export.writer import PdfX, Variant, WriteOptions
from bulletin_studio.render.fonts import FontResolver
from bulletin_studio.render.tree import RenderTree

_session: TypesetSession | None = None
EXPORTED_AT = datetime(2025, 7, 1, 8, 30, tzinfo=UTC)
"""The clock of writer tests: a fixed date, so two writes of one tree are identical."""


def session() -> TypesetSession:
    """One session for the whole test run, as the app's preview keeps one."""
    global _session
    if _session is None:
        _session = TypesetSession(FontResolver())
    return _session


@dataclass(frozen=True)
class WrittenPdf:
    result: PdfResult
    data: bytes

    @property
    def pages(self) -> int:
        return self.result.pages

    @property
    def anchor_pages(self) -> dict[str, int]:
        return self.result.anchor_pages


@dataclass(frozen=True)
class WrittenDocx:
    result: DocxResult
    path: Path


def write_pdf(
    tree: RenderTree,
    variant: Variant = "print",
    typesetting: TypesetSession | None = None,
    pdfx: PdfX | None = None,
) -> WrittenPdf:
    buffer = io.BytesIO()
    writer = PdfWriter(typesetting or session(), lambda: EXPORTED_AT)
    options = WriteOptions(variant=variant, pdfx=pdfx)
    result = drain(writer.write(tree, buffer, options))
    return WrittenPdf(result, buffer.getvalue())


def write_docx(tree: RenderTree, out: Path, clock: datetime) -> WrittenDocx:
    with out.open("wb") as stream:
        result = drain(DocxWriter(lambda: clock).write(tree, stream, WriteOptions()))
    return WrittenDocx(result, out)
