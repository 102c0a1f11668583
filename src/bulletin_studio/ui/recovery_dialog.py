"""The question asked when a document has unsaved work that a crashed session left behind.

It says when the copy was saved, when the file was, and how much they differ (parts and
characters, and where), so the editor can choose knowing what is at stake.
"""

import datetime as dt
from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from bulletin_studio.ui.recovery import COLOPHON, MASTHEAD, NOTES, Difference, RecoveryCopy

MAX_PLACES = 5


class RecoveryChoice(Enum):
    RESTORE = "restore"
    KEEP_BOTH = "keep_both"
    DISCARD = "discard"
    LATER = "later"


def _when(moment: dt.datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


class RecoveryDialog(QMessageBox):
    """Restore / Keep both / Discard / Later. Keep both is offered when ``beside`` (where the
    copy would be saved next to its file) is given; Later (also Esc) decides nothing."""

    def __init__(
        self,
        parent: QWidget | None,
        copy: RecoveryCopy,
        difference: Difference | None,
        file_saved: dt.datetime | None = None,
        unreadable: str = "",
        beside: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Recover unsaved work"))
        name = f"“{copy.original.name}”" if copy.original else self.tr("an untitled issue")
        self.setText(
            self.tr(
                "Bulletin Studio did not close properly while %1 had unsaved changes. "
                "They were kept."
            ).replace("%1", name)
        )
        lines = [self.tr("Copy saved: %1").replace("%1", _when(copy.saved_at))]
        if file_saved is not None:
            lines.append(self.tr("File saved: %1").replace("%1", _when(file_saved)))
            if file_saved > copy.saved_at:
                lines.append(
                    self.tr("The file was saved after this copy: restoring replaces that version.")
                )
        if unreadable:
            lines.append(self.tr("The file itself could not be read: %1").replace("%1", unreadable))
        if difference is not None:
            lines.extend(self._difference_lines(difference))
        lines.append("")
        lines.append(
            self.tr("Restore: go on with the recovered work; the file changes when you save.")
        )
        if beside is not None:
            lines.append(
                self.tr(
                    "Keep both: save the recovered work beside the file as “%1” and open it; "
                    "the file stays as it is."
                ).replace("%1", beside.name)
            )
        lines.append(self.tr("Discard: delete the recovered work."))
        lines.append(self.tr("Later: open nothing now; the recovered work is offered again."))
        self.setInformativeText("\n".join(lines))

        role = QMessageBox.ButtonRole
        self._choices: dict[QAbstractButton, RecoveryChoice] = {}
        for choice, label, button_role, object_name in (
            (RecoveryChoice.RESTORE, self.tr("Restore"), role.AcceptRole, "restoreButton"),
            (RecoveryChoice.KEEP_BOTH, self.tr("Keep both"), role.ActionRole, "keepBothButton"),
            (RecoveryChoice.DISCARD, self.tr("Discard"), role.DestructiveRole, "discardButton"),
            (RecoveryChoice.LATER, self.tr("Later"), role.RejectRole, "laterButton"),
        ):
            if choice is RecoveryChoice.KEEP_BOTH and beside is None:
                continue
            button = self.addButton(label, button_role)
            button.setObjectName(object_name)
            self._choices[button] = choice
            if choice is RecoveryChoice.RESTORE:
                self.setDefaultButton(button)
            if choice is RecoveryChoice.LATER:
                self.setEscapeButton(button)

    def _difference_lines(self, difference: Difference) -> list[str]:
        lines = [
            self.tr("Parts changed: %1 (about %2 characters typed or deleted)")
            .replace("%1", str(difference.parts))
            .replace("%2", str(difference.characters))
        ]
        if difference.places:
            names = [self._place(place) for place in difference.places[:MAX_PLACES]]
            more = len(difference.places) - MAX_PLACES
            if more > 0:
                names.append(self.tr("%1 more").replace("%1", str(more)))
            lines.append(self.tr("Where: %1").replace("%1", "; ".join(names)))
        if difference.reordered:
            lines.append(self.tr("Sections, items or blocks were also moved."))
        return lines

    def _place(self, place: str) -> str:
        fixed = {
            MASTHEAD: self.tr("Masthead and numbering"),
            COLOPHON: self.tr("Colophon"),
            NOTES: self.tr("Review notes"),
        }
        return fixed.get(place) or place or self.tr("(untitled)")

    def ask(self) -> RecoveryChoice:
        self.exec()
        return self._choices.get(self.clickedButton(), RecoveryChoice.LATER)
