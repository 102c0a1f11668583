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


class Writer(Protocol[Result_co]):
    """``write`` yields progress between steps (so it can be cancelled) and returns a result."""

    format: Format

    def write(
        self, tree: RenderTree, out: BinaryIO, options: WriteOptions
    ) -> Generator[Progress, None, Result_co]: ...
