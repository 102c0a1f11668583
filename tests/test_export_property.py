"""The promise of validation: whatever issue validates also exports, to PDF and to DOCX.

Issues are drawn the way the app can make them: every block kind in every section kind,
empty and very long fields, and the odd text pasted from elsewhere (control characters,
emoji, CJK Extension B, combining marks, right-to-left scripts, zero-width joiners). An issue
with errors must still draw in the preview, which shows the editor what to fix.

``BULLETIN_FUZZ_EXAMPLES`` sets the number of examples (100 in the suite; the long
run is ``python scripts/fuzz_export.py``).
"""

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings

from bulletin_studio.export.progress import drain
from bulletin_studio.pipeline import Pipeline
from bulletin_studio.render.fonts import FontResolver
from bulletin_studio.storage import Document
from tests.strategies import APP, documents

EXAMPLES = int(os.environ.get("BULLETIN_FUZZ_EXAMPLES", "100"))

_pipeline = Pipeline(FontResolver())


@pytest.mark.slow
@pytest.mark.timeout(1200)  # shrinking a counterexample takes long; passing runs do not
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(documents(text=APP))
def test_an_issue_that_validates_exports_and_any_issue_previews(document: Document) -> None:
    checked = _pipeline.check(document)
    if checked.errors:
        event("has errors: previewed only")
        assert drain(_pipeline.render(document)).data.startswith(b"%PDF-")
        return
    event("validates: exported")
    with tempfile.TemporaryDirectory() as folder:
        pdf, docx = Path(folder, "issue.pdf"), Path(folder, "issue.docx")
        exported = drain(_pipeline.export(document, {"pdf": pdf, "docx": docx}))
        assert pdf.read_bytes().startswith(b"%PDF-") and docx.read_bytes()[:2] == b"PK"
        assert set(exported.paths) == {"pdf", "docx"}
