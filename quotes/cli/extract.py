"""``quotes extract``: show what the extractor finds in one article, storing nothing.

Kept free of the database and HTML stacks: scorers run it once per article.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys

import click

from quotes.extract import ExtractedQuote, extract_quotes

_WIRE_HEADER = re.compile(r"\Adate (\d{4}-\d{2}-\d{2})\b")


def read_text(path: str) -> str:
    """The file as text, or a one-line error naming it."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else open(path, "rb").read()  # noqa: SIM115
    except OSError as exc:
        raise click.ClickException(f"{path}: {exc.strerror or exc}") from None
    if not data.strip():
        raise click.ClickException(f"{path}: empty file")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise click.ClickException(f"{path}: binary data, not text")
    for encoding in ("utf-8-sig", "utf-16"):
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise click.ClickException(f"{path}: not UTF-8 text")


@click.command()
@click.argument("file", type=str)
@click.option(
    "--date",
    "published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Publication date, to resolve 'on Monday' (default: a 'date YYYY-MM-DD' header line).",
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
    text = read_text(file)
    day = published.date() if published else None
    if day is None:
        header = _WIRE_HEADER.match(text)
        if header:
            day = dt.date.fromisoformat(header[1])
    quotes = extract_quotes(text, day)
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
