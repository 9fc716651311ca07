"""Bulk writing helpers, portable between SQLite and PostgreSQL.

- ``insert_ignore``: "insert unless the row is already there". Importers run
  concurrently; two of them may add the same alias or role at once, and a
  unique-constraint violation would abort the whole article's transaction.
- ``reserve_ids``: primary keys handed out before inserting, so that many rows
  go in one executemany and can be referred to at once (SQLite answers an
  INSERT ... RETURNING row by row when the order of ids must be known).
- ``chunked``: a long list of keys in slices, each one IN list a server takes.
- ``executemany``: a prepared statement run over plain tuples through the
  driver, for the hundreds of thousands of rows of ``quotes dedupe``, where
  SQLAlchemy's per-row parameter processing would cost more than the writes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any, TypeVar, cast

from sqlalchemy import Connection, Engine, Insert, Table, insert, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from quotes.storage.models import Base

T = TypeVar("T")


def chunked(values: Sequence[T], size: int = 2000) -> Iterator[Sequence[T]]:
    """``values`` in slices of at most ``size``: IN lists well under SQLite's
    and PostgreSQL's limits on bound parameters."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


def table_of(model: type[Base]) -> Table:
    """The Core table of a model: executing against it skips the ORM's bulk machinery,
    which costs more than the rows themselves for the few rows an article has."""
    return cast(Table, model.__table__)


def insert_ignore(session: Session, model: type[Base]) -> Insert:
    """An INSERT that skips rows conflicting with a unique constraint."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(table_of(model)).on_conflict_do_nothing()
    return sqlite.insert(table_of(model)).on_conflict_do_nothing()


def reserve_ids(connection: Connection, model: type[Base], count: int) -> list[int]:
    """``count`` fresh primary keys of the model's table.

    PostgreSQL draws them from the table's sequence (safe under concurrency).
    SQLite takes the next ones after the highest: every write transaction
    begins IMMEDIATE (``quotes.storage.database``), so no other writer can
    take them before this transaction commits.
    """
    if count <= 0:
        return []
    name = table_of(model).name
    if connection.dialect.name == "postgresql":
        rows = connection.execute(
            text(
                f"SELECT nextval(pg_get_serial_sequence('{name}', 'id')) "
                "FROM generate_series(1, :n)"
            ),
            {"n": count},
        )
        return sorted(int(value) for (value,) in rows)
    highest = connection.execute(text(f"SELECT max(id) FROM {name}")).scalar() or 0
    return list(range(highest + 1, highest + 1 + count))


def insert_with_ids(
    connection: Connection, model: type[Base], rows: list[dict[str, Any]]
) -> list[int]:
    """Insert ``rows`` and return their ids, in order, in as few round trips as can be:
    one row with RETURNING, many with ids reserved first and one executemany."""
    if not rows:
        return []
    table = table_of(model)
    if len(rows) == 1:
        return [connection.execute(insert(table).returning(table.c.id), rows[0]).scalar_one()]
    ids = reserve_ids(connection, model, len(rows))
    connection.execute(insert(table), [{**row, "id": i} for row, i in zip(rows, ids, strict=True)])
    return ids


def executemany(connection: Connection, sql: str, rows: Sequence[tuple[Any, ...]]) -> None:
    """Run ``sql`` (with ``?`` placeholders) over ``rows`` through the driver.

    On PostgreSQL an ``INSERT ... VALUES (...)`` is sent as multi-row inserts
    of ``PG_ROWS_PER_STATEMENT`` rows: one round trip and one plan each.
    """
    if not rows:
        return
    if connection.dialect.name != "postgresql":
        connection.exec_driver_sql(sql, list(rows))
        return
    sql = sql.replace("?", "%s")
    head, values = sql.split(" VALUES ", 1)
    if not head.lstrip().upper().startswith("INSERT"):
        connection.exec_driver_sql(sql, list(rows))
        return
    for start in range(0, len(rows), PG_ROWS_PER_STATEMENT):
        chunk = rows[start : start + PG_ROWS_PER_STATEMENT]
        statement = f"{head} VALUES {', '.join([values] * len(chunk))}"
        connection.exec_driver_sql(statement, tuple(v for row in chunk for v in row))


PG_ROWS_PER_STATEMENT = 1000


def update_by_id(
    connection: Connection,
    table: str,
    columns: Sequence[tuple[str, str]],
    rows: Sequence[tuple[Any, ...]],
) -> None:
    """Set ``columns`` (name, SQL type) of many rows by id; each row is (values..., id).

    SQLite runs a prepared UPDATE per row (cheap in-process); PostgreSQL joins
    a multi-row VALUES list, ``PG_ROWS_PER_STATEMENT`` rows a statement.
    """
    if not rows:
        return
    names = [name for name, _ in columns]
    if connection.dialect.name != "postgresql":
        assignments = ", ".join(f"{name} = ?" for name in names)
        connection.exec_driver_sql(f"UPDATE {table} SET {assignments} WHERE id = ?", list(rows))
        return
    template = "(" + ", ".join(f"%s::{kind}" for _, kind in [*columns, ("id", "integer")]) + ")"
    assignments = ", ".join(f"{name} = v.{name}" for name in names)
    for start in range(0, len(rows), PG_ROWS_PER_STATEMENT):
        chunk = rows[start : start + PG_ROWS_PER_STATEMENT]
        connection.exec_driver_sql(
            f"UPDATE {table} AS t SET {assignments} "
            f"FROM (VALUES {', '.join([template] * len(chunk))}) AS v({', '.join(names)}, id) "
            "WHERE t.id = v.id",
            tuple(v for row in chunk for v in row),
        )


# Pages of write-ahead log an import lets grow before folding them into the
# database (SQLite's default is 1000): each fold ends in an fsync, which cost
# more than the group of articles before it.
IMPORT_CHECKPOINT_PAGES = 10_000
_SQLITE_CHECKPOINT_PAGES = 1000


def checkpoint_every(connection: Connection, pages: int | None) -> None:
    """On SQLite, have this connection fold the log every ``pages`` pages (None: the default).

    Set on the driver connection: through SQLAlchemy it would begin a
    transaction, and on SQLite take the write lock. A no-op on PostgreSQL.
    """
    if connection.dialect.name != "sqlite":
        return
    pages = _SQLITE_CHECKPOINT_PAGES if pages is None else int(pages)
    driver = connection.connection.driver_connection
    assert driver is not None
    driver.execute(f"PRAGMA wal_autocheckpoint = {pages}")


def checkpoint(engine: Engine) -> None:
    """After a bulk rewrite on SQLite, fold the write-ahead log into the database.

    A WAL of hundreds of megabytes slows every later read until SQLite's
    automatic checkpoints have worked through it; one TRUNCATE checkpoint
    right away is cheaper. A no-op on PostgreSQL.
    """
    if engine.dialect.name != "sqlite":
        return
    # On the driver connection, outside any transaction (SQLAlchemy's would
    # begin one, and a checkpoint cannot run inside it). Best effort: the
    # rewrite is committed already, and another reader only delays the fold.
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.close()
    except sqlite3.Error:
        pass
    finally:
        connection.close()
