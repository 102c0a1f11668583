"""Reading the XML parts of an untrusted DOCX: size limits first, then a parser that
expands no entities, fetches nothing and refuses any DTD (DOCX parts never have one)."""

import posixpath
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from bulletin_studio.messages import QT_TRANSLATE_NOOP
from bulletin_studio.review.errors import ReviewError

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 2000
MAX_PART_BYTES = 32 * 1024 * 1024
"""A 40-page issue's document.xml is about 1 MB; images are never read."""

PACKAGE_RELS = "_rels/.rels"
OFFICE_DOCUMENT = "/officeDocument"

_DOCTYPE_MARKERS = tuple("<!DOCTYPE".encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be"))
"""Refused before parsing: entity declarations are how XML bombs and external fetches start."""

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    huge_tree=False,
    load_dtd=False,
    dtd_validation=False,
    remove_pis=True,
)


class DocxPackage:
    """The parts of one DOCX, read on demand, each through the same checks."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._name = path.name
        try:
            size = path.stat().st_size
        except OSError as error:
            raise ReviewError(
                QT_TRANSLATE_NOOP("Review", "Cannot read the file “{name}”: {reason}").format(
                    name=self._name, reason=error.strerror or error
                )
            ) from None
        if size > MAX_FILE_BYTES:
            raise ReviewError(
                QT_TRANSLATE_NOOP(
                    "Review", "“{name}” is too large ({size} MB) to be a reviewed bulletin"
                ).format(name=self._name, size=size // 2**20)
            )
        if not zipfile.is_zipfile(path):
            raise ReviewError(
                QT_TRANSLATE_NOOP(
                    "Review",
                    "“{name}” is not a DOCX file (it is not a ZIP archive, or it is encrypted)",
                ).format(name=self._name)
            )
        try:
            with zipfile.ZipFile(path) as archive:
                self._members = {info.filename: info for info in archive.infolist()}
        except (zipfile.BadZipFile, OSError) as error:
            raise ReviewError(
                QT_TRANSLATE_NOOP(
                    "Review", "“{name}” is damaged and cannot be opened: {reason}"
                ).format(name=self._name, reason=error)
            ) from None
        if len(self._members) > MAX_MEMBERS:
            raise ReviewError(
                QT_TRANSLATE_NOOP(
                    "Review", "“{name}” holds {count} files: it does not look like a Word document"
                ).format(name=self._name, count=len(self._members))
            )
        main = self._main_document_name()
        if main is None or main not in self._members:
            raise ReviewError(
                QT_TRANSLATE_NOOP(
                    "Review", "“{name}” is not a Word document (it has no word/document.xml)"
                ).format(name=self._name)
            )
        self.main = main

    def _main_document_name(self) -> str | None:
        if PACKAGE_RELS not in self._members:
            return None
        for target, kind in self._relationships(PACKAGE_RELS, ""):
            if kind.endswith(OFFICE_DOCUMENT):
                return target
        return None

    def part(self, name: str) -> etree._Element | None:
        """The parsed part, or ``None`` if the package has no such part."""
        info = self._members.get(name)
        if info is None:
            return None
        if info.file_size > MAX_PART_BYTES:
            raise ReviewError(self._too_large(name))
        try:
            with zipfile.ZipFile(self.path) as archive, archive.open(info) as stream:
                data = stream.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
            raise ReviewError(
                QT_TRANSLATE_NOOP("Review", "{part} in “{name}” is damaged: {reason}").format(
                    part=name, name=self._name, reason=error
                )
            ) from None
        if len(data) > MAX_PART_BYTES:
            raise ReviewError(self._too_large(name))
        if any(marker in data for marker in _DOCTYPE_MARKERS):
            raise ReviewError(self._has_dtd(name))
        try:
            root = etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError as error:
            raise ReviewError(
                QT_TRANSLATE_NOOP("Review", "{part} in “{name}” is not valid XML: {reason}").format(
                    part=name, name=self._name, reason=error.msg
                )
            ) from None
        if root.getroottree().docinfo.doctype:  # a declaration in an encoding not scanned above
            raise ReviewError(self._has_dtd(name))
        return root

    def _has_dtd(self, name: str) -> str:
        return QT_TRANSLATE_NOOP(
            "Review",
            "{part} in “{name}” holds a DTD declaration (possibly an XML bomb): not imported",
        ).format(part=name, name=self._name)

    def _too_large(self, name: str) -> str:
        return QT_TRANSLATE_NOOP(
            "Review", "{part} in “{name}” is over {limit} MB unpacked: not imported"
        ).format(part=name, name=self._name, limit=MAX_PART_BYTES // 2**20)

    def related(self, source: str, kind_suffix: str) -> str | None:
        """The part a relationship of ``source`` (e.g. the main document) of this kind points to."""
        folder, file_name = posixpath.split(source)
        rels = posixpath.join(folder, "_rels", f"{file_name}.rels")
        if rels not in self._members:
            return None
        for target, kind in self._relationships(rels, folder):
            if kind.endswith(kind_suffix):
                return target
        return None

    def _relationships(self, rels_name: str, folder: str) -> list[tuple[str, str]]:
        root = self.part(rels_name)
        assert root is not None
        found = []
        for rel in root:
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External" or not target:
                continue
            if target.startswith("/"):
                resolved = target.lstrip("/")
            else:
                resolved = posixpath.normpath(posixpath.join(folder, target))
            found.append((resolved, rel.get("Type", "")))
        return found
