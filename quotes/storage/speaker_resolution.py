"""The rows speaker resolution on import reads and writes: the in-memory
directory's version and rows (``quotes.services.speaker_directory``), and the
speakers, aliases, roles and affiliations an article adds
(``quotes.services.speaker_resolution``). Written with Core statements,
prepared once: import resolves ten names an article."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from sqlalchemy import bindparam, case, func, or_, select, update
from sqlalchemy.orm import Session

from quotes.extract.model import SpeakerKind
from quotes.storage.bulk import insert_ignore, table_of
from quotes.storage.models import Operation, Speaker, SpeakerAlias, SpeakerRole

# Highest speaker, alias and role ids, and the newest operation of the change log:
# each an index lookup.
_VERSION_QUERY = select(
    select(func.max(Speaker.id)).scalar_subquery(),
    select(func.max(SpeakerAlias.id)).scalar_subquery(),
    select(func.max(SpeakerRole.id)).scalar_subquery(),
    # Every correction (a merge, split, rename, undo) is an operation of the
    # change log, and operations are never deleted: the highest id only grows.
    select(func.max(Operation.id)).scalar_subquery(),
)


def directory_version(session: Session) -> tuple[int, int, int, int]:
    """(highest speaker id, alias id, role id, operation id); 0 for none."""
    row = session.connection().execute(_VERSION_QUERY).one()
    speaker, alias, role, operation = (value or 0 for value in row)
    return speaker, alias, role, operation


def speakers_after(session: Session, last_id: int) -> Iterator[tuple[int, str, SpeakerKind]]:
    """(id, name, kind) of the speakers above ``last_id`` (0: all)."""
    query = select(Speaker.id, Speaker.name, Speaker.kind).where(Speaker.id > last_id)
    for row in session.execute(query):
        yield row.id, row.name, row.kind


def aliases_after(session: Session, last_id: int) -> Iterator[tuple[int, str]]:
    """(speaker id, alias) of the aliases above ``last_id``."""
    query = select(SpeakerAlias.speaker_id, SpeakerAlias.alias).where(SpeakerAlias.id > last_id)
    for row in session.execute(query):
        yield row.speaker_id, row.alias


def roles_after(
    session: Session, last_id: int
) -> Iterator[tuple[int, str, dt.date | None, dt.date | None]]:
    """(speaker id, role, first seen, last seen) of the roles above ``last_id``."""
    query = select(
        SpeakerRole.speaker_id, SpeakerRole.role, SpeakerRole.first_seen, SpeakerRole.last_seen
    ).where(SpeakerRole.id > last_id)
    for row in session.execute(query):
        yield row.speaker_id, row.role, row.first_seen, row.last_seen


def rename_speaker(session: Session, speaker_id: int, name: str) -> None:
    session.execute(update(Speaker).where(Speaker.id == speaker_id).values(name=name))


def set_affiliations(session: Session, rows: list[dict[str, Any]]) -> None:
    """Affiliations ({"s": speaker id, "a": affiliation}) of speakers that have none."""
    if rows:
        session.connection().execute(_SET_AFFILIATION, rows)


def add_aliases(session: Session, rows: list[dict[str, Any]]) -> None:
    """Alias rows, those there already left as they are."""
    if rows:
        session.connection().execute(insert_ignore(session, SpeakerAlias), rows)


def add_roles(session: Session, rows: list[dict[str, Any]]) -> None:
    """Role rows, those there already left as they are."""
    if rows:
        session.connection().execute(insert_ignore(session, SpeakerRole), rows)


def widen_roles(session: Session, rows: list[dict[str, Any]]) -> None:
    """Stretch first_seen/last_seen of known roles ({"s", "r", "d"}) to cover day ``d``."""
    if rows:
        session.connection().execute(_WIDEN_ROLE, rows)


def _widen_role() -> Any:
    """UPDATE of one role's dates to include day ``d`` (prepared once)."""
    role = table_of(SpeakerRole).c
    day = bindparam("d", type_=role.first_seen.type)
    return (
        update(table_of(SpeakerRole))
        .where(
            role.speaker_id == bindparam("s"),
            role.role == bindparam("r"),
            or_(
                role.first_seen.is_(None),
                role.last_seen.is_(None),
                role.first_seen > day,
                role.last_seen < day,
            ),
        )
        .values(
            first_seen=case(
                (or_(role.first_seen.is_(None), role.first_seen > day), day),
                else_=role.first_seen,
            ),
            last_seen=case(
                (or_(role.last_seen.is_(None), role.last_seen < day), day),
                else_=role.last_seen,
            ),
        )
    )


_WIDEN_ROLE = _widen_role()
_SET_AFFILIATION = (
    update(table_of(Speaker))
    .where(
        table_of(Speaker).c.id == bindparam("s"),
        table_of(Speaker).c.affiliation.is_(None),
    )
    .values(affiliation=bindparam("a"))
)
