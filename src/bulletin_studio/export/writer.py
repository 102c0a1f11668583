"""The one protocol every writer implements, so the pipeline drives PDF and DOCX alike.

A writer only translates a render tree into bytes on a stream: it does not load layouts,
compose, run preflight, read settings or choose the file it ends up in. Fonts and clocks are
given to it when it is made; the pipeline (``bulletin_studio.pipeline``) does the rest.
"""

from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal, Protocol, TypeVar

from bulletin_studio.export.progress import Progress
from bulletin_studio.render.tree import RenderTree

Variant = Literal["print", "screen"]
Format = Literal["pdf", "docx"]
PdfX = Literal["x4", "x1a"]
"""The PDF/X standard of a print file: X-4 (PDF 1.6) or X-1a:2003 (PDF 1.4, CMYK only)."""
PDFX_CHOICES: tuple[PdfX, ...] = ("x4", "x1a")

Result_co = TypeVar("Result_co", covariant=True)


@dataclass(frozen=True)
class WriteOptions:
    """What the editor chose for this export beyond the layout (which the tree carries).

    ``pdfx`` is the print file's standard: X-4 unless X-1a is asked for; a screen PDF is no
    PDF/X (it is RGB and keeps its links). ``output_profile`` replaces the layout's CMYK
    profile (``[print] profile``) with the printer's own ``.icc`` file.
    """

    variant: Variant = "print"
    pdfx: PdfX | None = None
    output_profile: Path | None = None
    compress: bool = True
    """Deflate the PDF's streams and finish the file (PDF/X keys, output intent, named
    destinations). The live preview reads its PDF from memory at once and skips both (a
    fifth of a render); the pages are the same, the file larger and never printed."""
    through_page: int | None = None
    """Stop once this page (from 1) is set: the preview shows the page being read before the
    rest of the issue is set. Such a PDF ends there (``PdfResult.complete`` is False)."""

    def __post_init__(self) -> None:
        if self.variant == "print" and self.pdfx is None:
            object.__setattr__(self, "pdfx", "x4")  # frozen: set once, here
        elif self.variant == "screen" and self.pdfx is not None:
            raise ValueError("a screen PDF cannot be PDF/X: choose the print variant")


class Writer(Protocol[Result_co]):
    """``write`` yields progress between steps (so it can be cancelled) and returns a result."""

    format: Format

    def write(
        self, tree: RenderTree, out: BinaryIO, options: WriteOptions
    ) -> Generator[Progress, None, Result_co]: ...
