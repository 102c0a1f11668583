"""Link and email checks with messages an editor understands."""

from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email

ALLOWED_SCHEMES = ("http", "https", "mailto")


def check_url(url: str) -> str:
    """Accept http(s) and mailto links only: anything else is a dead or unsafe link."""
    url = url.strip()
    if not url:
        raise ValueError("链接为空：请填写以 http://、https:// 或 mailto: 开头的网址")
    if any(ch.isspace() for ch in url):
        raise ValueError(f"链接“{url}”含有空格：请删除空格或改用 %20")
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise ValueError(f"链接“{url}”无效：只接受以 http://、https:// 或 mailto: 开头的网址")
    if scheme in ("http", "https") and not parts.netloc:
        raise ValueError(f"链接“{url}”缺少网站地址（如 https://www.example.org）")
    if scheme == "mailto":
        check_email(url[len("mailto:") :])
    return url


def check_email(address: str) -> str:
    """An address the colophon can print and a mail client can use."""
    address = address.strip()
    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError as error:
        raise ValueError(f"电子邮箱“{address}”无效：{error}") from None
    return address
