"""What every listing of statements shows, read in bulk for a page of ids.

A search hit, a line of ``statements list``, a timeline entry and the
statement page all show the same summary of a statement (speaker, date,
how many printings, which outlets, which topics): it is read here, a few
indexed look-ups for the whole page, and nowhere else.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from quotes.extract.model import DatePrecision, QuoteKind
from quotes.storage.appearances import appearances
from quotes.storage.models import (
    MergeLog,
    Operation,
    OperationRow,
    Outlet,
    Quote,
    Speaker,
    SpeakerAlias,
    SpeakerRole,
    Statement,
    StatementStance,
    StatementTopic,
    Topic,
)


@dataclass(frozen=True)
class StatementRow:
    statement_id: int
    speaker_id: int | None
    speaker: str | None
    text: str
    kind: str
    first_said_on: dt.date | None
    date_precision: str


def _statement_row_query() -> Select[
    int, int | None, str, str, QuoteKind, dt.date | None, DatePrecision
]:
    return select(
        Statement.id,
        Statement.speaker_id,
        Speaker.name,
        Statement.canonical_text,
        Statement.kind,
        Statement.first_said_on,
        Statement.date_precision,
    ).outerjoin(Speaker, Speaker.id == Statement.speaker_id)


def _statement_row(row: Any) -> StatementRow:
    return StatementRow(row[0], row[1], row[2], row[3], str(row[4]), row[5], str(row[6]))


def statement_rows(session: Session, ids: Sequence[int]) -> dict[int, StatementRow]:
    """The statements' own fields and their speaker's name, by id."""
    if not ids:
        return {}
    rows = session.execute(_statement_row_query().where(Statement.id.in_(list(ids))))
    return {row[0]: _statement_row(row) for row in rows}


def speaker_statement_rows(
    session: Session,
    speaker_id: int,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    topic_ids: Sequence[int] | None = None,
) -> list[StatementRow]:
    """The speaker's statements in the order they were first said, undated last
    (on every backend), through the (speaker_id, first_said_on) index; on these
    topics only, if given."""
    query = (
        _statement_row_query()
        .where(Statement.speaker_id == speaker_id)
        .order_by(Statement.first_said_on.is_(None), Statement.first_said_on, Statement.id)
    )
    if since is not None:
        query = query.where(Statement.first_said_on >= since)
    if until is not None:
        query = query.where(Statement.first_said_on <= until)
    if topic_ids is not None:
        query = query.where(
            Statement.id.in_(
                select(StatementTopic.statement_id).where(
                    StatementTopic.topic_id.in_(topic_ids), StatementTopic.excluded.is_(False)
                )
            )
        )
    return [_statement_row(row) for row in session.execute(query)]


def printed_in(
    session: Session, statement_ids: Sequence[int]
) -> tuple[dict[int, list[str]], Counter[int]]:
    """Per statement: the outlets that printed it, and how many printings (reprints included).

    A printing is an article that quotes the statement, or a reprint of that
    article: one schema.org ``appearance`` of the claim (``quotes export``), however
    many times the article quotes it. Quotes first, then the printings of their
    articles: two indexed look-ups, cheaper than planning a join through the
    union of articles and reprints.
    """
    outlets: dict[int, set[str]] = defaultdict(set)
    counts: Counter[int] = Counter()
    quoted_in: dict[int, set[int]] = defaultdict(set)  # article id -> statement ids
    for statement_id, article_id in session.execute(
        select(Quote.statement_id, Quote.article_id).where(
            Quote.statement_id.in_(list(statement_ids))
        )
    ):
        if statement_id is not None:  # never: filtered on it; the column is nullable
            quoted_in[article_id].add(statement_id)
    if not quoted_in:
        return {}, counts
    printed = appearances()
    rows = session.execute(
        select(printed.c.article_id, Outlet.name)
        .outerjoin(Outlet, Outlet.id == printed.c.outlet_id)
        .where(printed.c.article_id.in_(list(quoted_in)))
    )
    for article_id, name in rows:
        for statement_id in quoted_in[article_id]:
            counts[statement_id] += 1
            if name is not None:
                outlets[statement_id].add(name)
    return {k: sorted(v) for k, v in outlets.items()}, counts


def quotes_by_outlet(session: Session, speaker_id: int) -> dict[str, int]:
    """The speaker's printings by outlet name ("(unknown outlet)" where none is
    known), most first: each quote in its article and in each reprint of it.
    As ``printed_in``: quotes per article first, then the printings of those
    articles, each an indexed look-up."""
    per_article = {
        article_id: count
        for article_id, count in session.execute(
            select(Quote.article_id, func.count())
            .where(Quote.speaker_id == speaker_id)
            .group_by(Quote.article_id)
        )
    }
    if not per_article:
        return {}
    printed = appearances()
    counts: Counter[str] = Counter()
    for article_id, name in session.execute(
        select(printed.c.article_id, Outlet.name)
        .outerjoin(Outlet, Outlet.id == printed.c.outlet_id)
        .where(
            printed.c.article_id.in_(select(Quote.article_id).where(Quote.speaker_id == speaker_id))
        )
    ):
        counts[name or "(unknown outlet)"] += per_article.get(article_id, 0)
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def topics_of(session: Session, ids: Sequence[int]) -> dict[int, list[str]]:
    """The names of the topics each statement is tagged with (not the excluded ones)."""
    found: dict[int, list[str]] = defaultdict(list)
    if not ids:
        return found
    rows = session.execute(
        select(StatementTopic.statement_id, Topic.name)
        .join(Topic, Topic.id == StatementTopic.topic_id)
        .where(StatementTopic.statement_id.in_(list(ids)), StatementTopic.excluded.is_(False))
        .order_by(Topic.name)
    )
    for statement_id, name in rows:
        found[statement_id].append(name)
    return found


def appearances_of(session: Session, statement_id: int) -> list[dict[str, Any]]:
    """Every printing of the statement, earliest first: its quotes, in their
    articles and in each reprint of those; keyed as the schema's ``appearance``."""
    printed = appearances()
    rows = session.execute(
        select(
            Quote.id.label("quote_id"),
            Quote.statement_id,
            Quote.article_id,
            Outlet.name.label("outlet"),
            printed.c.url,
            printed.c.origin,
            printed.c.published_on,
            Quote.said_on,
            Quote.date_precision,
            Quote.text,
            Quote.speaker_mention,
            Quote.match_method,
            Quote.match_score,
            printed.c.reprint,
        )
        .join(printed, printed.c.article_id == Quote.article_id)
        .outerjoin(Outlet, Outlet.id == printed.c.outlet_id)
        .where(Quote.statement_id == statement_id)
        .order_by(printed.c.published_on, Quote.id, printed.c.reprint)
    )
    found = [
        {**row, "date_precision": str(row["date_precision"]), "reprint": bool(row["reprint"])}
        for row in rows.mappings()
    ]
    # Undated last on every backend (they disagree on where NULL sorts).
    found.sort(key=lambda a: (a["published_on"] is None, a["published_on"] or dt.date.min))
    return found


def stances_of(session: Session, statement_id: int) -> list[tuple[StatementStance, str]]:
    """The statement's stances with their topic's name, by topic name."""
    return [
        (row, name)
        for row, name in session.execute(
            select(StatementStance, Topic.name)
            .join(Topic, Topic.id == StatementStance.topic_id)
            .where(StatementStance.statement_id == statement_id)
            .order_by(Topic.name)
        )
    ]


def operations_of_statement(session: Session, statement_id: int) -> list[Operation]:
    """Logged operations (a person's or a rule's) that changed the statement or
    one of its quotes, oldest first; through the (table_name, row_key) index."""
    quote_keys = [
        f"[{quote_id}]"
        for quote_id in session.scalars(select(Quote.id).where(Quote.statement_id == statement_id))
    ]
    touched = select(OperationRow.operation_id).where(
        ((OperationRow.table_name == "statements") & (OperationRow.row_key == f"[{statement_id}]"))
        | ((OperationRow.table_name == "quotes") & OperationRow.row_key.in_(quote_keys))
    )
    return list(
        session.scalars(
            select(Operation)
            .where(Operation.id.in_(touched))
            .order_by(Operation.created_at, Operation.id)
        )
    )


def log_of_statement(session: Session, statement_id: int) -> list[MergeLog]:
    """Change-log entries of the statement's quotes (how each came to it, and
    any move since) and of the statement itself, oldest first.

    Looked up by subject through the log's (entity, subject_id) index: the log
    holds a row per automatic merge, so a scan by destination would read it all.
    """
    quote_ids = select(Quote.id).where(Quote.statement_id == statement_id).scalar_subquery()
    return list(
        session.scalars(
            select(MergeLog)
            .where(
                ((MergeLog.entity == "quote") & MergeLog.subject_id.in_(quote_ids))
                | ((MergeLog.entity == "statement") & (MergeLog.subject_id == statement_id))
            )
            .order_by(MergeLog.created_at, MergeLog.id)
        )
    )


@dataclass(frozen=True)
class SpeakerFacts:
    aliases: dict[int, list[str]]
    roles: dict[int, list[tuple[str, dt.date | None, dt.date | None]]]
    statement_counts: dict[int, int]
    quote_counts: dict[int, int]


def speaker_facts(session: Session, ids: Sequence[int]) -> SpeakerFacts:
    """Aliases, roles (earliest seen first) and counts of these speakers, by id."""
    aliases: dict[int, list[str]] = defaultdict(list)
    roles: dict[int, list[tuple[str, dt.date | None, dt.date | None]]] = defaultdict(list)
    if not ids:
        return SpeakerFacts(aliases, roles, {}, {})
    wanted = list(ids)
    for speaker_id, alias in session.execute(
        select(SpeakerAlias.speaker_id, SpeakerAlias.alias)
        .where(SpeakerAlias.speaker_id.in_(wanted))
        .order_by(SpeakerAlias.alias)
    ):
        aliases[speaker_id].append(alias)
    for speaker_id, role, first, last in session.execute(
        select(
            SpeakerRole.speaker_id, SpeakerRole.role, SpeakerRole.first_seen, SpeakerRole.last_seen
        ).where(SpeakerRole.speaker_id.in_(wanted))
    ):
        roles[speaker_id].append((role, first, last))
    for found in roles.values():
        found.sort(key=lambda r: (r[1] or dt.date.min, r[0]))
    statements = _count_by(session, Statement.speaker_id, wanted)
    quotes = _count_by(session, Quote.speaker_id, wanted)
    return SpeakerFacts(aliases, roles, statements, quotes)


def _count_by(
    session: Session, column: InstrumentedAttribute[int | None], ids: list[int]
) -> dict[int, int]:
    """Rows per value of ``column`` (a speaker id), for these values."""
    return {
        value: count
        for value, count in session.execute(
            select(column, func.count()).where(column.in_(ids)).group_by(column)
        )
        if value is not None
    }
