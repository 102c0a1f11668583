"""A small issue exported to DOCX once per session, and LibreOffice as a reviewer's editor."""

import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bulletin_studio.render.compose import compose
from bulletin_studio.render.layout import load_layout
from tests.review.sample_issue import review_issue
from tests.writing import write_docx

Convert = Callable[[Path, str], Path]


@pytest.fixture(scope="session")
def exported_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = compose(review_issue(), load_layout("default"), {})
    out = tmp_path_factory.mktemp("export") / "issue.docx"
    return write_docx(tree, out, datetime(2024, 3, 1, tzinfo=UTC)).path


@pytest.fixture(scope="session")
def libreoffice(tmp_path_factory: pytest.TempPathFactory) -> Convert:
    """``convert(path, "docx")``: the file opened and saved again by LibreOffice, with a
    private profile (a user's running LibreOffice would otherwise take the job)."""
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is part of the test environment"
    profile = tmp_path_factory.mktemp("lo-profile")

    def convert(path: Path, fmt: str) -> Path:
        outdir = tmp_path_factory.mktemp("lo-out")
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                fmt,
                "--outdir",
                str(outdir),
                str(path),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        result = outdir / f"{path.stem}.{fmt}"
        assert result.is_file(), f"LibreOffice did not write {result.name}"
        return result

    return convert
