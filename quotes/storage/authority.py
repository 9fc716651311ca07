"""The authority file in the database: entries, their look-up keys, and speaker links."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from quotes.storage.bulk import chunked, executemany, reserve_ids, table_of
from quotes.storage.models import (
    Article,
    AuthorityEntry,
    AuthorityName,
    Quote,
    Speaker,
    SpeakerAlias,
    SpeakerLink,
    SpeakerRole,
    SuggestionStatus,
    utcnow,
)

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class AuthorityRecord:
    """One entry as read from an authority file."""

    authority_id: str
    name: str
    aliases: tuple[str, ...] = ()
    description: str | None = None
    affiliation: str | None = None
    party: str | None = None
    born: str | None = None


def store_entries(
    session: Session, records: Sequence[tuple[AuthorityRecord, frozenset[str]]]
) -> tuple[list[int], list[dict[str, Any]]]:
    """Insert or replace entries (by authority id) with their look-up keys, in bulk.

    Returns the ids of the entries inserted, and the rows of those replaced
    (``entry_images``), for undo.
    """
    if not records:
        return [], []
    connection = session.connection()
    entries = table_of(AuthorityEntry)
    ids = [record.authority_id for record, _ in records]
    replaced: list[dict[str, Any]] = []
    for chunk in chunked(ids, _CHUNK):
        old = [
            row[0]
            for row in connection.execute(
                select(entries.c.id).where(entries.c.authority_id.in_(chunk))
            )
        ]
        if old:
            replaced += entry_images(session, old)
            # Keys go with their entry (ON DELETE CASCADE; SQLite has foreign keys on).
            connection.execute(delete(entries).where(entries.c.id.in_(old)))
    # Through the driver: a load writes hundreds of thousands of rows, and the
    # unit of work's (or Core's) handling of each row would cost more than SQLite.
    entry_ids = reserve_ids(connection, AuthorityEntry, len(records))
    executemany(
        connection,
        _INSERT_ENTRY,
        [
            (
                entry_id,
                record.authority_id[:64],
                record.name[:300],
                json.dumps(list(record.aliases), ensure_ascii=False),
                record.description[:500] if record.description else None,
                record.affiliation[:300] if record.affiliation else None,
                record.party[:300] if record.party else None,
                record.born[:10] if record.born else None,
            )
            for entry_id, (record, _) in zip(entry_ids, records, strict=True)
        ],
    )
    executemany(
        connection,
        _INSERT_NAME,
        [
            (entry_id, key[:300])
            for entry_id, (_, keys) in zip(entry_ids, records, strict=True)
            for key in sorted(keys)
        ],
    )
    return entry_ids, replaced


_INSERT_ENTRY = (
    "INSERT INTO authority_entries "
    "(id, authority_id, name, aliases, description, affiliation, party, born) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_NAME = "INSERT INTO authority_names (entry_id, key) VALUES (?, ?)"


def entry_images(session: Session, entry_ids: Sequence[int]) -> list[dict[str, Any]]:
    """Entries as stored, each with its look-up keys (``names``: [id, key] pairs)."""
    connection = session.connection()
    entries, names = table_of(AuthorityEntry), table_of(AuthorityName)
    images: dict[int, dict[str, Any]] = {}
    for chunk in chunked(list(entry_ids), _CHUNK):
        for row in connection.execute(select(entries).where(entries.c.id.in_(chunk))):
            images[row.id] = {**row._asdict(), "names": []}
        for name_id, entry_id, key in connection.execute(
            select(names.c.id, names.c.entry_id, names.c.key).where(names.c.entry_id.in_(chunk))
        ):
            images[entry_id]["names"].append([name_id, key])
    return [images[i] for i in sorted(images)]


def remove_in(session: Session, ranges: Sequence[tuple[int, int]]) -> None:
    """Delete the entries with ids in these ranges, with their keys."""
    connection = session.connection()
    entries, names = table_of(AuthorityEntry), table_of(AuthorityName)
    for lo, hi in ranges:
        connection.execute(delete(names).where(names.c.entry_id.between(lo, hi)))
        connection.execute(delete(entries).where(entries.c.id.between(lo, hi)))


def put_back(session: Session, images: Sequence[dict[str, Any]]) -> None:
    """Insert entries as ``entry_images`` gave them, with their ids and keys."""
    if not images:
        return
    connection = session.connection()
    rows = [{k: v for k, v in image.items() if k != "names"} for image in images]
    connection.execute(insert(table_of(AuthorityEntry)), rows)
    keys = [
        {"id": name_id, "entry_id": image["id"], "key": key}
        for image in images
        for name_id, key in image["names"]
    ]
    if keys:
        connection.execute(insert(table_of(AuthorityName)), keys)


def linked_to_entries(
    session: Session, ranges: Sequence[tuple[int, int]]
) -> list[tuple[str, int, str]]:
    """(table, row id, authority id) of the speakers linked, and the link suggestions
    made, to the entries with ids in these ranges."""
    entries = table_of(AuthorityEntry)
    found: list[tuple[str, int, str]] = []
    for lo, hi in ranges:
        inside = select(entries.c.authority_id).where(entries.c.id.between(lo, hi))
        for model in (Speaker, SpeakerLink):
            table = table_of(model)
            found += [
                (table.name, row_id, authority_id)
                for row_id, authority_id in session.execute(
                    select(table.c.id, table.c.authority_id).where(table.c.authority_id.in_(inside))
                )
            ]
    return found


def count_entries(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(AuthorityEntry)) or 0


def entries_by_key(session: Session, keys: Iterable[str]) -> dict[str, list[AuthorityRecord]]:
    """The entries each look-up key names."""
    found: dict[str, list[AuthorityRecord]] = defaultdict(list)
    wanted = sorted(set(keys))
    for chunk in chunked(wanted, _CHUNK):
        rows = session.execute(
            select(
                AuthorityName.key,
                AuthorityEntry.authority_id,
                AuthorityEntry.name,
                AuthorityEntry.aliases,
                AuthorityEntry.description,
                AuthorityEntry.affiliation,
                AuthorityEntry.party,
                AuthorityEntry.born,
            )
            .join(AuthorityEntry, AuthorityEntry.id == AuthorityName.entry_id)
            .where(AuthorityName.key.in_(chunk))
        )
        for key, authority_id, name, aliases, description, affiliation, party, born in rows:
            found[key].append(
                AuthorityRecord(
                    authority_id,
                    name,
                    tuple(aliases or ()),
                    description,
                    affiliation,
                    party,
                    born,
                )
            )
    return found


def entry(session: Session, authority_id: str) -> AuthorityRecord | None:
    row = session.scalars(
        select(AuthorityEntry).where(AuthorityEntry.authority_id == authority_id)
    ).first()
    if row is None:
        return None
    return AuthorityRecord(
        row.authority_id,
        row.name,
        tuple(row.aliases or ()),
        row.description,
        row.affiliation,
        row.party,
        row.born,
    )


@dataclass
class SpeakerFacts:
    """What linking knows of a speaker: its printed forms, roles, affiliation, dates."""

    speaker_id: int
    name: str
    kind: str
    affiliation: str | None
    aliases: list[str]
    roles: list[str]
    first_said: dt.date | None


def unlinked_speakers(session: Session, speaker_ids: Sequence[int] | None) -> list[SpeakerFacts]:
    """The speakers not linked yet (of ``speaker_ids``, or all), with what linking needs."""
    query = select(Speaker.id, Speaker.name, Speaker.kind, Speaker.affiliation).where(
        Speaker.authority_id.is_(None)
    )
    facts: dict[int, SpeakerFacts] = {}
    chunks = [None] if speaker_ids is None else list(chunked(list(speaker_ids), _CHUNK))
    for chunk in chunks:
        scoped = query if chunk is None else query.where(Speaker.id.in_(chunk))
        for speaker_id, name, kind, affiliation in session.execute(scoped):
            facts[speaker_id] = SpeakerFacts(speaker_id, name, str(kind), affiliation, [], [], None)
    ids = sorted(facts)
    for chunk in chunked(ids, _CHUNK):
        for speaker_id, alias in session.execute(
            select(SpeakerAlias.speaker_id, SpeakerAlias.alias).where(
                SpeakerAlias.speaker_id.in_(chunk)
            )
        ):
            facts[speaker_id].aliases.append(alias)
        for speaker_id, role, first_seen in session.execute(
            select(SpeakerRole.speaker_id, SpeakerRole.role, SpeakerRole.first_seen).where(
                SpeakerRole.speaker_id.in_(chunk)
            )
        ):
            facts[speaker_id].roles.append(role)
            _earliest(facts[speaker_id], first_seen)
        for quoted, first in session.execute(
            # A quote without a date of its own was said by the day it was printed.
            select(Quote.speaker_id, func.min(func.coalesce(Quote.said_on, Article.published_on)))
            .join(Article, Article.id == Quote.article_id)
            .where(Quote.speaker_id.in_(chunk))
            .group_by(Quote.speaker_id)
        ):
            if quoted is not None:
                _earliest(facts[quoted], first)
    return [facts[i] for i in ids]


def _earliest(facts: SpeakerFacts, day: dt.date | None) -> None:
    if day is not None and (facts.first_said is None or day < facts.first_said):
        facts.first_said = day


def link_speakers(session: Session, links: dict[int, str]) -> None:
    """Set the authority entry of each speaker (speaker id -> authority id)."""
    if links:
        table = table_of(Speaker)
        session.connection().execute(
            update(table).where(table.c.id == bindparam("s")).values(authority_id=bindparam("a")),
            [{"s": s, "a": a} for s, a in links.items()],
        )


def add_links(session: Session, rows: list[tuple[int, str, float, str]]) -> None:
    """Pending link suggestions: (speaker id, authority id, score, method); a pair
    suggested before keeps its decision."""
    if not rows:
        return
    speaker_ids = sorted({row[0] for row in rows})
    known: set[tuple[int, str]] = set()
    for chunk in chunked(speaker_ids, _CHUNK):
        known.update(
            (s, a)
            for s, a in session.execute(
                select(SpeakerLink.speaker_id, SpeakerLink.authority_id).where(
                    SpeakerLink.speaker_id.in_(chunk)
                )
            )
        )
    fresh = [
        {
            "speaker_id": s,
            "authority_id": a,
            "score": score,
            "method": method[:200],
            "status": SuggestionStatus.PENDING,
            "created_at": utcnow(),
        }
        for s, a, score, method in rows
        if (s, a) not in known
    ]
    if fresh:
        session.connection().execute(insert(table_of(SpeakerLink)), fresh)


def list_links(session: Session, status: SuggestionStatus | None) -> list[dict[str, Any]]:
    """Link suggestions with their speaker's and entry's names, best first."""
    query = (
        select(
            SpeakerLink.id,
            SpeakerLink.speaker_id,
            Speaker.name,
            SpeakerLink.authority_id,
            AuthorityEntry.name,
            AuthorityEntry.description,
            SpeakerLink.score,
            SpeakerLink.method,
            SpeakerLink.status,
        )
        .join(Speaker, Speaker.id == SpeakerLink.speaker_id)
        .outerjoin(AuthorityEntry, AuthorityEntry.authority_id == SpeakerLink.authority_id)
        .order_by(SpeakerLink.speaker_id, SpeakerLink.score.desc(), SpeakerLink.id)
    )
    if status is not None:
        query = query.where(SpeakerLink.status == status)
    return [
        {
            "link_id": link_id,
            "speaker_id": speaker_id,
            "speaker": speaker,
            "authority_id": authority_id,
            "authority_name": name,
            "description": description,
            "score": round(score, 3),
            "method": method,
            "status": str(link_status),
        }
        for (
            link_id,
            speaker_id,
            speaker,
            authority_id,
            name,
            description,
            score,
            method,
            link_status,
        ) in session.execute(query)
    ]


def get_link(session: Session, link_id: int) -> SpeakerLink | None:
    return session.get(SpeakerLink, link_id)


def decide_links(session: Session, speaker_id: int, accepted: int | None) -> None:
    """Mark link ``accepted`` accepted and the speaker's other pending links rejected
    (None: reject them all)."""
    now = utcnow()
    table = table_of(SpeakerLink)
    pending = table.c.speaker_id == speaker_id
    if accepted is not None:
        session.connection().execute(
            update(table)
            .where(table.c.id == accepted)
            .values(status=SuggestionStatus.ACCEPTED, decided_at=now)
        )
        pending = pending & (table.c.id != accepted)
    session.connection().execute(
        update(table)
        .where(pending, table.c.status == SuggestionStatus.PENDING)
        .values(status=SuggestionStatus.REJECTED, decided_at=now)
    )
