"""The one error the review import raises; its message is shown to the editor as is."""


class ReviewError(ValueError):
    """A reviewed file that cannot be imported; nothing in the issue has changed."""
