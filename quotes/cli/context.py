"""What every CLI command shares: the open database and error reporting."""

from __future__ import annotations

from typing import Any

import click

from quotes.errors import QuotesError
from quotes.storage.database import Database, open_database


def open_db_from_context(
    ctx: click.Context, *, upgrade: bool = True, read_only: bool = False
) -> Database:
    """Open the ``--db`` database once per invocation and close it at exit.

    ``read_only`` for commands that only look: nothing is created, upgraded or
    locked (``open_database``). A database opened to write serves reads too.
    """
    root = ctx.find_root()
    obj: dict[str, Any] = root.obj if isinstance(root.obj, dict) else {}
    for key in ("open_database", "open_database_read_only") if read_only else ("open_database",):
        cached = obj.get(key)
        if isinstance(cached, Database):
            return cached
    try:
        database = open_database(obj.get("database"), upgrade=upgrade, read_only=read_only)
    except QuotesError as exc:
        raise click.ClickException(str(exc)) from None
    root.call_on_close(database.close)
    obj["open_database_read_only" if read_only else "open_database"] = database
    return database
