"""Shared fixtures: every storage test runs on SQLite and on PostgreSQL.

PostgreSQL is found through ``QUOTES_TEST_POSTGRES_URL`` (an admin URL; .ci/run
sets it). Each test run creates its own databases there and drops them after,
so the server's own databases are never touched. Without a server the
PostgreSQL cases skip and say why.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from quotes.storage.database import Database, open_database
from quotes.storage.models import Base

POSTGRES_ENV = "QUOTES_TEST_POSTGRES_URL"
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]


def _postgres_admin_url() -> tuple[URL | None, str]:
    raw = os.environ.get(POSTGRES_ENV)
    if not raw:
        return None, f"PostgreSQL cases skipped: {POSTGRES_ENV} is not set"
    url = make_url(raw)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:
        return None, f"PostgreSQL cases skipped: {url.render_as_string()} does not answer ({exc})"
    finally:
        engine.dispose()
    return url, f"PostgreSQL: {url.render_as_string()}"


_ADMIN_URL, _ADMIN_STATUS = _postgres_admin_url()


def pytest_report_header() -> str:
    return _ADMIN_STATUS


class PostgresServer:
    """Creates and drops throwaway databases on the test server."""

    def __init__(self, admin_url: URL) -> None:
        self.admin_url = admin_url
        self.engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        self.created: list[str] = []

    def create(self) -> URL:
        name = f"quotes_test_{uuid.uuid4().hex[:12]}"
        with self.engine.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        self.created.append(name)
        return self.admin_url.set(database=name)

    def drop_all(self) -> None:
        with self.engine.connect() as connection:
            for name in self.created:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self.engine.dispose()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    if _ADMIN_URL is None:
        pytest.skip(_ADMIN_STATUS)
    server = PostgresServer(_ADMIN_URL)
    yield server
    server.drop_all()


@pytest.fixture
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> URL:
    """A URL of a database with nothing in it; for migration tests."""
    backend = getattr(request, "param", "sqlite")
    if backend == "postgresql":
        server: PostgresServer = request.getfixturevalue("postgres_server")
        return server.create()
    return URL.create("sqlite+pysqlite", database=str(tmp_path / "empty.db"))


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "quotes.db"
    open_database(str(path)).close()
    return path


@pytest.fixture(scope="session")
def _postgres_url(postgres_server: PostgresServer) -> URL:
    url = postgres_server.create()
    open_database(url).close()
    return url


def _truncate_all(database: Database) -> None:
    tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
    with database.engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An upgraded, empty database: a fresh SQLite file, or a truncated PostgreSQL one."""
    if request.param == "sqlite":
        path = tmp_path / "quotes.db"
        shutil.copy(request.getfixturevalue("_sqlite_template"), path)
        db = open_database(str(path))
        yield db
        db.close()
        return
    db = open_database(request.getfixturevalue("_postgres_url"), upgrade=False)
    try:
        yield db
    finally:
        _truncate_all(db)
        db.close()


@pytest.fixture
def database_url(database: Database) -> str:
    """The database as a ``--db`` value for CLI tests (password kept)."""
    return database.url.render_as_string(hide_password=False)
