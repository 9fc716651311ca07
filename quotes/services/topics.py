"""Topics: keyword rules, a hierarchy, tagging on import, and a person's tags.

A rule's tag (``assigned_by=RULE``) is recomputed whenever rules are
applied; a person's tag or untag (``PERSON``; an untag is kept as an
``excluded`` row) is never overwritten by rules. Tagging also suggests a
stance for the statement on that topic (``stance_rules``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy.orm import Session

from quotes.errors import NotFoundError, QuotesError
from quotes.match.keywords import KeywordMatcher, keyword_matcher
from quotes.services.schema import TopicJSON
from quotes.services.stance_rules import clear_suggestions, suggest_stances
from quotes.storage import topics as store
from quotes.storage.models import (
    Actor,
    Statement,
    StatementStance,
    StatementTopic,
    Topic,
    utcnow,
)
from quotes.storage.operations import Recorder, operation, watch_statements

_CHUNK = 1000


def get_topic(session: Session, name: str) -> Topic:
    """A topic by name (any case) or id."""
    ref = name.strip()
    topic = session.get(Topic, int(ref)) if ref.isdigit() else store.topic_named(session, ref)
    if topic is None:
        raise NotFoundError(f"topic {name!r}: no such topic")
    return topic


def add_topic(
    session: Session, name: str, keywords: Sequence[str], parent: str | None = None
) -> Topic:
    """A new topic (a logged operation); its rules are not applied until
    ``apply_topics`` (or the next import)."""
    name = " ".join(name.split())
    if not name:
        raise QuotesError("a topic needs a name")
    if store.topic_named(session, name) is not None:
        raise QuotesError(f"topic {name!r} exists already")
    parent_id = get_topic(session, parent).id if parent else None
    with operation(session, "add", "topic") as logged:
        logged.recorder.watch(Topic, store.named(name))
        topic = Topic(name=name, keywords=list(keywords), parent_id=parent_id)
        session.add(topic)
        session.flush()
        logged.summary = f"topic {name!r} added: {', '.join(keywords)}"
    return topic


def set_keywords(session: Session, name: str, keywords: Sequence[str]) -> Topic:
    """Replace a topic's keyword rules (a logged operation); its tags stay until
    ``apply_topics``."""
    topic = get_topic(session, name)
    with operation(session, "keywords", "topic") as logged:
        logged.recorder.watch_ids(Topic, [topic.id])
        old = list(topic.keywords or [])
        topic.keywords = list(keywords)
        session.flush()
        logged.summary = (
            f"keywords of topic {topic.name!r}: {', '.join(old)} -> {', '.join(keywords)}"
        )
    return topic


def remove_topic(session: Session, name: str) -> None:
    """Remove a topic with its tags and stances; its sub-topics move up to its parent.

    A logged operation: ``quotes undo`` gives back the topic with its id, its
    tags and stances, and its sub-topics' parent.
    """
    topic = get_topic(session, name)
    with operation(session, "remove", "topic") as logged:
        logged.recorder.watch(Topic, (Topic.id == topic.id) | (Topic.parent_id == topic.id))
        logged.recorder.watch(StatementTopic, StatementTopic.topic_id == topic.id)
        logged.recorder.watch(StatementStance, StatementStance.topic_id == topic.id)
        tags = store.tag_counts(session).get(topic.id, 0)
        store.lift_children(session, topic)
        # Else the unit of work nulls the parent of the children it remembers.
        session.expire(topic, ["children"])
        session.delete(topic)
        session.flush()
        logged.summary = f"topic {topic.name!r} removed with its {tags} tags and their stances"


def list_topics(session: Session) -> list[TopicJSON]:
    """Every topic with its parent, keywords and how many statements it covers.

    ``statement_count`` counts the statements tagged with the topic or any topic
    below it (a statement on "ceasefire" is also on "war"), each once;
    ``tagged_count`` only those tagged with the topic itself.
    """
    direct = store.tag_counts(session)
    topics = store.all_topics(session)
    names = {topic.id: topic.name for topic in topics}
    children: dict[int | None, list[int]] = defaultdict(list)
    for topic in topics:
        children[topic.parent_id].append(topic.id)

    def covered(topic_id: int) -> int:
        subtree, stack = {topic_id}, [topic_id]
        while stack:
            for child in children[stack.pop()]:
                if child not in subtree:
                    subtree.add(child)
                    stack.append(child)
        if len(subtree) == 1:
            return int(direct.get(topic_id, 0))
        return store.statements_tagged(session, subtree)

    return [
        TopicJSON(
            topic_id=topic.id,
            name=topic.name,
            parent=names.get(topic.parent_id) if topic.parent_id else None,
            keywords=list(topic.keywords or []),
            statement_count=covered(topic.id),
            tagged_count=int(direct.get(topic.id, 0)),
        )
        for topic in topics
    ]


def _matcher(session: Session, topic_ids: Iterable[int] | None = None) -> KeywordMatcher:
    return keyword_matcher(store.topic_rules(session, topic_ids))


def tag_statements(session: Session, statements: Sequence[Statement]) -> int:
    """Tag these statements by the keyword rules (see ``tag_statement_ids``)."""
    return tag_statement_ids(session, [statement.id for statement in statements])


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
    added, _ = _retag(session, store.statement_texts(session, statement_ids), matcher)
    return added


def apply_topics(session: Session, topic: str | None = None) -> dict[str, int]:
    """Re-apply the keyword rules to every statement (for one topic, or all).

    Rule tags are brought in line with the rules: added where a keyword
    matches, taken off where none does any more (with their suggested
    stances); a person's tags and untags are left as they are. Returns
    ``tags_added`` and ``tags_removed``.
    """
    scope = [get_topic(session, topic).id] if topic else store.topic_ids(session)
    matcher = _matcher(session, scope)
    added = removed = 0
    last_id = 0
    with operation(session, "apply", "topic", method="keywords") as logged:
        # Settled batch by batch (the tags of a batch are written to the log and
        # forgotten), so that a million statements do not sit in memory.
        settle = None if logged.nested else logged.operation_id
        while True:
            chunk = store.statement_texts_after(session, last_id, _CHUNK)
            if not chunk:
                break
            more, fewer = _retag(
                session,
                chunk,
                matcher,
                scope=scope,
                recorder=logged.recorder,
            )
            if settle is not None:
                logged.recorder.settle(settle)
            added, removed = added + more, removed + fewer
            last_id = chunk[-1][0]
        logged.summary = (
            f"keyword rules of {topic or 'every topic'} applied: "
            f"{added} tags added, {removed} taken off"
        )
    return {"tags_added": added, "tags_removed": removed}


def _retag(
    session: Session,
    statements: Sequence[tuple[int, str]],
    matcher: KeywordMatcher,
    scope: Sequence[int] | None = None,
    recorder: Recorder | None = None,
) -> tuple[int, int]:
    """Tag (statement id, text) pairs for the topics in ``scope`` (default: all the
    matcher's); the numbers of rule tags added and removed.

    A keyword may be in any outlet's wording, not only the canonical one:
    one wire says "truce" where another says "ceasefire". Everything is
    read and written for the whole batch at once.
    """
    ids = [statement_id for statement_id, _ in statements]
    wordings, cues = store.wordings_and_cues(session, ids)
    existing = store.tags_of(session, ids)
    in_scope = set(scope) if scope is not None else {topic_id for topic_id, _ in matcher.rules}
    tagged: list[tuple[int, str, int]] = []
    new: list[dict[str, Any]] = []
    untagged: list[tuple[int, int]] = []
    gone: list[StatementTopic] = []
    for statement_id, text in statements:
        wanted = matcher.topics_in(text)
        for wording in wordings[statement_id] - {text}:
            wanted |= matcher.topics_in(wording)
        for topic_id in in_scope:
            row = existing.get((statement_id, topic_id))
            if topic_id in wanted:
                if row is None:
                    new.append(
                        {"statement_id": statement_id, "topic_id": topic_id, "created_at": utcnow()}
                    )
                if row is None or not row.excluded:
                    tagged.append((statement_id, text, topic_id))
            elif row is not None and row.assigned_by == Actor.RULE and not row.excluded:
                gone.append(row)
                untagged.append((statement_id, topic_id))
    if recorder is not None:
        # What this batch may change, read before it changes: the tags it adds or
        # takes off, and the stances of its statements (rules suggest and clear them).
        recorder.watch_keys(
            StatementTopic,
            [(r["statement_id"], r["topic_id"]) for r in new] + untagged,
        )
        recorder.watch(StatementStance, StatementStance.statement_id.in_(ids))
    for row in gone:
        session.delete(row)
    # Core, not the unit of work: re-tagging a database adds rows by the ten
    # thousand; and two importers may tag the same statement at once.
    store.add_tags(session, new)
    suggest_stances(session, tagged, cues)
    clear_suggestions(session, untagged)
    session.flush()
    return len(new), len(untagged)


def tag(session: Session, statement_id: int, topic: str) -> StatementTopic:
    """A person tags a statement: kept whatever the rules say."""
    with operation(session, "tag", "topic") as logged:
        watch_statements(logged.recorder, [statement_id])
        statement, row = _persons_tag(session, statement_id, topic, excluded=False)
        suggest_stances(session, [(statement.id, statement.canonical_text, row.topic_id)])
        logged.summary = f"statement {statement_id} tagged {row.topic.name!r}"
    return row


def untag(session: Session, statement_id: int, topic: str) -> None:
    """A person takes a topic off a statement; the rules will not put it back."""
    with operation(session, "untag", "topic") as logged:
        watch_statements(logged.recorder, [statement_id])
        statement, row = _persons_tag(session, statement_id, topic, excluded=True)
        clear_suggestions(session, [(statement.id, row.topic_id)])
        logged.summary = f"statement {statement_id} untagged {row.topic.name!r}"


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
