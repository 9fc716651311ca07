"""``quotes timeline``: a speaker's positions in date order, changes marked."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from quotes.cli.output import emit, output_options
from quotes.cli.transaction import transaction
from quotes.services.timeline import timeline as build_timeline

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
        entries = build_timeline(
            session,
            speaker,
            topic=topic,
            since=since.date() if since else None,
            until=until.date() if until else None,
        )
    rows: list[dict[str, Any]] = [
        {
            "statement": entry.statement_id,
            "said_on": entry.said_on,
            "change": ("◆ " + "; ".join(entry.changes())) if entry.changed else "",
            "stance": [position.describe() for position in entry.positions],
            "sources": entry.sources,
            "text": entry.text,
        }
        for entry in entries
    ]
    if fmt != "table":
        for row, entry in zip(rows, entries, strict=True):
            row["change"] = entry.changes()
            row["stance"] = [
                {
                    "topic": p.topic,
                    "stance": p.stance.value if p.stance else None,
                    "confirmed": p.confirmed,
                    "changed_from": p.previous.value if p.changed and p.previous else None,
                }
                for p in entry.positions
            ]
    emit(rows, fmt, columns=["said_on", "statement", "change", "stance", "sources", "text"])
