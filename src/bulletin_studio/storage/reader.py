"""Reading a package or a folder defensively: files come from e-mail and shared drives.

Nothing is ever extracted to disk; members are read into memory under size limits that are
checked against the declared sizes first and enforced again while reading (a zip may lie).
Saving checks the same limits first (:func:`limit_exceeded`), so what is saved opens again.
Only regular files are opened (:func:`~bulletin_studio.storage.files.open_regular`).
"""

import re
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from bulletin_studio.messages import QT_TRANSLATE_NOOP
from bulletin_studio.storage.assets import MAX_ASSET_BYTES
from bulletin_studio.storage.files import open_regular

ISSUE_MEMBER = "issue.json"
ASSETS_DIR = "assets"
MAX_MEMBERS = 2000
MAX_ISSUE_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")


class UnsafeFile(ValueError):
    """A refused file or member; ``member`` names the part of the package, if any."""

    def __init__(self, reason: str, member: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.member = member


class Source:
    """The issue's JSON bytes and a way to fetch an asset's bytes by name, wherever they live."""

    def __init__(self, issue_json: bytes, read_asset: Callable[[str], bytes | None]) -> None:
        self.issue_json = issue_json
        self.read_asset = read_asset


def limit_exceeded(issue_bytes: int, asset_sizes: Sequence[int]) -> str | None:
    """Why a package with members of these sizes would be refused on reading, or None."""
    megabyte = 1024 * 1024
    if issue_bytes > MAX_ISSUE_BYTES:
        return QT_TRANSLATE_NOOP(
            "Storage", "{member} would be {size} MB, over the limit of {limit} MB"
        ).format(
            member=ISSUE_MEMBER,
            size=f"{issue_bytes / megabyte:.1f}",
            limit=MAX_ISSUE_BYTES // megabyte,
        )
    if len(asset_sizes) + 1 > MAX_MEMBERS:
        return QT_TRANSLATE_NOOP(
            "Storage", "there would be {count} images, over the limit of {limit}"
        ).format(count=len(asset_sizes), limit=MAX_MEMBERS - 1)
    total = issue_bytes + sum(asset_sizes)
    if total > MAX_TOTAL_BYTES:
        return QT_TRANSLATE_NOOP(
            "Storage", "the total size would be {size} MB, over the limit of {limit} MB"
        ).format(size=f"{total / megabyte:.0f}", limit=MAX_TOTAL_BYTES // megabyte)
    return None


def open_package(stream: BinaryIO) -> tuple[zipfile.ZipFile, Source]:
    """Check a ``.bulletin`` zip's directory and read its ``issue.json``; the caller closes it."""
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, zipfile.LargeZipFile):
        not_zip = QT_TRANSLATE_NOOP(
            "Storage", "it is not a zip archive (the file is damaged or of another kind)"
        )
        raise UnsafeFile(not_zip.format()) from None
    try:
        members = _check_directory(archive)
        if ISSUE_MEMBER not in members:
            raise UnsafeFile(
                QT_TRANSLATE_NOOP("Storage", "the archive holds no {member}").format(
                    member=ISSUE_MEMBER
                )
            )
        issue_json = _read_member(archive, members[ISSUE_MEMBER], MAX_ISSUE_BYTES)

        def read_asset(name: str) -> bytes | None:
            info = members.get(f"{ASSETS_DIR}/{name}")
            return None if info is None else _read_member(archive, info, MAX_ASSET_BYTES)

        return archive, Source(issue_json, read_asset)
    except BaseException:
        archive.close()
        raise


def open_folder(path: Path) -> Source:
    """An unpacked issue: ``issue.json`` (or a folder holding it) with ``assets/`` beside it."""
    issue_path = path / ISSUE_MEMBER if path.is_dir() else path
    assets_dir = issue_path.parent / ASSETS_DIR

    def read_asset(name: str) -> bytes | None:
        asset_path = assets_dir / name
        if not asset_path.is_file():
            return None
        return _read_file(asset_path, MAX_ASSET_BYTES, f"{ASSETS_DIR}/{name}")

    return Source(_read_file(issue_path, MAX_ISSUE_BYTES, ISSUE_MEMBER), read_asset)


def _check_directory(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise UnsafeFile(
            QT_TRANSLATE_NOOP(
                "Storage", "the archive holds {count} members, over the limit of {limit}"
            ).format(count=len(infos), limit=MAX_MEMBERS)
        )
    total = 0
    members: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = info.filename
        parts = PurePosixPath(name.replace("\\", "/")).parts
        if name.startswith(("/", "\\")) or _DRIVE.match(name) or ".." in parts:
            unsafe = QT_TRANSLATE_NOOP(
                "Storage", "the member's path is unsafe (absolute, or holding “..”)"
            )
            raise UnsafeFile(unsafe.format(), name)
        if name in members:
            raise UnsafeFile(
                QT_TRANSLATE_NOOP("Storage", "the member appears twice").format(), name
            )
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise UnsafeFile(
                QT_TRANSLATE_NOOP(
                    "Storage", "unpacked, the total size is over the limit of {limit} MB"
                ).format(limit=MAX_TOTAL_BYTES // 1024 // 1024)
            )
        members[name] = info
    return members


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    if info.file_size > limit:
        too_large = QT_TRANSLATE_NOOP(
            "Storage", "the member is too large ({size} bytes declared, limit {limit})"
        )
        raise UnsafeFile(too_large.format(size=info.file_size, limit=limit), info.filename)
    try:
        with archive.open(info) as stream:
            return _read_limited(stream, limit, info.filename)
    except (zipfile.BadZipFile, EOFError):
        damaged = QT_TRANSLATE_NOOP(
            "Storage", "the data is damaged (unpacking or checking it failed)"
        )
        raise UnsafeFile(damaged.format(), info.filename) from None
    except (OSError, NotImplementedError, RuntimeError) as error:
        cannot = QT_TRANSLATE_NOOP("Storage", "cannot unpack it: {reason}")
        raise UnsafeFile(cannot.format(reason=error), info.filename) from None


def _read_file(path: Path, limit: int, member: str) -> bytes:
    try:
        with open_regular(path) as stream:
            return _read_limited(stream, limit, member)
    except FileNotFoundError:
        missing = QT_TRANSLATE_NOOP("Storage", "the file does not exist")
        raise UnsafeFile(missing.format(), member) from None
    except OSError as error:
        cannot = QT_TRANSLATE_NOOP("Storage", "cannot read it: {reason}")
        raise UnsafeFile(cannot.format(reason=error.strerror or error), member) from None


def _read_limited(stream: BinaryIO, limit: int, member: str) -> bytes:
    """Read at most ``limit`` bytes; one byte more means the member is too large."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        too_large = QT_TRANSLATE_NOOP(
            "Storage", "unpacked, the member is over the limit of {limit} bytes"
        )
        raise UnsafeFile(too_large.format(limit=limit), member)
    return data
