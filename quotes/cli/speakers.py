"""``quotes speakers``: list, show and correct speakers."""

from __future__ import annotations

import click

from quotes.cli.authority import authority, link_command, links
from quotes.cli.output import emit, output_options
from quotes.cli.transaction import by_option, transaction
from quotes.services import speakers as service
from quotes.services.affiliation import affiliated_speaker_ids


@click.group()
def speakers() -> None:
    """List, show, merge, split, alias and rename speakers."""


@speakers.command("list")
@click.option("--search", metavar="TEXT", help="Only speakers with an alias containing TEXT.")
@click.option(
    "--affiliation", metavar="BODY_OR_COUNTRY", help="Only speakers of or tied to this body."
)
@output_options
@click.pass_context
def list_command(ctx: click.Context, search: str | None, affiliation: str | None, fmt: str) -> None:
    """Speakers, most quoted first."""
    with transaction(ctx, read_only=True) as session:
        ids = affiliated_speaker_ids(session, affiliation) if affiliation else None
        rows = service.list_speakers(session, search=search, speaker_ids=ids)
    emit(rows, fmt, columns=["id", "name", "kind", "quotes"])


@speakers.command("show")
@click.argument("speaker")
@output_options
@click.pass_context
def show_command(ctx: click.Context, speaker: str, fmt: str) -> None:
    """SPEAKER (id, name or alias): aliases, roles with dates, quotes by outlet."""
    with transaction(ctx, read_only=True) as session:
        profile = service.speaker_profile(session, service.find_speaker(session, speaker))
    if fmt in ("json", "nl", "csv"):
        emit([vars(profile)], fmt)
        return
    click.echo(f"{profile.name} (speaker {profile.id}, {profile.kind})")
    click.echo(f"aliases: {', '.join(profile.aliases) or '-'}")
    click.echo(f"statements: {profile.statements}")
    emit(profile.roles, fmt, columns=["role", "first_seen", "last_seen"], title="roles")
    emit(
        [{"outlet": o, "quotes": n} for o, n in profile.quotes_by_outlet.items()],
        fmt,
        columns=["outlet", "quotes"],
        title="quotes by outlet",
    )


@speakers.command("merge")
@click.argument("keep")
@click.argument("others", nargs=-1, required=True)
@by_option
@click.pass_context
def merge_command(ctx: click.Context, keep: str, others: tuple[str, ...]) -> None:
    """Merge OTHERS into KEEP; their statements are matched again (undo: ``quotes undo ID``)."""
    with transaction(ctx) as session:
        target = service.find_speaker(session, keep)
        for ref in others:
            other = service.find_speaker(session, ref)
            name = other.name
            operation_id = service.merge_speakers(session, target, other)
            click.echo(
                f"merged {name} into {target.name} (speaker {target.id}; operation {operation_id})"
            )


@speakers.command("split")
@click.argument("speaker")
@click.argument("aliases", nargs=-1, required=True)
@click.option("--name", help="The new speaker's name (default: the first alias).")
@by_option
@click.pass_context
def split_command(
    ctx: click.Context, speaker: str, aliases: tuple[str, ...], name: str | None
) -> None:
    """Move ALIASES of SPEAKER, and the quotes printed under them, to a new speaker.

    ALIASES may also be names the quotes were printed under."""
    with transaction(ctx) as session:
        source = service.find_speaker(session, speaker)
        new = service.split_speaker(session, source, list(aliases), name)
        click.echo(f"split {new.name} (speaker {new.id}) from {source.name} (speaker {source.id})")


@speakers.command("alias")
@click.argument("speaker")
@click.argument("alias")
@by_option
@click.pass_context
def alias_command(ctx: click.Context, speaker: str, alias: str) -> None:
    """Record ALIAS as a name of SPEAKER."""
    with transaction(ctx) as session:
        target = service.find_speaker(session, speaker)
        added = service.add_alias(session, target, alias)
        state = "added" if added else "already an alias"
        click.echo(f"{alias}: {state} of {target.name} (speaker {target.id})")


@speakers.command("rename")
@click.argument("speaker")
@click.argument("name")
@by_option
@click.pass_context
def rename_command(ctx: click.Context, speaker: str, name: str) -> None:
    """Rename SPEAKER to NAME (the old name stays an alias); a name another speaker
    holds is refused, with the merge to run instead."""
    with transaction(ctx) as session:
        target = service.find_speaker(session, speaker)
        old = target.name
        service.rename_speaker(session, target, name)
        click.echo(f"renamed {old} to {target.name} (speaker {target.id})")


# The authority file and linking live in their own module.
speakers.add_command(authority)
speakers.add_command(link_command)
speakers.add_command(links)
