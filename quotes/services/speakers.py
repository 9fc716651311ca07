"""Speakers by hand: find, show, merge, split, alias, rename.

Import resolves speakers by rule (``speaker_directory``); these are the
corrections a person makes. A merge is logged in the merge log (entity
speaker) with everything needed to undo it (``undo_speaker_merge``); a split
moves chosen aliases, and the quotes printed under them, to a new speaker.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from quotes import match
from quotes.errors import NotFoundError, QuotesError
from quotes.extract.model import SpeakerKind
from quotes.services.speaker_directory import Ambiguous, directory_for, forget_directory
from quotes.services.statements import recompute_statements
from quotes.storage.appearances import appearances
from quotes.storage.models import (
    Actor,
    MergeAction,
    MergeEntity,
    MergeLog,
    Outlet,
    Quote,
    Speaker,
    SpeakerAlias,
    SpeakerRole,
    Statement,
    utcnow,
)
from quotes.storage.speaker_lookup import (
    speaker_ids_by_alias_key,
    speaker_ids_by_authority,
    speaker_ids_by_name,
)


def find_speaker(session: Session, ref: str) -> Speaker:
    """A speaker by id, name, any alias (in any script or spelling) or authority id
    ("Q42"); an unknown name
    ("no such speaker; did you mean ...") or one fitting several people is the user's error."""
    ref = ref.strip()
    if ref.isdigit():
        speaker = session.get(Speaker, int(ref))
        if speaker is None:
            raise NotFoundError(f"speaker {ref}: no such speaker")
        return speaker
    ids = (
        speaker_ids_by_alias_key(session, match.alias_key(ref))
        or speaker_ids_by_name(session, ref)
        or speaker_ids_by_authority(session, ref)
    )
    directory = directory_for(session)
    if not ids:
        # As import would resolve it: titles, possessives, transliterations, a place's government.
        body = match.canonical_body(ref)
        kind = SpeakerKind.GOVERNMENT if body else SpeakerKind.PERSON
        found = directory.lookup(body or ref, kind)
        if isinstance(found, Ambiguous):
            ids = {entry.id for entry in found.candidates}
        elif found is not None:
            ids = {found.id}
    if not ids:
        hint = "; did you mean " + ", ".join(guesses) if (guesses := directory.similar(ref)) else ""
        raise NotFoundError(f"speaker {ref!r}: no such speaker{hint}")
    if len(ids) > 1:
        listed = ", ".join(
            f"{i} ({directory.entries[i].name})" if i in directory.entries else str(i)
            for i in sorted(ids)
        )
        raise QuotesError(f"speaker {ref!r} is ambiguous: {listed}; give an id")
    speaker = session.get(Speaker, ids.pop())
    assert speaker is not None
    return speaker


def list_speakers(
    session: Session, *, search: str | None = None, speaker_ids: Sequence[int] | None = None
) -> list[dict[str, Any]]:
    """Speakers with their quote counts, most quoted first."""
    counts = (
        select(Quote.speaker_id, func.count().label("quotes"))
        .where(Quote.speaker_id.is_not(None))
        .group_by(Quote.speaker_id)
        .subquery()
    )
    query = (
        select(Speaker.id, Speaker.name, Speaker.kind, func.coalesce(counts.c.quotes, 0))
        .outerjoin(counts, counts.c.speaker_id == Speaker.id)
        .order_by(func.coalesce(counts.c.quotes, 0).desc(), Speaker.name)
    )
    if search:
        matching = select(SpeakerAlias.speaker_id).where(
            SpeakerAlias.normalized.contains(match.alias_key(search))
        )
        query = query.where(Speaker.id.in_(matching))
    if speaker_ids is not None:
        query = query.where(Speaker.id.in_(speaker_ids))
    return [
        {"id": i, "name": name, "kind": kind, "quotes": n}
        for i, name, kind, n in session.execute(query)
    ]


@dataclass
class SpeakerProfile:
    id: int
    name: str
    kind: str
    aliases: list[str]
    roles: list[dict[str, Any]]
    quotes_by_outlet: dict[str, int]
    statements: int


def speaker_profile(session: Session, speaker: Speaker) -> SpeakerProfile:
    """Aliases, roles with the dates seen, and quote counts by outlet."""
    printed = appearances()
    by_outlet = session.execute(
        select(func.coalesce(Outlet.name, "(unknown outlet)"), func.count())
        .select_from(Quote)
        .join(printed, printed.c.article_id == Quote.article_id)
        .outerjoin(Outlet, Outlet.id == printed.c.outlet_id)
        .where(Quote.speaker_id == speaker.id)
        .group_by(Outlet.name)
        .order_by(func.count().desc())
    )
    statements = session.scalar(
        select(func.count()).select_from(Statement).where(Statement.speaker_id == speaker.id)
    )
    return SpeakerProfile(
        id=speaker.id,
        name=speaker.name,
        kind=str(speaker.kind),
        aliases=sorted(a.alias for a in speaker.aliases),
        roles=[
            {"role": r.role, "first_seen": r.first_seen, "last_seen": r.last_seen}
            for r in sorted(speaker.roles, key=lambda r: (r.first_seen or dt.date.min, r.role))
        ],
        quotes_by_outlet={name: n for name, n in by_outlet},
        statements=statements or 0,
    )


def add_alias(session: Session, speaker: Speaker, alias: str) -> bool:
    """Add a name this speaker is printed as; False if it was there already."""
    normalized = match.alias_key(alias)
    if not normalized:
        raise QuotesError(f"alias {alias!r} has no letters")
    exists = session.scalar(
        select(SpeakerAlias.id).where(
            SpeakerAlias.speaker_id == speaker.id, SpeakerAlias.normalized == normalized
        )
    )
    if exists is not None:
        return False
    session.add(
        SpeakerAlias(
            speaker_id=speaker.id, alias=alias[:300], normalized=normalized, added_by=Actor.PERSON
        )
    )
    session.flush()
    forget_directory(session)
    return True


def rename_speaker(session: Session, speaker: Speaker, name: str) -> None:
    """Give the speaker a new display name (kept as an alias too)."""
    if not name.strip():
        raise QuotesError("a speaker's name cannot be empty")
    speaker.name = name.strip()[:300]
    add_alias(session, speaker, speaker.name)
    forget_directory(session)


def merge_speakers(session: Session, keep: Speaker, other: Speaker) -> MergeLog:
    """Merge ``other`` into ``keep``: its quotes, statements, aliases and roles move.

    The merge-log row keeps what undo needs: the removed speaker's fields, the
    ids of the quotes, statements and aliases moved, and its roles.
    """
    if keep.id == other.id:
        raise QuotesError(f"speaker {keep.id} cannot be merged into itself")
    quote_ids = list(session.scalars(select(Quote.id).where(Quote.speaker_id == other.id)))
    statement_ids = list(
        session.scalars(select(Statement.id).where(Statement.speaker_id == other.id))
    )
    keep_aliases = {a.normalized for a in keep.aliases}
    moved_aliases = [a.id for a in other.aliases if a.normalized not in keep_aliases]
    aliases = [
        {"alias": a.alias, "normalized": a.normalized, "added_by": str(a.added_by)}
        for a in other.aliases
    ]
    roles = [
        {
            "role": r.role,
            "first_seen": r.first_seen.isoformat() if r.first_seen else None,
            "last_seen": r.last_seen.isoformat() if r.last_seen else None,
        }
        for r in other.roles
    ]
    log = MergeLog(
        entity=MergeEntity.SPEAKER,
        action=MergeAction.MERGE,
        subject_id=other.id,
        from_id=other.id,
        to_id=keep.id,
        method="person",
        score=None,
        actor=Actor.PERSON,
        details={
            "name": other.name,
            "kind": str(other.kind),
            "description": other.description,
            "quote_ids": quote_ids,
            "statement_ids": statement_ids,
            "alias_ids": moved_aliases,
            "aliases": aliases,
            "roles": roles,
        },
    )
    session.execute(update(Quote).where(Quote.id.in_(quote_ids)).values(speaker_id=keep.id))
    session.execute(
        update(Statement).where(Statement.id.in_(statement_ids)).values(speaker_id=keep.id)
    )
    session.execute(
        update(SpeakerAlias).where(SpeakerAlias.id.in_(moved_aliases)).values(speaker_id=keep.id)
    )
    known_roles = {r.role.casefold(): r for r in keep.roles}
    for role in other.roles:
        mine = known_roles.get(role.role.casefold())
        if mine is None:
            session.add(
                SpeakerRole(
                    speaker_id=keep.id,
                    role=role.role,
                    first_seen=role.first_seen,
                    last_seen=role.last_seen,
                )
            )
            continue
        mine.first_seen = min(filter(None, (mine.first_seen, role.first_seen)), default=None)
        mine.last_seen = max(filter(None, (mine.last_seen, role.last_seen)), default=None)
    session.flush()
    session.expire(other)
    session.execute(delete(Speaker).where(Speaker.id == other.id))
    session.expunge(other)
    session.add(log)
    session.flush()
    session.expire(keep)
    forget_directory(session)
    return log


def undo_speaker_merge(session: Session, log: MergeLog) -> Speaker:
    """Bring back a merged speaker with its own id, aliases, roles, quotes and statements."""
    details = log.details or {}
    if log.to_id is None or session.get(Speaker, log.to_id) is None:
        raise QuotesError(f"merge {log.id}: the speaker it merged into no longer exists")
    session.execute(
        insert(Speaker).values(
            id=log.subject_id,
            name=details.get("name", f"speaker {log.subject_id}"),
            kind=SpeakerKind(details.get("kind", SpeakerKind.PERSON)),
            description=details.get("description"),
        )
    )
    quote_ids = details.get("quote_ids", [])
    statement_ids = details.get("statement_ids", [])
    session.execute(
        update(Quote)
        .where(Quote.id.in_(quote_ids), Quote.speaker_id == log.to_id)
        .values(speaker_id=log.subject_id)
    )
    session.execute(
        update(Statement)
        .where(Statement.id.in_(statement_ids), Statement.speaker_id == log.to_id)
        .values(speaker_id=log.subject_id)
    )
    session.execute(
        update(SpeakerAlias)
        .where(SpeakerAlias.id.in_(details.get("alias_ids", [])))
        .values(speaker_id=log.subject_id)
    )
    present = set(
        session.scalars(
            select(SpeakerAlias.normalized).where(SpeakerAlias.speaker_id == log.subject_id)
        )
    )
    for alias in details.get("aliases", []):
        if alias["normalized"] not in present:
            session.add(
                SpeakerAlias(
                    speaker_id=log.subject_id,
                    alias=alias["alias"],
                    normalized=alias["normalized"],
                    added_by=Actor(alias.get("added_by", Actor.RULE)),
                )
            )
    for role in details.get("roles", []):
        session.add(
            SpeakerRole(
                speaker_id=log.subject_id,
                role=role["role"],
                first_seen=_day(role.get("first_seen")),
                last_seen=_day(role.get("last_seen")),
            )
        )
    _close(session, log, "person")
    session.flush()
    forget_directory(session)
    speaker = session.get(Speaker, log.subject_id)
    assert speaker is not None
    return speaker


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _close(session: Session, log: MergeLog, method: str) -> None:
    """Mark a merge undone and log the unmerge."""
    log.undone_at = utcnow()
    session.add(
        MergeLog(
            entity=log.entity,
            action=MergeAction.UNMERGE,
            subject_id=log.subject_id,
            from_id=log.to_id,
            to_id=log.from_id,
            method=method,
            score=None,
            actor=Actor.PERSON,
            details={"undoes": log.id},
        )
    )


def split_speaker(
    session: Session, speaker: Speaker, aliases: list[str], name: str | None = None
) -> Speaker:
    """Move the chosen aliases, and the quotes printed under them, to a new speaker.

    A quote moves when its in-article name (or, failing that, its mention) has
    one of the chosen aliases as key. Statements whose quotes all moved move
    too; from a mixed statement the moved quotes form a new statement.
    """
    keys = {match.alias_key(a) for a in aliases}
    owned = {a.normalized: a for a in speaker.aliases}
    missing = sorted(k for k in keys if k not in owned)
    if missing:
        raise NotFoundError(f"speaker {speaker.id} has no alias {', '.join(missing)}")
    if len(keys) >= len(owned):
        raise QuotesError("a split must leave the speaker at least one alias")
    new = Speaker(
        name=(name or owned[sorted(keys)[0]].alias)[:300],
        kind=speaker.kind,
        description=speaker.description,
    )
    session.add(new)
    session.flush()
    moved_quotes = [
        quote_id
        for quote_id, printed, mention in session.execute(
            select(Quote.id, Quote.speaker_name, Quote.speaker_mention).where(
                Quote.speaker_id == speaker.id
            )
        )
        if match.alias_key(printed or mention or "") in keys
    ]
    alias_ids = [owned[k].id for k in keys]
    session.execute(
        update(SpeakerAlias).where(SpeakerAlias.id.in_(alias_ids)).values(speaker_id=new.id)
    )
    by_statement: dict[int, list[int]] = defaultdict(list)
    for quote_id, statement_id in session.execute(
        select(Quote.id, Quote.statement_id).where(Quote.id.in_(moved_quotes))
    ):
        if statement_id is not None:
            by_statement[statement_id].append(quote_id)
    session.execute(update(Quote).where(Quote.id.in_(moved_quotes)).values(speaker_id=new.id))
    sizes: Counter[int | None] = Counter()
    for statement_id, n in session.execute(
        select(Quote.statement_id, func.count())
        .where(Quote.statement_id.in_(list(by_statement)))
        .group_by(Quote.statement_id)
    ):
        sizes[statement_id] = n
    touched: list[int] = []
    for statement_id, quote_ids in by_statement.items():
        if sizes[statement_id] == len(quote_ids):
            session.execute(
                update(Statement).where(Statement.id == statement_id).values(speaker_id=new.id)
            )
            continue
        source = session.get(Statement, statement_id)
        assert source is not None
        fresh = Statement(
            speaker_id=new.id,
            canonical_text=source.canonical_text,
            match_key=source.match_key,
            kind=source.kind,
            quote_count=len(quote_ids),
        )
        session.add(fresh)
        session.flush()
        session.execute(update(Quote).where(Quote.id.in_(quote_ids)).values(statement_id=fresh.id))
        touched += [statement_id, fresh.id]
    recompute_statements(session, touched)
    session.add(
        MergeLog(
            entity=MergeEntity.SPEAKER,
            action=MergeAction.SPLIT,
            subject_id=new.id,
            from_id=speaker.id,
            to_id=new.id,
            method="person",
            score=None,
            actor=Actor.PERSON,
            details={"aliases": sorted(keys), "quote_ids": moved_quotes},
        )
    )
    session.flush()
    session.expire(speaker)
    forget_directory(session)
    return new
