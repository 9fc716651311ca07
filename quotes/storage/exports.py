"""The reads of ``quotes.services.export``: statements with their speakers, in id
order a chunk at a time, and every printing of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from quotes.storage.appearances import appearances
from quotes.storage.models import Outlet, Quote, Speaker, Statement, StatementTopic


@dataclass(frozen=True)
class StatementFilter:
    """Which statements an export takes (None: no condition)."""

    statement_id: int | None = None
    speaker_id: int | None = None
    speaker_ids: Sequence[int] | None = None
    topic_ids: Sequence[int] | None = None
    since: dt.date | None = None
    until: dt.date | None = None


def statements_in_chunks(
    session: Session, wanted: StatementFilter, size: int
) -> Iterator[list[tuple[Statement, Speaker | None]]]:
    """The statements ``wanted`` picks, with their speakers, in id order, ``size`` at
    a time (read as they are consumed)."""
    query = (
        select(Statement, Speaker)
        .outerjoin(Speaker, Speaker.id == Statement.speaker_id)
        .order_by(Statement.id)
    )
    if wanted.statement_id is not None:
        query = query.where(Statement.id == wanted.statement_id)
    if wanted.speaker_id is not None:
        query = query.where(Statement.speaker_id == wanted.speaker_id)
    if wanted.speaker_ids is not None:
        query = query.where(Statement.speaker_id.in_(list(wanted.speaker_ids)))
    if wanted.topic_ids is not None:
        query = query.where(
            Statement.id.in_(
                select(StatementTopic.statement_id).where(
                    StatementTopic.topic_id.in_(list(wanted.topic_ids)),
                    StatementTopic.excluded.is_(False),
                )
            )
        )
    if wanted.since is not None:
        query = query.where(Statement.first_said_on >= wanted.since)
    if wanted.until is not None:
        query = query.where(Statement.first_said_on <= wanted.until)
    last_id = 0
    while True:
        chunk: list[tuple[Statement, Speaker | None]] = [
            (statement, speaker)
            for statement, speaker in session.execute(
                query.where(Statement.id > last_id).limit(size)
            )
        ]
        if not chunk:
            return
        yield chunk
        last_id = chunk[-1][0].id


def printings(session: Session, statement_ids: Sequence[int]) -> Iterator[tuple[Any, ...]]:
    """(statement id, article id, reprint id, outlet, published on, said on, url,
    wording) of every printing of these statements, by statement, quote and reprint."""
    printed = appearances()
    yield from (
        tuple(row)
        for row in session.execute(
            select(
                Quote.statement_id,
                Quote.article_id,
                printed.c.reprint_id,
                Outlet.name,
                printed.c.published_on,
                Quote.said_on,
                printed.c.url,
                Quote.text,
            )
            .join(printed, printed.c.article_id == Quote.article_id)
            .outerjoin(Outlet, Outlet.id == printed.c.outlet_id)
            .where(Quote.statement_id.in_(statement_ids))
            .order_by(Quote.statement_id, Quote.id, printed.c.reprint)
        )
    )
