"""The reads and bulk writes of ``quotes dedupe`` (``quotes.services.dedupe``).

A dedupe re-clusters every speaker's quotes, so its writes can reach a
million rows: new statements and quote moves go through the driver
(``quotes.storage.bulk``), statement updates as one executemany.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import Enum
from typing import Any

from sqlalchemy import ColumnElement, Connection, bindparam, delete, exists, func, select, update

from quotes.storage.appearances import first_printed
from quotes.storage.bulk import executemany, table_of, update_by_id
from quotes.storage.models import (
    Article,
    MergeSuggestion,
    Quote,
    Statement,
    SuggestionStatus,
    utcnow,
)
from quotes.storage.operations import Recorder, watch_statements

# The statement columns a dedupe writes, besides its id and timestamps.
STATEMENT_FIELDS = (
    "speaker_id",
    "canonical_text",
    "match_key",
    "kind",
    "first_said_on",
    "date_precision",
    "quote_count",
)


def _scope(speaker_id: int | None) -> list[ColumnElement[bool]]:
    """The quotes a dedupe covers: one speaker's, or every attributed quote."""
    if speaker_id is not None:
        return [Quote.speaker_id == speaker_id]
    return [Quote.speaker_id.is_not(None)]


def pinned_statement_ids(
    connection: Connection, speaker_id: int | None, methods: Sequence[str]
) -> set[int | None]:
    """The statements in scope holding a quote put there by one of ``methods``."""
    return set(
        connection.execute(
            select(Quote.statement_id)
            .where(
                *_scope(speaker_id),
                Quote.match_method.in_(methods),
                Quote.statement_id.is_not(None),
            )
            .distinct()
        ).scalars()
    )


def drop_pending_suggestions(
    connection: Connection, recorder: Recorder, speaker_id: int | None
) -> None:
    """Delete the pending merge suggestions (of one speaker's quotes), their rows
    recorded first."""
    waiting = MergeSuggestion.status == SuggestionStatus.PENDING
    if speaker_id is not None:
        waiting &= MergeSuggestion.quote_id.in_(
            select(Quote.id).where(Quote.speaker_id == speaker_id)
        )
    recorder.watch(MergeSuggestion, waiting)
    connection.execute(delete(MergeSuggestion).where(waiting))


def quote_counts(connection: Connection, speaker_id: int | None) -> list[tuple[int, int]]:
    """(speaker id, number of quotes) of each speaker in scope."""
    return [
        (int(sid), int(n))
        for sid, n in connection.execute(
            select(Quote.speaker_id, func.count())
            .where(*_scope(speaker_id))
            .group_by(Quote.speaker_id)
        )
        if sid is not None
    ]


def speaker_range_quotes(
    connection: Connection, speaker_id: int | None, low: int, high: int
) -> list[Any]:
    """(speaker id, id, statement id, text, kind, said on, precision, first printed
    on, match method, match score) of the quotes in scope of the speakers with ids
    from ``low`` to ``high``, read whole: no cursor stays open while writing."""
    reprinted, printed_on = first_printed()
    return list(
        connection.execute(
            select(
                Quote.speaker_id,
                Quote.id,
                Quote.statement_id,
                Quote.text,
                Quote.kind,
                Quote.said_on,
                Quote.date_precision,
                printed_on,
                Quote.match_method,
                Quote.match_score,
            )
            .join(Article, Article.id == Quote.article_id)
            .outerjoin(reprinted, reprinted.c.article_id == Article.id)
            .where(*_scope(speaker_id), Quote.speaker_id.between(low, high))
            # In a stable order: the clusterer breaks ties by it.
            .order_by(Quote.speaker_id, Quote.id)
        )
    )


def insert_statements(
    connection: Connection, ids: Sequence[int], rows: Sequence[dict[str, Any]]
) -> None:
    """Insert statements (``STATEMENT_FIELDS`` each) under ids reserved for them."""
    executemany(
        connection,
        _INSERT_STATEMENT_SQL,
        [
            (i, *(_driver_value(connection, v[k]) for k in STATEMENT_FIELDS))
            for i, v in zip(ids, rows, strict=True)
        ],
    )


def statement_update(statement_id: int, values: dict[str, Any]) -> dict[str, Any]:
    """The parameters of ``update_statements`` that give the statement these
    ``STATEMENT_FIELDS`` values, stamped updated now."""
    return (
        {"sid": statement_id}
        | {f"v_{k}": values[k] for k in STATEMENT_FIELDS}
        | {"v_updated_at": utcnow()}
    )


def update_statements(connection: Connection, updates: list[dict[str, Any]]) -> None:
    """Rewrite statements, one ``statement_update`` each, in one executemany."""
    connection.execute(_UPDATE_STATEMENT, updates)


def move_quotes(
    connection: Connection, moves: Sequence[tuple[int, str | None, float | None, int]]
) -> None:
    """Set (statement id, match method, match score) of quotes; each row ends with the quote id."""
    update_by_id(connection, "quotes", _QUOTE_COLUMNS, moves)


def delete_unused_statements(
    connection: Connection, recorder: Recorder, statement_ids: Sequence[int]
) -> int:
    """Delete those of the statements no quote points at, their rows (and what
    goes with them: topics, stances, suggestions) recorded first; how many went."""
    table = table_of(Statement)
    quotes = table_of(Quote)
    recorder.watch_ids(Statement, statement_ids)
    watch_statements(recorder, list(statement_ids))
    done = connection.execute(
        delete(table).where(
            table.c.id.in_(statement_ids),
            ~exists().where(quotes.c.statement_id == table.c.id),
        )
    )
    return int(done.rowcount)


def _update_statement() -> Any:
    table = table_of(Statement)
    return (
        update(table)
        .where(table.c.id == bindparam("sid"))
        .values(
            {
                name: bindparam(f"v_{name}", type_=table.c[name].type)
                for name in (*STATEMENT_FIELDS, "updated_at")
            }
        )
    )


def _driver_value(connection: Connection, value: Any) -> Any:
    """A value as the driver takes it: enums by value; dates as text on SQLite
    (the form SQLAlchemy stores there), date objects on PostgreSQL."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date) and connection.dialect.name == "sqlite":
        return value.isoformat()
    return value


# Driver-level SQL for the writes that can reach a million rows.
_INSERT_STATEMENT_SQL = (
    f"INSERT INTO statements (id, {', '.join(STATEMENT_FIELDS)}, created_at, updated_at) "
    f"VALUES (?, {', '.join('?' for _ in STATEMENT_FIELDS)}, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
)
_QUOTE_COLUMNS = (
    ("statement_id", "integer"),
    ("match_method", "varchar"),
    ("match_score", "double precision"),
)
_UPDATE_STATEMENT = _update_statement()
