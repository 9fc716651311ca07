"""Merge queries: review suggestions and the merge log of automatic joins."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select, update
from sqlalchemy.orm import Session

from quotes import match
from quotes.storage.bulk import chunked, insert_ignore
from quotes.storage.models import (
    MergeAction,
    MergeEntity,
    MergeLog,
    MergeSuggestion,
    Quote,
    Speaker,
    Statement,
    SuggestionStatus,
)


def suggestion_rows(session: Session, status: SuggestionStatus, limit: int) -> list[Any]:
    """(id, score, method, speaker name, quote id, quote text, statement id, statement
    text) of the suggestions in ``status``, best first."""
    target = Statement.__table__.alias("target")
    return list(
        session.execute(
            select(
                MergeSuggestion.id,
                MergeSuggestion.score,
                MergeSuggestion.method,
                Speaker.name,
                Quote.id,
                Quote.text,
                MergeSuggestion.statement_id,
                target.c.canonical_text,
            )
            .join(Quote, Quote.id == MergeSuggestion.quote_id)
            .join(target, target.c.id == MergeSuggestion.statement_id)
            .outerjoin(Speaker, Speaker.id == Quote.speaker_id)
            .where(MergeSuggestion.status == status)
            .order_by(MergeSuggestion.score.desc(), MergeSuggestion.id)
            .limit(limit)
        )
    )


def quote_ids_in(session: Session, statement_id: int) -> list[int]:
    return list(session.scalars(select(Quote.id).where(Quote.statement_id == statement_id)))


def has_other_quote(session: Session, statement_id: int, quote_id: int) -> bool:
    """Does the statement hold a quote besides this one?"""
    return (
        session.scalar(
            select(Quote.id)
            .where(Quote.statement_id == statement_id, Quote.id != quote_id)
            .limit(1)
        )
        is not None
    )


def last_join(session: Session, quote_id: int, statement_id: int) -> MergeLog | None:
    """The automatic join that put the quote in this statement, if not undone."""
    return session.scalars(
        select(MergeLog)
        .where(
            MergeLog.entity == MergeEntity.QUOTE,
            MergeLog.action == MergeAction.MERGE,
            MergeLog.subject_id == quote_id,
            MergeLog.to_id == statement_id,
            MergeLog.undone_at.is_(None),
        )
        .order_by(MergeLog.id.desc())
        .limit(1)
    ).first()


def statement_of_its_own(session: Session, quote: Quote, speaker_id: int | None) -> int:
    """A new statement holding only this quote's wording (its fields are recomputed
    by the caller once the quote is in it)."""
    fresh = Statement(
        speaker_id=speaker_id,
        canonical_text=quote.text,
        match_key=match.match_key(quote.text),
        kind=quote.kind,
        quote_count=1,
    )
    session.add(fresh)
    session.flush()
    return fresh.id


def put_quotes_in(
    session: Session, quote_ids: Sequence[int], statement_id: int, score: float | None
) -> None:
    """Quotes a person put in a statement (a review accepted)."""
    session.execute(
        update(Quote)
        .where(Quote.id.in_(quote_ids))
        .values(statement_id=statement_id, match_method="person", match_score=score)
    )


def suggest_merges(session: Session, rows: list[dict[str, Any]]) -> None:
    """Merge suggestions (quote id, statement id, method, score), those there kept."""
    if rows:
        session.execute(insert_ignore(session, MergeSuggestion), rows)


def suggested_pairs(connection: Connection, quote_ids: Sequence[int]) -> set[tuple[int, int]]:
    """(quote id, statement id) of every suggestion about these quotes, whatever its status."""
    known: set[tuple[int, int]] = set()
    for chunk in chunked(quote_ids):
        known.update(
            (quote_id, statement_id)
            for quote_id, statement_id in connection.execute(
                select(MergeSuggestion.quote_id, MergeSuggestion.statement_id).where(
                    MergeSuggestion.quote_id.in_(chunk)
                )
            )
        )
    return known
