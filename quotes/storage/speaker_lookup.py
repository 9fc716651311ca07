"""Finding speakers by what a person types: an id, a printed form, a name."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quotes.storage.models import Speaker, SpeakerAlias


def speaker_ids_by_alias_key(session: Session, key: str) -> set[int]:
    """Speakers with a stored alias of this ``alias_key``."""
    return set(
        session.scalars(select(SpeakerAlias.speaker_id).where(SpeakerAlias.normalized == key))
    )


def speaker_ids_by_name(session: Session, name: str) -> set[int]:
    """Speakers whose display name is ``name``, ignoring case."""
    return set(session.scalars(select(Speaker.id).where(func.lower(Speaker.name) == name.lower())))


def speaker_ids_by_authority(session: Session, authority_id: str) -> set[int]:
    """Speakers linked to this authority entry ("Q42")."""
    return set(session.scalars(select(Speaker.id).where(Speaker.authority_id == authority_id)))


def speakers_with_affiliation(session: Session) -> list[tuple[int, str, str | None]]:
    """(id, name, affiliation) of every speaker with an affiliation, and of every body."""
    rows = session.execute(
        select(Speaker.id, Speaker.name, Speaker.affiliation).where(
            (Speaker.affiliation.is_not(None)) | (Speaker.kind != "person")
        )
    )
    return [(i, name, affiliation) for i, name, affiliation in rows]
