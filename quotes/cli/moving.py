"""``quotes quotes move``: corrections of single quotes."""

from __future__ import annotations

import click

from quotes.cli.transaction import by_option, transaction


@click.group("quotes")
def quotes_group() -> None:
    """Correct single quotes (move a misattributed quote to its speaker)."""


@quotes_group.command("move")
@click.argument("quote_id", type=int)
@click.option("--to", "speaker", required=True, metavar="SPEAKER", help="Id, name or alias.")
@by_option
@click.pass_context
def move_command(ctx: click.Context, quote_id: int, speaker: str) -> None:
    """Give QUOTE_ID to SPEAKER: it leaves its statement and is matched again
    under SPEAKER (undo: ``quotes undo ID``)."""
    from quotes.services.moving import move_quote
    from quotes.services.speakers import find_speaker

    with transaction(ctx) as session:
        done = move_quote(session, quote_id, find_speaker(session, speaker))
    click.echo(
        f"quote {done.quote_id} moved to speaker {done.to_speaker}: statement "
        f"{done.to_statement} ({done.how}; operation {done.operation_id})"
    )
