"""Font resolution on this machine's real fonts: discovery, choice, CFF conversion, embedding.

Conversions take 10–20 s each, so the suite converts one base face (Noto Sans CJK SC Regular)
into a session cache, reused across runs when BULLETIN_STUDIO_FONT_CACHE points at a folder,
plus one more in a fresh folder to prove the bytes are reproducible.
"""

import os
import subprocess
import time
from io import BytesIO
from pathlib import Path

import pdfplumber
import pytest
from fontTools.ttLib import TTFont as FontToolsFont
from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from bulletin_studio import messages
from bulletin_studio.export.fonts import FontFace, registered_faces
from bulletin_studio.render.cache import CACHE_ENV
from bulletin_studio.render.fonts import FontError, FontResolver
from bulletin_studio.render.fonts.convert import base_charset, convert
from bulletin_studio.render.fonts.discovery import (
    InstalledFace,
    fontconfig_faces,
    parse_fc_list,
    scan_directories,
)
from bulletin_studio.render.fonts.vet import vet
from bulletin_studio.render.layout import FontStack, load_layout

SANS = "Noto Sans CJK SC"
RARE = "㑇䶮"  # outside GB2312, present in Noto CJK SC
NOTO_SANS_FILE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


@pytest.fixture(scope="session")
def installed() -> list[InstalledFace]:
    return fontconfig_faces()


def _file_of(installed: list[InstalledFace], family: str, weight: int = 400) -> InstalledFace:
    return next(f for f in installed if f.matches(family) and f.weight == weight and not f.italic)


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    shared = os.environ.get(CACHE_ENV)
    return Path(shared) if shared else tmp_path_factory.mktemp("font-cache")


@pytest.fixture(scope="session")
def resolver(cache_dir: Path) -> FontResolver:
    return FontResolver(cache_dir=cache_dir)


@pytest.fixture(scope="session")
def sans(resolver: FontResolver) -> list[FontFace]:
    """Noto Sans CJK SC Regular converted (once per session) plus a top-up for rare characters."""
    return registered_faces(resolver.faces([SANS], bold=False, italic=False, needed=["中文", RARE]))


def _pdf(face: FontFace, text: str) -> bytes:
    buffer = BytesIO()
    page = canvas.Canvas(buffer, invariant=1, initialFontName=face.name)
    page.setFont(face.name, 14)
    page.drawString(72, 720, text)
    page.save()
    return buffer.getvalue()


def _embedded_font_files(pdf: bytes) -> dict[str, str]:
    """BaseFont → the FontFile key of its descriptor, for every font on page 1."""
    fonts = PdfReader(BytesIO(pdf)).pages[0]["/Resources"]["/Font"]
    found = {}
    for ref in fonts.values():
        font = ref.get_object()
        descriptor = font.get("/FontDescriptor")
        keys = set(descriptor.get_object()) if descriptor else set()
        found[str(font["/BaseFont"])] = next(
            (key for key in ("/FontFile", "/FontFile2", "/FontFile3") if key in keys), ""
        )
    return found


# -- discovery -------------------------------------------------------------------------------


def test_fontconfig_lists_installed_cff_and_truetype_faces(installed: list[InstalledFace]) -> None:
    serif = [face for face in installed if face.matches("noto serif cjk sc")]
    assert {face.weight for face in serif} == {400, 700}
    assert all(face.cff for face in serif)
    zenhei = [face for face in installed if face.matches("WenQuanYi Zen Hei")]
    assert zenhei and not any(face.cff for face in zenhei)
    assert any(face.matches("文泉驿正黑") for face in zenhei), "localized family names match"


def test_fc_list_parsing_maps_weights_and_skips_variable_instances() -> None:
    output = (
        "Foo,福\t/f/foo-bold.ttc\t3\tCFF\t200\t0\t100\n"
        "Foo\t/f/foo-italic.otf\t0\tCFF\t80\t100\t75\n"
        "Var\t/f/var.ttf\t65537\tTrueType\t80\t0\t100\n"
        "Bitmap\t/f/fixed.pcf.gz\t0\tPCF\t80\t0\t100\n"
    )
    bold, italic = parse_fc_list(output)
    assert (bold.families, bold.index, bold.weight, bold.cff) == (("Foo", "福"), 3, 700, True)
    assert (italic.weight, italic.italic, italic.stretch) == (400, True, 75.0)


def test_scan_reads_name_tables_and_reuses_its_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Windows/macOS path, run on Linux folders: localized names, CFF detection, index."""
    folders = [Path("/usr/share/fonts/truetype/wqy"), Path("/usr/share/fonts/opentype/noto")]
    index = tmp_path / "index.json"
    faces = scan_directories(folders, index)
    assert any(face.matches("文泉驿正黑") and not face.cff for face in faces)
    serif_bold = [f for f in faces if f.matches("Noto Serif CJK SC") and f.weight == 700]
    assert [(f.path.name, f.index, f.cff) for f in serif_bold] == [
        ("NotoSerifCJK-Bold.ttc", 2, True)
    ]

    def unread(path: Path) -> list[InstalledFace]:
        raise AssertionError(f"{path} read again although unchanged")

    monkeypatch.setattr("bulletin_studio.render.fonts.discovery.read_faces", unread)
    assert scan_directories(folders, index) == faces


# -- choosing faces --------------------------------------------------------------------------


def test_real_bold_and_italic_faces_are_chosen(resolver: FontResolver) -> None:
    (face,) = resolver.faces(["Liberation Serif"], bold=True, italic=True)
    assert face.path.name == "LiberationSerif-BoldItalic.ttf"
    assert (face.bold, face.italic, face.synthetic_bold) == (True, True, False)
    (regular,) = resolver.faces(["LXGW WenKai"], bold=False, italic=False)
    assert regular.path.name == "LXGWWenKai-Regular.ttf", "Regular, not the Light face"


def test_family_without_bold_is_marked_for_synthetic_bold(resolver: FontResolver) -> None:
    (face,) = resolver.faces(["WenQuanYi Zen Hei"], bold=True, italic=True)
    assert face.path.name == "wqy-zenhei.ttc" and face.subfont_index == 0
    assert (face.bold, face.italic, face.synthetic_bold) == (False, False, True)
    (plain,) = resolver.faces(["WenQuanYi Zen Hei"], bold=False, italic=False)
    assert not plain.synthetic_bold and plain.name == face.name


def test_unknown_families_are_skipped(resolver: FontResolver) -> None:
    faces = resolver.faces(
        ["No Such Font", "文泉驿正黑", "Liberation Sans"], bold=False, italic=False
    )
    assert [face.family for face in faces] == ["文泉驿正黑", "Liberation Sans"]


def test_no_usable_family_raises_naming_them(resolver: FontResolver) -> None:
    with pytest.raises(FontError) as error:
        resolver.faces(["No Such Font", "宋体不存在"], bold=False, italic=False, role="body")
    message = str(error.value)
    assert "No Such Font" in message and "宋体不存在" in message and "body" in message
    assert "apt-get install fonts-noto-cjk" in message


def test_override_file_replaces_the_installed_family(
    installed: list[InstalledFace], cache_dir: Path
) -> None:
    kai = _file_of(installed, "LXGW WenKai")
    resolver = FontResolver(
        {"WenQuanYi Zen Hei": str(kai.path), "My Body": str(kai.path)}, cache_dir
    )
    (face,) = resolver.faces(["WenQuanYi Zen Hei"], bold=False, italic=False)
    assert face.path == kai.path
    (custom,) = resolver.faces(["my body"], bold=False, italic=False)
    assert custom.path == kai.path and custom.family == "my body"


# -- conversion and embedding ----------------------------------------------------------------


def test_cff_face_is_converted_to_truetype_in_the_cache(
    sans: list[FontFace], cache_dir: Path
) -> None:
    base = sans[0]
    assert base.name == "NotoSansCJKSC-Regular" and base.path.parent == cache_dir
    font = FontToolsFont(base.path)
    assert "glyf" in font and "CFF " not in font and "GSUB" not in font
    assert set(font.getBestCmap()) >= {ord(c) for c in "中文排版，。A€"}
    assert len(font.getBestCmap()) > 7500


def test_converted_face_is_embedded_and_its_text_extracts(sans: list[FontFace]) -> None:
    text = "中文排版测试，Hello 2025"
    pdf = _pdf(sans[0], text)
    embedded = _embedded_font_files(pdf)
    assert len(embedded) == 1
    (base_font, key), *_ = embedded.items()
    assert base_font.endswith("NotoSansCJKsc-Regular") and key == "/FontFile2"
    with pdfplumber.open(BytesIO(pdf)) as document:
        assert text in document.pages[0].extract_text()
    extracted = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert text in extracted


def test_has_and_width_follow_the_font(sans: list[FontFace]) -> None:
    base = sans[0]
    assert base.has("中") and base.has("，") and base.has("A")
    assert not base.has("㑇") and not base.has("😀")
    assert base.width("中") == 1000 and base.width("，") == 1000
    source = FontToolsFont(NOTO_SANS_FILE, fontNumber=2, lazy=True)
    advance, _ = source["hmtx"][source.getBestCmap()[ord("A")]]
    assert base.width("A") == pytest.approx(advance * 1000 / source["head"].unitsPerEm, abs=0.5)
    assert 400 < base.width("A") < 800


def test_rare_characters_get_a_top_up_face_after_the_base(sans: list[FontFace]) -> None:
    base, topup = sans
    assert topup.family == SANS and topup.name != base.name
    assert all(topup.has(char) for char in RARE) and not topup.has("中")
    assert ord("㑇") not in base_charset()
    pdf = _pdf(topup, RARE)
    assert list(_embedded_font_files(pdf).values()) == ["/FontFile2"]
    with pdfplumber.open(BytesIO(pdf)) as document:
        assert RARE in document.pages[0].extract_text()
    tag = topup.name.rsplit("-", 1)[1]
    again = convert(NOTO_SANS_FILE, 2, sorted(ord(char) for char in RARE), tag)
    assert again == topup.path.read_bytes(), "top-ups are reproducible"


def test_no_top_up_when_the_base_set_covers_the_text(resolver: FontResolver) -> None:
    faces = resolver.faces([SANS], bold=False, italic=False, needed=["合作伙伴动态"])
    assert [face.name for face in faces] == ["NotoSansCJKSC-Regular"]


def test_registering_a_cached_conversion_is_fast(sans: list[FontFace]) -> None:
    started = time.perf_counter()
    TTFont("timing-probe", str(sans[0].path))
    assert time.perf_counter() - started < 0.5


def test_prepare_converts_in_a_worker_with_identical_bytes(
    installed: list[InstalledFace], sans: list[FontFace], tmp_path: Path
) -> None:
    """Every role on Noto Sans CJK SC, its file given as an override so only Regular exists.

    A user's font file is tried (and so converted) in a child process before it is used."""
    stack = FontStack(cjk=[SANS, "No Such Font"], latin=["Liberation Sans"])
    default = load_layout("default")
    layout = default.model_copy(update={"fonts": dict.fromkeys(default.fonts, stack)})
    messages: list[str] = []
    fresh = FontResolver({SANS: str(_file_of(installed, SANS).path)}, cache_dir=tmp_path)
    fresh.prepare(layout, messages.append)
    (converted,) = tmp_path.glob("*.ttf")
    assert converted.name == sans[0].path.name, "same cache key"
    assert converted.read_bytes() == sans[0].path.read_bytes(), "conversion is deterministic"
    assert messages[-1] == "字体已就绪" and fresh.notices == []
    bold = fresh.faces([SANS], bold=True, italic=False)
    assert bold[0].path == converted and bold[0].synthetic_bold


def test_a_vetted_font_files_verdict_is_worded_in_the_ui_language(tmp_path: Path) -> None:
    """The verdict is cached on disk as a kind, so a later English session reads English."""
    not_a_font = tmp_path / "notes.ttf"
    not_a_font.write_text("a shopping list, not a font", encoding="utf-8")
    assert vet(not_a_font, 0, tmp_path).startswith("文件已损坏或不是字体：")
    messages.use_language("en")
    assert vet(not_a_font, 0, tmp_path).startswith("The file is damaged or not a font: ")
    assert vet(tmp_path / "gone.ttf", 0, tmp_path).startswith("Cannot read it: ")
