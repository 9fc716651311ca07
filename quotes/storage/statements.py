"""Statement and stance queries and writes for ``quotes.services.statements`` and
``quotes.services.stance``: listing, the quotes a statement is derived from,
and writing what was derived."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, or_, select, tuple_, update
from sqlalchemy.orm import Session

from quotes.extract.model import DatePrecision, QuoteKind
from quotes.storage.appearances import first_printed
from quotes.storage.bulk import chunked, insert_ignore, table_of
from quotes.storage.models import (
    Actor,
    Article,
    MergeEntity,
    MergeLog,
    MergeSuggestion,
    Quote,
    Speaker,
    Statement,
    StatementStance,
    StatementTopic,
    Topic,
)


def article_statement_ids(session: Session, article_id: int) -> list[int]:
    """The statements the article's quotes belong to."""
    rows = session.scalars(
        select(Quote.statement_id).where(
            Quote.article_id == article_id, Quote.statement_id.is_not(None)
        )
    )
    return sorted({statement_id for statement_id in rows if statement_id is not None})


def occurrences(
    session: Session, statement_ids: Sequence[int]
) -> Iterator[tuple[int, str, QuoteKind, dt.date | None, DatePrecision, dt.date | None]]:
    """(statement id, wording, kind, said on, its precision, first printed on) of
    every quote of these statements."""
    reprinted, printed_on = first_printed()
    for chunk in chunked(statement_ids):
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
            if statement_id is not None:
                yield statement_id, text, kind, said_on, precision, published_on


def write_statements(session: Session, updates: list[dict[str, Any]], empty: list[int]) -> None:
    """Write recomputed statement fields (rows with ``id``) and delete the empty
    statements; what the session holds of them is refreshed or forgotten."""
    if updates:
        session.execute(update(Statement), updates)
    for chunk in chunked(empty):
        session.execute(
            delete(Statement).where(Statement.id.in_(chunk)),
            execution_options={"synchronize_session": False},
        )
    gone = set(empty)
    for statement_id in [u["id"] for u in updates] + empty:
        cached = session.identity_map.get(session.identity_key(Statement, statement_id))
        if cached is not None:
            if statement_id in gone:
                session.expunge(cached)
            else:
                session.expire(cached)


def statement_ids(
    session: Session,
    *,
    speaker_id: int | None = None,
    speaker_ids: Sequence[int] | None = None,
    limit: int | None = None,
) -> list[int]:
    """Statement ids, most quoted first (then newest)."""
    query = select(Statement.id).order_by(
        Statement.quote_count.desc(), Statement.first_said_on.desc(), Statement.id
    )
    if speaker_id is not None:
        query = query.where(Statement.speaker_id == speaker_id)
    if speaker_ids is not None:
        query = query.where(Statement.speaker_id.in_(speaker_ids))
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))


def count_statements(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Statement)) or 0


def stance_rows(
    session: Session,
    *,
    speaker_id: int | None = None,
    topic_ids: Sequence[int] | None = None,
    suggested_only: bool = False,
    limit: int | None = None,
) -> list[tuple[StatementStance, str, str | None, dt.date | None, str]]:
    """(stance, topic name, speaker name, first said on, statement text), earliest
    statement first."""
    query = (
        select(
            StatementStance,
            Topic.name,
            Speaker.name,
            Statement.first_said_on,
            Statement.canonical_text,
        )
        .join(Topic, Topic.id == StatementStance.topic_id)
        .join(Statement, Statement.id == StatementStance.statement_id)
        .outerjoin(Speaker, Speaker.id == Statement.speaker_id)
        .order_by(
            Statement.first_said_on.is_(None), Statement.first_said_on, Statement.id, Topic.name
        )
    )
    if speaker_id is not None:
        query = query.where(Statement.speaker_id == speaker_id)
    if topic_ids is not None:
        query = query.where(StatementStance.topic_id.in_(topic_ids))
    if suggested_only:
        query = query.where(StatementStance.set_by == Actor.RULE)
    if limit is not None:
        query = query.limit(limit)
    return [
        (row, topic, speaker, said_on, text)
        for row, topic, speaker, said_on, text in session.execute(query)
    ]


def stance_row(session: Session, statement_id: int, topic_id: int) -> StatementStance | None:
    return session.scalars(
        select(StatementStance).where(
            StatementStance.statement_id == statement_id, StatementStance.topic_id == topic_id
        )
    ).first()


def stances_by_pair(
    session: Session, statement_ids: Sequence[int]
) -> dict[tuple[int, int], StatementStance]:
    """The stance rows of these statements by (statement id, topic id)."""
    return {
        (row.statement_id, row.topic_id): row
        for row in session.scalars(
            select(StatementStance).where(StatementStance.statement_id.in_(statement_ids))
        )
    }


def cues_of(session: Session, statement_ids: Sequence[int]) -> dict[int, list[str]]:
    """The reporting verbs of the statements' quotes."""
    found: dict[int, list[str]] = defaultdict(list)
    for statement_id, cue in session.execute(
        select(Quote.statement_id, Quote.cue).where(
            Quote.statement_id.in_(statement_ids), Quote.cue.is_not(None)
        )
    ):
        if statement_id is not None and cue:
            found[statement_id].append(cue)
    return found


def add_stances(session: Session, rows: list[dict[str, Any]]) -> None:
    """Insert stance rows, leaving those there already."""
    if rows:
        session.execute(insert_ignore(session, StatementStance), rows)


def drop_rule_stances(session: Session, pairs: Sequence[tuple[int, int]]) -> None:
    """Delete the rules' stances of these (statement id, topic id) pairs."""
    for start in range(0, len(pairs), 500):
        session.execute(
            delete(StatementStance).where(
                tuple_(StatementStance.statement_id, StatementStance.topic_id).in_(
                    pairs[start : start + 500]
                ),
                StatementStance.set_by == Actor.RULE,
            )
        )


def _candidates_query() -> Any:
    table = table_of(Statement)
    return select(
        table.c.id,
        table.c.speaker_id,
        table.c.canonical_text,
        table.c.kind,
        table.c.first_said_on,
        table.c.date_precision,
    ).where(
        table.c.speaker_id.in_(bindparam("speaker_ids", expanding=True)),
        or_(
            table.c.first_said_on.between(bindparam("lo"), bindparam("hi")),
            table.c.first_said_on.is_(None),
        ),
    )


# Built once: the importer asks it for every batch of articles.
_CANDIDATES = _candidates_query()


def candidate_rows(
    connection: Connection, speaker_ids: Sequence[int], lo: dt.date, hi: dt.date
) -> Any:
    """(id, speaker id, text, kind, first said on, precision) of the speakers'
    statements first said between ``lo`` and ``hi``, or undated."""
    return connection.execute(_CANDIDATES, {"speaker_ids": list(speaker_ids), "lo": lo, "hi": hi})


def delete_article_quotes(session: Session, article_id: int) -> None:
    """Delete an article's quotes with the review suggestions about them (their
    statements are the caller's to recompute)."""
    quote_ids = select(Quote.id).where(Quote.article_id == article_id).scalar_subquery()
    session.execute(delete(MergeSuggestion).where(MergeSuggestion.quote_id.in_(quote_ids)))
    session.execute(
        delete(Quote).where(Quote.article_id == article_id),
        execution_options={"synchronize_session": False},
    )


def hand_work_on_article(session: Session, article_id: int) -> list[str]:
    """What people did to the article's quotes that re-extracting it would lose:
    quotes they placed, merges they made or accepted, and the stances and topics
    they set on statements that hold this article's quotes alone (those
    statements go with the quotes). Empty when re-extraction loses nothing."""
    quote_ids = select(Quote.id).where(Quote.article_id == article_id)
    placed = session.scalar(
        select(func.count()).where(Quote.article_id == article_id, Quote.hand_placed.is_(True))
    )
    merged = session.scalar(
        select(func.count()).where(
            MergeLog.entity == MergeEntity.QUOTE,
            MergeLog.actor == Actor.PERSON,
            MergeLog.undone_at.is_(None),
            MergeLog.subject_id.in_(quote_ids),
        )
    )
    elsewhere = select(Quote.statement_id).where(
        Quote.article_id != article_id, Quote.statement_id.is_not(None)
    )
    alone = (
        select(Quote.statement_id)
        .where(Quote.article_id == article_id, Quote.statement_id.not_in(elsewhere))
        .distinct()
    )
    stances = session.scalar(
        select(func.count()).where(
            StatementStance.statement_id.in_(alone), StatementStance.set_by == Actor.PERSON
        )
    )
    topics = session.scalar(
        select(func.count()).where(
            StatementTopic.statement_id.in_(alone), StatementTopic.assigned_by == Actor.PERSON
        )
    )
    counts = [
        (placed, "quote placed by hand", "quotes placed by hand"),
        (merged, "merge made by hand", "merges made by hand"),
        (stances, "stance set by hand", "stances set by hand"),
        (topics, "topic given by hand", "topics given by hand"),
    ]
    return [f"{n} {one if n == 1 else many}" for n, one, many in counts if n]
