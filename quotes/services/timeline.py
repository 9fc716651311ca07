"""A speaker's positions over time, with the points where they change.

Statements come in the order they were first said (undated ones last, on
every backend). On each topic, a change
is marked where the stance turns between "supports" and "opposes" from the
last statement that took a side on that topic; neutral or unknown
statements neither make nor break a change (a fact-checker asks "did they
reverse?", and a neutral remark in between is not a position).
Suggested stances count, and say so, until a person confirms them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quotes.match.stance import Stance
from quotes.services.schema import TimelineEntryJSON
from quotes.services.search import topic_with_descendants
from quotes.services.speakers import find_speaker
from quotes.services.statements import statement_summaries
from quotes.storage.models import (
    Actor,
    Quote,
    Statement,
    StatementStance,
    StatementTopic,
    Topic,
)

_SIDES = (Stance.SUPPORTS, Stance.OPPOSES)


@dataclass
class TopicPosition:
    topic: str
    stance: Stance | None
    confirmed: bool
    previous: Stance | None = None
    changed: bool = False

    def describe(self) -> str:
        if self.stance is None:
            return f"{self.topic}: no stance"
        marker = "" if self.confirmed else " (suggested)"
        return f"{self.topic}: {self.stance.value}{marker}"


@dataclass
class TimelineEntry:
    """One statement; ``sources`` counts the articles that carried it."""

    statement_id: int
    said_on: dt.date | None
    text: str
    sources: int
    positions: list[TopicPosition] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(position.changed for position in self.positions)

    def changes(self) -> list[str]:
        return [
            f"{p.topic}: {p.previous.value} → {p.stance.value}"
            for p in self.positions
            if p.changed and p.previous is not None and p.stance is not None
        ]


def timeline(
    session: Session,
    speaker: str,
    *,
    topic: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[TimelineEntry]:
    """The speaker's statements (on ``topic`` and its sub-topics, if given) in date order."""
    speaker_id = find_speaker(session, speaker).id
    topic_ids = topic_with_descendants(session, topic) if topic else None
    # Articles, not quotes: an article quoting the statement twice is one source.
    sources = (
        select(Quote.statement_id, func.count(func.distinct(Quote.article_id)).label("articles"))
        .join(Statement, Statement.id == Quote.statement_id)
        .where(Statement.speaker_id == speaker_id)
        .group_by(Quote.statement_id)
        .subquery()
    )
    query = (
        select(Statement.id, Statement.first_said_on, Statement.canonical_text, sources.c.articles)
        .outerjoin(sources, sources.c.statement_id == Statement.id)
        .where(Statement.speaker_id == speaker_id)
        .order_by(Statement.first_said_on.is_(None), Statement.first_said_on, Statement.id)
    )
    if since is not None:
        query = query.where(Statement.first_said_on >= since)
    if until is not None:
        query = query.where(Statement.first_said_on <= until)
    if topic_ids is not None:
        query = query.where(
            Statement.id.in_(
                select(StatementTopic.statement_id).where(
                    StatementTopic.topic_id.in_(topic_ids), StatementTopic.excluded.is_(False)
                )
            )
        )
    entries = [
        TimelineEntry(statement_id, said_on, text, articles or 0)
        for statement_id, said_on, text, articles in session.execute(query)
    ]
    _attach_positions(session, entries, topic_ids)
    return entries


def timeline_entries(
    session: Session,
    speaker: str,
    *,
    topic: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[TimelineEntryJSON]:
    """The timeline as the schema's entries: one per statement and topic it is
    on (one with a null topic for a statement on none), in date order."""
    entries = timeline(session, speaker, topic=topic, since=since, until=until)
    summaries = {
        summary["statement_id"]: summary
        for summary in statement_summaries(session, [entry.statement_id for entry in entries])
    }
    found: list[TimelineEntryJSON] = []
    for entry in entries:
        summary = summaries[entry.statement_id]
        positions: list[TopicPosition | None] = [*entry.positions] or [None]
        for position in positions:
            found.append(
                TimelineEntryJSON(
                    **summary,
                    topic=position.topic if position else None,
                    stance=position.stance.value if position and position.stance else None,
                    status=_status(position),
                    change=bool(position and position.changed),
                )
            )
    return found


def _status(position: TopicPosition | None) -> str | None:
    if position is None or position.stance is None:
        return None
    return "confirmed" if position.confirmed else "suggested"


def _attach_positions(
    session: Session, entries: list[TimelineEntry], topic_ids: list[int] | None
) -> None:
    ids = [entry.statement_id for entry in entries]
    if not ids:
        return
    tags = select(StatementTopic.statement_id, StatementTopic.topic_id, Topic.name).join(
        Topic, Topic.id == StatementTopic.topic_id
    )
    tags = tags.where(StatementTopic.statement_id.in_(ids), StatementTopic.excluded.is_(False))
    if topic_ids is not None:
        tags = tags.where(StatementTopic.topic_id.in_(topic_ids))
    stances = {
        (row.statement_id, row.topic_id): row
        for row in session.scalars(
            select(StatementStance).where(StatementStance.statement_id.in_(ids))
        )
    }
    by_statement: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for statement_id, topic_id, name in session.execute(tags):
        by_statement[statement_id].append((topic_id, name))
    last_side: dict[int, Stance] = {}
    for entry in entries:
        for topic_id, name in sorted(by_statement[entry.statement_id], key=lambda t: t[1]):
            row = stances.get((entry.statement_id, topic_id))
            stance = Stance(row.stance) if row else None
            position = TopicPosition(
                topic=name,
                stance=stance,
                confirmed=row is not None and row.set_by == Actor.PERSON,
            )
            if stance in _SIDES:
                previous = last_side.get(topic_id)
                if previous is not None and previous != stance:
                    position.previous, position.changed = previous, True
                last_side[topic_id] = stance
            entry.positions.append(position)
