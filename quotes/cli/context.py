"""What every CLI command shares: the open database and error reporting."""

from __future__ import annotations

from typing import Any

import click

from quotes.errors import QuotesError
from quotes.storage.database import Database, open_database


def open_db_from_context(ctx: click.Context, *, upgrade: bool = True) -> Database:
    """Open the ``--db`` database once per invocation and close it at exit."""
    root = ctx.find_root()
    obj: dict[str, Any] = root.obj if isinstance(root.obj, dict) else {}
    cached = obj.get("open_database")
    if isinstance(cached, Database):
        return cached
    try:
        database = open_database(obj.get("database"), upgrade=upgrade)
    except QuotesError as exc:
        raise click.ClickException(str(exc)) from None
    root.call_on_close(database.close)
    obj["open_database"] = database
    return database
