"""Typography report: the sample's paragraphs set by Bulletin Studio and, if installed, Typst.

``python bench/typography.py`` (Typst: ``pip install -e '.[bench]'``). Each justified
paragraph of the sample (body, lead, list entries, quotes) is set on its own page at the
measure it has in the layout (A4 text width, A5 text width, the A4 partner-news column), in
the same fonts, size and first-line indent, by both; glyph boxes are then read from both
PDFs with pypdfium2 and measured the same way. The sample's own exports (A4, A5) are
measured too, where text also runs beside logos.
"""

import io
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.export.pdf_glyphs import (  # noqa: E402
    edge_violations,
    glyph_lines,
    is_lone,
    line_end_mark_widths,
    mean,
    page_glyphs,
    pair_widths,
    widest_han_gap,
)

from bulletin_studio.export.pdf import PdfWriter, TypesetSession  # noqa: E402
from bulletin_studio.export.pdf_style import Palette  # noqa: E402
from bulletin_studio.export.pdf_text import TextFlowable, shape  # noqa: E402
from bulletin_studio.export.progress import drain  # noqa: E402
from bulletin_studio.export.writer import WriteOptions  # noqa: E402
from bulletin_studio.model.issue import SectionKind  # noqa: E402
from bulletin_studio.model.markup import Run  # noqa: E402
from bulletin_studio.render.compose import compose  # noqa: E402
from bulletin_studio.render.fonts import FontResolver  # noqa: E402
from bulletin_studio.render.layout import Layout, Style, load_layout  # noqa: E402
from bulletin_studio.render.tree import ListNode, RenderTree, Text  # noqa: E402
from bulletin_studio.storage import sample_document  # noqa: E402

JUSTIFIED = (Style.BODY, Style.LEAD, Style.QUOTE)
MARGIN = 36.0


@dataclass
class Paragraph:
    runs: tuple[Run, ...]
    style: Style


@dataclass
class Measures:
    pairs: list[float]
    line_end: list[float]
    lone: int
    widest_gap: float
    lines: int
    violations: int

    def row(self, label: str) -> str:
        pairs = (
            f"{min(self.pairs):.2f}–{max(self.pairs):.2f} (mean {mean(self.pairs):.2f})"
            if self.pairs
            else "–"
        )
        end = f"{mean(self.line_end):.2f}" if self.line_end else "–"
        return (
            f"| {label} | {pairs} | {end} | {self.lone} | {self.widest_gap:.3f} "
            f"| {self.lines} | {self.violations} |"
        )


def paragraphs(tree: RenderTree, kinds: set[SectionKind]) -> list[Paragraph]:
    found: list[Paragraph] = []
    for section in tree.sections:
        if section.kind not in kinds:
            continue
        for item in section.items:
            for block in item.body:
                if isinstance(block, Text) and block.style in JUSTIFIED:
                    found.append(Paragraph(block.runs, block.style))
                elif isinstance(block, ListNode):
                    found.extend(Paragraph(entry.runs, Style.LIST) for entry in block.entries)
    return found


def measure_pages(data: bytes, width: float) -> Measures:
    """One paragraph per page, set from x = MARGIN: lines, pairs, edges, last lines."""
    pairs: list[float] = []
    ends: list[float] = []
    lone = 0
    widest = 0.0
    count = 0
    violations = 0
    for glyphs in page_glyphs(data):
        lines = glyph_lines(glyphs)
        if not lines:
            continue
        count += len(lines)
        pairs += pair_widths(lines)
        ends += line_end_mark_widths(lines[:-1], MARGIN + width)
        lone += len(lines) > 1 and is_lone(lines[-1])
        widest = max([widest, *(widest_han_gap(line) for line in lines[:-1])])
        violations += len(edge_violations(lines))
    return Measures(pairs, ends, lone, widest, count, violations)


def studio_pdf(items: list[Paragraph], width: float, palette: Palette) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1, initialFontName=palette.base_font)
    for paragraph in items:
        style = palette.style(paragraph.style)
        flowable = TextFlowable(shape(paragraph.runs, style, palette), style)
        _, height = flowable.wrap(width, 1e6)
        canvas.setPageSize((width + 2 * MARGIN, height + 2 * MARGIN))
        flowable.drawOn(canvas, MARGIN, MARGIN)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _typst_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def typst_pdf(items: list[Paragraph], width: float, layout: Layout, work: Path) -> bytes | None:
    try:
        import typst
    except ImportError:
        return None
    pages = []
    for paragraph in items:
        style = layout.styles[paragraph.style]
        fonts = layout.fonts[style.font]
        # The Latin face for Latin letters only: quotes and dashes come from the Chinese one.
        families = f'(name: {_typst_string(fonts.latin[0])}, covers: "latin-in-cjk"), ' + (
            _typst_string(fonts.cjk[0])
        )
        indent = style.first_line_indent
        text = "".join(run.text for run in paragraph.runs)
        pages.append(
            f"#page(width: {width + 2 * MARGIN}pt, height: auto, margin: {MARGIN}pt)[\n"
            f'#set text(font: ({families}), size: {style.size}pt, lang: "zh", region: "cn")\n'
            f"#set par(justify: true, leading: {style.leading - style.size}pt, "
            f"first-line-indent: (amount: {indent}em, all: true))\n"
            f"#box(width: {width - style.left_indent}pt)[#par[#{_typst_string(text)}]]\n]"
        )
    source = work / "paragraphs.typ"
    source.write_text("\n".join(pages), encoding="utf-8")
    return typst.compile(str(source))


def sample_exports(session: TypesetSession) -> None:
    """The sample as exported: edge rules, lone characters, Han gaps (beside logos too)."""
    document = sample_document()
    print(
        "| export | lines | line-edge violations | one-character last lines "
        "| widest Han gap, body | beside a logo |"
    )
    print("|---|---|---|---|---|---|")
    for name in ("default", "a5"):
        layout = load_layout(name)
        tree = compose(document.issue, layout, document.assets)
        buffer = io.BytesIO()
        drain(PdfWriter(session).write(tree, buffer, WriteOptions()))
        data = buffer.getvalue()
        lines = [line for page in page_glyphs(data)[1:] for line in glyph_lines(page)]
        left = min(line[0].x for line in lines)
        beside = [line for line in lines if line[0].x - left > 3 * line[0].size]
        plain = [line for line in lines if line not in beside]
        lone = sum(is_lone(line) and len(line) <= 4 for line in lines)
        print(
            f"| {name} | {len(lines)} | {len(edge_violations(lines))} | {lone} "
            f"| {max(map(widest_han_gap, plain)):.3f} "
            f"| {max(map(widest_han_gap, beside), default=0.0):.3f} |"
        )


def _column_width(layout: Layout, columns: int) -> float:
    return layout.column_width(columns) * mm


def main() -> None:
    document = sample_document()
    session = TypesetSession(FontResolver())
    print("Typography: the sample's justified paragraphs, one per page, measured with pypdfium2")
    print("(pairs: two adjacent full-width marks, ems between the Han characters around them;")
    print(" end mark: ems a closing mark takes at the end of a full line)")
    print()
    print(
        "| measure | two marks in a row | end mark | one-character last lines "
        "| widest Han gap | lines | line-edge violations |"
    )
    print("|---|---|---|---|---|---|---|")
    single = {kind for kind in SectionKind if kind != SectionKind.PARTNER_NEWS}
    cases = [
        ("A4", "default", single, 1),
        ("A5", "a5", set(SectionKind), 1),
        ("A4 partner-news column", "default", {SectionKind.PARTNER_NEWS}, 2),
    ]
    with tempfile.TemporaryDirectory() as folder:
        for label, name, kinds, columns in cases:
            layout = load_layout(name)
            tree = compose(document.issue, layout, document.assets)
            palette = session.palette(tree, "print")
            items = paragraphs(tree, kinds)
            width = _column_width(layout, columns)
            ours = measure_pages(studio_pdf(items, width, palette), width)
            print(ours.row(f"{label}, Bulletin Studio"))
            theirs = typst_pdf(items, width, layout, Path(folder))
            if theirs is None:
                print(f"| {label}, Typst | not installed (pip install -e '.[bench]') |")
            else:
                print(measure_pages(theirs, width).row(f"{label}, Typst"))
    print()
    sample_exports(session)


def _typst_version() -> str:
    try:
        output = subprocess.run(
            [sys.executable, "-m", "pip", "show", "typst"], capture_output=True, text=True
        ).stdout
    except OSError:
        return ""
    return next(
        (line.split()[-1] for line in output.splitlines() if line.startswith("Version")), ""
    )


if __name__ == "__main__":
    main()
    version = _typst_version()
    if version:
        print(f"\nTypst (PyPI package typst) {version}")
