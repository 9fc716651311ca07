"""Schema changes, through alembic only.

The migrations live in ``migrations/`` at the top of the source tree and are
shipped inside the wheel as ``quotes/_migrations``; both layouts are found.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from threading import Lock

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

# Any constant will do; it only has to be the same for every quotes process.
_PG_UPGRADE_LOCK = 0x71756F746573  # "quotes"
# alembic's ``context`` and ``op`` are module-level proxies: two threads of one
# process must not run migrations at the same time.
_PROCESS_LOCK = Lock()


def migrations_dir() -> Path:
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_migrations", package.parent / "migrations"):
        if (candidate / "env.py").exists():
            return candidate
    raise FileNotFoundError("the quotes migrations folder is missing from this installation")


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


@contextmanager
def _upgrade_lock(connection: Connection) -> Iterator[None]:
    """Serialise upgrades: threads by a lock, PostgreSQL processes by an advisory lock.

    SQLite processes are serialised by the write lock that ``BEGIN IMMEDIATE`` takes.
    """
    with _PROCESS_LOCK:
        if connection.dialect.name != "postgresql":
            yield
            return
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _PG_UPGRADE_LOCK})
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _PG_UPGRADE_LOCK})


def upgrade_to_head(engine: Engine) -> bool:
    """Bring the schema to head if it is behind; return whether anything ran."""
    if current_revision(engine) == head_revision():
        return False
    return upgrade(engine, "head")


def upgrade(engine: Engine, revision: str = "head") -> bool:
    with engine.connect() as connection, _upgrade_lock(connection):
        before = MigrationContext.configure(connection).get_current_revision()
        if connection.in_transaction():
            connection.commit()
        command.upgrade(alembic_config(connection), revision)
        after = MigrationContext.configure(connection).get_current_revision()
        if connection.in_transaction():
            connection.commit()
    return before != after


def downgrade(engine: Engine, revision: str) -> None:
    with engine.connect() as connection, _upgrade_lock(connection):
        if connection.in_transaction():
            connection.commit()
        command.downgrade(alembic_config(connection), revision)
        if connection.in_transaction():
            connection.commit()
