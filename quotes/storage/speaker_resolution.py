"""The rows speaker resolution on import reads and writes: the in-memory
directory's version and rows (``quotes.services.speaker_directory``), and the
speakers, aliases, roles and affiliations an article adds
(``quotes.services.speaker_resolution``). Written with Core statements,
prepared once: import resolves ten names an article."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import ColumnElement, bindparam, case, func, or_, select, text, update
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


Span = tuple[int, int]


def _ids(column: Any, last_id: int, spans: Sequence[Span]) -> ColumnElement[bool]:
    """Ids above ``last_id`` or within one of ``spans`` (first, last)."""
    return or_(column > last_id, *(column.between(lo, hi) for lo, hi in spans))


def speakers_after(
    session: Session, last_id: int, spans: Sequence[Span] = ()
) -> Iterator[tuple[int, str, SpeakerKind]]:
    """(id, name, kind) of the speakers above ``last_id`` (0: all) or in ``spans``."""
    query = select(Speaker.id, Speaker.name, Speaker.kind).where(_ids(Speaker.id, last_id, spans))
    for row in session.execute(query):
        yield row.id, row.name, row.kind


def aliases_after(
    session: Session, last_id: int, spans: Sequence[Span] = ()
) -> Iterator[tuple[int, int, str]]:
    """(id, speaker id, alias) of the aliases above ``last_id`` or in ``spans``."""
    query = select(SpeakerAlias.id, SpeakerAlias.speaker_id, SpeakerAlias.alias).where(
        _ids(SpeakerAlias.id, last_id, spans)
    )
    for row in session.execute(query):
        yield row.id, row.speaker_id, row.alias


def roles_after(
    session: Session, last_id: int, spans: Sequence[Span] = ()
) -> Iterator[tuple[int, int, str, dt.date | None, dt.date | None]]:
    """(id, speaker id, role, first seen, last seen) of the roles above ``last_id``
    or in ``spans``."""
    query = select(
        SpeakerRole.id,
        SpeakerRole.speaker_id,
        SpeakerRole.role,
        SpeakerRole.first_seen,
        SpeakerRole.last_seen,
    ).where(_ids(SpeakerRole.id, last_id, spans))
    for row in session.execute(query):
        yield row.id, row.speaker_id, row.role, row.first_seen, row.last_seen


def late_commits(session: Session) -> bool:
    """Can a row appear below the highest id already committed? On PostgreSQL, yes:
    ids come from a sequence, and a transaction that took 21 may commit after the
    one that took 22. SQLite's writers take turns, each id after the highest."""
    return session.get_bind().dialect.name == "postgresql"


def database_clock(session: Session) -> dt.datetime:
    """The server's clock now (PostgreSQL), not the start of this transaction."""
    now: dt.datetime = session.execute(select(func.clock_timestamp())).scalar_one()
    return now


def oldest_open_transaction(session: Session) -> dt.datetime | None:
    """When the oldest transaction that another session holds open on this database
    began (PostgreSQL); None when there is none. A session this role may not look
    at counts as open since ever."""
    session.execute(select(func.pg_stat_clear_snapshot()))
    row = session.execute(_OPEN_TRANSACTIONS).one()
    if row[1]:
        return dt.datetime.min.replace(tzinfo=dt.UTC)
    started: dt.datetime | None = row[0]
    return started


# The activity of the other sessions of this database: the transactions they hold
# open, and whether any is hidden from this role (its state unreadable).
_OPEN_TRANSACTIONS = text(
    "SELECT min(xact_start), coalesce(bool_or(state IS NULL), false) "
    "FROM pg_stat_activity "
    "WHERE datname = current_database() AND pid <> pg_backend_pid() "
    "AND backend_type = 'client backend' AND (xact_start IS NOT NULL OR state IS NULL)"
)


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
