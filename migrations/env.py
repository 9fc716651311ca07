"""Alembic environment.

Used two ways: by ``quotes db upgrade`` and automatic upgrades, which hand in
an open connection, and by the plain ``alembic`` command, which takes the URL
from ``-x db=...``, then ``QUOTES_DB``, then alembic.ini.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from quotes.storage.database import create_database_engine, resolve_url
from quotes.storage.models import Base

config = context.config
target_metadata = Base.metadata


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    # Full-text tables, triggers and indexes are backend-specific DDL that the
    # models do not describe; see quotes.storage.fulltext.
    return not (name or "").startswith(("fts_", "ix_fts_", "statements_fts", "quotes_fts"))


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_object=include_object,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        # SQLite runs DDL in transactions too; alembic assumes not and commits
        # between steps, which let a second process starting at the same time
        # read the version mid-way and run a migration twice. One transaction,
        # begun IMMEDIATE (quotes.storage.database), serialises them.
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("db") or config.get_main_option(
        "sqlalchemy.url"
    )
    engine = create_database_engine(resolve_url(url or None))
    with engine.connect() as connection:
        run(connection)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("quotes migrations run online only: give a database with -x db=URL")
run_online()
