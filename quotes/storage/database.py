"""Opening a database: URL or path in, an upgraded engine and sessions out.

SQLite is the embedded default (one file, WAL so that readers never block the
importer, a busy timeout so that two importers wait instead of failing).
PostgreSQL is for teams; the schema upgrade there takes an advisory lock so
that many importers starting at once upgrade it exactly once.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from quotes.errors import DatabaseError

DEFAULT_DATABASE = "quotes.db"
SQLITE_BUSY_TIMEOUT_MS = 30_000


def resolve_url(database: str | None = None) -> URL:
    """Turn ``--db`` / ``QUOTES_DB`` (a SQLAlchemy URL or a plain path) into a URL.

    ``postgresql://`` is read as psycopg 3, the driver we install.
    """
    value = database or os.environ.get("QUOTES_DB") or DEFAULT_DATABASE
    if "://" not in value:
        path = Path(value).expanduser()
        if path.is_dir():
            raise DatabaseError(f"{value}: is a directory, not a database file")
        if not path.parent.exists():
            raise DatabaseError(f"{value}: folder {path.parent} does not exist")
        return URL.create("sqlite+pysqlite", database=str(path.resolve()))
    try:
        url = make_url(value)
    except ArgumentError as exc:
        raise DatabaseError(f"{value}: not a database URL ({exc})") from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseError(f"{safe_url(url)}: only SQLite and PostgreSQL are supported")
    return url


def safe_url(url: URL) -> str:
    """The URL for messages: a SQLite file as its path, and never a password."""
    if url.get_backend_name() == "sqlite" and url.database:
        return url.database
    return url.render_as_string(hide_password=True)


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # Autocommit mode on the driver so that SQLAlchemy's BEGIN is the only
    # transaction control; pragmas must run outside a transaction.
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    _switch_to_wal(cursor)
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _switch_to_wal(cursor: Any) -> None:
    """WAL is a property of the file, set once; on a brand-new file several
    processes may race to set it, and SQLite answers "locked" at once instead
    of waiting on the busy timeout, so wait here."""
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _begin_sqlite(connection: Any) -> None:
    # IMMEDIATE takes the write lock up front: two writers queue on the busy
    # timeout instead of one failing on upgrade from a read lock. A read-only
    # transaction takes no lock at all: in WAL mode it reads while others write.
    if connection.get_execution_options().get(_READ_ONLY):
        connection.exec_driver_sql("BEGIN")
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


_READ_ONLY = "quotes_read_only"


def create_database_engine(url: URL, **kwargs: Any) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = create_engine(
            url,
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "isolation_level": None},
            **kwargs,
        )
        event.listen(engine, "connect", _configure_sqlite)
        event.listen(engine, "begin", _begin_sqlite)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


@dataclass
class Database:
    """An open database: the engine and a session factory."""

    url: URL
    engine: Engine
    sessionmaker: sessionmaker[Session]

    @property
    def backend(self) -> str:
        return self.url.get_backend_name()

    @contextmanager
    def session(self, *, read_only: bool = False) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error.

        ``read_only`` is for work that only looks (search, listings, export):
        on SQLite its transaction takes no lock, so a search never waits for
        an import; on PostgreSQL it is READ ONLY. It has nothing to commit.
        """
        if not read_only:
            with self.sessionmaker.begin() as session:
                yield session
            return
        options: dict[str, Any] = {_READ_ONLY: True}
        if self.backend == "postgresql":
            options["postgresql_readonly"] = True
        with (
            self.engine.connect() as connection,
            Session(bind=connection.execution_options(**options)) as session,
        ):
            yield session

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_database(database: str | URL | None = None, *, upgrade: bool = True) -> Database:
    """Open (and, by default, create or upgrade) the database.

    Every way this can fail because of what the user gave (a directory, a file
    that is not SQLite, a server that does not answer) becomes one
    ``DatabaseError`` line naming the database.
    """
    url = database if isinstance(database, URL) else resolve_url(database)
    engine = create_database_engine(url)
    try:
        with engine.connect() as connection:
            # Touch the schema: SQLite reports "file is not a database" only on first read.
            inspect(connection).get_table_names()
    except (OperationalError, SADatabaseError) as exc:
        engine.dispose()
        raise DatabaseError(f"{safe_url(url)}: cannot open database: {_reason(exc)}") from None
    if upgrade:
        from quotes.storage.migrate import upgrade_to_head

        try:
            upgrade_to_head(engine)
        except (OperationalError, SADatabaseError) as exc:
            engine.dispose()
            raise DatabaseError(f"{safe_url(url)}: cannot upgrade schema: {_reason(exc)}") from None
    return Database(
        url=url, engine=engine, sessionmaker=sessionmaker(engine, expire_on_commit=False)
    )


def _reason(exc: Exception) -> str:
    """The driver's own first line, which is what a user can act on."""
    original = getattr(exc, "orig", None) or exc
    return str(original).strip().splitlines()[0] if str(original).strip() else type(exc).__name__
