"""``quotes db``: the schema's version, through alembic."""

from __future__ import annotations

import click

from quotes.cli.context import open_db_from_context
from quotes.storage.database import safe_url
from quotes.storage.migrate import current_revision, downgrade, head_revision, upgrade


@click.group()
def db() -> None:
    """Create, upgrade and inspect the database schema."""


@db.command("upgrade")
@click.argument("revision", default="head")
@click.pass_context
def upgrade_command(ctx: click.Context, revision: str) -> None:
    """Upgrade the schema to REVISION (default: the newest)."""
    database = open_db_from_context(ctx, upgrade=False)
    changed = upgrade(database.engine, revision)
    state = "upgraded to" if changed else "already at"
    click.echo(f"{safe_url(database.url)}: {state} {current_revision(database.engine)}")


@db.command("downgrade")
@click.argument("revision")
@click.pass_context
def downgrade_command(ctx: click.Context, revision: str) -> None:
    """Downgrade the schema to REVISION ("base" removes every table)."""
    database = open_db_from_context(ctx, upgrade=False)
    downgrade(database.engine, revision)
    click.echo(f"{safe_url(database.url)}: now at {current_revision(database.engine) or 'base'}")


@db.command("current")
@click.pass_context
def current_command(ctx: click.Context) -> None:
    """Show the schema revision; an inspection: it creates and upgrades nothing."""
    database = open_db_from_context(ctx, upgrade=False, read_only=True)
    current = current_revision(database.engine)
    head = head_revision()
    latest = " (head)" if current == head else f" (head is {head}: run 'quotes db upgrade')"
    click.echo(f"{safe_url(database.url)}: {current or 'base'}{latest}")
