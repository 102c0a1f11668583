"""Starting the next issue: numbering advances, structure stays, content and ids are new."""

import pytest

from bulletin_studio.model import (
    Article,
    Issue,
    Numbering,
    Paragraph,
    Section,
    SectionKind,
    Snippet,
)
from bulletin_studio.model.derive import next_issue
from bulletin_studio.model.issue import NumberingError


@pytest.mark.parametrize(
    ("year", "number", "cumulative", "expected"),
    [(2024, 1, 15, (2024, 2, 16)), (2024, 4, 18, (2025, 1, 19)), (2024, 3, 17, (2024, 4, 18))],
)
def test_numbering_of_a_quarterly(
    year: int, number: int, cumulative: int, expected: tuple[int, int, int]
) -> None:
    previous = Issue(numbering=Numbering(year=year, number=number, cumulative=cumulative))
    numbering = next_issue(previous).numbering
    assert (numbering.year, numbering.number, numbering.cumulative) == expected
    assert numbering.date is None


def test_monthly_rolls_over_after_twelve() -> None:
    previous = Issue(numbering=Numbering(year=2024, number=12, cumulative=40), issues_per_year=12)
    assert next_issue(previous).numbering == Numbering(year=2025, number=1, cumulative=41)


def test_structure_kept_content_emptied_ids_renewed() -> None:
    previous = Issue(
        numbering=Numbering(year=2024, number=1, cumulative=15),
        sections=[
            Section(
                kind=SectionKind.PARTNER_NEWS,
                title="合作伙伴最新进展",
                items=[Article(title="旧文章", blocks=[Paragraph(text="旧内容")])],
            )
        ],
        snippets=[Snippet(name="联合领导机构", text="段落")],
    )
    new = next_issue(previous)
    assert [(s.kind, s.title, s.items) for s in new.sections] == [
        (SectionKind.PARTNER_NEWS, "合作伙伴最新进展", [])
    ]
    assert new.sections[0].id != previous.sections[0].id
    assert [(s.name, s.text) for s in new.snippets] == [("联合领导机构", "段落")]
    assert new.snippets[0].id != previous.snippets[0].id
    assert new.masthead == previous.masthead
    assert new.notes == []


@pytest.mark.parametrize(
    ("numbering", "per_year"),
    [
        (Numbering(year=2200, number=4, cumulative=900), 4),
        (Numbering(year=2030, number=1, cumulative=9999), 4),
    ],
)
def test_no_number_left_is_a_clear_error(numbering: Numbering, per_year: int) -> None:
    """Once a pydantic traceback from ``bulletin-studio new --from``."""
    with pytest.raises(NumberingError, match="之后无法再编号"):
        next_issue(Issue(numbering=numbering, issues_per_year=per_year))
