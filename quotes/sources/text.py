"""Plain text articles, as wire services and newsroom systems export them.

The first line may be a header ``date YYYY-MM-DD Title``. Without one, a
first line is the title only where it reads as one: short, with more text
after it, and not ending as a sentence does (a headline has no full stop; a
first line "Holt: The pier will close." or a quotation is the story's own
first paragraph). The header or title line is not part of the stored text,
so that quote offsets count from the first line of the story; the article
keeps where its text lies in the file (``placement``).
"""

from __future__ import annotations

import datetime as dt
import re

from quotes.errors import SourceError
from quotes.sources.article import ArticleInput, clean_text
from quotes.sources.placement import Placement

_HEADER = re.compile(r"^date\s+(\d{4}-\d{2}-\d{2})(?:\s+(.*))?$", re.I)
# A first line longer than this is a paragraph, not a headline.
MAX_TITLE_LENGTH = 200
# How a sentence ends: a stop, a colon or semicolon, maybe closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?:;…][\"'”’»)\]]*$")


def parse_text(text: str, origin: str, file: str | None = None) -> ArticleInput:
    """The article in ``text`` (decoded and repaired); ``file`` is the file as
    it reads without repairs (UTF-8), which the placement counts in."""
    # Line ends as Python reads a file in text mode, which is what offsets count in.
    document = (text if file is None else file).replace("\r\n", "\n").replace("\r", "\n")
    text = clean_text(text)
    if not text:
        raise SourceError(origin, "empty: no article text found")
    first, _, rest = text.partition("\n")
    first = first.strip()
    published: dt.date | None = None
    title: str | None = None
    header = _HEADER.match(first)
    if header:
        try:
            published = dt.date.fromisoformat(header.group(1))
        except ValueError:
            raise SourceError(origin, f"header: {header.group(1)!r} is not a date") from None
        title = (header.group(2) or "").strip() or None
        body = rest
    elif rest.strip() and is_title(first):
        title, body = first, rest
    else:
        body = text
    body = body.strip()
    if not body:
        raise SourceError(origin, "no article text found")
    placement = Placement.of(text, document, 0).after(len(text) - len(body))
    return ArticleInput(
        text=body, origin=origin, title=title, published=published, placement=placement
    )


def is_title(line: str) -> bool:
    """Whether a first line without a header is a headline."""
    return len(line) <= MAX_TITLE_LENGTH and _SENTENCE_END.search(line) is None
