"""Statements: listing, showing every source, and keeping them consistent.

A statement's canonical text, date and quote count are derived from its
quotes (``quotes.services.canonical``); whenever quotes move between
statements (unmerge, review, speaker split, re-extraction) the statements
involved are recomputed here, and those left empty are deleted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy.orm import Session

from quotes.errors import NotFoundError
from quotes.match.stance import Stance
from quotes.services.canonical import Occurrence, quote_date, summarise
from quotes.services.schema import (
    AppearanceJSON,
    OperationJSON,
    StanceJSON,
    StatementDetailJSON,
    StatementJSON,
)
from quotes.storage import statements as store
from quotes.storage.listings import (
    StatementRow,
    appearances_of,
    log_of_statement,
    operations_of_statement,
    printed_in,
    stances_of,
    statement_rows,
    topics_of,
)
from quotes.storage.models import (
    Actor,
    MergeAction,
    MergeEntity,
    MergeLog,
    Operation,
    StatementStance,
)
from quotes.storage.statements import (
    occurrences,
    write_statements,
)


def recompute_statements(session: Session, statement_ids: Iterable[int]) -> list[int]:
    """Recompute canonical text, date, kind and count; delete the empty ones.

    Returns the ids of the statements that still exist.
    """
    ids = sorted(set(statement_ids))
    if not ids:
        return []
    session.flush()
    grouped: dict[int, list[Occurrence]] = defaultdict(list)
    for statement_id, text, kind, said_on, precision, published_on in occurrences(session, ids):
        day, day_precision = quote_date(said_on, precision, published_on)
        grouped[statement_id].append(Occurrence(text, kind, day, day_precision))
    updates: list[dict[str, Any]] = []
    empty: list[int] = []
    for statement_id in ids:
        fields = summarise(grouped.get(statement_id, ()))
        if fields is None:
            empty.append(statement_id)
            continue
        updates.append(
            {
                "id": statement_id,
                "canonical_text": fields.canonical_text,
                "match_key": fields.match_key,
                "kind": fields.kind,
                "first_said_on": fields.first_said_on,
                "date_precision": fields.date_precision,
                "quote_count": fields.quote_count,
            }
        )
    write_statements(session, updates, empty)
    return [u["id"] for u in updates]


# --- reading -----------------------------------------------------------------


def statement_summaries(session: Session, ids: Sequence[int]) -> list[StatementJSON]:
    """The statements as the schema's ``statement`` objects, in the order of ``ids``
    (ids that do not exist are left out)."""
    rows = statement_rows(session, ids)
    return summaries_of(session, [row for row in (rows.get(i) for i in ids) if row is not None])


def summaries_of(session: Session, rows: Sequence[StatementRow]) -> list[StatementJSON]:
    """Statements already read (``quotes.storage.listings``) as the schema's
    ``statement`` objects, with their printings and topics, in their order."""
    ids = [row.statement_id for row in rows]
    outlets, counts = printed_in(session, ids)
    topics = topics_of(session, ids)
    return [
        StatementJSON(
            statement_id=row.statement_id,
            speaker_id=row.speaker_id,
            speaker=row.speaker,
            text=row.text,
            kind=row.kind,
            first_said_on=row.first_said_on,
            date_precision=row.date_precision,
            appearance_count=counts[row.statement_id],
            outlet_count=len(outlets.get(row.statement_id, [])),
            outlets=outlets.get(row.statement_id, []),
            topics=topics.get(row.statement_id, []),
        )
        for row in rows
    ]


def get_statement(session: Session, statement_id: int) -> StatementDetailJSON:
    """A statement with every appearance (outlet, date, exact wording, match
    score), its stances and its change log."""
    found = statement_summaries(session, [statement_id])
    if not found:
        raise NotFoundError(f"statement {statement_id}: no such statement")
    printed = [cast(AppearanceJSON, row) for row in appearances_of(session, statement_id)]
    return StatementDetailJSON(
        **found[0],
        appearances=printed,
        stances=[stance_json(row, topic) for row, topic in stances_of(session, statement_id)],
        log=[
            *(operation_json(entry) for entry in operations_of_statement(session, statement_id)),
            *(merge_json(entry) for entry in log_of_statement(session, statement_id)),
        ],
    )


def stance_json(row: StatementStance, topic: str) -> StanceJSON:
    """A stance row as the schema's ``stance``: who set it in ``set_by``, a
    rule's trigger in ``rule``."""
    by_person = Actor(row.set_by) == Actor.PERSON
    return StanceJSON(
        statement_id=row.statement_id,
        topic=topic,
        stance=Stance(row.stance).value,
        status="confirmed" if by_person else "suggested",
        set_by=row.set_by_name if by_person else None,
        rule=None if by_person else row.set_by_name,
        updated_at=row.updated_at,
    )


def operation_json(entry: Operation) -> OperationJSON:
    """A change-log row as the schema's ``operation``."""
    return OperationJSON(
        id=str(entry.id),
        operation_id=entry.id,
        merge_id=None,
        action=entry.action,
        entity=entry.entity,
        actor=Actor(entry.actor).value,
        who=entry.who,
        method=entry.method,
        score=entry.score,
        summary=entry.summary,
        created_at=entry.created_at,
        undone_at=entry.undone_at,
    )


def merge_json(entry: MergeLog) -> OperationJSON:
    """An automatic join of the merge log as the schema's ``operation``."""
    entity, action = MergeEntity(entry.entity).value, MergeAction(entry.action).value
    if entity == MergeEntity.QUOTE.value and action == MergeAction.MERGE.value:
        summary = f"quote {entry.subject_id} joined statement {entry.to_id}"
    else:
        where = f"from {entry.from_id} " if entry.from_id is not None else ""
        summary = f"{entity} {entry.subject_id} {action}d {where}to {entry.to_id}"
    return OperationJSON(
        # As quotes log and quotes undo name them: m<id>.
        id=f"m{entry.id}",
        operation_id=None,
        merge_id=entry.id,
        action=action,
        entity=entity,
        actor=Actor(entry.actor).value,
        who=None,
        method=entry.method,
        score=entry.score,
        summary=summary,
        created_at=entry.created_at,
        undone_at=entry.undone_at,
    )


def list_statements(
    session: Session,
    *,
    speaker_id: int | None = None,
    speaker_ids: Sequence[int] | None = None,
    limit: int | None = 100,
) -> list[StatementJSON]:
    """Statements, most quoted first (then newest)."""
    ids = store.statement_ids(session, speaker_id=speaker_id, speaker_ids=speaker_ids, limit=limit)
    return statement_summaries(session, ids)


def count_statements(session: Session) -> int:
    return store.count_statements(session)
