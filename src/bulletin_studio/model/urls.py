"""Link and email checks with messages an editor understands."""

from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email

from bulletin_studio.messages import QT_TRANSLATE_NOOP, Template

ALLOWED_SCHEMES = ("http", "https", "mailto")


def check_url(url: str) -> str:
    """Accept http(s) and mailto links only: anything else is a dead or unsafe link."""
    url = url.strip()
    if not url:
        raise ValueError(
            QT_TRANSLATE_NOOP(
                "Links", "The link is empty: give an address starting http://, https:// or mailto:"
            ).format()
        )
    if any(ch.isspace() for ch in url):
        raise ValueError(
            QT_TRANSLATE_NOOP(
                "Links", "The link “{url}” contains spaces: remove them or write %20"
            ).format(url=url)
        )
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise ValueError(
            QT_TRANSLATE_NOOP(
                "Links",
                "The link “{url}” is not valid: only addresses starting http://, https:// or"
                " mailto: are accepted",
            ).format(url=url)
        )
    if scheme in ("http", "https") and not parts.netloc:
        raise ValueError(
            QT_TRANSLATE_NOOP(
                "Links", "The link “{url}” has no site address (like https://www.example.org)"
            ).format(url=url)
        )
    if scheme == "mailto":
        check_email(url[len("mailto:") :])
    return url


def check_email(address: str) -> str:
    """An address the colophon can print and a mail client can use."""
    address = address.strip()
    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        raise ValueError(_email_reason(address).format(address=address)) from None
    return address


def _email_reason(address: str) -> Template:
    """What is wrong, in the editor's language (email-validator explains only in English)."""
    local, at, domain = address.rpartition("@")
    if not at:
        return QT_TRANSLATE_NOOP("Links", "The email address “{address}” has no @")
    if not local:
        return QT_TRANSLATE_NOOP("Links", "The email address “{address}” has no name before the @")
    if not domain:
        return QT_TRANSLATE_NOOP("Links", "The email address “{address}” has no domain after the @")
    return QT_TRANSLATE_NOOP(
        "Links", "The email address “{address}” is not valid: write it like name@example.org"
    )
