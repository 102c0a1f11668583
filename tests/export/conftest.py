"""Exports shared by the writer tests: the bundled sample in both PDF variants."""

import pytest
from tests.writing import WrittenPdf, write_pdf

from bulletin_studio.render.compose import compose
from bulletin_studio.render.layout import load_layout
from bulletin_studio.render.tree import RenderTree
from bulletin_studio.storage import Document, sample_document


@pytest.fixture(scope="session")
def sample() -> Document:
    return sample_document()


@pytest.fixture(scope="session")
def sample_tree(sample: Document) -> RenderTree:
    return compose(sample.issue, load_layout("default"), sample.assets)


@pytest.fixture(scope="session")
def print_pdf(sample_tree: RenderTree) -> WrittenPdf:
    return write_pdf(sample_tree, "print")


@pytest.fixture(scope="session")
def screen_pdf(sample_tree: RenderTree) -> WrittenPdf:
    return write_pdf(sample_tree, "screen")
