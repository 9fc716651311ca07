"""One transaction per command, and the user's errors as one line.

Commands that read or change the database run their work inside
``transaction(ctx)``: committed when the command succeeds, rolled back when
it fails, and a ``QuotesError`` (unknown speaker or id, a merge that cannot
be undone) is printed as ``Error: ...`` with exit status 1, no traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import click
from sqlalchemy.orm import Session

from quotes.cli.context import open_db_from_context
from quotes.errors import QuotesError


@contextmanager
def transaction(ctx: click.Context, *, read_only: bool = False) -> Iterator[Session]:
    """``read_only`` for commands that only look (see ``Database.session``)."""
    database = open_db_from_context(ctx, read_only=read_only)
    try:
        with database.session(read_only=read_only) as session:
            yield session
    except QuotesError as exc:
        raise click.ClickException(str(exc)) from None
