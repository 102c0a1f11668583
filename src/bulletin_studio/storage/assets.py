"""Images stored in a package, named by the SHA-256 of their bytes.

Content-hash names make deduplication free, make a package's members tamper-evident, and let
the render layer cache pixel sizes per name forever.
"""

import hashlib
import io
import warnings
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from bulletin_studio.messages import QT_TRANSLATE_NOOP
from bulletin_studio.storage.errors import StorageError

MAX_ASSET_BYTES = 40 * 1024 * 1024
MAX_ASSET_PIXELS = 60_000_000
"""Above this an image is refused: decoding it could take gigabytes (a decompression bomb)."""

EXTENSIONS = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "WEBP": "webp"}


def asset_name(data: bytes) -> str:
    """The name an image gets in ``assets/`` (``<sha256>.<ext>``); raises if it is unusable."""
    if len(data) > MAX_ASSET_BYTES:
        size, limit = len(data) / 1024 / 1024, MAX_ASSET_BYTES // 1024 // 1024
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Storage", "The image is too large ({size} MB): at most {limit} MB"
            ).format(size=f"{size:.1f}", limit=limit)
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                kind = image.format or ""
                width, height = image.size
                if kind in EXTENSIONS and width * height <= MAX_ASSET_PIXELS:
                    image.verify()
    except UnidentifiedImageError:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Storage", "Not recognised as an image: only PNG, JPEG, GIF and WebP are accepted"
            ).format()
        ) from None
    except (
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
        OSError,
        SyntaxError,
        ValueError,
    ) as error:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Storage", "The image cannot be read (it may be damaged): {reason}"
            ).format(reason=error)
        ) from None
    if kind not in EXTENSIONS:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Storage",
                "Unsupported image format {kind}: only PNG, JPEG, GIF and WebP are accepted",
            ).format(kind=kind)
        )
    if width * height > MAX_ASSET_PIXELS:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Storage",
                "The image has too many pixels ({width}×{height}): at most {limit} megapixels",
            ).format(width=width, height=height, limit=MAX_ASSET_PIXELS // 1_000_000)
        )
    return f"{hashlib.sha256(data).hexdigest()}.{EXTENSIONS[kind]}"


class AssetStore(Mapping[str, bytes]):
    """Asset name -> bytes; every entry has passed the image checks of :func:`asset_name`."""

    def __init__(self) -> None:
        self._data: dict[str, bytes] = {}

    def add(self, data: bytes) -> str:
        """Store an image (once, however often it is added) and return its name."""
        name = asset_name(data)
        self._data.setdefault(name, bytes(data))
        return name

    def add_file(self, path: Path) -> str:
        """Store an image file, reading no more than the size limit allows."""
        try:
            with path.open("rb") as stream:
                data = stream.read(MAX_ASSET_BYTES + 1)
        except OSError as error:
            raise StorageError(
                QT_TRANSLATE_NOOP("Storage", "Cannot read the image {name}: {reason}").format(
                    name=path.name, reason=error.strerror or error
                )
            ) from None
        try:
            return self.add(data)
        except StorageError as error:
            raise StorageError(
                QT_TRANSLATE_NOOP("Storage", "Image {name}: {message}").format(
                    name=path.name, message=error.message
                )
            ) from None

    def subset(self, names: Iterable[str]) -> "AssetStore":
        """A store with only the given names (those it holds): what a package must carry."""
        store = AssetStore()
        store._data = {name: self._data[name] for name in sorted(names) if name in self._data}
        return store

    def __getitem__(self, name: str) -> bytes:
        return self._data[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return f"AssetStore({len(self)} images)"
