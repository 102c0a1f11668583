"""The outline as a Qt item model: masthead, sections with their items, colophon, snippets.

Rows are rebuilt from the Issue after each structure change (a reset, cheap for a bulletin's
few dozen nodes); the view restores selection and expansion by node key, so keys are the
only identity that crosses a change. Drops are turned into ``IssueEditor.move`` calls, so a
drag is one undo step like any other move.
"""

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QStyle

from bulletin_studio.model import Section, nodes
from bulletin_studio.ui.editor import IssueEditor
from bulletin_studio.ui.labels import kind_label
from bulletin_studio.ui.signals import emit

MIME_TYPE = "application/x-bulletin-node"
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root, as Qt's default argument


class OutlineModel(QAbstractItemModel):
    def __init__(self, editor: IssueEditor) -> None:
        super().__init__(editor)
        self._editor = editor
        self._keys: list[str] = []
        self._parent: dict[str, str | None] = {}
        self._children: dict[str | None, list[str]] = {}
        self._rebuild()
        editor.structureChanged.connect(self._reset)
        editor.issueChanged.connect(self._node_changed)

    def _rebuild(self) -> None:
        issue = self._editor.issue
        top = [
            "masthead",
            *(section.id for section in issue.sections),
            "colophon",
            nodes.SNIPPETS_KEY,
        ]
        self._children = {None: top}
        self._parent = dict.fromkeys(top)
        for section in issue.sections:
            self._children[section.id] = [item.id for item in section.items]
            for item in section.items:
                self._parent[item.id] = section.id
        self._keys = list(self._parent)

    def _reset(self) -> None:
        self.beginResetModel()
        self._rebuild()
        self.endResetModel()

    def _node_changed(self, key: str) -> None:
        """Titles shown in the outline may have changed: repaint the row (or the masthead's)."""
        if key in ("numbering", "issue", ""):
            key = "masthead"
        owner = self._editor.issue.owner_item(key)
        index = self.index_of(owner.id if owner is not None else key)
        if index.isValid():
            emit(self.dataChanged, index, index)

    # --- addressing --------------------------------------------------------------------

    def key_of(self, index: Index) -> str | None:
        return self._keys[index.internalId()] if index.isValid() else None

    def index_of(self, key: str) -> QModelIndex:
        if key not in self._parent:
            return QModelIndex()
        parent = self._parent[key]
        row = self._children[parent].index(key)
        return self.createIndex(row, 0, self._keys.index(key))

    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        siblings = self._children.get(self.key_of(parent), [])
        if column != 0 or not 0 <= row < len(siblings):
            return QModelIndex()
        return self.createIndex(row, 0, self._keys.index(siblings[row]))

    def parent(self, index: Index = ROOT) -> QModelIndex:  # type: ignore[override]
        key = self.key_of(index)
        parent = self._parent.get(key) if key else None
        return self.index_of(parent) if parent else QModelIndex()

    def rowCount(self, parent: Index = ROOT) -> int:
        if parent.column() > 0:
            return 0
        return len(self._children.get(self.key_of(parent), []))

    def columnCount(self, parent: Index = ROOT) -> int:
        return 1

    # --- display -----------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        key = self.key_of(index)
        if key is None:
            return None
        if role == KEY_ROLE:
            return key
        issue = self._editor.issue
        node = nodes.get_node(issue, key)
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "masthead":
                return QCoreApplication.translate("Outline", "Masthead · %1").replace(
                    "%1", issue.numbering.label()
                )
            if key == "colophon":
                return QCoreApplication.translate("Outline", "Colophon")
            if key == nodes.SNIPPETS_KEY:
                return QCoreApplication.translate("Outline", "Snippets")
            title = getattr(node, "title", "")
            if title:
                return title
            return (
                QCoreApplication.translate("Outline", "(untitled section)")
                if isinstance(node, Section)
                else QCoreApplication.translate("Outline", "(untitled)")
            )
        if role == Qt.ItemDataRole.ToolTipRole and node is not None and hasattr(node, "type"):
            return kind_label(node.type)  # type: ignore[attr-defined]
        if role == Qt.ItemDataRole.ForegroundRole and not getattr(node, "title", True):
            return QColor("#8a8a8a")
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(key, node)
        return None

    def _icon(self, key: str, node: object) -> object:
        style = QApplication.style()
        pixmap = QStyle.StandardPixmap
        if key == nodes.SNIPPETS_KEY:
            return style.standardIcon(pixmap.SP_FileDialogContentsView)
        if key in ("masthead", "colophon"):
            return style.standardIcon(pixmap.SP_FileDialogInfoView)
        if isinstance(node, Section):
            return style.standardIcon(pixmap.SP_DirIcon)
        return style.standardIcon(pixmap.SP_FileIcon)

    # --- drag and drop -----------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        key = self.key_of(index)
        if key is None:
            return flags | Qt.ItemFlag.ItemIsDropEnabled
        if key not in nodes.FIXED_ROWS:
            flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        keys = [self.key_of(index) for index in indexes if index.isValid()]
        if keys and keys[0]:
            mime.setData(MIME_TYPE, QByteArray(keys[0].encode()))
        return mime

    def drop_target(self, mime: QMimeData, row: int, parent: Index) -> tuple[str, str, int] | None:
        """(dragged key, new parent key, index) for a drop, or None where it cannot go."""
        if not mime.hasFormat(MIME_TYPE):
            return None
        key = bytes(mime.data(MIME_TYPE).data()).decode()
        issue = self._editor.issue
        node = nodes.get_node(issue, key)
        target = self.key_of(parent)
        if isinstance(node, Section):
            if target is not None:  # dropped onto a row: place the section before it
                if target not in self._children[None]:
                    return None
                row = self._children[None].index(target)
            section_row = (row if row >= 0 else len(self._children[None])) - 1
            return key, nodes.ISSUE_KEY, max(0, min(section_row, len(issue.sections)))
        if node is None or target is None or target in nodes.FIXED_ROWS:
            return None
        if not isinstance(nodes.get_node(issue, target), Section):  # onto an item: before it
            section = self._parent[target]
            assert section is not None
            return key, section, self._children[section].index(target)
        return key, target, row if row >= 0 else len(self._children[target])

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return self.drop_target(data, row, parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Move through the editor; False so the view does not also remove the source row."""
        target = self.drop_target(data, row, parent)
        if target is not None:
            self._editor.move(*target)
        return False
