"""Topics: keyword rules, a hierarchy, tagging on import, and a person's tags.

A rule's tag (``assigned_by=RULE``) is recomputed whenever rules are
applied; a person's tag or untag (``PERSON``; an untag is kept as an
``excluded`` row) is never overwritten by rules. Tagging also suggests a
stance for the statement on that topic (``quotes.services.stance``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import CursorResult, delete, func, select
from sqlalchemy.orm import Session

from quotes.errors import NotFoundError, QuotesError
from quotes.match.keywords import KeywordMatcher, keyword_matcher
from quotes.services.stance import clear_suggestion, suggest_for
from quotes.storage.models import Actor, Statement, StatementTopic, Topic

_CHUNK = 1000


def get_topic(session: Session, name: str) -> Topic:
    """A topic by name (any case) or id."""
    ref = name.strip()
    topic = (
        session.get(Topic, int(ref))
        if ref.isdigit()
        else session.scalars(select(Topic).where(func.lower(Topic.name) == ref.lower())).first()
    )
    if topic is None:
        raise NotFoundError(f"topic {name!r}: no such topic")
    return topic


def add_topic(
    session: Session, name: str, keywords: Sequence[str], parent: str | None = None
) -> Topic:
    """A new topic; its rules are not applied until ``apply_topics`` (or the next import)."""
    name = " ".join(name.split())
    if not name:
        raise QuotesError("a topic needs a name")
    if session.scalars(select(Topic).where(func.lower(Topic.name) == name.lower())).first():
        raise QuotesError(f"topic {name!r} exists already")
    topic = Topic(
        name=name,
        keywords=list(keywords),
        parent_id=get_topic(session, parent).id if parent else None,
    )
    session.add(topic)
    session.flush()
    return topic


def set_keywords(session: Session, name: str, keywords: Sequence[str]) -> Topic:
    topic = get_topic(session, name)
    topic.keywords = list(keywords)
    session.flush()
    return topic


def remove_topic(session: Session, name: str) -> None:
    """Remove a topic with its tags and stances; its sub-topics move up to its parent."""
    topic = get_topic(session, name)
    for child in session.scalars(select(Topic).where(Topic.parent_id == topic.id)):
        child.parent_id = topic.parent_id
    session.delete(topic)
    session.flush()


def list_topics(session: Session) -> list[dict[str, Any]]:
    """Every topic with its parent, keywords and the number of statements tagged."""
    counts = dict(
        session.execute(
            select(StatementTopic.topic_id, func.count())
            .where(StatementTopic.excluded.is_(False))
            .group_by(StatementTopic.topic_id)
        ).all()
    )
    topics = session.scalars(select(Topic).order_by(Topic.name)).all()
    names = {topic.id: topic.name for topic in topics}
    return [
        {
            "id": topic.id,
            "name": topic.name,
            "parent": names.get(topic.parent_id) if topic.parent_id else None,
            "keywords": list(topic.keywords or []),
            "statements": counts.get(topic.id, 0),
        }
        for topic in topics
    ]


def _matcher(session: Session, topic_ids: Iterable[int] | None = None) -> KeywordMatcher:
    query = select(Topic.id, Topic.keywords)
    if topic_ids is not None:
        query = query.where(Topic.id.in_(list(topic_ids)))
    return keyword_matcher(
        (topic_id, keywords or []) for topic_id, keywords in session.execute(query)
    )


def tag_statement_ids(session: Session, statement_ids: Sequence[int]) -> int:
    """Tag statements by the keyword rules of every topic; the number of tags added.

    Called by the importer for the statements each article touched, so the
    rules are read first and nothing more happens in a database without
    topics. Rule tags that no longer match (a statement's text grew) are
    taken off; a person's tags and untags stay.
    """
    if not statement_ids:
        return 0
    matcher = _matcher(session)
    if not matcher.rules:
        return 0
    rows = session.execute(
        select(Statement.id, Statement.canonical_text).where(Statement.id.in_(statement_ids))
    ).all()
    return _retag(session, [(i, text) for i, text in rows], matcher)


def apply_topics(session: Session, topic: str | None = None) -> dict[str, int]:
    """Re-apply the keyword rules to every statement (for one topic, or all)."""
    topic_ids = [get_topic(session, topic).id] if topic else None
    matcher = _matcher(session, topic_ids)
    scope = [topic_id for topic_id, _ in matcher.rules]
    removed: CursorResult[Any] = session.execute(  # type: ignore[assignment]
        delete(StatementTopic).where(
            StatementTopic.assigned_by == Actor.RULE,
            StatementTopic.excluded.is_(False),
            *([StatementTopic.topic_id.in_(topic_ids)] if topic_ids else []),
        )
    )
    added = 0
    last_id = 0
    while True:
        chunk = session.execute(
            select(Statement.id, Statement.canonical_text)
            .where(Statement.id > last_id)
            .order_by(Statement.id)
            .limit(_CHUNK)
        ).all()
        if not chunk:
            break
        added += _retag(session, [(i, text) for i, text in chunk], matcher, scope=scope)
        last_id = chunk[-1][0]
    return {"tags_removed": removed.rowcount or 0, "tags_added": added}


def _retag(
    session: Session,
    statements: Sequence[tuple[int, str]],
    matcher: KeywordMatcher,
    scope: Sequence[int] | None = None,
) -> int:
    """Tag (statement id, text) pairs for the topics in ``scope`` (default: all the matcher's)."""
    ids = [statement_id for statement_id, _ in statements]
    existing: dict[tuple[int, int], StatementTopic] = {
        (row.statement_id, row.topic_id): row
        for row in session.scalars(
            select(StatementTopic).where(StatementTopic.statement_id.in_(ids))
        )
    }
    in_scope = set(scope) if scope is not None else {topic_id for topic_id, _ in matcher.rules}
    added = 0
    for statement_id, text in statements:
        wanted = matcher.topics_in(text)
        for topic_id in in_scope:
            row = existing.get((statement_id, topic_id))
            if topic_id in wanted:
                if row is None:
                    session.add(StatementTopic(statement_id=statement_id, topic_id=topic_id))
                    added += 1
                if row is None or not row.excluded:
                    suggest_for(session, statement_id, text, topic_id)
            elif row is not None and row.assigned_by == Actor.RULE and not row.excluded:
                session.delete(row)
                clear_suggestion(session, statement_id, topic_id)
    session.flush()
    return added


def tag(session: Session, statement_id: int, topic: str) -> StatementTopic:
    """A person tags a statement: kept whatever the rules say."""
    statement, row = _persons_tag(session, statement_id, topic, excluded=False)
    suggest_for(session, statement.id, statement.canonical_text, row.topic_id)
    return row


def untag(session: Session, statement_id: int, topic: str) -> None:
    """A person takes a topic off a statement; the rules will not put it back."""
    statement, row = _persons_tag(session, statement_id, topic, excluded=True)
    clear_suggestion(session, statement.id, row.topic_id)


def _persons_tag(
    session: Session, statement_id: int, topic: str, *, excluded: bool
) -> tuple[Statement, StatementTopic]:
    statement = _statement(session, statement_id)
    topic_row = get_topic(session, topic)
    row = session.get(StatementTopic, (statement.id, topic_row.id))
    if row is None:
        row = StatementTopic(statement_id=statement.id, topic_id=topic_row.id)
        session.add(row)
    row.assigned_by, row.excluded = Actor.PERSON, excluded
    session.flush()
    return statement, row


def _statement(session: Session, statement_id: int) -> Statement:
    statement = session.get(Statement, statement_id)
    if statement is None:
        raise NotFoundError(f"statement {statement_id}: no such statement")
    return statement
