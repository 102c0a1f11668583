"""A small issue exported to DOCX once per session."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bulletin_studio.render.compose import compose
from bulletin_studio.render.layout import load_layout
from tests.review.sample_issue import review_issue
from tests.writing import write_docx


@pytest.fixture(scope="session")
def exported_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = compose(review_issue(), load_layout("default"), {})
    out = tmp_path_factory.mktemp("export") / "issue.docx"
    return write_docx(tree, out, datetime(2024, 3, 1, tzinfo=UTC)).path
