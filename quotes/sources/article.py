"""``ArticleInput``: one article as read, before it meets the database.

Also the article's identity: the sha256 of its normalised text, so that the
same wire copy read from a file, a URL or a JSON line is recognised as one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from quotes.errors import SourceError
from quotes.sources.placement import Placement

_SPACES = re.compile(r"\s+")
_TRAILING_SPACES = re.compile(r"[ \t\f\v]+\n")
_BLANK_RUNS = re.compile(r"\n{3,}")


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """An article as a reader found it; every field but ``text`` may be unknown."""

    text: str
    origin: str  # where it was read: "news/a.txt", "feed.jsonl:12", "<stdin>", a URL
    title: str | None = None
    url: str | None = None
    outlet: str | None = None  # a name: from --outlet, the JSON, or the page's site name
    published: dt.date | None = None
    language: str | None = None  # an ISO 639-1 code once read (``language``); None: unknown
    author: str | None = None
    notices: tuple[str, ...] = ()  # repairs made while reading ("repaired: ...")
    # Where ``text`` lies in the file it was read from (plain text); None: nowhere
    # one can count to (HTML, JSON).
    placement: Placement | None = field(default=None, compare=False)

    def with_overrides(
        self, *, outlet: str | None = None, published: dt.date | None = None
    ) -> ArticleInput:
        """The article with the command line's ``--outlet`` / ``--date`` applied (they win)."""
        if not outlet and not published:
            return self
        return replace(self, outlet=outlet or self.outlet, published=published or self.published)


def with_notices(
    item: ArticleInput | SourceError, notices: Sequence[str]
) -> ArticleInput | SourceError:
    """An article read with ``notices`` added to its own; an error as it is."""
    if not notices or isinstance(item, SourceError):
        return item
    return replace(item, notices=(*item.notices, *notices))


def clean_text(text: str) -> str:
    """The text as it will be stored: one newline convention, no ragged edges.

    Quote offsets point into this string, so it is changed as little as
    possible: line ends unified, trailing spaces and runs of blank lines cut.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = _TRAILING_SPACES.sub("\n", text)
    return _BLANK_RUNS.sub("\n\n", text).strip()


def normalize_text(text: str) -> str:
    """The form that identity is computed on: NFC, whitespace collapsed.

    Two copies that differ only in line wrapping or composed accents are the
    same article.
    """
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def content_hash(text: str) -> str:
    """sha256 (hex) of the normalised text: ``Article.content_hash``."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()
