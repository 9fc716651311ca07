"""A throwaway database for one benchmark run, on SQLite or on a PostgreSQL server."""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url


@contextmanager
def scratch_database(postgres: str | None, prefix: str) -> Iterator[URL]:
    """A new database: created on the server at ``postgres`` and dropped after,
    or, without a server, a SQLite file in a temporary folder."""
    if not postgres:
        with tempfile.TemporaryDirectory() as folder:
            yield make_url(f"sqlite:///{folder}/{prefix}.db")
        return
    admin = create_engine(postgres, isolation_level="AUTOCOMMIT")
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(postgres).set(database=name)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
