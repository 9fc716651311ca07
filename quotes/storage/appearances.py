"""Where an article was printed: where it was first imported, then each reprint.

Every query that names the outlets, URLs or dates behind a statement goes
through ``appearances()``, so that a wire story printed by ten outlets shows
ten sources, not the one that happened to be imported first.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Integer, Subquery, case, func, literal, select, union_all

from quotes.storage.bulk import table_of
from quotes.storage.models import Article, Reprint


def appearances() -> Subquery:
    """Rows of (article_id, outlet_id, published_on, url, origin, reprint, reprint_id):
    a printing each.

    ``reprint`` is false for the article's own row (its ``reprint_id`` None);
    ``url`` is None where the article was read from a file (``origin`` then
    says which). (article_id, reprint_id) names one printing.
    """
    articles, reprints = table_of(Article), table_of(Reprint)
    return union_all(
        select(
            articles.c.id.label("article_id"),
            articles.c.outlet_id,
            articles.c.published_on,
            articles.c.url,
            articles.c.origin,
            literal(False).label("reprint"),
            literal(None, Integer).label("reprint_id"),
        ),
        select(
            reprints.c.article_id,
            reprints.c.outlet_id,
            reprints.c.published_on,
            reprints.c.url,
            reprints.c.origin,
            literal(True).label("reprint"),
            reprints.c.id.label("reprint_id"),
        ),
    ).subquery("appearances")


def first_printed() -> tuple[Subquery, ColumnElement[Any]]:
    """The earliest day each article was printed: its own date or a reprint's.

    Returns a subquery of reprint dates to outer-join on ``article_id`` and
    the expression of the day. A quote with no date of its own was said by
    the day it was first printed, wherever that was.
    """
    reprints = table_of(Reprint)
    earliest = (
        select(reprints.c.article_id, func.min(reprints.c.published_on).label("published_on"))
        .group_by(reprints.c.article_id)
        .subquery("earliest_reprints")
    )
    own = table_of(Article).c.published_on
    day = case(
        (earliest.c.published_on.is_(None), own),
        (own.is_(None), earliest.c.published_on),
        (earliest.c.published_on < own, earliest.c.published_on),
        else_=own,
    )
    return earliest, day
