"""Plain text articles, as wire services and newsroom systems export them.

The first line may be a header ``date YYYY-MM-DD Title``; without one, a
short first line followed by more text is taken as the title and the date is
unknown (``--date`` can supply it). The title line is not part of the stored
text, so that quote offsets count from the first line of the story.
"""

from __future__ import annotations

import datetime as dt
import re

from quotes.errors import SourceError
from quotes.sources.article import ArticleInput, clean_text

_HEADER = re.compile(r"^date\s+(\d{4}-\d{2}-\d{2})(?:\s+(.*))?$", re.I)
# A first line longer than this is a paragraph, not a headline.
MAX_TITLE_LENGTH = 200


def parse_text(text: str, origin: str) -> ArticleInput:
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
    elif rest.strip() and len(first) <= MAX_TITLE_LENGTH:
        title, body = first, rest
    else:
        body = text
    body = body.strip()
    if not body:
        raise SourceError(origin, "no article text found")
    return ArticleInput(text=body, origin=origin, title=title, published=published)
