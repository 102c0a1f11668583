"""Crash recovery: periodic copies of unsaved work, offered back at the next start.

Copies live in the per-user data folder, one per original file (named by a hash of its path,
or ``untitled``), with a small JSON note of where the work belongs. They are written with
storage's own atomic ``save_document``, so a crash during autosave cannot corrupt the copy.
"""

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from bulletin_studio.storage import Document, load_document, save_document

NOTE_SUFFIX = ".json"


@dataclass(frozen=True)
class RecoveryCopy:
    copy: Path
    original: Path | None
    saved_at: str


def recovery_dir() -> Path:
    return Path(platformdirs.user_data_dir("bulletin-studio")) / "recovery"


class RecoveryStore:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or recovery_dir()

    def copy_path(self, original: Path | None) -> Path:
        key = str(original.resolve()) if original else "untitled"
        digest = hashlib.sha256(key.encode()).hexdigest()[:16]
        return self.folder / f"{digest}.bulletin"

    def write(self, document: Document, original: Path | None) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        copy = self.copy_path(original)
        save_document(document, copy)
        note = {
            "original": str(original) if original else None,
            "saved_at": dt.datetime.now().isoformat(timespec="seconds"),
        }
        copy.with_suffix(NOTE_SUFFIX).write_text(json.dumps(note), encoding="utf-8")
        return copy

    def remove(self, original: Path | None) -> None:
        copy = self.copy_path(original)
        for path in (copy, copy.with_suffix(NOTE_SUFFIX), copy.with_name(copy.name + ".bak")):
            path.unlink(missing_ok=True)

    def pending(self) -> list[RecoveryCopy]:
        """Copies left by a session that did not close cleanly, newest first."""
        found = []
        for note_path in self.folder.glob(f"*{NOTE_SUFFIX}"):
            copy = note_path.with_suffix(".bulletin")
            if not copy.exists():
                continue
            try:
                note = json.loads(note_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            original = Path(note["original"]) if note.get("original") else None
            found.append(RecoveryCopy(copy, original, str(note.get("saved_at", ""))))
        return sorted(found, key=lambda item: item.saved_at, reverse=True)

    def load(self, item: RecoveryCopy) -> Document:
        return load_document(item.copy)

    def discard(self, item: RecoveryCopy) -> None:
        for path in (item.copy, item.copy.with_suffix(NOTE_SUFFIX)):
            path.unlink(missing_ok=True)
        item.copy.with_name(item.copy.name + ".bak").unlink(missing_ok=True)
