"""A face parsed in an earlier run is the face ReportLab parses now: same state, same PDF."""

import shutil
from io import BytesIO
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from bulletin_studio.export.parsed_faces import ParsedFont, load_font

LIBERATION = Path("/usr/share/fonts/truetype/liberation2")
SERIF = LIBERATION / "LiberationSerif-Regular.ttf"
SANS = LIBERATION / "LiberationSans-Bold.ttf"

pytestmark = pytest.mark.skipif(not SERIF.is_file(), reason="fonts-liberation2 not installed")


def _records(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / "parsed").glob("*.marshal"))


def _comparable(font: TTFont) -> dict[str, object]:
    state = {k: v for k, v in vars(font.face).items() if k != "_pdfScale"}
    state["_pdfScale(2048)"] = font.face._pdfScale(2048)
    return state


def _pdf(font: TTFont) -> bytes:
    pdfmetrics.registerFont(font)
    buffer = BytesIO()
    page = canvas.Canvas(buffer, invariant=1)
    page.setFont(font.fontName, 12)
    page.drawString(72, 720, "Sustainable procurement, 2024 — ½ ﬁ")
    page.save()
    return buffer.getvalue()


def test_a_kept_parse_equals_reportlabs_own(tmp_path: Path) -> None:
    parsed = TTFont("Serif-parsed", str(SERIF))
    first = load_font("Serif-first", SERIF, 0, tmp_path)
    (record,) = _records(tmp_path)
    kept = load_font("Serif-kept", SERIF, 0, tmp_path)

    assert isinstance(kept, ParsedFont)
    assert set(vars(kept)) == set(vars(parsed)), "ParsedFont sets what TTFont.__init__ sets"
    assert _comparable(kept) == _comparable(parsed) == _comparable(first)
    assert kept.face.name.ustr == "LiberationSerif"
    assert _pdf(kept).replace(b"Serif-kept", b"Serif-parsed") == _pdf(parsed)
    assert _records(tmp_path) == [record]


def test_a_damaged_record_is_parsed_again_and_replaced(tmp_path: Path) -> None:
    load_font("Sans-a", SANS, 0, tmp_path)
    (record,) = _records(tmp_path)
    intact = record.read_bytes()
    record.write_bytes(intact[: len(intact) // 2])

    font = load_font("Sans-b", SANS, 0, tmp_path)

    assert font.face.name.ustr == "LiberationSans-Bold"
    assert record.read_bytes() == intact


def test_a_changed_font_file_is_parsed_afresh(tmp_path: Path) -> None:
    font_file = tmp_path / "house.ttf"
    shutil.copyfile(SERIF, font_file)
    assert load_font("House-1", font_file, 0, tmp_path / "cache").face.name.ustr == (
        "LiberationSerif"
    )
    shutil.copyfile(SANS, font_file)

    assert load_font("House-2", font_file, 0, tmp_path / "cache").face.name.ustr == (
        "LiberationSans-Bold"
    )
    assert len(_records(tmp_path / "cache")) == 2


def test_an_unwritable_cache_only_costs_time(tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be")

    font = load_font("Serif-blocked", SERIF, 0, blocked)

    assert font.face.name.ustr == "LiberationSerif"
