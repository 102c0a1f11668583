"""Reviewers' comments and tracked changes from a reviewed DOCX, mapped back to item/block ids.

Headless (no Qt): the CLI's ``import-review`` and the GUI's review panel share it.
"""

from bulletin_studio.review.errors import ReviewError
from bulletin_studio.review.merge import MergeSummary, merge_review
from bulletin_studio.review.reader import read_review
from bulletin_studio.review.report import Remark, ReviewReport

__all__ = ["MergeSummary", "Remark", "ReviewError", "ReviewReport", "merge_review", "read_review"]
