"""``quotes search`` and ``quotes who``: what was said, by whom, and when first."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import asdict
from typing import Any, TypeVar

import click

from quotes.cli.output import emit, output_options, to_jsonable
from quotes.cli.transaction import transaction
from quotes.extract.model import QuoteKind
from quotes.services.search import search_statements, who_said

F = TypeVar("F", bound=Callable[..., Any])
DATE = click.DateTime(formats=["%Y-%m-%d"])


def filter_options(function: F) -> F:
    """The filters every search takes, as keyword arguments of the same names."""
    options = [
        click.option("--speaker", metavar="NAME_OR_ID", help="Only this speaker."),
        click.option(
            "--affiliation",
            metavar="BODY_OR_COUNTRY",
            help="Only speakers of or tied to this body or country (Russia, NATO).",
        ),
        click.option("--since", type=DATE, help="First said on or after this date."),
        click.option("--until", type=DATE, help="First said on or before this date."),
        click.option("--topic", metavar="NAME", help="Only this topic and its sub-topics."),
        click.option("--outlet", metavar="NAME_OR_DOMAIN", help="Carried by this outlet."),
        click.option("--kind", type=click.Choice([k.value for k in QuoteKind])),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _query_text(text: str) -> str:
    """The argument, or standard input for ``-``: a remembered sentence may be long."""
    return sys.stdin.read() if text == "-" else text


def _search_filters(filters: dict[str, Any]) -> dict[str, Any]:
    for name in ("since", "until"):
        value = filters.get(name)
        if isinstance(value, dt.datetime):
            filters[name] = value.date()
    return filters


@click.command()
@click.argument("text")
@filter_options
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@output_options
@click.pass_context
def search(ctx: click.Context, /, text: str, limit: int, fmt: str, **filters: Any) -> None:
    """Statements matching TEXT ("-" reads it from stdin): its words, or a
    half-remembered wording. Most relevant first, then earliest."""
    with transaction(ctx, read_only=True) as session:
        hits = search_statements(
            session, _query_text(text), limit=limit, **_search_filters(filters)
        )
    rows = [asdict(hit) for hit in hits]
    if not rows and fmt == "table":  # an empty table says nothing; the other formats stay parseable
        click.echo("No statement matches.", err=True)
        return
    emit(rows, fmt, columns=["id", "speaker", "said_on", "score", "sources", "outlets", "text"])


@click.command()
@click.argument("text")
@filter_options
@output_options
@click.pass_context
def who(ctx: click.Context, /, text: str, fmt: str, **filters: Any) -> None:
    """Who said TEXT ("-" reads it from stdin), when first, and every outlet
    that carried it. Exits 1 when nothing matches."""
    with transaction(ctx, read_only=True) as session:
        answer = who_said(session, _query_text(text), **_search_filters(filters))
    if answer is None:
        raise click.ClickException("no statement matches")
    sources = [
        {
            "outlet": source.outlet,
            "published": source.published_on,
            "said_on": source.said_on,
            "url": source.url,
            "wording": source.text,
        }
        for source in answer.sources
    ]
    if fmt in ("json", "nl"):
        emit([{**to_jsonable(asdict(answer)), "sources": to_jsonable(sources)}], fmt)
        return
    if fmt == "csv":
        emit(
            [
                {"speaker": answer.speaker, "first_said_on": answer.first_said_on, **s}
                for s in sources
            ],
            fmt,
        )
        return
    first = answer.first_said_on.isoformat() if answer.first_said_on else "date unknown"
    speaker = answer.speaker or "Unknown speaker"
    click.echo(f"{speaker}, first said {first} (statement {answer.statement_id})")
    click.echo(answer.text)
    emit(sources, fmt, columns=["outlet", "published", "said_on", "url", "wording"])
