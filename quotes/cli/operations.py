"""``quotes log`` and ``quotes undo``: the change log, and taking a change back."""

from __future__ import annotations

import datetime as dt

import click

from quotes.cli.output import emit, output_options
from quotes.cli.transaction import by_option, transaction

COLUMNS = ["id", "created_at", "who", "action", "method", "score", "summary", "undone_at"]


@click.command("log")
@click.option("--speaker", metavar="NAME_OR_ID", help="Only operations that concerned SPEAKER.")
@click.option(
    "--since", type=click.DateTime(["%Y-%m-%d"]), metavar="DATE", help="From this day on."
)
@click.option("--limit", type=click.IntRange(1), default=None, help="At most this many.")
@output_options
@click.pass_context
def log(
    ctx: click.Context, speaker: str | None, since: dt.datetime | None, limit: int | None, fmt: str
) -> None:
    """Merges, splits, moves, renames, dedupes, reviews ... newest first, each with the
    id quotes undo takes: a number for an operation, m<number> for an automatic
    join on import."""
    from quotes.services.operations import change_log
    from quotes.services.speakers import find_speaker

    with transaction(ctx, read_only=True) as session:
        speaker_id = find_speaker(session, speaker).id if speaker else None
        rows = change_log(
            session, speaker_id=speaker_id, since=since.date() if since else None, limit=limit
        )
    emit(rows, fmt, columns=COLUMNS)


@click.command("undo")
@click.argument("log_id", metavar="ID")
@by_option
@click.pass_context
def undo(ctx: click.Context, log_id: str) -> None:
    """Undo ID (the id column of quotes log): the rows it changed are as they were before.

    Refused when a later operation changed the same rows: undo that one first."""
    from quotes.services.operations import undo as undo_service

    with transaction(ctx) as session:
        click.echo(undo_service(session, log_id))
