"""``bulletin-studio``: the same jobs as the window, headless (scripts, CI, a server).

``bulletin-studio FILE`` and bare ``bulletin-studio`` open the GUI; anything else is a
subcommand. User errors print one line on stderr and exit non-zero, never a traceback.
The writers are imported only by an export that needs them: ReportLab, python-docx and the
font machinery are slow to import, and ``schema`` or ``validate`` should answer at once.
"""

import argparse
import gc
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from bulletin_studio import crashlog
from bulletin_studio.errors import BulletinError
from bulletin_studio.export.progress import drain
from bulletin_studio.messages import QT_TRANSLATE_NOOP
from bulletin_studio.model.issue import Issue
from bulletin_studio.model.problems import Problem, describe
from bulletin_studio.storage import (
    Document,
    StorageError,
    acquire_lock,
    load_document,
    new_document_from,
    require_regular_file,
    sample_document,
    save_document,
)
from bulletin_studio.storage.envelope import envelope_schema

if TYPE_CHECKING:
    from bulletin_studio.export.writer import Format
    from bulletin_studio.pipeline import Pipeline
    from bulletin_studio.preflight.print_file import PrintReport
    from bulletin_studio.review import MergeSummary

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_INTERNAL = 70  # EX_SOFTWARE: a bug, not a user error


class CliError(BulletinError):
    """A reason to stop, printed as one line; ``code`` is the exit status."""

    def __init__(self, message: str, code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.code = code


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bulletin-studio",
        description=QT_TRANSLATE_NOOP(
            "CLI",
            "Compose a quarterly bulletin and export it to PDF and DOCX. Without arguments,"
            " or with only a file name, the window opens.",
        ).format(),
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sample = commands.add_parser(
        "sample", help=QT_TRANSLATE_NOOP("CLI", "Write the sample issue").format()
    )
    sample.add_argument("out", type=Path, metavar="OUT.bulletin")
    _add_force_option(sample)
    sample.set_defaults(handler=_cmd_sample)

    new = commands.add_parser(
        "new",
        help=QT_TRANSLATE_NOOP(
            "CLI", "Start the next issue from the previous one (numbers go up, content is cleared)"
        ).format(),
    )
    new.add_argument("--from", dest="previous", type=Path, required=True, metavar="PREV.bulletin")
    new.add_argument("out", type=Path, metavar="OUT.bulletin")
    _add_force_option(new)
    new.set_defaults(handler=_cmd_new)

    schema = commands.add_parser(
        "schema", help=QT_TRANSLATE_NOOP("CLI", "Print the JSON Schema of issue.json").format()
    )
    schema.set_defaults(handler=_cmd_schema)

    validate = commands.add_parser(
        "validate", help=QT_TRANSLATE_NOOP("CLI", "Check the issue").format()
    )
    validate.add_argument("file", type=Path, metavar="FILE")
    validate.add_argument(
        "--layout",
        default="default",
        metavar="NAME",
        help=QT_TRANSLATE_NOOP("CLI", "Layout the check uses").format(),
    )
    validate.set_defaults(handler=_cmd_validate)

    export = commands.add_parser(
        "export", help=QT_TRANSLATE_NOOP("CLI", "Export PDF and/or DOCX").format()
    )
    export.add_argument("file", type=Path, metavar="FILE")
    export.add_argument("--pdf", type=Path, metavar="OUT.pdf")
    export.add_argument("--docx", type=Path, metavar="OUT.docx")
    _add_layout_option(export)
    export.add_argument("--variant", choices=("print", "screen"), default="print")
    export.add_argument(
        "--pdfx",
        choices=("x4", "x1a"),
        help=QT_TRANSLATE_NOOP(
            "CLI",
            "PDF/X standard of the print variant: x4 (default, PDF 1.6) or x1a"
            " (PDF/X-1a:2003: CMYK only, no transparency)",
        ).format(),
    )
    export.add_argument(
        "--profile",
        type=Path,
        metavar="FILE.icc",
        help=QT_TRANSLATE_NOOP(
            "CLI", "The print shop's CMYK output profile (instead of the layout's)"
        ).format(),
    )
    export.set_defaults(handler=_cmd_export)

    check = commands.add_parser(
        "preflight",
        help=QT_TRANSLATE_NOOP(
            "CLI",
            "Check the print PDF as a print shop does (FILE is a .pdf, or a .bulletin exported"
            " in memory first)",
        ).format(),
    )
    check.add_argument("file", type=Path, metavar="FILE")
    check.add_argument(
        "--pdfx",
        choices=("x4", "x1a"),
        help=QT_TRANSLATE_NOOP(
            "CLI", "Standard to check against (default: the one the file declares, else x4)"
        ).format(),
    )
    _add_layout_option(check)
    check.add_argument(
        "--profile",
        type=Path,
        metavar="FILE.icc",
        help=QT_TRANSLATE_NOOP("CLI", "CMYK output profile").format(),
    )
    check.set_defaults(handler=_cmd_preflight)

    fonts = commands.add_parser(
        "fonts",
        help=QT_TRANSLATE_NOOP(
            "CLI", "List the fonts each role of the layout uses, and convert them ahead"
        ).format(),
    )
    _add_layout_option(fonts)
    fonts.set_defaults(handler=_cmd_fonts)

    review = commands.add_parser(
        "import-review",
        help=QT_TRANSLATE_NOOP(
            "CLI", "Import the comments and tracked changes of a reviewed DOCX"
        ).format(),
    )
    review.add_argument("file", type=Path, metavar="FILE")
    review.add_argument("reviewed", type=Path, metavar="REVIEWED.docx")
    review.set_defaults(handler=_cmd_import_review)
    return parser


def _add_force_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--force",
        action="store_true",
        help=QT_TRANSLATE_NOOP("CLI", "Overwrite an existing file").format(),
    )


def _add_layout_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--layout",
        default="default",
        metavar="NAME",
        help=QT_TRANSLATE_NOOP("CLI", "Layout name or .toml path").format(),
    )


SUBCOMMANDS = (
    "sample",
    "new",
    "schema",
    "validate",
    "export",
    "preflight",
    "fonts",
    "import-review",
)


def _save_new(doc: Document, out: Path, force: bool) -> None:
    """Refuse to overwrite by accident (e.g. swapped arguments of ``new``), and even with
    ``--force`` never a file that is open elsewhere (its lock is held while saving)."""
    with acquire_lock(out):
        if out.exists() and not force:
            raise CliError(
                QT_TRANSLATE_NOOP("CLI", "{path} exists already (--force overwrites it)").format(
                    path=out
                )
            )
        save_document(doc, out)
    print(out)


def _cmd_sample(args: argparse.Namespace) -> int:
    _save_new(sample_document(), args.out, args.force)
    return EXIT_OK


def _cmd_new(args: argparse.Namespace) -> int:
    doc = new_document_from(load_document(args.previous))
    _save_new(doc, args.out, args.force)
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(envelope_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def _pipeline() -> "Pipeline":
    from bulletin_studio.pipeline import Pipeline

    return Pipeline.from_settings()


def _severity(problem: Problem) -> str:
    return _SEVERITIES[problem.severity].format()


def _cmd_validate(args: argparse.Namespace) -> int:
    try:
        doc = load_document(args.file)
    except StorageError as error:
        for problem in error.problems:
            print(f"{_SEVERITIES['error'].format()} {problem}")
        raise
    problems = _pipeline().check(doc, args.layout).problems
    for problem in problems:
        print(f"{_severity(problem)} {describe(problem, doc.issue)}")
    errors = sum(problem.severity == "error" for problem in problems)
    print(
        QT_TRANSLATE_NOOP("CLI", "{file}: {errors} error(s), {warnings} warning(s)").format(
            file=args.file, errors=errors, warnings=len(problems) - errors
        )
    )
    return EXIT_ERROR if errors else EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    """Export what was asked; an issue with errors is refused (``validate`` lists them all)."""
    from bulletin_studio.export.writer import WriteOptions
    from bulletin_studio.pipeline import ExportRefused

    targets: dict[Format, Path] = {}
    if args.pdf is not None:
        targets["pdf"] = args.pdf
    if args.docx is not None:
        targets["docx"] = args.docx
    if not targets:
        raise CliError(QT_TRANSLATE_NOOP("CLI", "Give --pdf or --docx, or both").format())
    if args.pdf is not None and args.pdf == args.docx:
        raise CliError(
            QT_TRANSLATE_NOOP("CLI", "--pdf and --docx cannot be the same file {path}").format(
                path=args.pdf
            )
        )
    if args.variant == "screen" and (args.pdfx or args.profile):
        raise CliError(
            QT_TRANSLATE_NOOP(
                "CLI",
                "--pdfx and --profile are for the print variant (--variant print): the screen"
                " variant is RGB",
            ).format()
        )
    options = WriteOptions(variant=args.variant, pdfx=args.pdfx, output_profile=args.profile)
    doc = load_document(args.file)
    job = _pipeline().export(doc, targets, args.layout, options, protected=[args.file])
    try:
        exported = drain(job)
    except ExportRefused as refused:
        raise CliError(
            QT_TRANSLATE_NOOP(
                "CLI", "{message}. bulletin-studio validate {file} lists every problem"
            ).format(message=refused.message, file=args.file)
        ) from None
    for problem in exported.problems:
        print(f"{_severity(problem)} {describe(problem, doc.issue)}", file=sys.stderr)
    for path in exported.paths.values():
        print(path)
    return EXIT_OK


def _cmd_preflight(args: argparse.Namespace) -> int:
    """A print shop's report on the print PDF; exits 1 when the shop would refuse the file."""
    from bulletin_studio.preflight.print_file import inspect_print_file

    pipeline = _pipeline()
    if args.file.suffix.lower() == ".pdf":
        try:
            data = args.file.read_bytes()
        except OSError as error:
            raise CliError(
                QT_TRANSLATE_NOOP("CLI", "Cannot read {path}: {reason}").format(
                    path=args.file, reason=error.strerror or error
                )
            ) from None
        limit = pipeline.layout(args.layout).print.total_ink_limit
        report = _read_pdf(lambda: inspect_print_file(data, args.pdfx, limit), args.file)
    else:
        doc = load_document(args.file)
        job = pipeline.preflight_print(doc, args.layout, args.pdfx or "x4", args.profile)
        report = drain(job)
    for line in report_lines(report):
        print(line)
    return EXIT_ERROR if report.refused else EXIT_OK


def _read_pdf(inspect: "Callable[[], PrintReport]", path: Path) -> "PrintReport":
    import pikepdf

    try:
        return inspect()
    except pikepdf.PdfError as error:
        raise CliError(
            QT_TRANSLATE_NOOP("CLI", "{path} is not a readable PDF: {reason}").format(
                path=path, reason=error
            )
        ) from None


def report_lines(report: "PrintReport") -> list[str]:
    """The report as a print shop writes it: each finding with where it is and what to do."""
    lines: list[str] = []
    for finding in report.findings:
        where = []
        if finding.pages:
            pages = _page_ranges(finding.pages)
            where.append(QT_TRANSLATE_NOOP("CLI", "page {pages}").format(pages=pages))
        if finding.item_title:
            item = (
                QT_TRANSLATE_NOOP("CLI", "{id} “{title}”").format(
                    id=finding.item_id, title=finding.item_title
                )
                if finding.item_id
                else finding.item_title
            )
            where.append(item)
        place = (
            QT_TRANSLATE_NOOP("CLI", " [{where}]").format(
                where=QT_TRANSLATE_NOOP("CLI", ", ").format().join(where)
            )
            if where
            else ""
        )
        severity = _SEVERITIES[finding.severity].format()
        lines.append(
            QT_TRANSLATE_NOOP("CLI", "{severity} {check}{place}: {message}").format(
                severity=severity, check=finding.check, place=place, message=finding.message
            )
        )
        if finding.action:
            lines.append(
                "    " + QT_TRANSLATE_NOOP("CLI", "To do: {action}").format(action=finding.action)
            )
    verdict = (
        QT_TRANSLATE_NOOP("CLI", "the print shop would refuse it")
        if report.refused
        else QT_TRANSLATE_NOOP("CLI", "ready for the print shop")
    )
    lines.append(
        QT_TRANSLATE_NOOP(
            "CLI", "{standard}: {errors} error(s), {warnings} warning(s) — {verdict}"
        ).format(
            standard=_STANDARD_NAMES[report.standard],
            errors=report.count("error"),
            warnings=report.count("warning"),
            verdict=verdict.format(),
        )
    )
    return lines


_STANDARD_NAMES = {"x4": "PDF/X-4", "x1a": "PDF/X-1a:2003"}
_SEVERITIES = {
    "error": QT_TRANSLATE_NOOP("CLI", "Error"),
    "warning": QT_TRANSLATE_NOOP("CLI", "Warning"),
    "info": QT_TRANSLATE_NOOP("CLI", "Note"),
}


def _page_ranges(pages: Sequence[int]) -> str:
    """``1–3、5``: consecutive pages as a range."""
    parts: list[str] = []
    start = previous = pages[0]
    for page in [*pages[1:], None]:
        if page is not None and page == previous + 1:
            previous = page
            continue
        parts.append(str(start) if start == previous else f"{start}–{previous}")
        if page is not None:
            start = previous = page
    return QT_TRANSLATE_NOOP("CLI pages", ", ").format().join(parts)


def _cmd_fonts(args: argparse.Namespace) -> int:
    """Convert what the layout needs once (slow the first time), then show each role's faces."""
    pipeline = _pipeline()
    layout = pipeline.layout(args.layout)
    resolver = pipeline.session.fonts
    resolver.prepare(layout, progress=lambda message: print(message, file=sys.stderr))
    for role, stack in sorted(layout.fonts.items()):
        for script, families in (
            (QT_TRANSLATE_NOOP("CLI", "Chinese").format(), stack.cjk),
            (QT_TRANSLATE_NOOP("CLI", "Latin").format(), stack.latin),
        ):
            faces = resolver.faces(families, bold=False, italic=False, role=role)
            print(f"{role:8} {script}  {faces[0].family}  ({faces[0].path})")
    return EXIT_OK


def _cmd_import_review(args: argparse.Namespace) -> int:
    """Read and merge first, save last (atomically, under the document's lock): a file that
    is refused leaves the document as it was."""
    from bulletin_studio.review import ReviewError, merge_review, read_review

    require_regular_file(args.reviewed)
    with acquire_lock(args.file):
        doc = load_document(args.file)
        try:
            report = read_review(args.reviewed)
            issue, summary = merge_review(doc.issue, report, args.reviewed.name)
        except ReviewError as error:
            raise CliError(str(error)) from None
        for line in _review_summary(issue, summary):
            print(line)
        if summary.added:
            save_document(Document(issue=issue, assets=doc.assets), args.file)
            print(QT_TRANSLATE_NOOP("CLI", "Saved {path}").format(path=args.file))
    return EXIT_OK


def _review_summary(issue: Issue, summary: "MergeSummary") -> list[str]:
    """Remarks per item title, in reading order, then the ones no item could take."""
    skipped = (
        QT_TRANSLATE_NOOP("CLI", " ({count} imported before, skipped)").format(
            count=summary.duplicates
        )
        if summary.duplicates
        else ""
    )
    lines = [
        QT_TRANSLATE_NOOP("CLI", "Imported {count} remarks from {source}{skipped}").format(
            count=len(summary.added), source=summary.source_name, skipped=skipped
        )
    ]
    kinds = {
        "comment": QT_TRANSLATE_NOOP("CLI", "comments"),
        "insertion": QT_TRANSLATE_NOOP("CLI", "insertions"),
        "deletion": QT_TRANSLATE_NOOP("CLI", "deletions"),
    }
    per_title: dict[str, Counter[str]] = {}
    for note in summary.added:
        if note.target_id is not None:
            per_title.setdefault(_title_of(issue, note.target_id), Counter())[note.kind] += 1
    for title, kind_counts in per_title.items():
        detail = (
            QT_TRANSLATE_NOOP("CLI", ", ")
            .format()
            .join(
                QT_TRANSLATE_NOOP("CLI", "{kind} {count}").format(
                    kind=kinds[kind].format(), count=count
                )
                for kind, count in kind_counts.items()
            )
        )
        lines.append(
            "  " + QT_TRANSLATE_NOOP("CLI", "{title}: {detail}").format(title=title, detail=detail)
        )
    if summary.unplaced:
        lines.append(
            "  "
            + QT_TRANSLATE_NOOP("CLI", "Not matched to any item: {count}").format(
                count=len(summary.unplaced)
            )
        )
        lines.extend(
            "    "
            + QT_TRANSLATE_NOOP("CLI", "{title}: {detail}").format(
                title=note.author, detail=note.text or note.quoted
            )
            for note in summary.unplaced
        )
    return lines


def _title_of(issue: Issue, node_id: str) -> str:
    """The title a reader knows a remark's place by: its item's, else its section's."""
    owner = issue.owner_item(node_id)
    if owner is not None:
        return owner.title
    return str(getattr(issue.find(node_id), "title", node_id))


def _run_gui(path: Path | None) -> int:
    """Imported lazily: the headless commands must work without a display or Qt."""
    from bulletin_studio.ui.app import run

    return run(path)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list:
        return _run_gui(None)
    if args_list[0] not in SUBCOMMANDS and not args_list[0].startswith("-"):
        return _run_gui(Path(args_list[0]))
    args = _build_parser().parse_args(args_list)
    crashlog.log_warnings_to_file()
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except CliError as error:
        return _fail(str(error), error.code)
    except BulletinError as error:
        if error.__cause__ is not None:  # a bug wrapped with where it happened: keep details
            return _fail(_with_log(str(error), error, args), EXIT_ERROR)
        return _fail(str(error), EXIT_ERROR)
    except KeyboardInterrupt:
        return _fail(QT_TRANSLATE_NOOP("CLI", "Interrupted").format(), 130)
    except OSError as error:  # the system refused (disk full, permissions): not a bug
        reason = QT_TRANSLATE_NOOP("CLI", "{path}: {reason}").format(
            path=error.filename or "", reason=error.strerror or error
        )
        return _fail(reason, EXIT_ERROR)
    except Exception as error:  # a bug: one line for the user, the traceback in the log
        message = QT_TRANSLATE_NOOP("CLI", "Internal error: {error}").format(
            error=f"{type(error).__name__}: {error}"
        )
        return _fail(_with_log(message, error, args), EXIT_INTERNAL)


def _with_log(message: str, error: BaseException, args: argparse.Namespace) -> str:
    """The message, the file being worked on, and where the details were written."""
    file = getattr(args, "file", None)
    where = QT_TRANSLATE_NOOP("CLI", " ({path})").format(path=file) if file else ""
    log = crashlog.record(error, " ".join(sys.argv))
    kept = QT_TRANSLATE_NOOP("CLI", "; the details are in {log}").format(log=log) if log else ""
    return f"{message}{where}{kept}"


def _fail(message: str, code: int) -> int:
    print(" ".join(message.split()), file=sys.stderr)
    return code


def run() -> NoReturn:
    """The ``bulletin-studio`` command: ``main`` in a process of its own.

    What the imports built lives as long as the process, so it is put out of the cyclic
    collector's reach (``gc.freeze``): an export's full collections then walk only the
    export's own objects (whole sample export, median of 15: 1.55 s → 1.45 s).
    """
    gc.freeze()
    sys.exit(main())


if __name__ == "__main__":
    run()
