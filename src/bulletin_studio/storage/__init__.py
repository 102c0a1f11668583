"""Files on disk: the ``.bulletin`` package, its images, atomic saves, the lock file and the
rules for where an export may write.

Headless (no Qt), so the CLI, the GUI and tests share one implementation.
"""

from bulletin_studio.storage.assets import AssetStore
from bulletin_studio.storage.document import (
    Document,
    empty_document,
    load_document,
    new_document_from,
    sample_document,
    save_document,
)
from bulletin_studio.storage.errors import StorageError
from bulletin_studio.storage.files import require_regular_file
from bulletin_studio.storage.lock import FileLock, FileLockedError, acquire_lock
from bulletin_studio.storage.output import check_output_target, write_output

__all__ = [
    "AssetStore",
    "Document",
    "FileLock",
    "FileLockedError",
    "StorageError",
    "acquire_lock",
    "check_output_target",
    "empty_document",
    "load_document",
    "new_document_from",
    "require_regular_file",
    "sample_document",
    "save_document",
    "write_output",
]
