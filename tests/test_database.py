"""Opening databases: URLs and paths, pragmas, automatic upgrade, clear errors."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from quotes.cli import cli
from quotes.errors import DatabaseError
from quotes.services.search import search_statements
from quotes.storage.database import (
    SQLITE_BUSY_TIMEOUT_MS,
    Database,
    open_database,
    resolve_url,
)
from quotes.storage.migrate import current_revision, head_revision
from tests.conftest import BACKENDS


def test_plain_path_becomes_a_sqlite_url(tmp_path: Path) -> None:
    url = resolve_url(str(tmp_path / "news.db"))
    assert url.get_backend_name() == "sqlite"
    assert url.database == str(tmp_path / "news.db")


def test_postgresql_url_uses_psycopg() -> None:
    assert resolve_url("postgresql://u@h/db").drivername == "postgresql+psycopg"


def test_environment_variable_is_the_fallback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUOTES_DB", str(tmp_path / "env.db"))
    assert resolve_url(None).database == str(tmp_path / "env.db")


def test_unsupported_backend_is_refused() -> None:
    with pytest.raises(DatabaseError, match="only SQLite and PostgreSQL"):
        resolve_url("mysql://u@h/db")


def test_new_sqlite_file_is_created_and_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with open_database(str(path)) as database:
        assert path.exists()
        assert current_revision(database.engine) == head_revision()


def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_busy_timeout(tmp_path: Path) -> None:
    with open_database(str(tmp_path / "q.db")) as database, database.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 1000


def test_directory_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="is a directory"):
        open_database(str(tmp_path))


def test_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are notes, not a database\n" * 100)
    with pytest.raises(DatabaseError, match="not a database"):
        open_database(str(path))
    # Nothing was written over the user's file.
    assert path.read_bytes() == b"these are notes, not a database\n" * 100


def test_unreachable_postgresql_is_one_clear_error() -> None:
    with pytest.raises(DatabaseError, match="cannot open database"):
        open_database("postgresql://postgres@127.0.0.1:1/none?connect_timeout=2")


def test_session_rolls_back_on_error(database: Database) -> None:
    from quotes.storage.models import Outlet

    with pytest.raises(RuntimeError), database.session() as session:
        session.add(Outlet(name="Wire One"))
        session.flush()
        raise RuntimeError("abort")
    with database.session() as session:
        assert session.query(Outlet).count() == 0


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("DIR", "is a directory"),
        ("JUNK", "not a database"),
        ("postgresql://postgres@127.0.0.1:1/none?connect_timeout=2", "cannot open database"),
    ],
)
def test_cli_bad_database_gives_one_line_and_nonzero_exit(
    tmp_path: Path, target: str, message: str
) -> None:
    if target == "DIR":
        target = str(tmp_path)
    elif target == "JUNK":
        junk = tmp_path / "junk.db"
        junk.write_bytes(b"\x00\x01binary junk" * 50)
        target = str(junk)
    result = CliRunner().invoke(cli, ["--db", target, "db", "current"])
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_cli_db_downgrade_and_upgrade(database_url: str) -> None:
    runner = CliRunner()
    down = runner.invoke(cli, ["--db", database_url, "db", "downgrade", "base"])
    assert down.exit_code == 0, down.output
    assert "now at base" in down.output
    up = runner.invoke(cli, ["--db", database_url, "db", "upgrade"])
    assert up.exit_code == 0, up.output
    assert f"upgraded to {head_revision()}" in up.output


def test_a_search_reads_while_an_import_holds_the_write_lock(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    with open_database(str(path)) as database:
        with database.session() as session:
            session.execute(
                text(
                    "INSERT INTO statements (canonical_text, match_key, kind, date_precision, "
                    "quote_count, created_at, updated_at) VALUES ('The pier will reopen in "
                    "June', 'k', 'direct', 'unknown', 1, '2026-05-12', '2026-05-12')"
                )
            )
        # An importer in the middle of an article: the write lock is taken.
        writer = sqlite3.connect(path, isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")
        try:
            started = time.monotonic()
            with database.session(read_only=True) as session:
                hits = search_statements(session, "pier reopen")
            assert [hit["text"] for hit in hits] == ["The pier will reopen in June"]
            # Not after the busy timeout: without waiting for the lock at all.
            assert time.monotonic() - started < SQLITE_BUSY_TIMEOUT_MS / 1000 / 10
        finally:
            writer.rollback()
            writer.close()


@pytest.mark.parametrize("database", BACKENDS[1:], indirect=True)
def test_a_read_only_session_writes_nothing_on_postgresql(database: Database) -> None:
    with (
        pytest.raises(DBAPIError, match="read-only transaction"),
        database.session(read_only=True) as session,
    ):
        session.execute(text("DELETE FROM statements"))
