"""``quotes import``: files, folders, stdin and URLs into the database.

A thin layer over ``quotes.services.importing``: it draws the progress bar
(on a terminal only), prints one ``Error: source: reason`` line on stderr per
failure as it happens, and a summary at the end. The exit status is 1 if
anything failed.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from quotes.cli.context import open_db_from_context
from quotes.cli.output import counted
from quotes.errors import QuotesError
from quotes.services.importing import (
    DEFAULT_ARTICLE_TIMEOUT,
    ImportResult,
    ImportStatus,
    ImportSummary,
    import_articles,
)
from quotes.services.schema import to_json
from quotes.sources import FORMATS, Format, ReadOptions, count_articles
from quotes.sources.fetch import DEFAULT_TIMEOUT
from quotes.sources.read import DEFAULT_MAX_BYTES


@click.command("import")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="Read every source as this format (default: by extension, then content).",
)
@click.option(
    "--glob",
    metavar="PATTERN",
    help="Files to read inside folders, e.g. '*.html' (default: every known extension).",
)
@click.option("--outlet", metavar="NAME", help="The outlet of every article (overrides the files).")
@click.option(
    "--date",
    "published",
    type=click.DateTime(["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="The publication date of every article (overrides the files).",
)
@click.option("--update", is_flag=True, help="Re-extract articles already stored.")
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Largest file, page or JSONL line read.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds to wait for a URL.",
)
@click.option(
    "--article-timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=DEFAULT_ARTICLE_TIMEOUT,
    show_default=True,
    help="Seconds of CPU time one article's extraction may take; a slower one fails alone.",
)
@click.option(
    "--allow-private-hosts",
    is_flag=True,
    help="Fetch URLs on loopback, private and link-local addresses too (an intranet).",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print the summary as JSON (with -v, first each article's result, a JSON object a line).",
)
@click.option("-v", "--verbose", is_flag=True, help="Print one line per article.")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar (default: when stderr is a terminal).",
)
@click.pass_context
def import_command(
    ctx: click.Context,
    paths: tuple[str, ...],
    fmt: Format | None,
    glob: str | None,
    outlet: str | None,
    published: dt.datetime | None,
    update: bool,
    max_bytes: int,
    timeout: float,
    article_timeout: float,
    allow_private_hosts: bool,
    as_json: bool,
    verbose: bool,
    progress: bool | None,
) -> None:
    """Import articles from PATHs: files, folders, '-' for stdin, http(s) URLs.

    Formats: plain text (first line 'date YYYY-MM-DD Title', or a title),
    HTML (main text and metadata by trafilatura), JSON and JSONL (objects with
    "text" and optional "title", "url", "outlet", "published", "language").
    Each article is stored with its quotes in one transaction; an article
    already stored (same URL or same text) is left unchanged unless --update.
    The same text at another URL or from another outlet is a reprint: its
    quotes are not stored again, but the new URL and outlet become sources.
    URLs are fetched from public addresses only, unless --allow-private-hosts.
    An article in another language than English is stored without quotes,
    with a notice (only English has rules).
    """
    database = open_db_from_context(ctx)
    summary = ImportSummary()
    results = import_articles(
        database,
        paths,
        fmt=fmt,
        glob=glob,
        outlet=outlet,
        published=published.date() if published else None,
        update=update,
        max_bytes=max_bytes,
        timeout=timeout,
        article_timeout=article_timeout,
        allow_private_hosts=allow_private_hosts,
    )
    show_progress = sys.stderr.isatty() if progress is None else progress
    try:
        with _reporter(show_progress, paths, ReadOptions(fmt=fmt, glob=glob), as_json) as report:
            for result in results:
                summary.add(result)
                report(result, verbose)
    except QuotesError as exc:
        if summary.read:  # what was stored before the database failed
            _print_summary(summary, as_json)
        raise click.ClickException(str(exc)) from None
    _print_summary(summary, as_json)
    if summary.failed:
        ctx.exit(1)


@contextmanager
def _reporter(
    show_progress: bool, paths: tuple[str, ...], options: ReadOptions, as_json: bool
) -> Iterator[Any]:
    """A function to call with each result: it prints errors (and verbose lines)
    and moves the progress bar, if there is one."""
    if not show_progress:

        def plain(result: ImportResult, verbose: bool) -> None:
            if result.status is ImportStatus.FAILED:
                click.echo(f"Error: {result.message}", err=True)
            elif result.notice:
                click.echo(f"Notice: {result.source}: {result.notice}", err=True)
            if verbose and not as_json and result.status is not ImportStatus.FAILED:
                click.echo(_line(result))
            if verbose and as_json:
                click.echo(json.dumps(to_json(result.to_json()), ensure_ascii=False))

        yield plain
        return

    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    console = Console(stderr=True)
    total = count_articles(paths, options)
    columns = (
        TextColumn("importing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[counts]}"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("import", total=total, counts="")
        counts = ImportSummary()

        def fancy(result: ImportResult, verbose: bool) -> None:
            counts.add(result)
            if result.status is ImportStatus.FAILED:
                console.print(
                    f"Error: {result.message}", markup=False, highlight=False, soft_wrap=True
                )
            elif result.notice:
                line = f"Notice: {result.source}: {result.notice}"
                console.print(line, markup=False, highlight=False, soft_wrap=True)
            if verbose and not as_json and result.status is not ImportStatus.FAILED:
                click.echo(_line(result))
            if verbose and as_json:
                click.echo(json.dumps(to_json(result.to_json()), ensure_ascii=False))
            label = f"{counts.new} new, {counts.failed} failed, {counts.quotes} quotes"
            bar.update(task, advance=1, counts=label)

        yield fancy


def _line(result: ImportResult) -> str:
    where = f"article {result.article_id}" if result.article_id is not None else ""
    quotes = (
        f", {counted(result.quotes, 'quote')}"
        if result.status is not ImportStatus.UNCHANGED
        else ""
    )
    return f"{result.status.value:<9} {result.source}  {where}{quotes}"


def _print_summary(summary: ImportSummary, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(summary.to_dict()))
        return
    click.echo(
        f"{counted(summary.read, 'article')} read: {summary.new} new, "
        f"{summary.unchanged} unchanged, {counted(summary.reprint, 'reprint')}, "
        f"{summary.updated} updated, {summary.failed} failed; "
        f"{counted(summary.quotes, 'quote')} found, {counted(summary.new_speakers, 'new speaker')}."
    )
