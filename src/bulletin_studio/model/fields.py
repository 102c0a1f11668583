"""Annotated field types shared by the model: marked-up text, links, asset names."""

from typing import Annotated

from pydantic import AfterValidator, StringConstraints

from bulletin_studio.model.markup import validate_markup
from bulletin_studio.model.urls import check_email, check_url

RichText = Annotated[str, AfterValidator(validate_markup)]
"""Text that may hold ``**bold**``, ``*italic*`` and ``[links](https://…)``."""

PlainText = Annotated[str, StringConstraints(strip_whitespace=True)]

Url = Annotated[str, AfterValidator(check_url)]

Email = Annotated[str, AfterValidator(check_email)]

ASSET_PATTERN = r"^[0-9a-f]{64}\.(png|jpg|gif|webp)$"
AssetName = Annotated[str, StringConstraints(pattern=ASSET_PATTERN)]
"""An image in the package's ``assets/`` folder, named by the SHA-256 of its bytes."""
