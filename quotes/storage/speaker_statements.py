"""A speaker's statements, and joining two statements of one speaker into one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, delete, select, update
from sqlalchemy.orm import Session

from quotes.extract.model import QuoteKind
from quotes.match.stance import Stance
from quotes.storage.models import (
    Actor,
    MergeAction,
    MergeEntity,
    MergeLog,
    Quote,
    Statement,
    StatementStance,
    StatementTopic,
    Topic,
)


def speaker_statements(
    session: Session, speaker_id: int
) -> list[tuple[int, str, QuoteKind, dt.date | None]]:
    """(id, canonical text, kind, first said on) of every statement of the speaker."""
    rows = session.execute(
        select(Statement.id, Statement.canonical_text, Statement.kind, Statement.first_said_on)
        .where(Statement.speaker_id == speaker_id)
        .order_by(Statement.id)
    )
    return [(i, text, kind, day) for i, text, kind, day in rows]


def speaker_positions(
    session: Session, speaker_id: int, topic_ids: Sequence[int] | None = None
) -> list[tuple[int, int, str, Stance | None, Actor | None]]:
    """(statement id, topic id, topic name, stance, set by) of every topic the
    speaker's statements are tagged with (not the excluded ones), the stance on
    it where one is recorded; one query for all of them, however many."""
    query = (
        select(
            StatementTopic.statement_id,
            StatementTopic.topic_id,
            Topic.name,
            StatementStance.stance,
            StatementStance.set_by,
        )
        .join(Statement, Statement.id == StatementTopic.statement_id)
        .join(Topic, Topic.id == StatementTopic.topic_id)
        .outerjoin(
            StatementStance,
            and_(
                StatementStance.statement_id == StatementTopic.statement_id,
                StatementStance.topic_id == StatementTopic.topic_id,
            ),
        )
        .where(Statement.speaker_id == speaker_id, StatementTopic.excluded.is_(False))
    )
    if topic_ids is not None:
        query = query.where(StatementTopic.topic_id.in_(topic_ids))
    return [(s, t, name, stance, set_by) for s, t, name, stance, set_by in session.execute(query)]


def join_statement(
    session: Session, source_id: int, target_id: int, method: str, score: float | None
) -> list[int]:
    """Move every quote of statement ``source_id`` into ``target_id``, one merge-log row
    each (a quote merge, undone by ``quotes unmerge``), with the topics and stances the
    target lacks. Returns the quote ids moved; the emptied statement is the caller's
    to recompute (which deletes it)."""
    source = session.get(Statement, source_id)
    if source is None:
        return []
    quote_ids = list(
        session.scalars(select(Quote.id).where(Quote.statement_id == source_id).order_by(Quote.id))
    )
    before: dict[str, Any] = {
        "canonical_text": source.canonical_text,
        "first_said_on": source.first_said_on.isoformat() if source.first_said_on else None,
        "kind": str(source.kind),
    }
    session.execute(
        update(Quote)
        .where(Quote.id.in_(quote_ids))
        .values(statement_id=target_id, match_method=method, match_score=score)
    )
    session.add_all(
        MergeLog(
            entity=MergeEntity.QUOTE,
            action=MergeAction.MERGE,
            subject_id=quote_id,
            from_id=source_id,
            to_id=target_id,
            method=method,
            score=score,
            actor=Actor.RULE,
            details={"statement": before},
        )
        for quote_id in quote_ids
    )
    held = select(StatementTopic.topic_id).where(StatementTopic.statement_id == target_id)
    session.execute(
        update(StatementTopic)
        .where(StatementTopic.statement_id == source_id, StatementTopic.topic_id.not_in(held))
        .values(statement_id=target_id)
    )
    taken = select(StatementStance.topic_id).where(StatementStance.statement_id == target_id)
    session.execute(
        update(StatementStance)
        .where(StatementStance.statement_id == source_id, StatementStance.topic_id.not_in(taken))
        .values(statement_id=target_id)
    )
    session.execute(delete(StatementTopic).where(StatementTopic.statement_id == source_id))
    session.flush()
    return quote_ids
