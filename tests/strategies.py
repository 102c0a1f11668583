"""Hypothesis strategies for whole documents: every section kind, item kind and block type.

Ids are unique by construction (a counter per drawn issue), text avoids markup characters
unless it is deliberately marked up, and images are tiny real PNGs so that storage, compose
and the writers can all consume what these strategies produce.
"""

import datetime as dt
import io
import itertools
from collections.abc import Callable, Sequence

from hypothesis import strategies as st
from PIL import Image

from bulletin_studio.model import (
    Article,
    Colophon,
    Figure,
    ImageRef,
    Issue,
    ListBlock,
    ListEntry,
    LogoStrip,
    Masthead,
    Numbering,
    Paragraph,
    PartnerNews,
    Quote,
    Resource,
    ReviewNote,
    Section,
    SectionKind,
    Snippet,
    SourceLine,
    Subheading,
    Theme,
)
from bulletin_studio.storage import AssetStore, Document

CJK = "可持续公共采购计划简报同一个地球网络最新进展合作伙伴资源主题设计活动筹资"
PUNCTUATION = "，。、；：？！（）《》“”——……·"
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
TEXT_ALPHABET = CJK + PUNCTUATION + LATIN + " "

words = st.text(alphabet=TEXT_ALPHABET, min_size=1, max_size=20).map(str.strip).filter(bool)
"""Visible text without any markup character (``*``, ``_``, ``[``, ``]``, backslash)."""

plain = st.one_of(st.just(""), words)

hosts = st.from_regex(r"[a-z]{1,10}\.(org|com|cn|int)", fullmatch=True)
urls = st.builds(
    lambda scheme, host, path: f"{scheme}://{host}/{path}",
    st.sampled_from(["http", "https"]),
    hosts,
    st.from_regex(r"[a-z0-9/_-]{0,15}", fullmatch=True),
)
emails = st.builds(
    lambda user, host: f"{user}@{host}", st.from_regex(r"[a-z]{1,8}", fullmatch=True), hosts
)
links = st.one_of(urls, emails.map(lambda address: f"mailto:{address}"))

_segments = st.one_of(
    words,
    words.map(lambda text: f"**{text}**"),
    words.map(lambda text: f"*{text}*"),
    st.builds(lambda text, url: f"[{text}]({url})", words, links),
)
rich = st.one_of(st.just(""), st.lists(_segments, min_size=1, max_size=4).map("".join))
"""Marked-up text: plain runs, bold, italic and links with valid targets."""


def png_bytes(color: tuple[int, int, int], size: tuple[int, int] = (2, 2)) -> bytes:
    """A real, tiny PNG (distinct colours give distinct content hashes)."""
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


pngs = st.builds(
    png_bytes,
    st.tuples(*[st.integers(0, 255)] * 3),
    st.tuples(st.integers(1, 4), st.integers(1, 4)),
)

numberings = st.integers(1, 99).flatmap(
    lambda number: st.builds(
        Numbering,
        year=st.integers(1990, 2200),
        number=st.just(number),
        cumulative=st.integers(number, 500),
        date=st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2200, 12, 31)),
    )
)

NewId = Callable[[str], str]


ODD_TEXT = (
    "\x0b",  # Word's Shift+Enter
    "\x0c",  # Word's page break
    "\x1b",
    "\x00",
    "\ufffe",
    "\u200b",
    "\u200d",
    "\u202e",  # right-to-left override
    "\ufeff",
    "\t",
    "\r\n",
    "\u3000",
    "😀",
    "👩\u200d👩\u200d👧",
    "𠀀𪚥",  # CJK Extension B
    "e\u0301",  # a combining accent
    "مرحبا",
    "שלום",
    "Ⅻ①",
)
"""What pasting from Word, the web or a damaged file brings along."""

odd_words = st.lists(st.one_of(words, st.sampled_from(ODD_TEXT)), min_size=1, max_size=6).map(
    "".join
)
long_words = st.builds(lambda text, times: (text + " ") * times, words, st.integers(20, 120))


class Texts:
    """The text strategies a drawn issue uses: tidy by default, or as an editor's could be."""

    def __init__(self, plain: st.SearchStrategy[str], rich: st.SearchStrategy[str]) -> None:
        self.plain = plain
        self.rich = rich


TIDY = Texts(plain, rich)
_app_plain = st.one_of(plain, odd_words, long_words)
APP = Texts(
    _app_plain,
    st.one_of(
        rich,
        odd_words,
        long_words,
        st.lists(st.one_of(_segments, odd_words), min_size=1, max_size=4).map("".join),
    ),
)
"""Every kind of text a form accepts: empty, very long, control characters, emoji, CJK
Extension B, combining marks, right-to-left scripts, zero-width joiners."""


def _image_refs(assets: Sequence[str], text: Texts = TIDY) -> st.SearchStrategy[ImageRef]:
    return st.builds(ImageRef, asset=st.sampled_from(assets), alt=text.plain)


def _blocks(new_id: NewId, assets: Sequence[str], text: Texts = TIDY) -> st.SearchStrategy:
    """One block of any type; image blocks only when there are images to point at."""
    plain, rich = text.plain, text.rich

    def ident(prefix: str) -> st.SearchStrategy[str]:
        return st.builds(lambda: new_id(prefix))

    images = _image_refs(assets, text) if assets else st.nothing()
    kinds = [
        st.builds(Paragraph, id=ident("p"), text=rich, lead=st.booleans()),
        st.builds(Subheading, id=ident("h"), text=rich),
        st.builds(Theme, id=ident("th"), title=rich, text=rich),
        st.builds(
            ListBlock,
            id=ident("l"),
            ordered=st.booleans(),
            entries=st.lists(st.builds(ListEntry, lead=plain, text=rich), max_size=3),
        ),
        st.builds(
            Figure,
            id=ident("f"),
            image=st.none() | images,
            caption=rich,
            width=st.floats(0.2, 1.0),
        ),
        st.builds(Quote, id=ident("q"), text=rich, attribution=plain),
        st.builds(SourceLine, id=ident("s"), url=urls),
    ]
    if assets:
        kinds.append(
            st.builds(LogoStrip, id=ident("g"), logos=st.lists(images, max_size=3), caption=rich)
        )
    return st.one_of(kinds)


def _items(new_id: NewId, assets: Sequence[str], text: Texts = TIDY) -> st.SearchStrategy:
    def ident(prefix: str) -> st.SearchStrategy[str]:
        return st.builds(lambda: new_id(prefix))

    plain, rich = text.plain, text.rich
    images = st.none() | (_image_refs(assets, text) if assets else st.nothing())
    blocks = st.lists(_blocks(new_id, assets, text), max_size=5)
    return st.one_of(
        st.builds(
            Article, id=ident("art"), label=plain, title=plain, subtitle=plain, blocks=blocks
        ),
        st.builds(
            PartnerNews,
            id=ident("pn"),
            organisation=plain,
            title=plain,
            link=st.none() | urls,
            logo=images,
            blocks=blocks,
        ),
        st.builds(
            Resource,
            id=ident("res"),
            title=plain,
            link=st.none() | urls,
            publisher=plain,
            description=rich,
            cover=images,
        ),
    )


@st.composite
def issues(draw: st.DrawFn, assets: Sequence[str] = (), text: Texts = TIDY) -> Issue:
    """A valid issue whose images (if any) are among ``assets``."""
    counter = itertools.count()

    def new_id(prefix: str) -> str:
        return f"{prefix}_{next(counter)}"

    plain, rich = text.plain, text.rich
    items = _items(new_id, assets, text)
    sections = draw(
        st.lists(
            st.builds(
                Section,
                id=st.builds(lambda: new_id("sec")),
                kind=st.sampled_from(SectionKind),
                title=plain,
                items=st.lists(items, max_size=3),
            ),
            max_size=4,
        )
    )
    notes = st.builds(
        ReviewNote,
        id=st.builds(lambda: new_id("note")),
        kind=st.sampled_from(["comment", "insertion", "deletion"]),
        target_id=st.none() | st.just(sections[0].id if sections else "sec_none"),
        author=plain,
        date=st.none() | st.datetimes(timezones=st.none() | st.just(dt.UTC)),
        text=plain,
        quoted=plain,
        resolved=st.booleans(),
    )
    return Issue(
        masthead=draw(
            st.builds(
                Masthead,
                network_name=plain,
                title=plain,
                tagline=st.lists(words, max_size=2).map("\n".join),
                language=st.sampled_from(["zh-CN", "zh-TW", "en"]),
            )
        ),
        numbering=draw(numberings),
        issues_per_year=draw(st.integers(1, 52)),
        sections=sections,
        colophon=draw(
            st.builds(
                Colophon,
                source_statement=rich,
                compiler=plain,
                editor=plain,
                email=st.none() | emails,
                website=st.none() | urls,
            )
        ),
        snippets=draw(
            st.lists(
                st.builds(Snippet, id=st.builds(lambda: new_id("snip")), name=plain, text=rich),
                max_size=2,
            )
        ),
        notes=draw(st.lists(notes, max_size=2)),
    )


@st.composite
def documents(draw: st.DrawFn, text: Texts = TIDY) -> Document:
    """An issue with its images: every referenced asset is in the store (and some spare ones)."""
    store = AssetStore()
    names = sorted({store.add(data) for data in draw(st.lists(pngs, max_size=4))})
    return Document(issue=draw(issues(assets=names, text=text)), assets=store)
