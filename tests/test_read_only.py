"""Commands that only look change nothing and wait for nothing.

On SQLite a search, a listing or an export must answer while an import holds
the write lock, and on a database in a folder that cannot be written; an
inspection (``quotes db current``) upgrades nothing; an import into a
read-only database says so once, naming the database.
"""

from __future__ import annotations

import hashlib
import re
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, event

from quotes.cli import cli
from quotes.services.importing import import_articles
from quotes.storage import database as database_module
from quotes.storage.database import Database, open_database
from quotes.storage.migrate import current_revision, downgrade, head_revision, upgrade
from tests.import_helpers import PESKOV

# One command of each kind that only looks, and a word its answer holds.
READ_COMMANDS = [
    (["search", "sign agreement"], "agreement"),
    (["who", "will not sign this agreement"], "agreement"),
    (["statements", "list"], "agreement"),
    (["speakers", "list"], "Peskov"),
    (["export"], "agreement"),
    (["timeline", "--speaker", "Dmitry Peskov"], "agreement"),
    (["db", "current"], "(head)"),
]


def _stored_article(path: Path) -> None:
    (path.parent / "wire.txt").write_text(f"date 2026-03-02 Kremlin rejects draft\n\n{PESKOV}\n")
    with open_database(str(path)) as database:
        (result,) = import_articles(database, [str(path.parent / "wire.txt")])
        assert result.quotes == 1
    (path.parent / "wire.txt").unlink()


def _run(path: Path, *args: str) -> Any:
    return CliRunner().invoke(cli, ["--db", str(path), *args])


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """A command that waits for the lock fails in 2 s instead of 30."""
    monkeypatch.setattr(database_module, "SQLITE_BUSY_TIMEOUT_MS", 2_000)


@pytest.mark.usefixtures("short_busy_timeout")
def test_read_commands_answer_while_another_process_holds_the_write_lock(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    _stored_article(path)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
            "c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); sys.stdin.read()",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        for command, answer in READ_COMMANDS:
            result = _run(path, *command)
            assert result.exit_code == 0, (command, result.output)
            assert answer in result.stdout, command
        # The lock is real: a writer does wait for it, and gives up.
        writer = _run(path, "topics", "add", "treaties", "--keywords", "treaty")
        assert writer.exit_code == 1 and "locked" in writer.output
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(10)


@pytest.fixture
def statements_run() -> Iterator[list[str]]:
    """Every SQL statement any engine runs meanwhile."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    yield seen
    event.remove(Engine, "before_cursor_execute", record)


def _snapshot(folder: Path) -> dict[str, tuple[int, int, str]]:
    return {
        entry.name: (
            entry.stat().st_mtime_ns,
            entry.stat().st_size,
            hashlib.sha256(entry.read_bytes()).hexdigest(),
        )
        for entry in folder.iterdir()
    }


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A database alone in a folder, both marked read-only (root is not stopped
    by the marks; the tests check that nothing is even tried)."""
    folder = tmp_path / "archive"
    folder.mkdir()
    path = folder / "quotes.db"
    _stored_article(path)
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    folder.chmod(0o555)
    yield path
    folder.chmod(0o755)


_WRITE = re.compile(
    r"\s*(?:BEGIN IMMEDIATE|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|PRAGMA journal_mode)",
    re.IGNORECASE,
)


def test_read_commands_in_a_read_only_folder_change_nothing(
    read_only_folder: Path, statements_run: list[str]
) -> None:
    before = _snapshot(read_only_folder.parent)
    for command, answer in READ_COMMANDS:
        result = _run(read_only_folder, *command)
        assert result.exit_code == 0, (command, result.output)
        assert answer in result.stdout, command
    tried = [s for s in statements_run if _WRITE.match(s)]
    assert tried == []
    # No log or shared-memory file created, the database not touched.
    assert _snapshot(read_only_folder.parent) == before


def test_import_into_a_read_only_folder_says_so_once(read_only_folder: Path) -> None:
    news = read_only_folder.parent.parent / "news.txt"
    news.write_text('date 2026-03-03 Talks\n\n"We are ready to talk," Anna Kowal said.\n')
    before = _snapshot(read_only_folder.parent)
    result = _run(read_only_folder, "import", str(news))
    assert result.exit_code == 1
    assert result.stdout == ""  # no "0 articles read"
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"Error: {read_only_folder}: read-only")
    assert str(news) not in line
    assert _snapshot(read_only_folder.parent) == before


def test_db_current_on_a_missing_file_creates_nothing(tmp_path: Path) -> None:
    result = _run(tmp_path / "fresh.db", "db", "current")
    assert result.exit_code == 1 and "no database here" in result.output
    assert list(tmp_path.iterdir()) == []


def _previous_revision() -> str:
    from alembic.script import ScriptDirectory

    from quotes.storage.migrate import alembic_config

    head = ScriptDirectory.from_config(alembic_config()).get_revision(head_revision())
    assert head is not None and isinstance(head.down_revision, str)
    return head.down_revision


def test_db_current_does_not_upgrade_an_older_database(database: Database) -> None:
    older = _previous_revision()
    downgrade(database.engine, older)
    try:
        url = database.url.render_as_string(hide_password=False)
        result = CliRunner().invoke(cli, ["--db", url, "db", "current"])
        assert result.exit_code == 0, result.output
        assert f": {older} (head is {head_revision()}" in result.output
        assert current_revision(database.engine) == older
        # The other commands that only look say what to do, and change nothing.
        search = CliRunner().invoke(cli, ["--db", url, "search", "anything"])
        assert search.exit_code == 1 and "quotes db upgrade" in search.output
        assert current_revision(database.engine) == older
    finally:
        upgrade(database.engine)
