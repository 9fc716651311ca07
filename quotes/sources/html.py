"""HTML pages: the main text and its metadata, by trafilatura.

A page nested deeper than the parser goes is flattened first (``deep_html``).

trafilatura drops navigation, comments and boilerplate and reads title,
author, date and site name from the page's metadata. It repeats the headline
as the first line of the text; that line is removed, as for plain text.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import warnings
from typing import Any
from urllib.parse import urlsplit

from quotes.errors import SourceError
from quotes.sources.article import ArticleInput, clean_text
from quotes.sources.deep_html import flatten, too_deep

# trafilatura logs a warning for every page it discards; with no handler
# configured, Python would print those on stderr next to our own one line per
# failure. Applications that configure logging still get them.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


def parse_html(html: str, origin: str, url: str | None = None) -> ArticleInput:
    import trafilatura

    if too_deep(html):  # the parser would drop what lies below its depth limit
        html = flatten(html)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # lxml's FutureWarnings from inside trafilatura
        try:
            document = trafilatura.bare_extraction(
                html,
                url=url,
                with_metadata=True,
                include_comments=False,
                include_tables=False,
                date_extraction_params={"extensive_search": False, "original_date": True},
            )
        except Exception as exc:  # trafilatura raises whatever lxml raises
            raise SourceError(origin, f"unreadable HTML ({type(exc).__name__})") from None
    if document is None:
        raise SourceError(origin, "no article text found")
    fields: dict[str, Any] = document if isinstance(document, dict) else document.as_dict()
    title = _field(fields, "title")
    text = clean_text(_field(fields, "text") or "")
    if title and text.startswith(title):
        text = text[len(title) :].lstrip()
    if not _PROSE.search(text, 0, 20_000):
        # trafilatura falls back to whatever text a page has: a menu, a
        # cookie banner. No sentence of a few words is no article.
        raise SourceError(origin, "no article text found")
    return ArticleInput(
        text=text,
        origin=origin,
        title=title,
        url=url or _page_url(fields),
        outlet=_field(fields, "sitename"),
        published=_date(_field(fields, "date")),
        language=_field(fields, "language"),
        author=_field(fields, "author"),
    )


# Five words, then the end of a sentence (or of a quotation) within a line.
# Bounded, so that a page of one endless line costs linear time.
_PROSE = re.compile(r"(?:\w+\W+){4}\w+[^\n.!?\"”»]{0,300}[.!?\"”»]")


def _field(fields: dict[str, Any], name: str) -> str | None:
    value = fields.get(name)
    return value.strip() or None if isinstance(value, str) else None


def _page_url(fields: dict[str, Any]) -> str | None:
    """The page's canonical URL, when it names an http(s) one."""
    url = _field(fields, "url")
    if url and urlsplit(url).scheme in ("http", "https"):
        return url
    return None


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
