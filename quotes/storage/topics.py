"""Topic queries and writes for ``quotes.services.topics``: topics by name, their
rules, the statements and wordings rules are applied to, and tags."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.orm import Session

from quotes.storage.bulk import insert_ignore
from quotes.storage.models import Quote, Statement, StatementTopic, Topic


def named(name: str) -> ColumnElement[bool]:
    """The condition of a topic's name, any case."""
    return func.lower(Topic.name) == name.lower()


def topic_named(session: Session, name: str) -> Topic | None:
    """A topic by name, any case."""
    return session.scalars(select(Topic).where(named(name))).first()


def lift_children(session: Session, topic: Topic) -> None:
    """The sub-topics of ``topic`` move up to its parent."""
    session.execute(
        update(Topic).where(Topic.parent_id == topic.id).values(parent_id=topic.parent_id)
    )


def all_topics(session: Session) -> list[Topic]:
    return list(session.scalars(select(Topic).order_by(Topic.name)))


def topic_ids(session: Session) -> list[int]:
    return list(session.scalars(select(Topic.id)))


def tag_counts(session: Session) -> dict[int, int]:
    """Statements tagged (not excluded) per topic."""
    return {
        int(topic_id): int(n)
        for topic_id, n in session.execute(
            select(StatementTopic.topic_id, func.count())
            .where(StatementTopic.excluded.is_(False))
            .group_by(StatementTopic.topic_id)
        )
    }


def statements_tagged(session: Session, topic_ids: Iterable[int]) -> int:
    """How many statements are tagged (not excluded) with any of these topics."""
    return int(
        session.scalar(
            select(func.count(func.distinct(StatementTopic.statement_id))).where(
                StatementTopic.excluded.is_(False), StatementTopic.topic_id.in_(list(topic_ids))
            )
        )
        or 0
    )


def topic_rules(
    session: Session, topic_ids: Iterable[int] | None = None
) -> list[tuple[int, list[str]]]:
    """(topic id, keywords) of every topic, or of these."""
    query = select(Topic.id, Topic.keywords)
    if topic_ids is not None:
        query = query.where(Topic.id.in_(list(topic_ids)))
    return [(topic_id, list(keywords or [])) for topic_id, keywords in session.execute(query)]


def statement_texts(session: Session, statement_ids: Sequence[int]) -> list[tuple[int, str]]:
    return [
        (statement_id, text)
        for statement_id, text in session.execute(
            select(Statement.id, Statement.canonical_text).where(Statement.id.in_(statement_ids))
        )
    ]


def statement_texts_after(session: Session, last_id: int, limit: int) -> list[tuple[int, str]]:
    """The next ``limit`` statements by id after ``last_id``, with their text."""
    return [
        (statement_id, text)
        for statement_id, text in session.execute(
            select(Statement.id, Statement.canonical_text)
            .where(Statement.id > last_id)
            .order_by(Statement.id)
            .limit(limit)
        )
    ]


def wordings_and_cues(
    session: Session, statement_ids: Sequence[int]
) -> tuple[dict[int, set[str]], dict[int, list[str]]]:
    """Every wording the statements' quotes printed, and their reporting verbs."""
    wordings: dict[int, set[str]] = defaultdict(set)
    cues: dict[int, list[str]] = defaultdict(list)
    for statement_id, wording, cue in session.execute(
        select(Quote.statement_id, Quote.text, Quote.cue).where(
            Quote.statement_id.in_(statement_ids)
        )
    ):
        if statement_id is not None:
            wordings[statement_id].add(wording)
            if cue:
                cues[statement_id].append(cue)
    return wordings, cues


def tags_of(
    session: Session, statement_ids: Sequence[int]
) -> dict[tuple[int, int], StatementTopic]:
    """The tag rows of these statements by (statement id, topic id)."""
    return {
        (row.statement_id, row.topic_id): row
        for row in session.scalars(
            select(StatementTopic).where(StatementTopic.statement_id.in_(statement_ids))
        )
    }


def add_tags(session: Session, rows: list[dict[str, Any]]) -> None:
    """Insert tag rows, leaving those there already (two importers may tag at once)."""
    if rows:
        session.execute(insert_ignore(session, StatementTopic), rows)


class TopicNode(NamedTuple):
    id: int
    name: str
    parent_id: int | None


def topic_tree(session: Session) -> list[TopicNode]:
    """Every topic's id, name and parent."""
    return [
        TopicNode(topic_id, name, parent_id)
        for topic_id, name, parent_id in session.execute(
            select(Topic.id, Topic.name, Topic.parent_id)
        )
    ]
