"""``quotes statements``: statements and every source of each."""

from __future__ import annotations

import click

from quotes.cli.output import emit, output_options
from quotes.cli.transaction import transaction
from quotes.services.affiliation import affiliated_speaker_ids
from quotes.services.speakers import find_speaker
from quotes.services.statements import get_statement, list_statements


@click.group()
def statements() -> None:
    """List statements and show their sources."""


@statements.command("list")
@click.option("--speaker", metavar="NAME_OR_ID", help="Only this speaker's statements.")
@click.option(
    "--affiliation", metavar="BODY_OR_COUNTRY", help="Only speakers of or tied to this body."
)
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@output_options
@click.pass_context
def list_command(
    ctx: click.Context, speaker: str | None, affiliation: str | None, limit: int, fmt: str
) -> None:
    """Statements, most reported first."""
    with transaction(ctx, read_only=True) as session:
        speaker_id = find_speaker(session, speaker).id if speaker else None
        speaker_ids = affiliated_speaker_ids(session, affiliation) if affiliation else None
        rows = list_statements(session, speaker_id=speaker_id, speaker_ids=speaker_ids, limit=limit)
    emit(rows, fmt, columns=["id", "speaker", "said_on", "sources", "text"])


@statements.command("show")
@click.argument("statement_id", type=int)
@output_options
@click.pass_context
def show_command(ctx: click.Context, statement_id: int, fmt: str) -> None:
    """STATEMENT_ID with every source: outlet, date, exact wording, match score."""
    with transaction(ctx, read_only=True) as session:
        view = get_statement(session, statement_id)
    sources = [
        {
            "quote": s.quote_id,
            "outlet": s.outlet,
            "published": s.published_on,
            "said_on": s.said_on,
            "text": s.text,
            "method": s.method,
            "score": s.score,
            "url": s.url,
        }
        for s in view.sources
    ]
    if fmt in ("json", "nl", "csv"):
        emit([{**vars(view), "sources": sources}], fmt)
        return
    click.echo(f"statement {view.id}: {view.speaker or '(no speaker)'}")
    click.echo(f"first said: {view.first_said_on or 'unknown'} ({view.date_precision})")
    click.echo(f"text: {view.text}")
    columns = ["quote", "outlet", "published", "said_on", "method", "score", "text"]
    emit(sources, fmt, columns=columns, title=f"{len(sources)} sources")
