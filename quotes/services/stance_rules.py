"""The rules' stances: written where tagging puts a topic on a statement, cleared where it
takes one off.

The one module that applies ``quotes.match.stance`` to the database. Tagging
(``topics``) calls it; a person's stance (``stance``) is never overwritten by it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from quotes.match.stance import suggest_stance
from quotes.storage.models import Actor, utcnow
from quotes.storage.statements import add_stances, cues_of, drop_rule_stances, stances_by_pair


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
    rows = stances_by_pair(session, ids)
    if cues is None:
        cues = cues_of(session, ids)
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
    add_stances(session, list(new.values()))


def clear_suggestions(session: Session, pairs: Sequence[tuple[int, int]]) -> None:
    """Drop the rules' stances of these (statement id, topic id) pairs; a person's stay."""
    drop_rule_stances(session, pairs)
