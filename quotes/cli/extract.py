"""``quotes extract``: show what the extractor finds in one article, storing nothing.

The file is read as ``quotes import`` reads it (``quotes.sources``: header,
title, encoding, HTML, JSON), so both find the same quotes. Offsets are
positions in the file where its text lies there whole (plain text, with the
header or title line counted), else in the article's text as read.
"""

from __future__ import annotations

import datetime as dt
import json
import sys

import click

from quotes.errors import SourceError
from quotes.extract import ExtractedQuote
from quotes.services.extracting import article_quotes
from quotes.sources import ArticleInput, ReadOptions, read_sources
from quotes.sources.language import is_english


def read_articles(path: str) -> list[ArticleInput]:
    """The articles in the file (a JSON list or JSONL feed may hold several), or
    a one-line error naming it."""
    articles = []
    for item in read_sources([path], ReadOptions()):
        if isinstance(item, SourceError):
            raise click.ClickException(f"{item.source}: {item.reason}")
        articles.append(item)
    return articles


@click.command()
@click.argument("file", type=str)
@click.option(
    "--date",
    "published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Publication date, to resolve 'on Monday' (default: what the file says).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl"]),
    default=None,
    help="Output format (default: table on a terminal, jsonl otherwise).",
)
@click.option(
    "--explain",
    is_flag=True,
    help="Per quote, the rule that attributed it, the mention and how it became the name.",
)
def extract(file: str, published: dt.datetime | None, fmt: str | None, explain: bool) -> None:
    """Print the quotes found in FILE ("-" for stdin) without storing anything."""
    quotes: list[ExtractedQuote] = []
    for article in read_articles(file):
        if published is not None:
            article = article.with_overrides(published=published.date())
        for notice in article.notices:
            click.echo(f"Notice: {article.origin}: {notice}", err=True)
        if not is_english(article.language):
            click.echo(
                f"Notice: {article.origin}: no quotes: language {article.language} "
                "(only English has rules)",
                err=True,
            )
        quotes.extend(article_quotes(article))
    if explain:
        _explain(quotes)
        return
    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt == "jsonl":
        for quote in quotes:
            click.echo(json.dumps(quote.to_dict(), ensure_ascii=False))
    elif fmt == "json":
        click.echo(json.dumps([quote.to_dict() for quote in quotes], ensure_ascii=False, indent=2))
    else:
        _table(quotes)


def _table(quotes: list[ExtractedQuote]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=True)
    for column in ("speaker", "said on", "kind", "cue", "quote"):
        table.add_column(column, overflow="fold")
    for quote in quotes:
        said = f"{quote.said_on or ''} ({quote.date_precision})"
        speaker = quote.speaker or quote.speaker_mention or "?"
        if quote.speaker_mention and quote.speaker != quote.speaker_mention:
            speaker += f" [{quote.speaker_mention}]"
        table.add_row(speaker, said, str(quote.kind), quote.cue or "", quote.text)
    Console().print(table)


def _explain(quotes: list[ExtractedQuote]) -> None:
    """One block per quote: the words, the rule, the mention and the chain to the name."""
    for number, quote in enumerate(quotes, 1):
        words = quote.text if len(quote.text) <= 90 else quote.text[:87] + "..."
        click.echo(f"{number}. {words}")
        click.echo(f"   rule: {quote.rule} (confidence {quote.confidence})")
        if quote.cue:
            click.echo(f"   cue: {quote.cue!r} at {quote.cue_start}")
        mention = repr(quote.speaker_mention) if quote.speaker_mention else "none"
        click.echo(f"   mention: {mention}")
        for step in quote.resolution:
            click.echo(f"   -> {step}")
        click.echo(f"   speaker: {quote.speaker or '?'} ({quote.speaker_kind})")
        said = quote.said_on.isoformat() if quote.said_on else "?"
        click.echo(f"   said on: {said} ({quote.date_precision})")
