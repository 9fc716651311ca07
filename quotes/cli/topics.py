"""``quotes topics``: keyword topics, their hierarchy, and tags."""

from __future__ import annotations

import click

from quotes.cli.output import emit, output_options
from quotes.cli.transaction import by_option, transaction
from quotes.match.keywords import parse_keywords
from quotes.services import topics as service


@click.group()
def topics() -> None:
    """Keyword topics: add, list, remove, apply the rules, tag and untag by hand."""


@topics.command("add")
@click.argument("name")
@click.option("--keywords", default="", help='Comma-separated: "ceasefire, truce".')
@click.option("--parent", metavar="TOPIC", help="The broader topic this one belongs to.")
@by_option
@click.pass_context
def add_command(ctx: click.Context, name: str, keywords: str, parent: str | None) -> None:
    """Add topic NAME (tag with: quotes topics apply; new imports are tagged on arrival)."""
    words = parse_keywords(keywords) or parse_keywords(name)
    with transaction(ctx) as session:
        topic = service.add_topic(session, name, words, parent)
        click.echo(f"Topic {topic.name!r} ({topic.id}): {', '.join(words)}")


@topics.command("keywords")
@click.argument("name")
@click.argument("keywords")
@by_option
@click.pass_context
def keywords_command(ctx: click.Context, name: str, keywords: str) -> None:
    """Replace the KEYWORDS of topic NAME (then: quotes topics apply NAME)."""
    with transaction(ctx) as session:
        words = parse_keywords(keywords)
        topic = service.set_keywords(session, name, words)
        click.echo(f"Topic {topic.name!r} ({topic.id}): {', '.join(words)}")


@topics.command("list")
@output_options
@click.pass_context
def list_command(ctx: click.Context, fmt: str) -> None:
    """Topics with their parent, keywords and number of statements.

    The statement count takes in a topic's sub-topics; the tagged count only the topic itself."""
    with transaction(ctx, read_only=True) as session:
        rows = service.list_topics(session)
    emit(
        rows,
        fmt,
        columns=["topic_id", "name", "parent", "keywords", "statement_count", "tagged_count"],
    )


@topics.command("remove")
@click.argument("name")
@by_option
@click.pass_context
def remove_command(ctx: click.Context, name: str) -> None:
    """Remove topic NAME with its tags and stances; its sub-topics move up."""
    with transaction(ctx) as session:
        service.remove_topic(session, name)


@topics.command("apply")
@click.argument("name", required=False)
@by_option
@click.pass_context
def apply_command(ctx: click.Context, name: str | None) -> None:
    """Re-apply the keyword rules of topic NAME (or of every topic) to all statements.

    Rule tags that no longer match are removed with their suggested stances;
    a person's tags, untags and stances are kept."""
    with transaction(ctx) as session:
        counts = service.apply_topics(session, name)
    click.echo(f"{counts['tags_added']} tags added, {counts['tags_removed']} rule tags removed.")


@topics.command("tag")
@click.argument("statement_id", type=int)
@click.argument("topic")
@by_option
@click.pass_context
def tag_command(ctx: click.Context, statement_id: int, topic: str) -> None:
    """Tag STATEMENT_ID with TOPIC by hand (kept whatever the rules say)."""
    with transaction(ctx) as session:
        service.tag(session, statement_id, topic)


@topics.command("untag")
@click.argument("statement_id", type=int)
@click.argument("topic")
@by_option
@click.pass_context
def untag_command(ctx: click.Context, statement_id: int, topic: str) -> None:
    """Take TOPIC off STATEMENT_ID; the rules will not put it back."""
    with transaction(ctx) as session:
        service.untag(session, statement_id, topic)
