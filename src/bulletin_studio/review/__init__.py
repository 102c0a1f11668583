"""Reviewers' comments and tracked changes from a reviewed DOCX, mapped back to item/block ids,
and their tracked changes made in (or left out of) the issue's text.

Headless (no Qt): the CLI's ``import-review`` and the GUI's review panel share it.
"""

from bulletin_studio.review.apply import (
    ChangeRefused,
    Decisions,
    accept_change,
    decide_all,
    reject_change,
)
from bulletin_studio.review.errors import ReviewError
from bulletin_studio.review.merge import MergeSummary, merge_review
from bulletin_studio.review.reader import read_review
from bulletin_studio.review.report import Remark, ReviewReport

__all__ = [
    "ChangeRefused",
    "Decisions",
    "MergeSummary",
    "Remark",
    "ReviewError",
    "ReviewReport",
    "accept_change",
    "decide_all",
    "merge_review",
    "read_review",
    "reject_change",
]
