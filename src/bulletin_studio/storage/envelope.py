"""The JSON envelope around an issue, its schema version and the migrations between versions.

Envelope::

    {"format": "bulletin-studio/issue", "schema_version": 4, "issue": {...}}

``issue`` is ``Issue.model_dump(mode="json")``; ``bulletin-studio schema`` prints the JSON
Schema of the whole envelope.

Format history (each version keeps a golden file under ``tests/storage/golden/`` that must
keep loading):

* **1** (2024, Bulletin Studio 0.1): first version. Package = zip with ``issue.json`` first,
  then ``assets/<sha256>.<ext>`` (png, jpg, gif, webp) sorted by name.
* **2** (2025): ``issue.drafts``, a list of ``{"key", "field", "text"}``: what the editor
  typed into a field that refused it (kept until fixed, reported as an error). Migration from
  1 adds an empty list.
* **3** (2025): layout controls the printed bulletin uses, per item: ``new_page`` (any item
  may start on a new page) and, for partner news, ``show_organisation`` (print the
  organisation label above the title, or not). Migration from 2 sets them to what version 2
  printed: no page break, the label shown.
* **4** (2025): each of ``issue.notes`` has ``paragraph`` (a tracked change's paragraph as
  exported, deleted text in, inserted text out), ``offset`` (where in it the change is, or
  null) and ``decision`` (``"accepted"``, ``"rejected"`` or null): enough to make a
  reviewer's change in the text. Migration from 3 gives old notes ``""``, null and null
  (their changes are listed, but can only be made by hand).

To change the format: bump ``SCHEMA_VERSION``, register in ``MIGRATIONS`` a function that
upgrades the raw dict of the previous version by one step, add a golden file of the old
version, and add a line above. Files from a newer version are refused, never guessed at.

JSON can escape half of a UTF-16 surrogate pair (``"\\ud800"``); Python then holds text that
UTF-8 cannot encode, and such an issue could be opened but never saved. It is refused on
reading and on writing, naming the node and field.
"""

import json
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from pydantic import ValidationError

from bulletin_studio.messages import QT_TRANSLATE_NOOP
from bulletin_studio.model.issue import Issue
from bulletin_studio.model.problems import Problem, field_name, problems_from_validation

FORMAT_ID = "bulletin-studio/issue"
SCHEMA_VERSION = 4

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 had no drafts: nothing typed was ever kept beside a field."""
    return {**data, "drafts": []}


def _v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 items had no layout controls: each followed the one before and partner news
    always printed its organisation."""
    if not isinstance(data.get("sections"), list):
        return data  # nothing to upgrade, or not sections at all: validation names it
    sections = []
    for section in data["sections"]:
        if isinstance(section, dict) and isinstance(section.get("items"), list):
            section = {**section, "items": [_v3_item(item) for item in section["items"]]}
        sections.append(section)
    return {**data, "sections": sections}


def _v3_item(item: Any) -> Any:
    if not isinstance(item, dict):
        return item  # not an item: validation names it
    upgraded = {**item, "new_page": False}
    if item.get("type") == "partner_news":
        upgraded["show_organisation"] = True
    return upgraded


def _v3_to_v4(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 notes knew no place in the text and no decision on a change."""
    notes = data.get("notes", [])
    if not isinstance(notes, list):
        return data
    upgraded = [
        {"paragraph": "", "offset": None, "decision": None, **note}
        if isinstance(note, dict)
        else note
        for note in notes
    ]
    return {**data, "notes": upgraded}


MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}
"""``N -> f``: ``f`` turns the raw ``issue`` dict of version N into that of version N+1."""


class EnvelopeError(ValueError):
    """Content that is not a usable issue; the storage layer adds the file name."""

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems


def encode(issue: Issue) -> bytes:
    """Stable, human-diffable JSON (field order of the model, UTF-8, Chinese kept readable)."""
    envelope = {
        "format": FORMAT_ID,
        "schema_version": SCHEMA_VERSION,
        "issue": issue.model_dump(mode="json"),
    }
    text = json.dumps(envelope, ensure_ascii=False, indent=2) + "\n"
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        advice = QT_TRANSLATE_NOOP("Storage", "delete or correct it").format()
        raise _refusal(list(lone_surrogates(envelope["issue"], advice))) from None


def decode(
    raw: bytes,
    migrations: Mapping[int, Migration] = MIGRATIONS,
    current: int = SCHEMA_VERSION,
) -> Issue:
    """Parse, check the envelope, migrate to the current version and validate the issue."""
    try:
        envelope = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise EnvelopeError(
            QT_TRANSLATE_NOOP("Storage", "issue.json is not UTF-8 text").format()
        ) from None
    except json.JSONDecodeError as error:
        raise EnvelopeError(
            QT_TRANSLATE_NOOP(
                "Storage", "issue.json is not valid JSON (line {line}, column {column}: {reason})"
            ).format(line=error.lineno, column=error.colno, reason=error.msg)
        ) from None
    except RecursionError:
        raise EnvelopeError(
            QT_TRANSLATE_NOOP("Storage", "issue.json is nested too deeply").format()
        ) from None
    except ValueError as error:  # e.g. an integer of thousands of digits
        raise EnvelopeError(
            QT_TRANSLATE_NOOP(
                "Storage", "issue.json holds a number that cannot be read: {reason}"
            ).format(reason=error)
        ) from None
    if not isinstance(envelope, dict) or envelope.get("format") != FORMAT_ID:
        raise EnvelopeError(
            QT_TRANSLATE_NOOP(
                "Storage",
                "the format mark “{format}” is missing: this is not a Bulletin Studio file",
            ).format(format=FORMAT_ID)
        )
    version = envelope.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise EnvelopeError(
            QT_TRANSLATE_NOOP("Storage", "the format version “{version}” is not valid").format(
                version=version
            )
        )
    if version > current:
        raise EnvelopeError(
            QT_TRANSLATE_NOOP(
                "Storage",
                "the file was saved by a newer Bulletin Studio (format version {version}; this one"
                " reads up to {current}): upgrade Bulletin Studio, then open the file again",
            ).format(version=version, current=current)
        )
    data = envelope.get("issue")
    if not isinstance(data, dict):
        raise EnvelopeError(QT_TRANSLATE_NOOP("Storage", "the “issue” part is missing").format())
    advice = QT_TRANSLATE_NOOP("Storage", "delete or correct it in issue.json")
    if _ESCAPED_SURROGATE.search(raw) and (
        problems := list(lone_surrogates(data, advice.format()))
    ):
        raise _refusal(problems)
    data = migrate(data, version, migrations, current)
    try:
        return Issue.model_validate(data)
    except ValidationError as error:
        raise _refusal(problems_from_validation(error, data)) from None


def _refusal(problems: list[Problem]) -> EnvelopeError:
    if len(problems) > 1:
        message = QT_TRANSLATE_NOOP(
            "Storage", "the content is not valid: {problem} ({count} more problems)"
        ).format(problem=problems[0], count=len(problems) - 1)
    else:
        message = QT_TRANSLATE_NOOP("Storage", "the content is not valid: {problem}").format(
            problem=problems[0]
        )
    return EnvelopeError(message, tuple(problems))


_ESCAPED_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\\ud800-\\udfff]")


def lone_surrogates(
    data: Any, advice: str, owner: str | None = None, key: str = ""
) -> Iterator[Problem]:
    """A problem for each text in raw issue data (keys too) holding an unpaired surrogate,
    pointing at the nearest node id and the field."""
    if isinstance(data, dict):
        node_id = data.get("id")
        owner = node_id if isinstance(node_id, str) else owner
        for name, value in data.items():
            yield from lone_surrogates(str(name), advice, owner, key)
            yield from lone_surrogates(value, advice, owner, str(name))
    elif isinstance(data, list):
        for value in data:
            yield from lone_surrogates(value, advice, owner, key)
    elif isinstance(data, str) and (found := _SURROGATE.search(data)):
        character = f"U+{ord(found.group()):04X}"
        yield Problem(
            severity="error",
            message=QT_TRANSLATE_NOOP(
                "Storage",
                "Holds a character that cannot be saved, {character} (an unpaired UTF-16"
                " surrogate): {advice}",
            ).format(character=character, advice=advice),
            target_id=owner,
            field=field_name(key),
        )


def migrate(
    data: dict[str, Any],
    version: int,
    migrations: Mapping[int, Migration] = MIGRATIONS,
    current: int = SCHEMA_VERSION,
) -> dict[str, Any]:
    """Apply the upgrade steps version -> version+1 -> … -> current, in order."""
    while version < current:
        step = migrations.get(version)
        if step is None:
            raise EnvelopeError(
                QT_TRANSLATE_NOOP(
                    "Storage", "cannot upgrade from format version {version} to {next}"
                ).format(version=version, next=version + 1)
            )
        data = step(data)
        version += 1
    return data


def envelope_schema() -> dict[str, Any]:
    """JSON Schema of ``issue.json``: the envelope, with the Issue model under ``$defs``."""
    issue_schema = Issue.model_json_schema()
    defs = issue_schema.pop("$defs", {})
    defs["Issue"] = issue_schema
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Bulletin Studio issue.json",
        "type": "object",
        "properties": {
            "format": {"const": FORMAT_ID},
            "schema_version": {"const": SCHEMA_VERSION},
            "issue": {"$ref": "#/$defs/Issue"},
        },
        "required": ["format", "schema_version", "issue"],
        "$defs": defs,
    }
