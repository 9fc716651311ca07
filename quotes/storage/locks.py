"""Advisory locks that let several importers write one PostgreSQL database.

Two importers may meet the same new speaker, or the same new wording of one
speaker, in the same moment: each looks, finds nothing, and creates it. On
SQLite that cannot happen (every write transaction begins IMMEDIATE, so
writers take turns). On PostgreSQL an import transaction takes, before it
resolves speakers, a transaction-scoped advisory lock per speaker identity
it will look up, and before it writes speakers' rows and statements, one per
speaker resolved. Whoever comes second waits for the first to commit, then
sees what it created.

A transaction takes each phase's locks together, in one sorted order, and
the identity locks always before the speaker locks: two transactions cannot
each hold what the other waits for, so they cannot deadlock on these.

Corrections that change who a name finds (a merge, split, move, undo) take the
identity locks of every name and alias of the speakers they touch too, before
those speakers' locks. Otherwise an importer could read the speakers in the
middle of an undo that brings a merged speaker back (the speaker not there yet,
its names already) and create that person a second time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from sqlalchemy import Connection, text

from quotes import match

# Bodies are found by name, metonym, initials or country: one lock for all of them.
BODY_IDENTITY = "speaker identity of a body"

# Locked in the order of the subquery: PostgreSQL calls the function row by row.
_LOCK = text(
    "SELECT count(pg_advisory_xact_lock(k)) "
    "FROM (SELECT DISTINCT unnest(CAST(:keys AS bigint[])) AS k ORDER BY k) AS ordered"
)


def lock_key(name: str) -> int:
    """A 64-bit advisory lock number for a name (the same in every process)."""
    digest = hashlib.blake2b(name.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def identity_lock(printed: str) -> str | None:
    """The identity lock of a printed person's name: a name is looked for among
    the people whose surname has its last word's skeleton."""
    key = match.name_key(printed)
    return "speaker identity " + match.skeleton(key.split()[-1]) if key else None


def lock_all(connection: Connection, names: Iterable[str]) -> None:
    """Hold an advisory lock on each name until the transaction ends (PostgreSQL);
    nothing on SQLite, whose write transactions hold the database's only write lock."""
    if connection.dialect.name != "postgresql":
        return
    keys = sorted({lock_key(name) for name in names})
    if keys:
        connection.execute(_LOCK, {"keys": keys})
