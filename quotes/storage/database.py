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
# Pages read through a memory map of the file rather than copied into each
# connection's own cache by a system call each: a speaker's statements lie on
# hundreds of pages across the file, and the web app's workers each hold a pool
# of connections. Address space only; the file beyond it is read as usual.
SQLITE_MMAP_BYTES = 1 << 30


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


def _configure_sqlite_reader(dbapi_connection: Any, _record: Any) -> None:
    # A reader changes nothing: not the journal mode, not the file's settings;
    # query_only makes SQLite refuse any write on this connection.
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute(f"PRAGMA mmap_size = {SQLITE_MMAP_BYTES}")
    cursor.execute("PRAGMA query_only = ON")
    cursor.close()


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # Autocommit mode on the driver so that SQLAlchemy's BEGIN is the only
    # transaction control; pragmas must run outside a transaction.
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute(f"PRAGMA mmap_size = {SQLITE_MMAP_BYTES}")
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


def create_database_engine(url: URL, *, read_only: bool = False, **kwargs: Any) -> Engine:
    """An engine; ``read_only`` opens SQLite read-only (see ``_read_only_sqlite``)
    and makes every PostgreSQL transaction READ ONLY."""
    if url.get_backend_name() == "sqlite":
        if read_only:
            url = _read_only_sqlite(url)
            kwargs["execution_options"] = {_READ_ONLY: True}
        engine = create_engine(
            url,
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "isolation_level": None},
            **kwargs,
        )
        event.listen(
            engine, "connect", _configure_sqlite_reader if read_only else _configure_sqlite
        )
        event.listen(engine, "begin", _begin_sqlite)
        return engine
    if read_only:
        kwargs["execution_options"] = {"postgresql_readonly": True}
    return create_engine(url, pool_pre_ping=True, **kwargs)


def _read_only_sqlite(url: URL) -> URL:
    """The file as a reader opens it: never created, and where the folder can
    be written, as any reader of the file (``query_only`` refuses writes; the
    last to close tidies the log away).

    In a folder that cannot be written the file is opened ``mode=ro``, and
    ``immutable`` when no write-ahead log lies beside it (so no writer has it
    open): a reader of a WAL database would otherwise need to create its
    shared-memory file there. A folder counts as unwritable when its
    permissions say so, even to root.
    """
    path = Path(url.database or "")
    if not path.is_file():
        raise DatabaseError(f"{path}: no database here (quotes import creates one)")
    if not _unwritable(path.parent):
        return url
    mode = {"mode": "ro"} if _wal(path).exists() else {"immutable": "1"}
    return url.set(database=f"file:{path}", query={**mode, "uri": "true"})


def _wal(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _unwritable(path: Path) -> bool:
    """Cannot be written by this process, or is marked so for everyone (root too)."""
    return not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222


def _check_writable(url: URL) -> None:
    """A SQLite file an import or a change is about to write, and its folder
    (where SQLite keeps its log), must be writable: say so once, up front,
    rather than fail on the first article."""
    path = Path(url.database or "")
    for place in (path, path.parent) if path.exists() else (path.parent,):
        if _unwritable(place):
            raise DatabaseError(f"{path}: read-only ({place} cannot be written)")


@dataclass
class Database:
    """An open database: the engine and a session factory."""

    url: URL
    engine: Engine
    sessionmaker: sessionmaker[Session]
    # Opened to look only: every session is read-only.
    read_only: bool = False

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
        if not read_only and not self.read_only:
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


def open_database(
    database: str | URL | None = None, *, upgrade: bool = True, read_only: bool = False
) -> Database:
    """Open (and, by default, create or upgrade) the database.

    ``read_only`` is for commands that only look: nothing is created, upgraded
    or locked (on SQLite the file is opened read-only), and a schema behind
    the code's is an error that says to upgrade, unless ``upgrade=False``
    (take the schema as it is: ``quotes db current``).

    Every way this can fail because of what the user gave (a directory, a file
    that is not SQLite, a server that does not answer, a read-only file to
    write) becomes one ``DatabaseError`` line naming the database.
    """
    url = database if isinstance(database, URL) else resolve_url(database)
    if url.get_backend_name() == "sqlite" and url.database and not read_only:
        _check_writable(url)
    engine = create_database_engine(url, read_only=read_only)
    try:
        with engine.connect() as connection:
            # Touch the schema: SQLite reports "file is not a database" only on first read.
            inspect(connection).get_table_names()
    except (OperationalError, SADatabaseError) as exc:
        engine.dispose()
        raise DatabaseError(f"{safe_url(url)}: cannot open database: {_reason(exc)}") from None
    if read_only and upgrade:
        _check_schema(url, engine)
    elif upgrade:
        from quotes.storage.migrate import upgrade_to_head

        try:
            upgrade_to_head(engine)
        except (OperationalError, SADatabaseError) as exc:
            engine.dispose()
            raise DatabaseError(f"{safe_url(url)}: cannot upgrade schema: {_reason(exc)}") from None
    return Database(
        url=url,
        engine=engine,
        sessionmaker=sessionmaker(engine, expire_on_commit=False),
        read_only=read_only,
    )


def _check_schema(url: URL, engine: Engine) -> None:
    """A reader cannot upgrade: a schema behind the code's is the user's to upgrade."""
    from quotes.storage.migrate import current_revision, head_revision

    current, head = current_revision(engine), head_revision()
    if current != head:
        engine.dispose()
        raise DatabaseError(
            f"{safe_url(url)}: schema at {current or 'base'}, this version needs {head}: "
            "run 'quotes db upgrade'"
        )


def _reason(exc: Exception) -> str:
    """The driver's own first line, which is what a user can act on."""
    original = getattr(exc, "orig", None) or exc
    return str(original).strip().splitlines()[0] if str(original).strip() else type(exc).__name__
