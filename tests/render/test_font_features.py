"""Converted faces keep the OpenType features that give punctuation its widths."""

from bulletin_studio.render.fonts import FontResolver
from bulletin_studio.render.fonts.features import halt_blanks
from bulletin_studio.render.layout import load_layout


def test_converted_song_and_hei_faces_keep_their_half_width_punctuation() -> None:
    layout = load_layout("default")
    resolver = FontResolver()
    for role in ("body", "heading"):
        face = next(iter(resolver.faces(layout.fonts[role].cjk, bold=False, italic=False)))
        blanks = halt_blanks(face.path, face.subfont_index)
        assert blanks["，"] == (0.0, 0.5), face.path
        assert blanks["（"] == (0.5, 0.0), face.path
        assert blanks["“"] == (0.5, 0.0), face.path


def test_a_face_without_the_feature_has_no_halves() -> None:
    layout = load_layout("default")
    face = next(iter(FontResolver().faces(layout.fonts["caption"].cjk, bold=False, italic=False)))
    assert face.family == "LXGW WenKai"
    assert halt_blanks(face.path, face.subfont_index) == {}
