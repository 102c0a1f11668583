"""The one path from a document to its output: compose, check, write.

The CLI, the preview and the export dialog all come through here, so they cannot disagree
about what an issue looks like or what is wrong with it:

1. the layout is loaded and the issue composed into the neutral render tree;
2. the problems are gathered: the model's content checks, preflight on the composed tree and,
   for a PDF, the characters no font of the layout can draw;
3. a file export refuses while any problem is an error (the preview draws anyway, from the
   last valid values, so the editor can see what she is fixing);
4. the writer turns the tree into bytes, which are written to the target atomically.

Writers get their fonts and clock from here; nothing below this module reads settings or the
environment. The clock dates the files: ``SOURCE_DATE_EPOCH`` (the reproducible-builds
convention) when it is set, so a rebuild gives the same bytes, else the current time.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Generator, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from bulletin_studio.errors import BulletinError
from bulletin_studio.export.pdf import PdfResult, PdfWriter, TypesetSession
from bulletin_studio.export.progress import Progress
from bulletin_studio.export.writer import Format, PdfX, WriteOptions
from bulletin_studio.messages import QT_TRANSLATE_NOOP
from bulletin_studio.model.problems import Problem, check_issue, describe
from bulletin_studio.paths import LAYOUTS_DIR
from bulletin_studio.preflight import preflight
from bulletin_studio.render.compose import compose
from bulletin_studio.render.fonts import FontResolver
from bulletin_studio.render.layout import Layout, load_layout
from bulletin_studio.render.segment import save_word_cuts
from bulletin_studio.render.tree import RenderTree
from bulletin_studio.settings import font_overrides, print_profile
from bulletin_studio.storage import Document, check_output_target, write_output

if TYPE_CHECKING:  # python-docx is imported only by a DOCX export (0.09 s a process), the
    # print-file inspection only by a preflight (0.01 s)
    from bulletin_studio.export.docx import DocxResult, DocxWriter
    from bulletin_studio.preflight.print_file import PrintReport

FORMATS: tuple[Format, ...] = ("pdf", "docx")
Result = TypeVar("Result")
DEFAULT_OPTIONS = WriteOptions()


_REFUSED = QT_TRANSLATE_NOOP("Pipeline", "“{title}” has errors and was not exported: {problem}")
_REFUSED_MORE = QT_TRANSLATE_NOOP(
    "Pipeline", "“{title}” has errors and was not exported: {problem} ({more} more errors)"
)
_FONT_FIELD = QT_TRANSLATE_NOOP("Fields", "Font")


class ExportRefused(BulletinError):
    """The issue has errors a printed or reviewed copy must not carry; ``problems`` lists all."""

    def __init__(self, problems: list[Problem], issue_title: str, describe_one: str) -> None:
        errors = [problem for problem in problems if problem.severity == "error"]
        if len(errors) > 1:
            message = _REFUSED_MORE.format(
                title=issue_title, problem=describe_one, more=len(errors) - 1
            )
        else:
            message = _REFUSED.format(title=issue_title, problem=describe_one)
        super().__init__(message)
        self.problems = problems


class SourceDateError(BulletinError):
    """``SOURCE_DATE_EPOCH`` is set but is not a number of seconds."""


def source_date_clock() -> datetime:
    """``SOURCE_DATE_EPOCH`` when set, else now; in UTC (DOCX core properties want UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None or not epoch.strip():
        return datetime.now(UTC).replace(microsecond=0)
    try:
        return datetime.fromtimestamp(int(epoch), UTC)
    except (ValueError, OverflowError, OSError):
        raise SourceDateError(
            QT_TRANSLATE_NOOP(
                "Pipeline",
                "The environment variable SOURCE_DATE_EPOCH is “{epoch}”, not a number of "
                "seconds: set it to a whole number (such as 1735689600) or remove it",
            ).format(epoch=epoch)
        ) from None


_WRITER_FAILED = QT_TRANSLATE_NOOP("Pipeline", "Exporting {format} failed: {error}")
_WRITER_FAILED_AT = QT_TRANSLATE_NOOP("Pipeline", "Exporting {format} failed ({where}): {error}")


class WriterFailed(BulletinError):
    """A writer met something it could not handle: a bug, reported with where it happened.

    The original exception is chained (``__cause__``) so its traceback reaches the log.
    """

    def __init__(self, format: Format, where: str, error: Exception) -> None:
        values = {"format": format.upper(), "error": f"{type(error).__name__}: {error}"}
        if where:
            message = _WRITER_FAILED_AT.format(where=where, **values)
        else:
            message = _WRITER_FAILED.format(**values)
        super().__init__(message)


@dataclass(frozen=True)
class Checked:
    """A composed issue and everything wrong with it, in reading order.

    ``content`` is what the model finds in the issue alone (the app shows it as the editor
    types); ``printing`` is what only the composed pages reveal (image resolution, glyphs).
    """

    tree: RenderTree
    content: list[Problem]
    printing: list[Problem]

    @property
    def problems(self) -> list[Problem]:
        return self.content + self.printing

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "error"]


@dataclass(frozen=True)
class Rendered:
    """One output in memory (the preview's path): bytes, the writer's result, the problems."""

    format: Format
    data: bytes = field(repr=False)
    result: PdfResult | DocxResult
    checked: Checked = field(repr=False)


@dataclass(frozen=True)
class Exported:
    """Files written by one export, with the warnings that did not stop it."""

    paths: dict[Format, Path]
    results: dict[Format, PdfResult | DocxResult]
    problems: list[Problem]


class Pipeline:
    """Holds what outlives one export: the fonts, shaped text (for the preview) and layouts."""

    def __init__(
        self,
        fonts: FontResolver,
        *,
        clock: Callable[[], datetime] = source_date_clock,
        layouts_dir: Path = LAYOUTS_DIR,
        output_profile: Path | None = None,
    ) -> None:
        self.session = TypesetSession(fonts)
        self.clock = clock
        self.layouts_dir = layouts_dir
        self.output_profile = output_profile
        """The user's CMYK profile (settings), used when an export names none."""

    @classmethod
    def from_settings(cls, settings_file: Path | None = None) -> Pipeline:
        """Fonts and the print profile as the user's settings give them; raises
        ``SettingsError`` naming the key."""
        return cls(
            FontResolver(overrides=font_overrides(settings_file)),
            output_profile=print_profile(settings_file),
        )

    # -- steps ---------------------------------------------------------------------------------

    def layout(self, name: str | Path) -> Layout:
        """A layout by name or path, read afresh (a millisecond): edits to it apply at once."""
        return load_layout(name, self.layouts_dir)

    def compose(self, document: Document, layout: str | Path = "default") -> RenderTree:
        return compose(document.issue, self.layout(layout), document.assets)

    def check(
        self,
        document: Document,
        layout: str | Path = "default",
        formats: Iterable[Format] = FORMATS,
        options: WriteOptions = DEFAULT_OPTIONS,
    ) -> Checked:
        """Compose and gather every problem the given outputs would meet."""
        tree = self.compose(document, layout)
        printing = preflight(tree)
        if "pdf" in formats:
            printing += PdfWriter(self.session).missing_glyphs(tree, options.variant)
            printing += [
                Problem(severity="warning", field=_FONT_FIELD.format(), message=notice)
                for notice in self.session.fonts.notices
            ]
        return Checked(tree, check_issue(document.issue), printing)

    # -- whole jobs ----------------------------------------------------------------------------

    def render(
        self,
        document: Document,
        format: Format = "pdf",
        layout: str | Path = "default",
        options: WriteOptions = DEFAULT_OPTIONS,
    ) -> Generator[Progress, None, Rendered]:
        """One output in memory, drawn even when the issue has errors (the live preview)."""
        checked = self.check(document, layout, (format,), options)
        buffer = io.BytesIO()
        result = yield from self._run(format, checked.tree, buffer, options)
        return Rendered(format, buffer.getvalue(), result, checked)

    def export(
        self,
        document: Document,
        targets: Mapping[Format, Path],
        layout: str | Path = "default",
        options: WriteOptions = DEFAULT_OPTIONS,
        *,
        protected: Iterable[Path] = (),
    ) -> Generator[Progress, None, Exported]:
        """Write each requested format to its file; refuses (``ExportRefused``) on any error.

        A target that is the document itself (``protected``), any issue file, a locked,
        read-only or special file is refused before any work (``storage.output``). Each file
        appears only when complete; a cancelled or failed export leaves the previous one.
        """
        protected = list(protected)
        for path in targets.values():
            check_output_target(path, protected=protected)
        checked = self.check(document, layout, targets, options)
        if checked.errors:
            first = describe(checked.errors[0], document.issue)
            raise ExportRefused(checked.problems, document.issue.masthead.title, first)
        results: dict[Format, PdfResult | DocxResult] = {}
        for step, (format, path) in enumerate(targets.items()):
            buffer = io.BytesIO()
            job = self._run(format, checked.tree, buffer, options)
            results[format] = yield from _scaled(job, step, len(targets))
            write_output(path, buffer.getvalue())
        save_word_cuts()
        return Exported(dict(targets), results, checked.problems)

    def preflight_print(
        self,
        document: Document,
        layout: str | Path = "default",
        pdfx: PdfX = "x4",
        output_profile: Path | None = None,
    ) -> Generator[Progress, None, PrintReport]:
        """A print shop's preflight of the print file this issue gives (made in memory)."""
        from bulletin_studio.preflight.print_file import Conversion, inspect_print_file

        options = WriteOptions(variant="print", pdfx=pdfx, output_profile=output_profile)
        rendered = yield from self.render(document, "pdf", layout, options)
        assert isinstance(rendered.result, PdfResult)
        conversions = [
            Conversion(c.asset, c.source, c.target, c.kind, c.flattened)
            for c in rendered.result.conversions
        ]
        limit = rendered.checked.tree.layout.print.total_ink_limit
        return inspect_print_file(rendered.data, pdfx, limit, conversions)

    def _run(
        self, format: Format, tree: RenderTree, out: io.BytesIO, options: WriteOptions
    ) -> Generator[Progress, None, PdfResult | DocxResult]:
        """Drive one writer; anything but our own errors becomes ``WriterFailed``."""
        if options.output_profile is None and self.output_profile is not None:
            options = replace(options, output_profile=self.output_profile)
        writer: PdfWriter | DocxWriter
        if format == "pdf":
            writer = PdfWriter(self.session, self.clock)
        else:
            from bulletin_studio.export.docx import DocxWriter

            writer = DocxWriter(self.clock)
        job = writer.write(tree, out, options)
        where = ""
        while True:
            try:
                progress = next(job)
            except StopIteration as finished:
                return finished.value
            except BulletinError:
                raise
            except Exception as error:
                raise WriterFailed(format, where, error) from error
            where = progress.message
            try:
                yield progress
            except GeneratorExit:
                job.close()
                raise


def _scaled(
    job: Generator[Progress, None, Result], step: int, steps: int
) -> Generator[Progress, None, Result]:
    """Progress of one of several outputs, as a share of the whole export."""
    while True:
        try:
            progress = next(job)
        except StopIteration as finished:
            return finished.value
        fraction = (step + progress.fraction) / steps
        yield Progress(round(fraction * 1000), 1000, progress.message)
