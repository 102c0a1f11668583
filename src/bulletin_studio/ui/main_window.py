"""The main window: outline | form in the middle, preview on the right, panels below.

It wires parts together and owns the menus; each part does its own job (editor: changes and
undo; files: disk; preview: rendering; panels: problems and notes).
"""

import importlib
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStyle,
    QToolBar,
    QWidget,
)

from bulletin_studio.model.problems import Problem
from bulletin_studio.storage import Document, StorageError, empty_document, sample_document
from bulletin_studio.ui import document_prefs, settings
from bulletin_studio.ui.editor import IssueEditor
from bulletin_studio.ui.error_dialog import show_error
from bulletin_studio.ui.export_dialog import ExportChoices, ExportDialog
from bulletin_studio.ui.export_runner import ExportRunner
from bulletin_studio.ui.files import FileManager
from bulletin_studio.ui.focus import FocusRing, toolbar_text
from bulletin_studio.ui.forms.blocks import BlockCard
from bulletin_studio.ui.forms.panel import FormPanel
from bulletin_studio.ui.notes_panel import NotesPanel
from bulletin_studio.ui.outline import OutlinePanel
from bulletin_studio.ui.page_view import Fit
from bulletin_studio.ui.preflight_panel import PreflightPanel
from bulletin_studio.ui.preview import PreviewPanel
from bulletin_studio.ui.problems_panel import ProblemsPanel
from bulletin_studio.ui.recovery import RecoveryStore

LARGEST_START_SIZE = QSize(1440, 900)
"""A first start fills most of the screen up to this size (1280×800 laptops get 94 %)."""
SCREEN_SHARE = 0.94


def start_geometry(available: QRect) -> QRect:
    """Where a first start puts the window: centred, a margin short of the free screen."""
    width = min(LARGEST_START_SIZE.width(), round(available.width() * SCREEN_SHARE))
    height = min(LARGEST_START_SIZE.height(), round(available.height() * SCREEN_SHARE))
    rect = QRect(0, 0, width, height)
    rect.moveCenter(available.center())
    return rect


class MainWindow(QMainWindow):
    def __init__(self, document: Document, recovery: RecoveryStore | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.editor = IssueEditor(document, self)
        self.files = FileManager(self.editor, self, recovery or RecoveryStore())
        self.exporter = ExportRunner(self)
        self.outline = OutlinePanel(self.editor, self)
        self.forms = FormPanel(self.editor, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.outline)
        self.splitter.addWidget(self.forms)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([230, 520])
        self.splitter.setChildrenCollapsible(False)
        self.forms.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields are the stops
        self.setCentralWidget(self.splitter)
        self.preview = PreviewPanel(self.editor, parent=self)
        self.problems = ProblemsPanel(self.editor, self)
        if self.preview.settings_problem is not None:
            self.problems.standing.append(
                Problem(severity="error", message=self.preview.settings_problem)
            )
            self.problems.refresh()
        self.notes = NotesPanel(self.editor, self)
        self.preview_dock = self._dock(
            "previewDock", self.tr("Preview"), self.preview, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.problems_dock = self._dock(
            "problemsDock",
            self.problems.windowTitle(),
            self.problems,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        self.notes_dock = self._dock(
            "notesDock",
            self.notes.windowTitle(),
            self.notes,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        self.tabifyDockWidget(self.problems_dock, self.notes_dock)
        self.preflight = PreflightPanel(self.editor, self)
        self.preflight_dock = self._dock(
            "preflightDock",
            self.preflight.windowTitle(),
            self.preflight,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        self.tabifyDockWidget(self.notes_dock, self.preflight_dock)
        self.preflight.nodeActivated.connect(self.select_node)
        self.problems_dock.raise_()
        self.focus_ring = FocusRing(self.outline.view, self.forms, self.preview.page_view)

        self.outline.nodeSelected.connect(self._node_selected)
        self.forms.nodeWanted.connect(self.outline.select)
        self.preview.nodeClicked.connect(self.select_node)
        self.preview.bar.layout_box.currentIndexChanged.connect(self._remember_preview_layout)
        self.files.pathChanged.connect(self._restore_preview_layout)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self.problems.nodeActivated.connect(self.select_node)
        self.notes.nodeActivated.connect(self.select_node)
        self.preview.renderFailed.connect(self.problems.render_failed)
        self.preview.rendered.connect(
            lambda rendered: self.problems.set_render_problems(rendered.checked.printing)
        )
        self.editor.undo_stack.cleanChanged.connect(lambda _clean: self._update_title())
        self.files.pathChanged.connect(self._update_title)
        self.exporter.finished.connect(
            lambda _ok, message: self.statusBar().showMessage(message, 8000)
        )
        self._make_menus()
        self._update_title()
        self.forms.show_node(self.outline.selected_key())
        self.preview.show_node(self.outline.selected_key())
        QApplication.instance().installEventFilter(self)
        self._restore_settings()

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        widget.windowTitleChanged.connect(dock.setWindowTitle)
        self.addDockWidget(area, dock)
        return dock

    # --- menus -------------------------------------------------------------------------

    def _action(self, text: str, slot: object, keys: object = None, icon: object = None) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.triggered.connect(slot)
        return action

    def _make_menus(self) -> None:
        pixmap = QStyle.StandardPixmap
        keys = QKeySequence.StandardKey
        self.new_action = self._action(
            self.tr("&Empty issue"), self.new_empty, keys.New, pixmap.SP_FileIcon
        )
        self.new_sample_action = self._action(self.tr("From the &sample"), self.new_sample)
        self.new_next_action = self._action(
            self.tr("&Next issue from a previous one…"), self.new_from_previous
        )
        self.open_action = self._action(
            self.tr("&Open…"), self.open_dialog, keys.Open, pixmap.SP_DialogOpenButton
        )
        self.save_action = self._action(
            self.tr("&Save"), self.files.save, keys.Save, pixmap.SP_DialogSaveButton
        )
        self.save_as_action = self._action(self.tr("Save &As…"), self.files.save_as, keys.SaveAs)
        self.export_action = self._action(
            self.tr("&Export…"), self.export, "Ctrl+E", pixmap.SP_ArrowDown
        )
        self.preflight_action = self._action(
            self.tr("Pre&flight for print"), self.run_preflight, "Ctrl+Shift+P"
        )
        self.import_review_action = self._action(
            self.tr("&Import review comments…"), self.import_review
        )
        quit_action = self._action(self.tr("&Quit"), self.close, keys.Quit)
        self.undo_action = self.editor.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence(keys.Undo))
        self.undo_action.setIcon(self.style().standardIcon(pixmap.SP_ArrowBack))
        self.redo_action = self.editor.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcut(QKeySequence(keys.Redo))
        self.redo_action.setIcon(self.style().standardIcon(pixmap.SP_ArrowForward))

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        new_menu = file_menu.addMenu(self.tr("&New"))
        new_menu.addActions([self.new_action, self.new_sample_action, self.new_next_action])
        file_menu.addAction(self.open_action)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action])
        file_menu.addSeparator()
        file_menu.addActions([self.export_action, self.preflight_action, self.import_review_action])
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        outline = self.outline
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions(
            [
                outline.add_article_action,
                outline.add_partner_action,
                outline.add_resource_action,
                outline.add_section_action,
            ]
        )
        edit_menu.addSeparator()
        edit_menu.addActions(
            [
                outline.duplicate_action,
                outline.delete_action,
                outline.up_action,
                outline.down_action,
            ]
        )
        edit_menu.addSeparator()
        edit_menu.addActions([outline.next_action, outline.previous_action])
        edit_menu.addSeparator()
        edit_menu.addAction(outline.snippets_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for dock in (self.preview_dock, self.problems_dock, self.notes_dock, self.preflight_dock):
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        self._preview_menu(view_menu)
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, label in (
            ("", self.tr("Follow the system")),
            ("zh_CN", "简体中文"),
            ("en", "English"),
        ):
            action = language_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(settings.language() == code)
            action.triggered.connect(lambda _=False, c=code: self._set_language(c))
            group.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About Bulletin Studio"), self._about))

        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        toolbar.addActions([self.open_action, self.save_action])
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addAction(outline.add_article_action)
        toolbar.addSeparator()
        toolbar.addAction(self.export_action)
        for action in toolbar.actions():
            action.setIconText(toolbar_text(action.text()))
        self.addToolBar(toolbar)
        self.global_actions = [
            self.new_action,
            self.open_action,
            self.save_action,
            self.save_as_action,
            self.export_action,
            quit_action,
            self.undo_action,
            self.redo_action,
            outline.add_article_action,
            outline.next_action,
            outline.previous_action,
            self.zoom_in_action,
            self.zoom_out_action,
        ]
        """Shortcuts that work wherever the cursor is: a text box may not claim their keys
        (Ctrl+E would otherwise move to the end of the line)."""

    def _preview_menu(self, menu: QMenu) -> None:
        """The preview's zoom, pages and layout, for the keyboard and the menu bar."""
        view = self.preview.page_view
        self.zoom_in_action = self._action(self.tr("Zoom &in"), view.zoom_in, "Ctrl++")
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.zoom_out_action = self._action(self.tr("Zoom &out"), view.zoom_out, "Ctrl+-")
        fit_width = self._action(self.tr("Fit &width"), lambda: view.set_zoom(Fit.WIDTH))
        fit_page = self._action(self.tr("Fit &page"), lambda: view.set_zoom(Fit.PAGE))
        thumbnails = self._action(self.tr("Page &thumbnails"), self.preview.bar.show_thumbnails)
        thumbnails.setCheckable(True)
        thumbnails.setChecked(self.preview.bar.thumbnails_button.isChecked())
        self.preview.bar.thumbnails_button.toggled.connect(thumbnails.setChecked)
        menu.addActions(
            [self.zoom_in_action, self.zoom_out_action, fit_width, fit_page, thumbnails]
        )
        self.preview_layout_menu = menu.addMenu(self.tr("Preview &layout"))
        self.preview_layout_menu.aboutToShow.connect(self._fill_layout_menu)

    def _fill_layout_menu(self) -> None:
        menu = self.preview_layout_menu
        menu.clear()
        box = self.preview.bar.layout_box
        group = QActionGroup(menu)
        for index in range(box.count()):
            action = menu.addAction(box.itemText(index))
            action.setCheckable(True)
            action.setChecked(index == box.currentIndex())
            action.triggered.connect(lambda _=False, i=index: box.setCurrentIndex(i))
            group.addAction(action)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in settings.recent_files():
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(True)
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def _set_language(self, code: str) -> None:
        settings.set_language(code)
        QMessageBox.information(
            self,
            self.tr("Language"),
            self.tr("The new language applies when Bulletin Studio restarts."),
        )

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Bulletin Studio"),
            self.tr(
                "Bulletin Studio composes the quarterly bulletin: fill in the forms, watch the "
                "print-accurate preview, export PDF and DOCX, bring reviewers' comments back."
            ),
        )

    # --- navigation --------------------------------------------------------------------

    def _node_selected(self, key: str) -> None:
        self.forms.show_node(key)
        self.preview.show_node(key)

    def select_node(self, key: str) -> None:
        """Select any node (a block selects its item and focuses the block's card)."""
        self.outline.select(key)
        self.forms.focus_node(key)
        self.preview.highlight(key)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """The preview marks the block being edited, else the item selected."""
        if new is None or new.window() is not self or not self.forms.isAncestorOf(new):
            return
        widget: QWidget | None = new
        while widget is not None and not isinstance(widget, BlockCard):
            widget = widget.parentWidget()
        self.preview.highlight(widget.block_id if widget else self.outline.selected_key())

    def _remember_preview_layout(self) -> None:
        document_prefs.update(self.files.path, preview_layout=self.preview.layout_name())

    def _restore_preview_layout(self) -> None:
        name = document_prefs.load(self.files.path).get("preview_layout")
        if isinstance(name, str):
            self.preview.bar.set_layout_name(name)

    # --- files -------------------------------------------------------------------------

    def _update_title(self) -> None:
        path = self.files.path
        name = path.name if path else self.tr("Untitled")
        if self.files.read_only:
            name += " " + self.tr("[read-only]")
        self.setWindowTitle(f"{name}[*] — Bulletin Studio")
        self.setWindowModified(self.files.is_modified())

    def new_empty(self) -> None:
        if self.files.maybe_save():
            self.files.start_new(empty_document())

    def new_sample(self) -> None:
        if not self.files.maybe_save():
            return
        try:
            self.files.start_new(sample_document())
        except StorageError as error:
            QMessageBox.critical(self, self.tr("Could not open the sample"), error.message)

    def new_from_previous(self) -> None:
        if self.files.maybe_save():
            self.files.new_from_previous()

    def open_dialog(self) -> None:
        if self.files.maybe_save():
            self.files.ask_open()

    def open_path(self, path: Path) -> bool:
        return self.files.maybe_save() and self.files.open(path)

    # --- export and review -------------------------------------------------------------

    def export(self) -> ExportDialog:
        """Ask what to export (the choices remembered for this issue), then export."""
        remembered = document_prefs.load(self.files.path).get("export")
        choices = ExportChoices.from_prefs(remembered, layout=self.preview.layout_name())
        dialog = ExportDialog(choices, self.files.path, self.preview.layouts_dir(), self)
        dialog.accepted.connect(lambda: self._export_chosen(dialog.choices()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.export_dialog = dialog
        return dialog

    def _export_chosen(self, choices: ExportChoices) -> None:
        document_prefs.update(self.files.path, export=choices.to_prefs())
        self.export_with(choices)

    def export_with(self, choices: ExportChoices) -> None:
        targets = choices.targets(self.files.path)
        self.exporter.start(
            self.editor.snapshot(), targets, choices.layout, choices.options(), self.files.path
        )

    def run_preflight(self) -> None:
        """Show the print preflight panel and check the issue as it is now."""
        self.preflight_dock.show()
        self.preflight_dock.raise_()
        self.preflight.run()

    def import_review(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import review comments"), "", self.tr("Reviewed Word files (*.docx)")
        )
        if name:
            self.import_review_from(Path(name))

    def import_review_from(self, path: Path) -> bool:
        """Read the reviewers' comments and attach them as notes (one undo step)."""
        try:
            review = importlib.import_module("bulletin_studio.review")
            report = review.read_review(path)
            issue, summary = review.merge_review(self.editor.issue, report, path.name)
        except ImportError:
            QMessageBox.warning(
                self,
                self.tr("Import review comments"),
                self.tr("Review import is not available in this build."),
            )
            return False
        except Exception as error:  # the reader reports a damaged or foreign file
            show_error(self, self.tr("Could not import the review"), error)
            return False
        self.editor.replace_issue(issue, self.tr("Import review comments"))
        self.notes_dock.raise_()
        self.statusBar().showMessage(
            self.tr("%1: %2 notes added, %3 already imported")
            .replace("%1", summary.source_name)
            .replace("%2", str(len(summary.added)))
            .replace("%3", str(summary.duplicates)),
            10000,
        )
        return True

    # --- app-wide behaviour ------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The window's shortcuts work from any field: a text box may not claim their keys.

        Ctrl+Z/Ctrl+Y in a text box undo the whole app's last step, not the box's own history
        (which would diverge from the model); Ctrl+E exports rather than moving to the end of
        the line; and so on for every action in ``global_actions``.
        """
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and watched.window() is self
            and self._is_global_shortcut(event)
        ):
            return True
        return super().eventFilter(watched, event)

    def _is_global_shortcut(self, event: QKeyEvent) -> bool:
        pressed = QKeySequence(event.keyCombination())
        return any(
            shortcut.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
            for action in self.global_actions
            if action.isEnabled()
            for shortcut in action.shortcuts()
        )

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab goes outline → form fields → preview pages → outline (see ``FocusRing``)."""
        if self.focus_ring.move(next):
            return True
        return super().focusNextPrevChild(next)

    def _restore_settings(self) -> None:
        """The window as the editor left it; a first start fits the screen it opens on."""
        store = settings.settings()
        screen = self.screen().availableGeometry()
        geometry = store.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.setGeometry(start_geometry(screen))
            self.resizeDocks(
                [self.preview_dock], [round(self.width() * 0.4)], Qt.Orientation.Horizontal
            )
            self.resizeDocks([self.problems_dock], [120], Qt.Orientation.Vertical)
        elif not screen.contains(self.frameGeometry()):
            self.setGeometry(start_geometry(screen))
        state = store.value("window/state")
        if state is not None:
            self.restoreState(state)
        sizes = store.value("window/splitter")
        if sizes is not None:
            self.splitter.restoreState(sizes)

    def _save_settings(self) -> None:
        store = settings.settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        store.setValue("window/splitter", self.splitter.saveState())
        store.setValue("files/last", str(self.files.path) if self.files.path else "")

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self._save_settings()
        self.preview.shutdown()
        self.files.close_cleanly()
        QApplication.instance().removeEventFilter(self)
        event.accept()
