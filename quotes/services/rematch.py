"""Matching a speaker's statements against each other again.

When two speakers turn out to be one person (a merge), the same statement may
be stored twice, once under each former speaker. ``rematch_speaker_statements``
clusters the speaker's statements with the import rules (``match.cluster``,
the same thresholds and date window) and joins each cluster into its best
wording's statement. Every moved quote is logged as a quote merge (method
``rematch``), so ``quotes unmerge`` takes it out again.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from quotes import match
from quotes.services.candidates import DATE_WINDOW
from quotes.services.canonical import wording_rank
from quotes.services.statements import recompute_statements
from quotes.storage.speaker_statements import join_statement, speaker_statements

METHOD = "rematch"


def rematch_speaker_statements(
    session: Session, speaker_id: int, *, auto: float = match.AUTO_THRESHOLD
) -> list[tuple[int, int]]:
    """Join the speaker's statements that say the same thing; returns (joined, into) pairs.

    Only matches at or above ``auto`` join (a suggestion needs a person, and
    these statements are each whole already).
    """
    session.flush()
    items = [
        match.ClusterItem(
            id=statement_id,
            normalized=match.normalize(text),
            rank=wording_rank(text, kind),
            day=day.toordinal() if day else None,
        )
        for statement_id, text, kind, day in speaker_statements(session, speaker_id)
    ]
    clusters, _ = match.cluster(items, auto=auto, suggest=auto, window_days=DATE_WINDOW.days)
    joined: list[tuple[int, int]] = []
    for found in clusters:
        target = found.founder.id
        for item, _method, score in found.members:
            if item.id == target:
                continue
            join_statement(session, item.id, target, METHOD, score)
            joined.append((item.id, target))
    if joined:
        recompute_statements(session, {i for pair in joined for i in pair})
    return joined
