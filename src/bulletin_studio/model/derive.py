"""Starting the next issue from the previous one."""

from bulletin_studio.model.ids import new_id
from bulletin_studio.model.issue import Issue, Section


def next_issue(previous: Issue) -> Issue:
    """Keep masthead, colophon, section structure and snippets; advance numbering; empty content.

    Ids are renewed so that review comments on the old issue can never land on the new one.
    """
    sections = [
        Section(id=new_id("sec"), kind=section.kind, title=section.title)
        for section in previous.sections
    ]
    snippets = [snippet.model_copy(update={"id": new_id("snip")}) for snippet in previous.snippets]
    return Issue(
        masthead=previous.masthead.model_copy(),
        numbering=previous.numbering.advanced(previous.issues_per_year),
        issues_per_year=previous.issues_per_year,
        sections=sections,
        colophon=previous.colophon.model_copy(),
        snippets=snippets,
    )
