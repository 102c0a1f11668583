"""Where an export may write: a regular file the editor may overwrite, never a document.

A PDF or DOCX is output, not work, and writing one must never cost work. A target is refused
when it is the document being exported (however spelled, or a hard link of it), any
``.bulletin`` or its backup, a file that holds an issue under another name, anything but a
regular file (a symlink, FIFO, device or folder: as root, ``--pdf /dev/null`` once replaced
the device), a read-only file, or a file someone holds the lock of.

The export pipeline calls :func:`check_output_target` before the work starts (so a refusal
costs nothing) and the writers end with :func:`write_output`, which checks again.
"""

import os
import stat
import zipfile
from collections.abc import Iterable
from pathlib import Path

from bulletin_studio.messages import QT_TRANSLATE_NOOP
from bulletin_studio.storage.atomic import write_atomic
from bulletin_studio.storage.envelope import FORMAT_ID
from bulletin_studio.storage.errors import StorageError, describe_os_error
from bulletin_studio.storage.files import file_kind, open_regular
from bulletin_studio.storage.lock import check_unlocked
from bulletin_studio.storage.reader import ISSUE_MEMBER

DOCUMENT_SUFFIXES = (".bulletin", ".bulletin.bak")
_SNIFF_BYTES = 4096


def check_output_target(out: Path, *, protected: Iterable[Path] = ()) -> None:
    """Raise :class:`StorageError` (naming ``out`` and what to do) unless ``out`` may be written.

    ``protected`` are the documents being exported (a ``.bulletin``, an ``issue.json`` or the
    folder holding one); the output may not be any of them by any name.
    """
    out = Path(out)
    if any(_same_file(out, document) for document in protected):
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Storage",
                "Cannot export to {name}: it is the bulletin being exported. Choose another file"
                " name",
            ).format(name=out.name)
        )
    if out.name.lower().endswith(DOCUMENT_SUFFIXES):
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Storage",
                "Cannot export to {name}: that is the name of a bulletin file, and exporting would"
                " overwrite the bulletin. Use a .pdf or .docx file name",
            ).format(name=out.name)
        )
    try:
        info = os.lstat(out)
    except FileNotFoundError:
        if not out.parent.is_dir():
            raise StorageError(
                QT_TRANSLATE_NOOP(
                    "Storage", "Cannot export to {name}: the folder {folder} does not exist"
                ).format(name=out.name, folder=out.parent)
            ) from None
    else:
        _check_existing(out, info)
    check_unlocked(out)


def _check_existing(out: Path, info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        kind = file_kind(info.st_mode)
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Storage",
                "Cannot export to {name}: it is {kind}, not a regular file. Choose a regular file",
            ).format(name=out.name, kind=kind)
        )
    writable_bits = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
    if not info.st_mode & writable_bits or not os.access(out, os.W_OK):
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Storage",
                "Cannot export to {name}: the file is read-only. Make it writable first, or"
                " choose another file name",
            ).format(name=out.name)
        )
    if _holds_an_issue(out):
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Storage",
                "Cannot export to {name}: it holds an issue (a renamed bulletin file), and"
                " exporting would overwrite it. Choose another file name",
            ).format(name=out.name)
        )


def write_output(out: Path, data: bytes) -> None:
    """Write an export: checked again, through a temp file, replacing only a regular file and
    keeping its permissions; on any error the previous file is left as it was."""
    out = Path(out)
    check_output_target(out)
    try:
        write_atomic(out, data, keep_backup=False)
    except OSError as error:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Storage", "Cannot write {name}: {reason}; the existing file was not changed"
            ).format(name=out.name, reason=describe_os_error(error))
        ) from None


def _same_file(out: Path, document: Path) -> bool:
    candidates = [document, document / ISSUE_MEMBER] if document.is_dir() else [document]
    for candidate in candidates:
        try:
            if os.path.samefile(out, candidate):
                return True
        except OSError:
            if os.path.normcase(os.path.abspath(out)) == os.path.normcase(
                os.path.abspath(candidate)
            ):
                return True
    return False


def _holds_an_issue(path: Path) -> bool:
    """A renamed package (a zip with issue.json) or an unpacked issue.json under another name."""
    try:
        with open_regular(path) as stream:
            if zipfile.is_zipfile(stream):
                with zipfile.ZipFile(stream) as archive:
                    return ISSUE_MEMBER in archive.namelist()
            stream.seek(0)
            return FORMAT_ID.encode() in stream.read(_SNIFF_BYTES)
    except (OSError, zipfile.BadZipFile, StorageError):
        return False
