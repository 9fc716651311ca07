"""Speakers by affiliation: ``--affiliation Russia`` is the Russian government and
everyone speaking for it or tied to Russia (Kremlin spokesman, Russian foreign
minister); compared by ``match.affiliation_key``, so "Russia", "Russian
government" and "the Kremlin" are one affiliation."""

from __future__ import annotations

from sqlalchemy.orm import Session

from quotes import match
from quotes.errors import NotFoundError
from quotes.storage.speaker_lookup import speakers_with_affiliation


def affiliated_speaker_ids(session: Session, affiliation: str) -> list[int]:
    """The speakers with this affiliation, and the body itself; an affiliation nobody
    has is the user's error."""
    key = match.affiliation_key(affiliation)
    found = sorted(
        speaker_id
        for speaker_id, name, theirs in speakers_with_affiliation(session)
        if (theirs and match.affiliation_key(theirs) == key) or match.affiliation_key(name) == key
    )
    if not found:
        raise NotFoundError(f"affiliation {affiliation!r}: no speaker has it")
    return found
