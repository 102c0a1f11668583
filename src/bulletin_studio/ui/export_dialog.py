"""The export dialog: every choice an export makes, in the open, remembered per issue file.

Formats, layout, PDF variant, folder and file name are the dialog's own: the preview's
layout and view switches only decide what the preview shows (the dialog starts from the
preview's layout the first time an issue is exported, and from its own memory afterwards).
A further PDF choice (such as a PDF/X standard, once ``WriteOptions`` has one) is one more
row in ``_pdf_group`` and one more field of ``ExportChoices``.
"""

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, get_args

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bulletin_studio.export.writer import Format, PdfX, Variant, WriteOptions
from bulletin_studio.paths import LAYOUTS_DIR
from bulletin_studio.ui.layout_choice import DEFAULT_LAYOUT, fill_layout_box, selected_layout

SUFFIXES: dict[Format, str] = {"pdf": ".pdf", "docx": ".docx"}


@dataclass(frozen=True)
class ExportChoices:
    """What one export writes; ``folder``/``name`` empty mean beside the issue, named after it."""

    formats: tuple[Format, ...] = ("pdf",)
    layout: str = DEFAULT_LAYOUT
    variant: Variant = "print"
    pdfx: PdfX = "x4"
    """The print file's standard (the screen PDF is none)."""
    folder: str = ""
    name: str = ""

    def options(self) -> WriteOptions:
        if self.variant == "screen":
            return WriteOptions(variant="screen")
        return WriteOptions(variant="print", pdfx=self.pdfx)

    def targets(self, issue_path: Path | None) -> dict[Format, Path]:
        """The file each chosen format is written to."""
        folder = Path(self.folder) if self.folder else default_folder(issue_path)
        stem = self.name or default_name(issue_path)
        return {format: folder / f"{stem}{SUFFIXES[format]}" for format in self.formats}

    def to_prefs(self) -> dict[str, Any]:
        return {
            "formats": list(self.formats),
            "layout": self.layout,
            "variant": self.variant,
            "pdfx": self.pdfx,
            "folder": self.folder,
            "name": self.name,
        }

    @classmethod
    def from_prefs(cls, data: Any, layout: str = DEFAULT_LAYOUT) -> "ExportChoices":
        """Remembered choices, each checked (a settings file may hold anything); ``layout`` is
        the one to start from when no export was made yet."""
        start = cls(layout=layout)
        if not isinstance(data, dict):
            return start

        def text(key: str, default: str) -> str:
            value = data.get(key)
            return value if isinstance(value, str) and value else default

        listed = data.get("formats")
        formats = tuple(
            dict.fromkeys(f for f in listed if f in SUFFIXES) if isinstance(listed, list) else ()
        )
        variant = data.get("variant")
        pdfx = data.get("pdfx")
        return replace(
            start,
            formats=formats or start.formats,
            layout=text("layout", layout),
            variant=variant if variant in get_args(Variant) else start.variant,
            pdfx=pdfx if pdfx in get_args(PdfX) else start.pdfx,
            folder=text("folder", ""),
            name=text("name", ""),
        )


def default_folder(issue_path: Path | None) -> Path:
    return issue_path.parent if issue_path is not None else Path.home()


def default_name(issue_path: Path | None) -> str:
    return issue_path.stem if issue_path is not None else "bulletin"


class ExportDialog(QDialog):
    def __init__(
        self,
        choices: ExportChoices,
        issue_path: Path | None,
        layouts_dir: Path = LAYOUTS_DIR,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export"))
        self._issue_path = issue_path
        self.pdf_box = QCheckBox(self.tr("PDF, to print or to send"), self)
        self.docx_box = QCheckBox(self.tr("DOCX, for reviewers in Word or WPS"), self)
        self.pdf_box.setChecked("pdf" in choices.formats)
        self.docx_box.setChecked("docx" in choices.formats)
        self.layout_box = QComboBox(self)
        fill_layout_box(self.layout_box, choices.layout, layouts_dir)
        self.variant_box = QComboBox(self)
        self.variant_box.addItem(self.tr("Print: CMYK, bleed and crop marks"), "print")
        self.variant_box.addItem(self.tr("Screen: RGB, trim size, live links"), "screen")
        self.variant_box.setCurrentIndex(max(0, self.variant_box.findData(choices.variant)))
        self.pdfx_box = QComboBox(self)
        self.pdfx_box.addItem(self.tr("PDF/X-4 (recommended)"), "x4")
        self.pdfx_box.addItem(self.tr("PDF/X-1a:2003"), "x1a")
        self.pdfx_box.setCurrentIndex(max(0, self.pdfx_box.findData(choices.pdfx)))
        self.pdfx_note = QLabel(self)
        self.pdfx_note.setObjectName("pdfxNote")
        self.pdfx_note.setWordWrap(True)
        self.pdfx_note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.pdfx_note.setStyleSheet("color: palette(dark);")
        self.folder_edit = QLineEdit(choices.folder or str(default_folder(issue_path)), self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._choose_folder)
        self.name_edit = QLineEdit(choices.name or default_name(issue_path), self)
        self.files_label = QLabel(self)
        self.files_label.setObjectName("exportFiles")
        self.files_label.setWordWrap(True)
        self.files_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        formats = QGroupBox(self.tr("Formats"), self)
        formats_layout = QVBoxLayout(formats)
        formats_layout.addWidget(self.pdf_box)
        formats_layout.addWidget(self.docx_box)
        common = QFormLayout()
        common.addRow(self.tr("&Layout"), self.layout_box)
        self._pdf_group = QGroupBox(self.tr("PDF"), self)
        pdf_rows = QFormLayout(self._pdf_group)
        pdf_rows.addRow(self.tr("&Variant"), self.variant_box)
        pdf_rows.addRow(self.tr("Standard"), self.pdfx_box)
        pdf_rows.addRow("", self.pdfx_note)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        where = QFormLayout()
        folder_label = QLabel(self.tr("&Folder"), self)
        folder_label.setBuddy(self.folder_edit)
        where.addRow(folder_label, folder_row)
        where.addRow(self.tr("File &name"), self.name_edit)
        where.addRow(self.tr("Writes"), self.files_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(formats)
        layout.addLayout(common)
        layout.addWidget(self._pdf_group)
        layout.addLayout(where)
        layout.addWidget(self.buttons)
        for signal in (self.pdf_box.toggled, self.docx_box.toggled):
            signal.connect(self._update)
        for box in (self.variant_box, self.pdfx_box):
            box.currentIndexChanged.connect(self._update)
        for edit in (self.folder_edit, self.name_edit):
            edit.textChanged.connect(self._update)
        self.setMinimumWidth(520)
        self._update()

    def choices(self) -> ExportChoices:
        formats: tuple[Format, ...] = tuple(
            format
            for format, box in (("pdf", self.pdf_box), ("docx", self.docx_box))
            if box.isChecked()
        )
        folder = self.folder_edit.text().strip()
        name = self.name_edit.text().strip()
        return ExportChoices(
            formats=formats,
            layout=selected_layout(self.layout_box),
            variant="screen" if self.variant_box.currentData() == "screen" else "print",
            pdfx="x1a" if self.pdfx_box.currentData() == "x1a" else "x4",
            folder="" if folder == str(default_folder(self._issue_path)) else folder,
            name="" if name == default_name(self._issue_path) else name,
        )

    def problem(self) -> str:
        """Why the export cannot start as chosen ("" when it can)."""
        choices = self.choices()
        if not choices.formats:
            return self.tr("Choose at least one format.")
        if not self.name_edit.text().strip() or any(c in self.name_edit.text() for c in "/\\"):
            return self.tr("Enter a file name without folders.")
        folder = Path(self.folder_edit.text().strip())
        if not folder.is_dir():
            return self.tr("The folder %1 does not exist.").replace("%1", str(folder))
        return ""

    def _update(self) -> None:
        self._pdf_group.setEnabled(self.pdf_box.isChecked())
        printing = self.variant_box.currentData() == "print"
        self.pdfx_box.setEnabled(printing)
        self.pdfx_note.setText(self._pdfx_note() if printing else self.tr("A screen PDF is RGB."))
        problem = self.problem()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)
        if problem:
            self.files_label.setText(problem)
            self._fit_notes()
            return
        lines = []
        for path in self.choices().targets(self._issue_path).values():
            note = self.tr(" (replaces the existing file)") if path.exists() else ""
            lines.append(f"{path}{note}")
        self.files_label.setText("\n".join(lines))
        self._fit_notes()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_notes()

    def _fit_notes(self) -> None:
        """Give the wrapped notes the height their lines need at their width (the dialog
        grows to fit them): a form layout sizes a dialog without asking them, and the note
        under the standard was cut off. Only once shown are their widths the real ones."""
        if not self.isVisible():
            return
        for label in (self.pdfx_note, self.files_label):
            label.setMinimumHeight(label.heightForWidth(label.width()))

    def _pdfx_note(self) -> str:
        if self.pdfx_box.currentData() == "x1a":
            return self.tr(
                "Older standard (PDF 1.4): CMYK only, no transparency. Choose it when the print "
                "shop or its RIP asks for PDF/X-1a."
            )
        return self.tr(
            "Current standard (PDF 1.6): CMYK with the printer's colour profile; what most "
            "print shops ask for."
        )

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Export to folder"), self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)
