"""``quotes export``: statements as schema.org Claim (JSON-LD) or CSV, streamed."""

from __future__ import annotations

import datetime as dt
import json
from typing import IO

import click

from quotes.cli.output import csv_safe, to_jsonable
from quotes.cli.transaction import transaction
from quotes.services.export import export_statements, to_claim, to_row

DATE = click.DateTime(formats=["%Y-%m-%d"])
CSV_COLUMNS = [
    "id",
    "speaker",
    "first_said_on",
    "text",
    "kind",
    "topics",
    "sources",
    "first_url",
    "outlets",
    "urls",
]


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonld", "nl", "csv"]),
    default="jsonld",
    show_default=True,
    help="jsonld: a JSON array of Claim objects; nl: one Claim a line; csv: a row a statement.",
)
@click.option("--nl", "one_a_line", is_flag=True, help="JSON-LD, one Claim a line.")
@click.option("--speaker", metavar="NAME_OR_ID")
@click.option("--affiliation", metavar="BODY_OR_COUNTRY", help="Speakers of or tied to it.")
@click.option("--topic", metavar="NAME", help="This topic and its sub-topics.")
@click.option("--since", type=DATE)
@click.option("--until", type=DATE)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
@click.pass_context
def export(
    ctx: click.Context,
    fmt: str,
    speaker: str | None,
    affiliation: str | None,
    topic: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    output: IO[str],
    one_a_line: bool,
) -> None:
    """Export statements with every source, for fact-check tooling or a spreadsheet.

    CSV has one row a statement: its sources are counted and their URLs and
    outlets joined with "; "; cells a spreadsheet would run are made inert."""
    import csv

    if one_a_line:
        if fmt == "csv":
            raise click.UsageError("--nl is JSON-LD, one Claim a line: not with --format csv")
        fmt = "nl"
    with transaction(ctx, read_only=True) as session:
        items = export_statements(
            session,
            speaker=speaker,
            affiliation=affiliation,
            topic=topic,
            since=since.date() if since else None,
            until=until.date() if until else None,
        )
        if fmt == "csv":
            writer = csv.writer(output, lineterminator="\n")
            writer.writerow(CSV_COLUMNS)
            for item in items:
                row = to_row(item)
                writer.writerow([csv_safe(row[column]) for column in CSV_COLUMNS])
        elif fmt == "nl":
            for item in items:
                output.write(json.dumps(to_jsonable(to_claim(item)), ensure_ascii=False) + "\n")
        else:
            # Streamed as an array, one Claim at a time.
            output.write("[")
            for index, item in enumerate(items):
                output.write(",\n" if index else "\n")
                output.write(json.dumps(to_jsonable(to_claim(item)), ensure_ascii=False))
            output.write("\n]\n")
