"""``quotes timeline``: a speaker's positions in date order, changes marked."""

from __future__ import annotations

import datetime as dt

import click

from quotes.cli.output import emit, output_options
from quotes.cli.transaction import transaction
from quotes.services.timeline import timeline_entries

DATE = click.DateTime(formats=["%Y-%m-%d"])


@click.command()
@click.option("--speaker", required=True, metavar="NAME_OR_ID")
@click.option("--topic", metavar="NAME", help="This topic and its sub-topics.")
@click.option("--since", type=DATE)
@click.option("--until", type=DATE)
@output_options
@click.pass_context
def timeline(
    ctx: click.Context,
    speaker: str,
    topic: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    fmt: str,
) -> None:
    """SPEAKER's statements in the order they were said, with their stance on each
    topic; "◆" marks where a stance turned between supports and opposes."""
    with transaction(ctx, read_only=True) as session:
        entries = timeline_entries(
            session,
            speaker,
            topic=topic,
            since=since.date() if since else None,
            until=until.date() if until else None,
        )
    if fmt != "table":
        emit(entries, fmt)
        return
    rows = [
        {
            **entry,
            "change": "◆" if entry["change"] else "",
            "stance": f"{entry['stance']} ({entry['status']})" if entry["stance"] else "",
        }
        for entry in entries
    ]
    columns = ["first_said_on", "statement_id", "topic", "change", "stance", "appearance_count"]
    emit(rows, fmt, columns=[*columns, "text"])
