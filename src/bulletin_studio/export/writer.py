"""The one protocol every writer implements, so the pipeline drives PDF and DOCX alike.

A writer only translates a render tree into bytes on a stream: it does not load layouts,
compose, run preflight, read settings or choose the file it ends up in. Fonts and clocks are
given to it when it is made; the pipeline (``bulletin_studio.pipeline``) does the rest.
"""

from collections.abc import Generator
from dataclasses import dataclass
from typing import BinaryIO, Literal, Protocol, TypeVar

from bulletin_studio.export.progress import Progress
from bulletin_studio.render.tree import RenderTree

Variant = Literal["print", "screen"]
Format = Literal["pdf", "docx"]

Result_co = TypeVar("Result_co", covariant=True)


@dataclass(frozen=True)
class WriteOptions:
    """What the editor chose for this export beyond the layout (which the tree carries)."""

    variant: Variant = "print"
    compress: bool = True
    """Deflate the PDF's page and font streams. The preview reads its PDF from memory at once
    and skips this (a fifth of a render); the pages are the same, the file larger."""
    through_page: int | None = None
    """Stop once this page (from 1) is set: the preview shows the page being read before the
    rest of the issue is set. Such a PDF ends there (``PdfResult.complete`` is False)."""


class Writer(Protocol[Result_co]):
    """``write`` yields progress between steps (so it can be cancelled) and returns a result."""

    format: Format

    def write(
        self, tree: RenderTree, out: BinaryIO, options: WriteOptions
    ) -> Generator[Progress, None, Result_co]: ...
