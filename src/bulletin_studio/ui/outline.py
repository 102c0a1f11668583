"""The outline panel: tree of the issue plus the structure actions (add, duplicate, delete, move).

The actions live here because they act on the outline's selection; the main window puts the
same QAction objects into its menus, so a shortcut and a toolbar button cannot disagree.
"""

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QMenu,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from bulletin_studio.model import Section, nodes
from bulletin_studio.model.issue import DEFAULT_SECTION_TITLES, SectionKind
from bulletin_studio.ui.editor import IssueEditor
from bulletin_studio.ui.outline_model import OutlineModel
from bulletin_studio.ui.signals import emit


class OutlinePanel(QWidget):
    nodeSelected = Signal(str)

    def __init__(self, editor: IssueEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._selected = "masthead"
        self._collapsed: set[str] = set()
        self.model = OutlineModel(editor)
        self.view = QTreeView(self)
        self.view.setObjectName("outlineView")
        self.view.setHeaderHidden(True)
        self.view.setModel(self.model)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDropIndicatorShown(True)
        self.view.setUniformRowHeights(True)
        # where the keyboard is: a frame while the tree has focus (the selection alone looks
        # the same with or without it)
        self.view.setStyleSheet(
            "#outlineView { border: 2px solid transparent; }"
            " #outlineView:focus { border: 2px solid palette(highlight); }"
        )
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.collapsed.connect(lambda index: self._collapsed.add(self.model.key_of(index)))
        self.view.expanded.connect(lambda index: self._collapsed.discard(self.model.key_of(index)))
        self.model.modelReset.connect(self._restore)
        self._make_actions()
        toolbar = QToolBar(self)
        toolbar.setIconSize(toolbar.iconSize() * 0.75)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        add_button = QToolButton(toolbar)
        add_button.setText(self.tr("Add"))
        add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        add_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from the tree to the form
        add_button.setMenu(self.add_menu)
        toolbar.addWidget(add_button)
        for action in (self.duplicate_action, self.delete_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.up_action)
        toolbar.addAction(self.down_action)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(toolbar)
        layout.addWidget(self.view)
        self._restore()

    def _make_actions(self) -> None:
        def action(text: str, keys: str | QKeySequence.StandardKey | None, slot: object) -> QAction:
            act = QAction(text, self)
            if keys is not None:
                act.setShortcut(QKeySequence(keys))
            act.triggered.connect(slot)
            return act

        self.add_article_action = action(
            self.tr("New article"), "Ctrl+Shift+N", lambda: self.add_item("article")
        )
        self.add_partner_action = action(
            self.tr("New partner news"), None, lambda: self.add_item("partner_news")
        )
        self.add_resource_action = action(
            self.tr("New resource"), None, lambda: self.add_item("resource")
        )
        self.add_section_action = action(self.tr("New section"), None, self.add_section)
        self.duplicate_action = action(self.tr("Duplicate"), "Ctrl+D", self.duplicate)
        self.delete_action = action(self.tr("Delete"), None, self.delete)
        self.up_action = action(self.tr("Move up"), "Ctrl+Shift+Up", lambda: self.move(-1))
        self.down_action = action(self.tr("Move down"), "Ctrl+Shift+Down", lambda: self.move(1))
        self.next_action = action(self.tr("Next item"), "Ctrl+PgDown", lambda: self.step(1))
        self.previous_action = action(self.tr("Previous item"), "Ctrl+PgUp", lambda: self.step(-1))
        self.snippets_action = action(
            self.tr("Snippets"), None, lambda: self.select(nodes.SNIPPETS_KEY)
        )
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.view.addAction(self.delete_action)
        self.add_menu = QMenu(self)
        for act in (
            self.add_article_action,
            self.add_partner_action,
            self.add_resource_action,
            self.add_section_action,
        ):
            self.add_menu.addAction(act)

    # --- selection ---------------------------------------------------------------------

    def selected_key(self) -> str:
        return self._selected

    def select(self, key: str) -> None:
        """Select a node; a block selects its item (blocks are edited inside the item's form)."""
        owner = self._editor.issue.owner_item(key)
        index = self.model.index_of(owner.id if owner is not None else key)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        key = self.model.key_of(current)
        if key is not None and key != self._selected:
            self._selected = key
            self._update_actions()
            emit(self.nodeSelected, key)

    def _restore(self) -> None:
        """After a reset: expand what was not collapsed, keep the selection (or its neighbour)."""
        for section in self._editor.issue.sections:
            if section.id not in self._collapsed:
                self.view.expand(self.model.index_of(section.id))
        key = self._selected if self.model.index_of(self._selected).isValid() else "masthead"
        with QSignalBlocker(self.view.selectionModel()):
            self.view.selectionModel().setCurrentIndex(
                self.model.index_of(key), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        if key != self._selected:
            self._selected = key
            emit(self.nodeSelected, key)
        self._update_actions()

    def _update_actions(self) -> None:
        movable = self._selected not in nodes.FIXED_ROWS
        for act in (self.duplicate_action, self.delete_action, self.up_action, self.down_action):
            act.setEnabled(movable)

    def _ordered_keys(self) -> list[str]:
        keys = ["masthead"]
        for section in self._editor.issue.sections:
            keys.append(section.id)
            keys.extend(item.id for item in section.items)
        return [*keys, "colophon", nodes.SNIPPETS_KEY]

    def step(self, delta: int) -> None:
        """Go to the next/previous node in reading order (Ctrl+PgDown / Ctrl+PgUp)."""
        keys = self._ordered_keys()
        position = keys.index(self._selected) if self._selected in keys else 0
        self.select(keys[max(0, min(len(keys) - 1, position + delta))])

    def _context_menu(self, point: object) -> None:
        menu = QMenu(self)
        menu.addActions(self.add_menu.actions())
        menu.addSeparator()
        for act in (self.duplicate_action, self.delete_action, self.up_action, self.down_action):
            menu.addAction(act)
        menu.exec(self.view.viewport().mapToGlobal(point))

    # --- structure edits ---------------------------------------------------------------

    def _target_section(self) -> tuple[str, int | None]:
        """Where a new item goes: after the selected item, or at the end of the selected
        (or last) section, creating a section when the issue has none."""
        issue = self._editor.issue
        node = nodes.get_node(issue, self._selected)
        if isinstance(node, Section):
            return node.id, None
        where = nodes.locate(issue, self._selected)
        if where is not None:
            return where[0], where[1] + 1
        if issue.sections:
            return issue.sections[-1].id, None
        return self.add_section(), None

    def add_item(self, kind: str) -> str:
        section_id, index = self._target_section()
        key = self._editor.add_item(section_id, kind, index)
        self.select(key)
        return key

    def add_section(self) -> str:
        issue = self._editor.issue
        where = nodes.locate(issue, self._selected)
        section_id = self._selected if where and where[0] == nodes.ISSUE_KEY else None
        if section_id is None and where is not None:
            section_id = where[0]
        index = (
            next(i for i, s in enumerate(issue.sections) if s.id == section_id) + 1
            if section_id
            else None
        )
        key = self._editor.add_section(DEFAULT_SECTION_TITLES[SectionKind.CUSTOM], index)
        self.select(key)
        return key

    def duplicate(self) -> None:
        if self._selected not in nodes.FIXED_ROWS:
            self.select(self._editor.duplicate(self._selected))

    def delete(self) -> None:
        """Delete the selection and select its neighbour; undo brings it back."""
        if self._selected in nodes.FIXED_ROWS:
            return
        keys = self._ordered_keys()
        position = keys.index(self._selected)
        self._editor.delete(self._selected)
        remaining = self._ordered_keys()
        self.select(remaining[max(0, position - 1)])

    def move(self, delta: int) -> None:
        if self._selected not in nodes.FIXED_ROWS:
            self._editor.move_by(self._selected, delta)
            self.select(self._selected)
