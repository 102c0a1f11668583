"""Crash recovery: periodic copies of unsaved work, offered back when their document is opened.

Copies live in the per-user data folder in *slots*: one per file (named by a hash of its
path) and one per untitled or read-only session (which must never write over the copy of the
window that holds the file). Beside each copy a small JSON note says where the work belongs,
when it was saved and by which process, so the copy a running window is still writing is never
offered to another one. Copy and note are written with storage's atomic writes, so a crash
during autosave cannot damage them. A copy is deleted only once the user has decided about it:
saved, discarded when asked about unsaved changes, or answered in the recovery dialog.

No Qt here: the store and the comparison shown in the dialog are plain Python.
"""

import datetime as dt
import difflib
import hashlib
import json
import os
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import BaseModel

from bulletin_studio.model import Issue
from bulletin_studio.storage import Document, load_document, save_document
from bulletin_studio.storage.atomic import backup_path, write_atomic
from bulletin_studio.storage.lock import pid_alive

COPY_SUFFIX = ".bulletin"
NOTE_SUFFIX = ".json"
MASTHEAD, COLOPHON, NOTES = "masthead", "colophon", "notes"
"""The places :func:`compare` names for the parts that have no title of their own."""


@dataclass(frozen=True)
class RecoveryCopy:
    copy: Path
    original: Path | None
    saved_at: dt.datetime
    pid: int
    host: str

    def is_live(self) -> bool:
        """Still being written by another running process (a lock's rule: another host's
        process cannot be checked, so its copy is left alone)."""
        if self.host != socket.gethostname():
            return True
        return self.pid != os.getpid() and pid_alive(self.pid)


def recovery_dir() -> Path:
    return Path(platformdirs.user_data_dir("bulletin-studio")) / "recovery"


class RecoveryStore:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or recovery_dir()

    def slot_for(self, original: Path | None, session: str = "") -> Path:
        """The copy of work on ``original``; without one, the copy of ``session``'s work."""
        key = str(original.resolve()) if original else f"untitled:{session}"
        digest = hashlib.sha256(key.encode()).hexdigest()[:16]
        return self.folder / f"{digest}{COPY_SUFFIX}"

    def write(self, document: Document, slot: Path, original: Path | None) -> None:
        """The copy first, then its note: a note always describes a complete copy."""
        self.folder.mkdir(parents=True, exist_ok=True)
        save_document(document, slot)
        note = {
            "original": str(original) if original else None,
            "saved_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "pid": os.getpid(),
            "host": socket.gethostname(),
        }
        write_atomic(_note(slot), json.dumps(note).encode("utf-8"), keep_backup=False)

    def read(self, slot: Path) -> RecoveryCopy | None:
        """The copy in ``slot`` with its note, if both are there and the note is readable."""
        if not slot.is_file():
            return None
        try:
            note = json.loads(_note(slot).read_text(encoding="utf-8"))
            saved_at = dt.datetime.fromisoformat(str(note["saved_at"]))
            original = Path(note["original"]) if note.get("original") else None
            pid, host = int(note.get("pid", 0)), str(note.get("host", socket.gethostname()))
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if saved_at.tzinfo is None:
            saved_at = saved_at.astimezone()
        return RecoveryCopy(slot, original, saved_at, pid, host)

    def leftover(self, original: Path) -> RecoveryCopy | None:
        """Work on ``original`` that a session left behind (not one still running)."""
        copy = self.read(self.slot_for(original))
        return copy if copy is not None and not copy.is_live() else None

    def leftovers(self) -> list[RecoveryCopy]:
        """Every copy left by a session that did not close cleanly, newest first."""
        found = [
            copy
            for note in self.folder.glob(f"*{NOTE_SUFFIX}")
            if (copy := self.read(note.with_suffix(COPY_SUFFIX))) is not None and not copy.is_live()
        ]
        return sorted(found, key=lambda copy: copy.saved_at, reverse=True)

    def load(self, copy: RecoveryCopy) -> Document:
        return load_document(copy.copy)

    def discard(self, slot: Path) -> None:
        for path in (slot, _note(slot), backup_path(slot)):
            path.unlink(missing_ok=True)

    def set_aside(self, copy: RecoveryCopy) -> Path:
        """Move a copy this version cannot read (damaged, or from a newer version) out of its
        slot, so the next autosave does not write over it; it is never offered again."""
        stamp = copy.saved_at.strftime("%Y%m%d-%H%M%S")
        aside = self.folder / f"unreadable-{stamp}-{copy.copy.name}"
        os.replace(copy.copy, aside)
        _note(copy.copy).unlink(missing_ok=True)
        return aside


def _note(slot: Path) -> Path:
    return slot.with_suffix(NOTE_SUFFIX)


@dataclass(frozen=True)
class Difference:
    """How a recovered issue differs from the saved one, in terms an editor can weigh."""

    parts: int  # sections, items, blocks, snippets and fixed parts added, removed or changed
    characters: int  # characters typed or deleted in them
    places: list[str]  # their titles (an item's for its blocks) or MASTHEAD/COLOPHON/NOTES:
    # first what changed, in the recovered issue's reading order, then what it no longer has
    reordered: bool  # sections, items or blocks in another order


@dataclass(frozen=True)
class _Part:
    place: str
    signature: str  # everything the part holds, to tell whether it changed
    text: str  # what a reader sees of it, to count changed characters


def compare(saved: Issue, recovered: Issue) -> Difference:
    old, new = _parts(saved), _parts(recovered)
    changed = [key for key in new if key not in old or old[key].signature != new[key].signature]
    removed = [key for key in old if key not in new]
    characters = sum(_changed_characters(old.get(key), new.get(key)) for key in changed + removed)
    places = list(dict.fromkeys((new.get(key) or old[key]).place for key in changed + removed))
    common = [key for key in new if key in old]
    reordered = common != [key for key in old if key in new]
    parts = len(changed) + len(removed)
    if not (parts or reordered) and saved != recovered:
        parts = 1  # a difference outside the parts counted here: still say there is one
    return Difference(parts, characters, places, reordered)


def _changed_characters(old: _Part | None, new: _Part | None) -> int:
    before, after = old.text if old else "", new.text if new else ""
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return sum(
        max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    )


def _parts(issue: Issue) -> dict[str, _Part]:
    """Each part of the issue by key, without its children (they are parts of their own)."""
    drafts: dict[str, dict[str, str]] = {}
    for draft in issue.drafts:
        key = MASTHEAD if draft.key in ("numbering", "issue") else draft.key
        drafts.setdefault(key, {})[f"{draft.key}.{draft.field}"] = draft.text
    parts: dict[str, _Part] = {}

    def add(key: str, place: str, node: BaseModel | dict[str, Any], skip: set[str]) -> None:
        data = node if isinstance(node, dict) else node.model_dump(mode="json", exclude=skip)
        data = {**data, "drafts": drafts.get(key, {})}
        text = "".join(_strings(data))
        parts[key] = _Part(place, json.dumps(data, ensure_ascii=False, sort_keys=True), text)

    head = {
        "masthead": issue.masthead.model_dump(mode="json"),
        "numbering": issue.numbering.model_dump(mode="json"),
        "issues_per_year": issue.issues_per_year,
    }
    add(MASTHEAD, MASTHEAD, head, set())
    for section in issue.sections:
        add(section.id, section.title, section, {"items"})
        for item in section.items:
            add(item.id, item.title, item, {"blocks"})
            for block in getattr(item, "blocks", []):
                add(block.id, item.title, block, set())
    add(COLOPHON, COLOPHON, issue.colophon, set())
    for snippet in issue.snippets:
        add(snippet.id, snippet.name, snippet, set())
    if issue.notes:
        notes = {"notes": [note.model_dump(mode="json") for note in issue.notes]}
        add(NOTES, NOTES, notes, set())
    return parts


def _strings(value: Any) -> Iterator[str]:
    """The text in a part (ids, types and numbers aside) for counting changed characters."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("id", "type", "asset"):
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
