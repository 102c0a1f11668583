"""Exports shared by the writer tests: the bundled sample in both PDF variants."""

import pytest

from bulletin_studio.export.pdf import PdfResult, export_pdf
from bulletin_studio.export.progress import drain
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
def print_pdf(sample_tree: RenderTree) -> PdfResult:
    return drain(export_pdf(sample_tree, None, "print"))


@pytest.fixture(scope="session")
def screen_pdf(sample_tree: RenderTree) -> PdfResult:
    return drain(export_pdf(sample_tree, None, "screen"))
