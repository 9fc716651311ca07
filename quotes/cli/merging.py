"""``quotes review``, ``quotes unmerge`` and ``quotes dedupe``: merges, checked by a person."""

from __future__ import annotations

import click

from quotes import match
from quotes.cli.context import open_db_from_context
from quotes.cli.output import emit, output_options
from quotes.cli.transaction import by_option, transaction


@click.group(invoke_without_command=True)
@output_options
@click.pass_context
def review(ctx: click.Context, fmt: str) -> None:
    """List pending merge suggestions; accept or reject them by id."""
    if ctx.invoked_subcommand is not None:
        return
    from quotes.services.merging import list_suggestions

    with transaction(ctx, read_only=True) as session:
        rows = list_suggestions(session)
    emit(
        rows,
        fmt,
        columns=["id", "score", "speaker", "quote", "quote_text", "statement", "statement_text"],
    )


@review.command("accept")
@click.argument("suggestion_ids", type=int, nargs=-1, required=True)
@by_option
@click.pass_context
def accept_command(ctx: click.Context, suggestion_ids: tuple[int, ...]) -> None:
    """Merge as suggested: the quote's statement joins the suggested one."""
    from quotes.services.merging import accept_suggestion

    with transaction(ctx) as session:
        for suggestion_id in suggestion_ids:
            done = accept_suggestion(session, suggestion_id)
            click.echo(
                f"suggestion {suggestion_id}: {len(done.moved_quotes)} quote(s) "
                f"merged into statement {done.statement_id}"
            )


@review.command("reject")
@click.argument("suggestion_ids", type=int, nargs=-1, required=True)
@by_option
@click.pass_context
def reject_command(ctx: click.Context, suggestion_ids: tuple[int, ...]) -> None:
    """Keep apart: the pair will not be suggested again."""
    from quotes.services.merging import reject_suggestion

    with transaction(ctx) as session:
        for suggestion_id in suggestion_ids:
            reject_suggestion(session, suggestion_id)
            click.echo(f"suggestion {suggestion_id}: rejected")


@click.command()
@click.argument("quote_id", type=int, required=False)
@click.option("--log", "log_id", type=int, metavar="ID", help="Undo merge-log entry ID instead.")
@by_option
@click.pass_context
def unmerge(ctx: click.Context, quote_id: int | None, log_id: int | None) -> None:
    """Take QUOTE_ID out of its statement, or undo merge-log entry --log ID
    (a quote attach or a speaker merge)."""
    from quotes.services.merging import undo_merge, unmerge_quote

    if (quote_id is None) == (log_id is None):
        raise click.UsageError("give a QUOTE_ID or --log ID")
    with transaction(ctx) as session:
        if log_id is not None:
            click.echo(undo_merge(session, log_id))
            return
        assert quote_id is not None
        done = unmerge_quote(session, quote_id)
        click.echo(
            f"quote {done.quote_id} moved from statement {done.from_statement} "
            f"to statement {done.to_statement}"
        )


@click.command()
@click.option("--speaker", metavar="NAME_OR_ID", help="Only this speaker's quotes.")
@click.option(
    "--auto",
    type=click.FloatRange(0, 1),
    default=match.AUTO_THRESHOLD,
    show_default=True,
    help="Merge automatically at or above this score.",
)
@click.option(
    "--suggest",
    type=click.FloatRange(0, 1),
    default=match.SUGGEST_THRESHOLD,
    show_default=True,
    help="Suggest for review at or above this score.",
)
@click.option(
    "--checkpoint",
    "fold_wal",
    is_flag=True,
    help="SQLite: fold the write-ahead log into the database at once (slower to finish, "
    "faster reads right after).",
)
@by_option
@click.pass_context
def dedupe(
    ctx: click.Context, speaker: str | None, auto: float, suggest: float, fold_wal: bool
) -> None:
    """Re-cluster every quote (or one speaker's) into statements with the current rules."""
    from quotes.services.dedupe import dedupe_statements
    from quotes.services.speakers import find_speaker
    from quotes.storage.bulk import checkpoint

    if suggest > auto:
        raise click.UsageError("--suggest must not be above --auto")
    with transaction(ctx) as session:
        speaker_id = find_speaker(session, speaker).id if speaker else None
        result = dedupe_statements(session, speaker_id=speaker_id, auto=auto, suggest=suggest)
    if fold_wal:
        checkpoint(open_db_from_context(ctx).engine)
    click.echo(
        f"{result.quotes} quotes of {result.speakers} speakers: {result.statements} statements "
        f"({result.created} new, {result.deleted} removed), {result.moved} quotes moved, "
        f"{result.suggestions} suggestions; {result.pinned} statements decided by a person kept"
    )
