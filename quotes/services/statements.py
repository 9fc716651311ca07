"""Statements: listing, showing every source, and keeping them consistent.

A statement's canonical text, date and quote count are derived from its
quotes (``quotes.services.canonical``); whenever quotes move between
statements (unmerge, review, speaker split, re-extraction) the statements
involved are recomputed here, and those left empty are deleted.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from quotes.errors import NotFoundError
from quotes.services.canonical import Occurrence, quote_date, summarise
from quotes.storage.appearances import appearances, first_printed
from quotes.storage.models import Article, Outlet, Quote, Speaker, Statement

_CHUNK = 2000


def chunked(values: Sequence[int], size: int = _CHUNK) -> Iterator[Sequence[int]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def article_statement_ids(session: Session, article_id: int) -> list[int]:
    """The statements the article's quotes belong to."""
    rows = session.scalars(
        select(Quote.statement_id).where(
            Quote.article_id == article_id, Quote.statement_id.is_not(None)
        )
    )
    return sorted({statement_id for statement_id in rows if statement_id is not None})


def recompute_statements(session: Session, statement_ids: Iterable[int]) -> list[int]:
    """Recompute canonical text, date, kind and count; delete the empty ones.

    Returns the ids of the statements that still exist.
    """
    ids = sorted(set(statement_ids))
    if not ids:
        return []
    session.flush()
    grouped: dict[int, list[Occurrence]] = defaultdict(list)
    reprinted, printed_on = first_printed()
    for chunk in chunked(ids):
        rows = session.execute(
            select(
                Quote.statement_id,
                Quote.text,
                Quote.kind,
                Quote.said_on,
                Quote.date_precision,
                printed_on,
            )
            .join(Article, Article.id == Quote.article_id)
            .outerjoin(reprinted, reprinted.c.article_id == Article.id)
            .where(Quote.statement_id.in_(chunk))
        )
        for statement_id, text, kind, said_on, precision, published_on in rows:
            if statement_id is None:
                continue
            day, day_precision = quote_date(said_on, precision, published_on)
            grouped[statement_id].append(Occurrence(text, kind, day, day_precision))
    updates: list[dict[str, Any]] = []
    empty: list[int] = []
    for statement_id in ids:
        fields = summarise(grouped.get(statement_id, ()))
        if fields is None:
            empty.append(statement_id)
            continue
        updates.append(
            {
                "id": statement_id,
                "canonical_text": fields.canonical_text,
                "match_key": fields.match_key,
                "kind": fields.kind,
                "first_said_on": fields.first_said_on,
                "date_precision": fields.date_precision,
                "quote_count": fields.quote_count,
            }
        )
    if updates:
        session.execute(update(Statement), updates)
    for chunk in chunked(empty):
        session.execute(
            delete(Statement).where(Statement.id.in_(chunk)),
            execution_options={"synchronize_session": False},
        )
    for statement_id in ids:
        cached = session.identity_map.get(session.identity_key(Statement, statement_id))
        if cached is not None:
            if statement_id in empty:
                session.expunge(cached)
            else:
                session.expire(cached)
    return [u["id"] for u in updates]


# --- reading -----------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """One quote of a statement, as a fact-checker cites it."""

    quote_id: int
    outlet: str | None
    published_on: dt.date | None
    said_on: dt.date | None
    url: str | None
    text: str
    method: str | None
    score: float | None
    # The article's text printed again by another outlet or at another URL.
    reprint: bool = False


@dataclass(frozen=True)
class StatementView:
    id: int
    speaker_id: int | None
    speaker: str | None
    text: str
    first_said_on: dt.date | None
    date_precision: str
    quote_count: int
    sources: list[Source]


def get_statement(session: Session, statement_id: int) -> StatementView:
    """A statement with every source (outlet, date, exact wording, match score)."""
    statement = session.get(Statement, statement_id)
    if statement is None:
        raise NotFoundError(f"statement {statement_id}: no such statement")
    speaker = session.get(Speaker, statement.speaker_id) if statement.speaker_id else None
    printed = appearances()
    rows = session.execute(
        select(
            Quote.id,
            Outlet.name,
            printed.c.published_on,
            Quote.said_on,
            # Where there is no URL, the file or stream it was imported from.
            func.coalesce(printed.c.url, printed.c.origin),
            Quote.text,
            Quote.match_method,
            Quote.match_score,
            printed.c.reprint,
        )
        .join(printed, printed.c.article_id == Quote.article_id)
        .outerjoin(Outlet, Outlet.id == printed.c.outlet_id)
        .where(Quote.statement_id == statement_id)
        .order_by(printed.c.published_on, Quote.id, printed.c.reprint)
    )
    return StatementView(
        id=statement.id,
        speaker_id=statement.speaker_id,
        speaker=speaker.name if speaker else None,
        text=statement.canonical_text,
        first_said_on=statement.first_said_on,
        date_precision=str(statement.date_precision),
        quote_count=statement.quote_count,
        sources=[
            Source(quote_id, outlet, published, said_on, url, text, method, score, bool(reprint))
            for quote_id, outlet, published, said_on, url, text, method, score, reprint in rows
        ],
    )


def list_statements(
    session: Session,
    *,
    speaker_id: int | None = None,
    speaker_ids: Sequence[int] | None = None,
    limit: int | None = 100,
) -> list[dict[str, Any]]:
    """Statements, most quoted first (then newest)."""
    query = (
        select(
            Statement.id,
            Speaker.name,
            Statement.first_said_on,
            Statement.quote_count,
            Statement.canonical_text,
        )
        .outerjoin(Speaker, Speaker.id == Statement.speaker_id)
        .order_by(Statement.quote_count.desc(), Statement.first_said_on.desc(), Statement.id)
    )
    if speaker_id is not None:
        query = query.where(Statement.speaker_id == speaker_id)
    if speaker_ids is not None:
        query = query.where(Statement.speaker_id.in_(speaker_ids))
    if limit is not None:
        query = query.limit(limit)
    return [
        {"id": i, "speaker": name, "said_on": day, "sources": count, "text": text}
        for i, name, day, count, text in session.execute(query)
    ]


def count_statements(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Statement)) or 0
