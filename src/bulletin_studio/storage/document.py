"""A document = an issue plus its images; loading, saving and starting the next issue.

Package layout (``.bulletin``, a zip): ``issue.json`` first (the envelope, see
:mod:`bulletin_studio.storage.envelope`), then ``assets/<sha256>.<ext>`` sorted by name, only
those the issue references. Members have fixed timestamps and attributes, so the same document
always gives the same bytes (diffable, testable, no spurious "changed" in sync tools).
An unpacked issue (an ``issue.json``, or a folder holding one, with ``assets/`` beside it) is
saved unpacked again. Saving keeps the previous file as ``<name>.bak`` (see
:mod:`bulletin_studio.storage.atomic`) and refuses what the reader's limits would refuse.
"""

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bulletin_studio.messages import QT_TRANSLATE_NOOP
from bulletin_studio.model.derive import next_issue
from bulletin_studio.model.issue import (
    DEFAULT_SECTION_TITLES,
    Issue,
    Numbering,
    Section,
    SectionKind,
)
from bulletin_studio.paths import SAMPLE_DIR
from bulletin_studio.storage import envelope, reader
from bulletin_studio.storage.assets import AssetStore
from bulletin_studio.storage.atomic import write_atomic
from bulletin_studio.storage.errors import StorageError, describe_os_error, invalid_file
from bulletin_studio.storage.files import open_regular

PACKAGE_SUFFIX = ".bulletin"
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_CANNOT_SAVE = QT_TRANSLATE_NOOP("Storage", "Cannot save the file {name}: {reason}")


@dataclass
class Document:
    issue: Issue
    assets: AssetStore = field(default_factory=AssetStore)


def load_document(path: Path) -> Document:
    """Read a ``.bulletin`` package, an ``issue.json`` or a folder holding one; never writes."""
    path = Path(path)
    if not path.exists():
        raise StorageError(
            QT_TRANSLATE_NOOP("Storage", "The file {path} does not exist").format(path=path)
        )
    try:
        if path.is_dir() or is_unpacked(path):
            return _load(path, reader.open_folder(path))
        with open_regular(path) as stream:
            archive, source = reader.open_package(stream)
            with archive:
                return _load(path, source)
    except reader.UnsafeFile as error:
        raise invalid_file(path, error.reason, error.member) from None
    except envelope.EnvelopeError as error:
        raise StorageError(invalid_file(path, str(error)).message, error.problems) from None
    except OSError as error:
        raise StorageError(
            QT_TRANSLATE_NOOP("Storage", "Cannot read the file {name}: {reason}").format(
                name=path.name, reason=error.strerror or error
            )
        ) from None


def _load(path: Path, source: reader.Source) -> Document:
    issue = envelope.decode(source.issue_json)
    assets = AssetStore()
    for name in sorted(issue.asset_names()):
        member = f"{reader.ASSETS_DIR}/{name}"
        data = source.read_asset(name)
        if data is None:
            missing = QT_TRANSLATE_NOOP("Storage", "an image this issue uses is missing")
            raise reader.UnsafeFile(missing.format(), member)
        try:
            stored = assets.add(data)
        except StorageError as error:
            raise reader.UnsafeFile(error.message, member) from None
        if stored != name:
            mismatch = QT_TRANSLATE_NOOP(
                "Storage",
                "the image does not match its name (the hash of its content): the file may be"
                " damaged",
            )
            raise reader.UnsafeFile(mismatch.format(), member)
    return Document(issue=issue, assets=assets)


def is_unpacked(path: Path) -> bool:
    """An ``issue.json`` or a folder holding one, rather than a ``.bulletin`` package.

    Saving, a folder counts only if it holds an ``issue.json``: any other folder is in the way
    of a package file (a Save As onto a folder named ``x.bulletin`` fails, naming it).
    """
    return path.suffix.lower() == ".json" or (path / reader.ISSUE_MEMBER).is_file()


def package_bytes(doc: Document) -> bytes:
    """The ``.bulletin`` zip of a document, byte-identical for identical documents."""
    return _zip(envelope.encode(doc.issue), doc.assets, _referenced(doc))


def _referenced(doc: Document) -> list[str]:
    names = sorted(doc.issue.asset_names())
    missing = [name for name in names if name not in doc.assets]
    if missing:
        raise StorageError(
            QT_TRANSLATE_NOOP("Storage", "Cannot save: images missing: {names}").format(
                names=", ".join(missing)
            )
        )
    return names


def _zip(issue_json: bytes, assets: AssetStore, names: Sequence[str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        _write_member(archive, reader.ISSUE_MEMBER, issue_json, compress=True)
        for name in names:
            _write_member(archive, f"{reader.ASSETS_DIR}/{name}", assets[name], compress=False)
    return buffer.getvalue()


def _write_member(archive: zipfile.ZipFile, name: str, data: bytes, compress: bool) -> None:
    """Images are stored as they are: PNG/JPEG are compressed already."""
    info = zipfile.ZipInfo(name, date_time=_ZIP_EPOCH)
    info.create_system = 3
    info.external_attr = 0o644 << 16
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    archive.writestr(info, data, compresslevel=9 if compress else None)


def save_document(doc: Document, path: Path) -> None:
    """Write atomically in the form of ``path`` (package or unpacked), keeping the previous
    version as ``<name>.bak``; refuse, leaving the file as it was, what could not be opened."""
    path = Path(path)
    try:
        issue_json = envelope.encode(doc.issue)
    except envelope.EnvelopeError as error:
        raise StorageError(
            _CANNOT_SAVE.format(name=path.name, reason=error), error.problems
        ) from None
    names = _referenced(doc)
    too_big = reader.limit_exceeded(len(issue_json), [len(doc.assets[name]) for name in names])
    if too_big:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Storage",
                "Cannot save the file {name}: {reason}, so it could not be opened again. Shorten"
                " what is too long (review notes, for example) and save again; the file was not"
                " changed",
            ).format(name=path.name, reason=too_big)
        )
    try:
        if is_unpacked(path):
            _save_unpacked(issue_json, doc.assets, names, path)
        else:
            write_atomic(path, _zip(issue_json, doc.assets, names))
    except OSError as error:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Storage", "Cannot save the file {name}: {reason}; the file was not changed"
            ).format(name=path.name, reason=describe_os_error(error))
        ) from None


def _save_unpacked(issue_json: bytes, assets: AssetStore, names: Sequence[str], path: Path) -> None:
    """Images first (named by content, so one already there is the same), issue.json last:
    a crash in between leaves the old issue.json with every image it needs."""
    issue_path = path / reader.ISSUE_MEMBER if path.is_dir() else path
    assets_dir = issue_path.parent / reader.ASSETS_DIR
    if names:
        assets_dir.mkdir(exist_ok=True)
    for name in names:
        if not (assets_dir / name).is_file():
            write_atomic(assets_dir / name, assets[name], keep_backup=False)
    write_atomic(issue_path, issue_json)


def empty_document(today: dt.date | None = None) -> Document:
    """A new issue with the four standard sections, numbered from this year."""
    sections = [
        Section(kind=kind, title=DEFAULT_SECTION_TITLES[kind])
        for kind in SectionKind
        if kind is not SectionKind.CUSTOM
    ]
    year = (today or dt.date.today()).year
    return Document(
        Issue(numbering=Numbering(year=year, number=1, cumulative=1), sections=sections)
    )


def sample_document() -> Document:
    """The bundled example issue, for first start, demos and tests."""
    return load_document(SAMPLE_DIR / reader.ISSUE_MEMBER)


def new_document_from(previous: Document) -> Document:
    """The next issue (numbering advanced, content emptied), with the images it still uses."""
    issue = next_issue(previous.issue)
    return Document(issue=issue, assets=previous.assets.subset(issue.asset_names()))
