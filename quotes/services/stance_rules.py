"""The rules' stances: written where tagging puts a topic on a statement, cleared where it
takes one off.

The one module that applies ``quotes.match.stance`` to the database. Tagging
(``topics``) calls it; a person's stance (``stance``) is never overwritten by it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import delete, select, tuple_
from sqlalchemy.orm import Session

from quotes.match.stance import suggest_stance
from quotes.storage.bulk import insert_ignore
from quotes.storage.models import Actor, Quote, StatementStance, utcnow


def suggest_stances(
    session: Session,
    wanted: Sequence[tuple[int, str, int]],
    cues: Mapping[int, Sequence[str]] | None = None,
) -> None:
    """Write the rules' stance for each (statement id, text, topic id), unless a
    person has set one.

    The reporting verbs of the statement's quotes (``cues``, read here when
    not given) count: "Peskov dismissed the idea of a summit" takes its side
    in "dismissed". One read of the rows for the whole batch, so that
    applying the rules to a large database is not a query per tag.
    """
    if not wanted:
        return
    ids = sorted({statement_id for statement_id, _, _ in wanted})
    rows = {
        (row.statement_id, row.topic_id): row
        for row in session.scalars(
            select(StatementStance).where(StatementStance.statement_id.in_(ids))
        )
    }
    if cues is None:
        found: dict[int, list[str]] = defaultdict(list)
        for statement_id, cue in session.execute(
            select(Quote.statement_id, Quote.cue).where(
                Quote.statement_id.in_(ids), Quote.cue.is_not(None)
            )
        ):
            if statement_id is not None and cue:
                found[statement_id].append(cue)
        cues = found
    new: dict[tuple[int, int], dict[str, Any]] = {}
    for statement_id, text, topic_id in wanted:
        row = rows.get((statement_id, topic_id))
        if row is not None and row.set_by == Actor.PERSON:
            continue
        suggestion = suggest_stance(text, cues.get(statement_id, ()))
        if row is None:
            new[(statement_id, topic_id)] = {
                "statement_id": statement_id,
                "topic_id": topic_id,
                "stance": suggestion.stance,
                "set_by": Actor.RULE,
                "set_by_name": suggestion.cue,
                "updated_at": utcnow(),
            }
        elif (row.stance, row.set_by_name) != (suggestion.stance, suggestion.cue):
            row.stance, row.set_by_name = suggestion.stance, suggestion.cue
    if new:
        session.execute(insert_ignore(session, StatementStance), list(new.values()))


def clear_suggestions(session: Session, pairs: Sequence[tuple[int, int]]) -> None:
    """Drop the rules' stances of these (statement id, topic id) pairs; a person's stay."""
    for start in range(0, len(pairs), 500):
        session.execute(
            delete(StatementStance).where(
                tuple_(StatementStance.statement_id, StatementStance.topic_id).in_(
                    pairs[start : start + 500]
                ),
                StatementStance.set_by == Actor.RULE,
            )
        )
