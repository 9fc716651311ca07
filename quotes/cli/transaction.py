"""One transaction per command, and the user's errors as one line.

Commands that read or change the database run their work inside
``transaction(ctx)``: committed when the command succeeds, rolled back when
it fails, and a ``QuotesError`` (unknown speaker or id, a merge that cannot
be undone) is printed as ``Error: ...`` with exit status 1, no traceback.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click
from sqlalchemy.orm import Session

from quotes.cli.context import open_db_from_context
from quotes.errors import QuotesError
from quotes.storage.operations import acting_as

F = TypeVar("F", bound=Callable[..., Any])


def remember_who(ctx: click.Context, value: str | None) -> None:
    """Keep the name for the transactions of this command (``transaction`` passes it on)."""
    if value:
        root = ctx.find_root()
        if isinstance(root.obj, dict):
            root.obj["who"] = value


def by_option(function: F) -> F:
    """``--by NAME`` (env ``QUOTES_USER``, default the OS user): who made the change."""
    return click.option(
        "--by",
        metavar="NAME",
        envvar="QUOTES_USER",
        expose_value=False,
        callback=lambda ctx, _param, value: remember_who(ctx, value),
        help="Who makes this change, for the log (env QUOTES_USER; default: the OS user).",
    )(function)


@contextmanager
def transaction(ctx: click.Context, *, read_only: bool = False) -> Iterator[Session]:
    """``read_only`` for commands that only look (see ``Database.session``)."""
    database = open_db_from_context(ctx, read_only=read_only)
    root = ctx.find_root().obj
    try:
        with database.session(read_only=read_only) as session:
            acting_as(session, root.get("who") if isinstance(root, dict) else None)
            yield session
    except QuotesError as exc:
        raise click.ClickException(str(exc)) from None
