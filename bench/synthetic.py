"""Synthetic issues of a chosen length: the sample's items repeated with fresh ids."""

from bulletin_studio.model import Issue
from bulletin_studio.storage import Document, sample_document


def synthetic_document(copies: int) -> Document:
    """The sample with every item repeated ``copies`` times (about 10 pages per copy)."""
    sample = sample_document()
    data = sample.issue.model_dump(mode="json")
    for section in data["sections"]:
        repeated = []
        for copy in range(copies):
            for item in section["items"]:
                repeated.append(_renamed(item, copy))
        section["items"] = repeated
    return Document(issue=Issue.model_validate(data), assets=sample.assets)


def _renamed(item: dict, copy: int) -> dict:
    if copy == 0:
        return item
    clone = dict(item, id=f"{item['id'][:30]}_c{copy}")
    if "blocks" in item:
        clone["blocks"] = [
            dict(block, id=f"{block['id'][:30]}_c{copy}") for block in item["blocks"]
        ]
    return clone
