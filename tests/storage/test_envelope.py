"""Format id, schema versions, the migration chain and the golden file of each old version."""

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bulletin_studio.model import Colophon, FieldDraft, Figure, Numbering, PartnerNews, Resource
from bulletin_studio.model.problems import check_issue
from bulletin_studio.storage import load_document
from bulletin_studio.storage.envelope import (
    FORMAT_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    EnvelopeError,
    decode,
    encode,
    envelope_schema,
    migrate,
)

GOLDEN = Path(__file__).parent / "golden"


def test_golden_v1_still_loads() -> None:
    """Written by version 1 and frozen: if this fails, a migration is missing."""
    doc = load_document(GOLDEN / "v1.bulletin")
    issue = doc.issue
    assert issue.numbering == Numbering(year=2024, number=1, cumulative=15, date="2024-03-01")
    assert [s.id for s in issue.sections] == ["sec_network", "sec_partners"]
    figure = issue.find("f_cert")
    assert isinstance(figure, Figure) and figure.width == 0.6
    assert figure.image is not None and figure.image.asset in doc.assets
    assert len(doc.assets) == 2
    assert issue.notes[0].target_id == "p_lead"
    assert issue.colophon.email == "editor@oneplanetnetwork.org"
    assert issue.drafts == [], "version 1 had no drafts"


def test_golden_v2_keeps_drafts_beside_the_valid_values() -> None:
    """Version 2 added ``issue.drafts``: typed text a field refused."""
    issue = load_document(GOLDEN / "v2.bulletin").issue
    assert [(d.key, d.field) for d in issue.drafts] == [
        ("colophon", "email"),
        ("p_pn", "text"),
        ("l_funds", "entries"),
    ]
    assert issue.drafts[0].text == "editor-at-oneplanetnetwork"
    assert issue.colophon.email == "editor@oneplanetnetwork.org"
    errors = [p for p in check_issue(issue) if p.severity == "error"]
    assert [p.target_id for p in errors] == ["colophon", "p_pn", "l_funds"]


def test_golden_v2_items_print_as_version_2_printed_them() -> None:
    """Version 3 added per-item layout controls; a version 2 file keeps its old look."""
    issue = load_document(GOLDEN / "v2.bulletin").issue
    items = [item for section in issue.sections for item in section.items]
    assert [item.new_page for item in items] == [False, False, False]
    partner = issue.find("pn_unops")
    assert isinstance(partner, PartnerNews) and partner.show_organisation


def test_golden_v3_keeps_the_layout_controls() -> None:
    issue = load_document(GOLDEN / "v3.bulletin").issue
    partner, resource = issue.find("pn_unops"), issue.find("res_guide")
    assert isinstance(partner, PartnerNews) and not partner.show_organisation
    assert isinstance(resource, Resource) and resource.new_page
    assert decode(encode(issue)) == issue


def test_v2_to_v3_sets_the_controls_on_every_item_and_leaves_odd_data_to_validation() -> None:
    upgraded = MIGRATIONS[2](
        {
            "sections": [
                {"items": [{"type": "article"}, {"type": "partner_news"}, "odd"]},
                {"title": "空栏目"},
            ]
        }
    )
    assert upgraded["sections"] == [
        {
            "items": [
                {"type": "article", "new_page": False},
                {"type": "partner_news", "new_page": False, "show_organisation": True},
                "odd",
            ]
        },
        {"title": "空栏目"},
    ]
    assert MIGRATIONS[2]({"sections": "odd"}) == {"sections": "odd"}
    assert MIGRATIONS[2]({}) == {}


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["sections", "items", "type", "id"]), children, max_size=3
        )
    ),
    max_leaves=12,
)


@given(st.dictionaries(st.sampled_from(["sections", "numbering", "drafts"]), JSON, max_size=3))
def test_v2_to_v3_never_fails_on_odd_data(data: dict[str, Any]) -> None:
    """A hand-edited file may hold anything: the step upgrades what it recognises and leaves
    the rest for validation to name."""
    upgraded = MIGRATIONS[2](data)
    assert set(upgraded) == set(data)


def test_golden_v2_notes_have_no_place_and_no_decision() -> None:
    """Version 2 knew no place for a tracked change: such notes can only be made by hand."""
    (note,) = load_document(GOLDEN / "v2.bulletin").issue.notes
    assert (note.paragraph, note.offset, note.decision) == ("", None, None)


def test_golden_v4_keeps_where_a_change_is_and_what_was_decided() -> None:
    """Version 4 added ``paragraph``, ``offset`` and ``decision`` to review notes."""
    issue = load_document(GOLDEN / "v4.bulletin").issue
    notes = {note.id: note for note in issue.notes}
    insertion, deletion = notes["note_ins"], notes["note_del"]
    assert (insertion.paragraph, insertion.offset, insertion.decision) == ("背景", 2, None)
    assert (deletion.decision, deletion.resolved) == ("accepted", True)
    assert deletion.paragraph[deletion.offset :].startswith(deletion.text)
    assert notes["note_reply"].parent_id == "note_one"


def test_v3_to_v4_gives_notes_no_place_and_no_decision() -> None:
    note = {"id": "note_one", "kind": "deletion", "text": "多余"}
    upgraded = MIGRATIONS[3]({"notes": [note]})
    assert upgraded == {"notes": [{**note, "paragraph": "", "offset": None, "decision": None}]}


def test_drafts_round_trip_through_the_envelope() -> None:
    issue = load_document(GOLDEN / "v1.bulletin").issue.model_copy(
        update={
            "colophon": Colophon(editor="林清"),
            "drafts": [FieldDraft(key="colophon", field="website", text=" www.例子.org ")],
        }
    )
    assert decode(encode(issue)) == issue


def test_v1_to_v2_adds_an_empty_draft_list() -> None:
    assert MIGRATIONS[1]({"numbering": {}}) == {"numbering": {}, "drafts": []}


def test_golden_files_cover_every_version() -> None:
    versions = set()
    for path in GOLDEN.glob("v*.bulletin"):
        with zipfile.ZipFile(path) as archive:
            versions.add(json.loads(archive.read("issue.json"))["schema_version"])
    assert versions == set(range(1, SCHEMA_VERSION + 1))


def test_registry_has_a_step_for_every_old_version() -> None:
    assert set(MIGRATIONS) == set(range(1, SCHEMA_VERSION))


def _rename_number(data: dict[str, Any]) -> dict[str, Any]:
    """Synthetic v1 -> v2: the numbering used to be called ``issue_number``."""
    data = dict(data)
    data["numbering"] = data.pop("issue_number")
    return data


def _add_order(data: dict[str, Any]) -> dict[str, Any]:
    """Synthetic v2 -> v3: records that it ran after the first step."""
    assert "numbering" in data, "steps must run in order"
    return {**data, "sections": [{"title": "迁移后", "id": "sec_migrated"}]}


SYNTHETIC = {1: _rename_number, 2: _add_order}


def _raw(version: int, issue: dict[str, Any]) -> bytes:
    envelope = {"format": FORMAT_ID, "schema_version": version, "issue": issue}
    return json.dumps(envelope).encode()


def test_migrations_run_in_order_up_to_current() -> None:
    old = {"issue_number": {"year": 2024, "number": 2, "cumulative": 16}}
    issue = decode(_raw(1, old), migrations=SYNTHETIC, current=3)
    assert issue.numbering.cumulative == 16
    assert issue.sections[0].id == "sec_migrated"


def test_migration_starts_at_the_file_version() -> None:
    v2 = {"numbering": {"year": 2024, "number": 2, "cumulative": 16}}
    issue = decode(_raw(2, v2), migrations=SYNTHETIC, current=3)
    assert issue.sections[0].title == "迁移后"


def test_a_gap_in_the_chain_is_an_error() -> None:
    with pytest.raises(EnvelopeError, match="无法从格式版本 2 升级到 3"):
        migrate({"issue_number": {}}, 1, migrations={1: _rename_number}, current=3)


@pytest.mark.parametrize("version", [0, -1, "1", None, True, 1.5])
def test_invalid_versions_are_refused(version: object) -> None:
    raw = json.dumps({"format": FORMAT_ID, "schema_version": version, "issue": {}}).encode()
    with pytest.raises(EnvelopeError, match="格式版本"):
        decode(raw)


def test_future_version_asks_to_upgrade() -> None:
    with pytest.raises(EnvelopeError, match="请升级"):
        decode(_raw(SCHEMA_VERSION + 1, {}))


def test_schema_describes_the_envelope_and_resolves_its_refs() -> None:
    schema = envelope_schema()
    assert schema["properties"]["format"] == {"const": FORMAT_ID}
    assert schema["properties"]["schema_version"] == {"const": SCHEMA_VERSION}
    text = json.dumps(schema)
    refs = {part.split('"')[0] for part in text.split('"$ref": "#/$defs/')[1:]}
    assert {"Issue", "Section", "Article", "Paragraph"} <= refs | set(schema["$defs"])
    assert refs <= set(schema["$defs"])


def test_a_number_of_thousands_of_digits_is_refused_with_a_message() -> None:
    raw = json.dumps({"format": FORMAT_ID, "schema_version": 1, "issue": {}}).encode()
    raw = raw.replace(b'"issue": {}', b'"issue": {"numbering": {"year": ' + b"9" * 5000 + b"}}")
    with pytest.raises(EnvelopeError, match="无法读取的数值"):
        decode(raw)
