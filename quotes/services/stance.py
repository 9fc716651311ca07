"""Stances: what a statement says about a topic, suggested by rules, set by people.

A rule's stance (``set_by=RULE``) is always shown as suggested and is
recomputed when the statement is re-tagged (``stance_rules``, which tagging
calls); a person's (``PERSON``) is the confirmed one and no rule overwrites it.
Layers: ``stance_rules`` <- ``topics`` <- this module.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from quotes.errors import NotFoundError, QuotesError
from quotes.match.stance import Stance
from quotes.services.schema import StanceListingJSON
from quotes.services.statements import stance_json
from quotes.services.topics import get_topic, tag
from quotes.storage.models import Actor, Statement, StatementStance
from quotes.storage.operations import operation, watch_statements
from quotes.storage.statements import stance_row, stance_rows


def set_stance(
    session: Session,
    statement_id: int,
    topic: str,
    stance: Stance | str,
    *,
    by: str | None = None,
    note: str | None = None,
) -> StatementStance:
    """A person's stance for (statement, topic): confirmed, and kept from the rules."""
    if stance not in {member.value for member in Stance}:
        choices = ", ".join(member.value for member in Stance)
        raise QuotesError(f"{stance!r} is not a stance: say {choices}")
    statement = session.get(Statement, statement_id)
    if statement is None:
        raise NotFoundError(f"statement {statement_id}: no such statement")
    topic_row = get_topic(session, topic)
    with operation(session, "stance", "stance") as logged:
        watch_statements(logged.recorder, [statement_id])
        # A stance on a topic implies the topic: tag it for the person too.
        tag(session, statement_id, topic_row.name)
        row = _stance_row(session, statement_id, topic_row.id)
        if row is None:
            row = StatementStance(statement_id=statement_id, topic_id=topic_row.id)
            session.add(row)
        row.stance, row.set_by, row.set_by_name = Stance(stance), Actor.PERSON, by
        if note is not None:
            row.note = note
        row.updated_at = dt.datetime.now(dt.UTC)
        session.flush()
        logged.summary = (
            f"statement {statement_id} {Stance(stance).value} on {topic_row.name!r}"
            f"{f' (by {by})' if by else ''}"
        )
    return row


def confirm_stance(
    session: Session, statement_id: int, topic: str, *, by: str | None = None
) -> StatementStance:
    """A person confirms the rules' suggestion as it stands."""
    topic_row = get_topic(session, topic)
    row = _stance_row(session, statement_id, topic_row.id)
    if row is None:
        raise QuotesError(
            f"statement {statement_id} has no stance on {topic_row.name!r} to confirm: "
            "use quotes stance set"
        )
    return set_stance(session, statement_id, topic_row.name, row.stance, by=by)


def list_stances(
    session: Session,
    *,
    speaker_id: int | None = None,
    topic_ids: list[int] | None = None,
    suggested_only: bool = False,
    limit: int | None = None,
) -> list[StanceListingJSON]:
    """Stances with their statements, earliest statement first (the first ``limit``)."""
    rows = stance_rows(
        session,
        speaker_id=speaker_id,
        topic_ids=topic_ids,
        suggested_only=suggested_only,
        limit=limit,
    )
    return [
        StanceListingJSON(
            **stance_json(row, topic),
            speaker=speaker,
            first_said_on=said_on,
            text=text,
        )
        for row, topic, speaker, said_on, text in rows
    ]


def describe(stance: Stance | str, set_by: Actor | str) -> str:
    """ "opposes" when a person set it, "opposes (suggested)" when a rule did."""
    return f"{Stance(stance).value}{' (suggested)' if Actor(set_by) == Actor.RULE else ''}"


def _stance_row(session: Session, statement_id: int, topic_id: int) -> StatementStance | None:
    return stance_row(session, statement_id, topic_id)
