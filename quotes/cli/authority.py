"""``quotes speakers authority|link|links``: an authority file and speakers linked to it."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from quotes.cli.output import emit, output_options
from quotes.cli.transaction import transaction
from quotes.services import authority as service
from quotes.services.authority_build import build_authority
from quotes.services.speakers import find_speaker


@click.group()
def authority() -> None:
    """Load or build an authority file (people and bodies with stable ids)."""


@authority.command("load")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_context
def load_command(ctx: click.Context, files: tuple[Path, ...]) -> None:
    """Load FILES (JSONL or CSV, optionally .gz/.bz2): entries with the same id are
    replaced. A bad line is reported and skipped; the exit status is then 1."""
    failed = False
    with transaction(ctx) as session:
        for path in files:
            result = service.load_authority(session, path)
            for error in result.errors:
                click.echo(f"Error: {error}", err=True)
            failed = failed or bool(result.errors)
            click.echo(f"{path}: {result.loaded} entries loaded, {len(result.errors)} bad")
    if failed:
        ctx.exit(1)


@click.command("link")
@click.option("--speaker", "refs", multiple=True, metavar="NAME_OR_ID", help="Only these.")
@click.pass_context
def link_command(ctx: click.Context, refs: tuple[str, ...]) -> None:
    """Link speakers to authority entries by name and context; ambiguous ones are
    left for ``quotes speakers links``."""
    with transaction(ctx) as session:
        ids = [find_speaker(session, ref).id for ref in refs] or None
        result = service.link_speakers(session, ids)
    click.echo(
        f"{result.linked} linked, {result.suggested} left for review "
        f"(quotes speakers links), {result.unmatched} without an entry"
    )


@click.group("links")
def links() -> None:
    """Link suggestions a person decides: list, accept, reject."""


@links.command("list")
@click.option(
    "--status",
    type=click.Choice(["pending", "accepted", "rejected", "all"]),
    default="pending",
    show_default=True,
)
@output_options
@click.pass_context
def list_links_command(ctx: click.Context, status: str, fmt: str) -> None:
    """Link suggestions, by speaker, best first."""
    with transaction(ctx, read_only=True) as session:
        rows = service.list_links(session, None if status == "all" else status)
    emit(
        rows,
        fmt,
        columns=[
            "link_id",
            "speaker_id",
            "speaker",
            "authority_id",
            "authority_name",
            "description",
            "score",
            "method",
            "status",
        ],
    )


@links.command("accept")
@click.argument("link_id", type=int)
@click.pass_context
def accept_command(ctx: click.Context, link_id: int) -> None:
    """Link the suggestion's speaker to its entry (its other suggestions are rejected)."""
    with transaction(ctx) as session:
        done = service.accept_link(session, link_id)
    click.echo(f"speaker {done['speaker_id']} linked to {done['authority_id']}")


@links.command("reject")
@click.argument("link_id", type=int)
@click.pass_context
def reject_command(ctx: click.Context, link_id: int) -> None:
    """Reject a link suggestion."""
    with transaction(ctx) as session:
        service.reject_link(session, link_id)
    click.echo(f"link {link_id} rejected")


@authority.command("build")
@click.option(
    "--from",
    "dump",
    required=True,
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="A Wikidata JSON dump (latest-all.json, .json.gz or .json.bz2).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="The authority file to write (JSONL; default: standard output).",
)
def build_command(dump: Path, output: Path | None) -> None:
    """Build an authority file of people in public positions and of bodies from a
    Wikidata dump, reading it line by line. Bad lines are reported and skipped."""
    if output is None:
        result = build_authority(dump, sys.stdout)
    else:
        partial = output.with_name(output.name + ".partial")
        with partial.open("w", encoding="utf-8") as out:
            result = build_authority(dump, out)
        partial.replace(output)
    for error in result.errors:
        click.echo(f"Error: {error}", err=True)
    click.echo(
        f"{dump}: {result.entities} entities read, {result.people} people and "
        f"{result.bodies} bodies kept, {len(result.errors)} bad lines",
        err=True,
    )
    if result.errors:
        raise SystemExit(1)
