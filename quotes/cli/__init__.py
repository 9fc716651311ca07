"""The ``quotes`` command: a thin click layer over the library.

Subcommands are imported only when invoked, so that ``quotes extract`` (run
once per article by scorers and shell loops) starts without loading the
database or HTML stacks.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from quotes import __version__

# command name -> "module:attribute"; each module holds one command or group.
COMMANDS: dict[str, str] = {
    "db": "quotes.cli.db:db",
    "extract": "quotes.cli.extract:extract",
    "import": "quotes.cli.importing:import_command",
    "speakers": "quotes.cli.speakers:speakers",
    "statements": "quotes.cli.statements:statements",
    "review": "quotes.cli.merging:review",
    "unmerge": "quotes.cli.merging:unmerge",
    "dedupe": "quotes.cli.merging:dedupe",
    "log": "quotes.cli.operations:log",
    "undo": "quotes.cli.operations:undo",
    "quotes": "quotes.cli.moving:quotes_group",
    "search": "quotes.cli.search:search",
    "who": "quotes.cli.search:who",
    "topics": "quotes.cli.topics:topics",
    "stance": "quotes.cli.stance:stance",
    "timeline": "quotes.cli.timeline:timeline",
    "export": "quotes.cli.export:export",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=LazyGroup)
@click.version_option(__version__, prog_name="quotes")
@click.option(
    "--db",
    "database",
    envvar="QUOTES_DB",
    default="quotes.db",
    show_default=True,
    metavar="URL_OR_PATH",
    help="SQLAlchemy URL or path of a SQLite file (env QUOTES_DB).",
)
@click.pass_context
def cli(ctx: click.Context, database: str) -> None:
    """Who said what, and when: find quotations in news articles, attribute
    them to speakers, merge them across outlets and search them."""
    ctx.obj = {"database": database}


def main(**kwargs: Any) -> None:
    cli(**kwargs)
