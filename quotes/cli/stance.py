"""``quotes stance``: set, confirm and list positions of statements on topics."""

from __future__ import annotations

import click

from quotes.cli.output import emit, output_options
from quotes.cli.transaction import remember_who, transaction
from quotes.match.stance import Stance
from quotes.services import stance as service
from quotes.services.search import topic_with_descendants
from quotes.services.speakers import find_speaker


@click.group()
def stance() -> None:
    """Stances of statements on topics: rules suggest, a person sets or confirms."""


@stance.command("set")
@click.argument("statement_id", type=int)
@click.argument("topic")
@click.argument("value", type=click.Choice([s.value for s in Stance]))
@click.option(
    "--by", metavar="NAME", envvar="QUOTES_USER", help="Who decided (kept with the stance)."
)
@click.option("--note", help="Why: a reference, a reading of the context.")
@click.pass_context
def set_command(
    ctx: click.Context, statement_id: int, topic: str, value: str, by: str | None, note: str | None
) -> None:
    """Set the stance of STATEMENT_ID on TOPIC (supports, opposes, neutral, unknown)."""
    remember_who(ctx, by)
    with transaction(ctx) as session:
        service.set_stance(session, statement_id, topic, value, by=by, note=note)


@stance.command("confirm")
@click.argument("statement_id", type=int)
@click.argument("topic")
@click.option("--by", metavar="NAME", envvar="QUOTES_USER", help="Who confirmed it.")
@click.pass_context
def confirm_command(ctx: click.Context, statement_id: int, topic: str, by: str | None) -> None:
    """Confirm the suggested stance of STATEMENT_ID on TOPIC as it stands."""
    remember_who(ctx, by)
    with transaction(ctx) as session:
        row = service.confirm_stance(session, statement_id, topic, by=by)
        click.echo(f"Statement {statement_id} {row.stance.value} ({topic}), confirmed.")


@stance.command("list")
@click.option("--speaker", metavar="NAME_OR_ID")
@click.option("--topic", metavar="NAME", help="This topic and its sub-topics.")
@click.option("--suggested", is_flag=True, help="Only the stances no person has confirmed.")
@output_options
@click.pass_context
def list_command(
    ctx: click.Context, speaker: str | None, topic: str | None, suggested: bool, fmt: str
) -> None:
    """Stances with their statements, in the order they were said."""
    with transaction(ctx, read_only=True) as session:
        rows = service.list_stances(
            session,
            speaker_id=find_speaker(session, speaker).id if speaker else None,
            topic_ids=topic_with_descendants(session, topic) if topic else None,
            suggested_only=suggested,
        )
    emit(rows, fmt, columns=["statement", "speaker", "said_on", "topic", "stance", "by", "text"])
