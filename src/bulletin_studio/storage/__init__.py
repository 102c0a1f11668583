"""Files on disk: the ``.bulletin`` package, its images, atomic saves and the lock file.

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
from bulletin_studio.storage.lock import FileLock, FileLockedError, acquire_lock

__all__ = [
    "AssetStore",
    "Document",
    "FileLock",
    "FileLockedError",
    "StorageError",
    "acquire_lock",
    "empty_document",
    "load_document",
    "new_document_from",
    "sample_document",
    "save_document",
]
