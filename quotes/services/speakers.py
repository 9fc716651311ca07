"""Speakers by hand: find, show, merge, split, alias, rename.

Import resolves speakers by rule (``speaker_directory``); these are the
corrections a person makes. Each is one logged operation
(``quotes.storage.operations``) that ``quotes undo`` reverses exactly; none
leaves a statement holding quotes of two speakers. A split moves chosen
names, and the quotes printed under them, to a new speaker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from quotes import match
from quotes.errors import NotFoundError, QuotesError
from quotes.extract.model import SpeakerKind
from quotes.services.rematch import rematch_speaker_statements
from quotes.services.schema import RoleJSON, SpeakerDetailJSON, SpeakerJSON
from quotes.services.speaker_directory import Ambiguous, directory_for, forget_directory
from quotes.services.statements import recompute_statements
from quotes.storage.listings import quotes_by_outlet, speaker_facts
from quotes.storage.models import (
    Actor,
    MergeLog,
    Quote,
    Speaker,
    SpeakerAlias,
    SpeakerRole,
    Statement,
    utcnow,
)
from quotes.storage.operations import Recorder, lock_speakers, operation, watch_speakers
from quotes.storage.speaker_lookup import (
    speaker_ids_by_alias_key,
    speaker_ids_by_authority,
    speaker_ids_by_name,
)
from quotes.storage.speakers import (
    alias_keys,
    delete_speaker,
    hand_back,
    printed_names,
    quote_ids_of,
    quotes_by_statement,
    recreate_speaker,
    set_alias_speaker,
    set_quote_speaker,
    set_quote_statement,
    set_statement_speaker,
    speakers_by_quotes,
    speakers_holding,
    statement_count,
    statement_ids_of,
    statement_sizes,
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
) -> list[SpeakerJSON]:
    """Speakers with their quote counts, most quoted first."""
    found = speakers_by_quotes(
        session,
        alias_part=match.alias_key(search) if search else None,
        speaker_ids=speaker_ids,
    )
    return speakers_json(session, found)


def speakers_json(session: Session, speakers: Sequence[Speaker]) -> list[SpeakerJSON]:
    """The speakers as the schema's ``speaker`` objects, in the same order."""
    facts = speaker_facts(session, [speaker.id for speaker in speakers])
    return [
        SpeakerJSON(
            speaker_id=speaker.id,
            name=speaker.name,
            kind=str(speaker.kind),
            aliases=facts.aliases.get(speaker.id, []),
            roles=[
                RoleJSON(role=role, first_seen=first, last_seen=last)
                for role, first, last in facts.roles.get(speaker.id, [])
            ],
            affiliation=speaker.affiliation,
            authority_id=speaker.authority_id,
            same_as=speaker.same_as,
            statement_count=facts.statement_counts.get(speaker.id, 0),
            quote_count=facts.quote_counts.get(speaker.id, 0),
        )
        for speaker in speakers
    ]


def speaker_json(session: Session, speaker: Speaker) -> SpeakerDetailJSON:
    """One speaker as the schema's ``speaker``, with quote counts by outlet."""
    (found,) = speakers_json(session, [speaker])
    return SpeakerDetailJSON(**found, quotes_by_outlet=quotes_by_outlet(session, speaker.id))


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
    statements = statement_count(session, speaker.id)
    return SpeakerProfile(
        id=speaker.id,
        name=speaker.name,
        kind=str(speaker.kind),
        aliases=sorted(a.alias for a in speaker.aliases),
        roles=[
            {"role": r.role, "first_seen": r.first_seen, "last_seen": r.last_seen}
            for r in sorted(speaker.roles, key=lambda r: (r.first_seen or dt.date.min, r.role))
        ],
        quotes_by_outlet=quotes_by_outlet(session, speaker.id),
        statements=statements or 0,
    )


def add_alias(session: Session, speaker: Speaker, alias: str) -> bool:
    """Add a name this speaker is printed as (one logged operation); False if it was there."""
    normalized = match.alias_key(alias)
    if not normalized:
        raise QuotesError(f"alias {alias!r} has no letters")
    if any(a.normalized == normalized for a in speaker.aliases):
        return False
    with operation(session, "alias", "speaker") as logged:
        lock_speakers(session, [speaker.id], [(alias, speaker.kind != SpeakerKind.PERSON)])
        logged.recorder.watch(SpeakerAlias, SpeakerAlias.speaker_id == speaker.id)
        _add_alias(session, speaker, alias, normalized)
        logged.summary = f"alias {alias!r} added to speaker {speaker.id} ({speaker.name})"
    return True


def _add_alias(session: Session, speaker: Speaker, alias: str, normalized: str) -> None:
    session.add(
        SpeakerAlias(
            speaker_id=speaker.id, alias=alias[:300], normalized=normalized, added_by=Actor.PERSON
        )
    )
    session.flush()
    session.expire(speaker, ["aliases"])
    forget_directory(session)


def rename_speaker(session: Session, speaker: Speaker, name: str) -> None:
    """Give the speaker a new display name (kept as an alias too).

    A name another speaker holds is refused: the two are probably one
    person, and that is a merge, not a rename.
    """
    name = name.strip()[:300]
    if not name:
        raise QuotesError("a speaker's name cannot be empty")
    key = match.alias_key(name)
    holders = [s for s in speakers_holding(session, key, name) if s.id != speaker.id]
    if holders:
        other = holders[0]
        raise QuotesError(
            f"{name!r} is the name of speaker {other.id} ({other.name}): if they are one, "
            f"merge them instead: quotes speakers merge {speaker.id} {other.id}"
        )
    old = speaker.name
    with operation(session, "rename", "speaker") as logged:
        lock_speakers(session, [speaker.id], [(name, speaker.kind != SpeakerKind.PERSON)])
        logged.recorder.watch(Speaker, Speaker.id == speaker.id)
        logged.recorder.watch(SpeakerAlias, SpeakerAlias.speaker_id == speaker.id)
        speaker.name = name
        if key and all(a.normalized != key for a in speaker.aliases):
            _add_alias(session, speaker, name, key)
        logged.summary = f"speaker {speaker.id} renamed from {old!r} to {name!r}"
    forget_directory(session)


def merge_speakers(session: Session, keep: Speaker, other: Speaker) -> int:
    """Merge ``other`` into ``keep``; returns the operation's id.

    Its quotes, statements, aliases and roles move; then ``keep``'s statements
    are matched again (``rematch``), so a statement filed under both becomes one.
    """
    if keep.id == other.id:
        raise QuotesError(f"speaker {keep.id} cannot be merged into itself")
    with operation(session, "merge", "speaker") as logged:
        watch_speakers(logged.recorder, [keep.id, other.id])
        summary = f"speaker {other.id} ({other.name}) merged into speaker {keep.id} ({keep.name})"
        _merge(session, keep, other)
        rematch_speaker_statements(session, keep.id)
        logged.summary = summary
    assert logged.operation_id is not None
    return logged.operation_id


def _merge(session: Session, keep: Speaker, other: Speaker) -> None:
    set_quote_speaker(session, quote_ids_of(session, other.id), keep.id)
    set_statement_speaker(session, statement_ids_of(session, other.id), keep.id)
    keep_aliases = {a.normalized for a in keep.aliases}
    set_alias_speaker(
        session, [a.id for a in other.aliases if a.normalized not in keep_aliases], keep.id
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
    delete_speaker(session, other.id)
    session.expunge(other)
    session.flush()
    session.expire(keep)
    forget_directory(session)


def undo_speaker_merge(session: Session, log: MergeLog, recorder: Recorder) -> Speaker:
    """Bring back a speaker merged before the change log, from its merge-log row."""
    details = log.details or {}
    if log.to_id is None or session.get(Speaker, log.to_id) is None:
        raise QuotesError(f"merge {log.id}: the speaker it merged into no longer exists")
    # The names it gives back are locked before the speakers (``lock_speakers``).
    names = [details.get("name", ""), *(a["alias"] for a in details.get("aliases", []))]
    body = details.get("kind", SpeakerKind.PERSON) != SpeakerKind.PERSON
    watch_speakers(recorder, [log.to_id, log.subject_id], [(n, body) for n in names if n])
    recorder.watch_ids(MergeLog, [log.id])
    recreate_speaker(
        session,
        log.subject_id,
        details.get("name", f"speaker {log.subject_id}"),
        SpeakerKind(details.get("kind", SpeakerKind.PERSON)),
        details.get("description"),
    )
    hand_back(
        session,
        details.get("quote_ids", []),
        details.get("statement_ids", []),
        holder=log.to_id,
        owner=log.subject_id,
    )
    set_alias_speaker(session, details.get("alias_ids", []), log.subject_id)
    present = alias_keys(session, log.subject_id)
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
    log.undone_at = utcnow()
    session.flush()
    _separate(session, [log.subject_id])
    forget_directory(session)
    speaker = session.get(Speaker, log.subject_id)
    assert speaker is not None
    return speaker


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _separate(session: Session, speaker_ids: list[int]) -> list[int]:
    """Take these speakers' quotes out of statements they share with someone else:
    into a statement of their own (one per speaker and old statement)."""
    moved = set()
    for speaker_id in speaker_ids:
        moved.update(quote_ids_of(session, speaker_id))
    by_statement = quotes_by_statement(session, sorted(moved))
    touched: list[int] = []
    sizes = statement_sizes(session, sorted(by_statement))
    for statement_id, quote_ids in sorted(by_statement.items()):
        source = session.get(Statement, statement_id)
        assert source is not None
        speakers_here: set[int] = {
            q.speaker_id
            for q in (session.get(Quote, i) for i in quote_ids)
            if q is not None and q.speaker_id is not None
        }
        if sizes.get(statement_id, 0) == len(quote_ids) and len(speakers_here) == 1:
            (only,) = speakers_here
            if source.speaker_id != only:
                set_statement_speaker(session, [statement_id], only)
            continue
        for speaker_id in sorted(s for s in speakers_here if s != source.speaker_id):
            mine = [
                i for i in quote_ids if (q := session.get(Quote, i)) and q.speaker_id == speaker_id
            ]
            fresh = Statement(
                speaker_id=speaker_id,
                canonical_text=source.canonical_text,
                match_key=source.match_key,
                kind=source.kind,
                quote_count=len(mine),
            )
            session.add(fresh)
            session.flush()
            set_quote_statement(session, mine, fresh.id, method="person")
            touched += [statement_id, fresh.id]
    recompute_statements(session, touched)
    session.expire_all()
    return touched


def split_speaker(
    session: Session, speaker: Speaker, aliases: list[str], name: str | None = None
) -> Speaker:
    """Move the chosen aliases, and the quotes printed under them, to a new speaker.

    A quote moves when the name the article gave (in-article name or the
    mention as printed) has one of the chosen names as key. The chosen names
    may be aliases or names quotes were printed under. Statements whose quotes
    all moved move too; from a mixed statement the moved quotes form a new
    statement. Roles seen only in the moved quotes' mentions move along.
    """
    keys = {match.alias_key(a) for a in aliases} - {""}
    owned = {a.normalized: a for a in speaker.aliases}
    printed = printed_names(session, speaker.id)
    moved_quotes = [
        quote_id
        for quote_id, in_article, mention in printed
        if {match.alias_key(in_article or ""), match.alias_key(mention or "")} & keys
    ]
    missing = sorted(k for k in keys if k not in owned)
    if missing and not moved_quotes:
        raise NotFoundError(
            f"speaker {speaker.id} has no alias and no quote printed as {', '.join(missing)}"
        )
    if keys >= set(owned) and len(moved_quotes) == len(printed):
        raise QuotesError("a split must leave the speaker at least one alias or quote")
    with operation(session, "split", "speaker") as logged:
        # The new speaker's names are locked with the old one's, before its speaker lock.
        body = speaker.kind != SpeakerKind.PERSON
        watch_speakers(logged.recorder, [speaker.id], [(a, body) for a in [*aliases, name or ""]])
        new = Speaker(
            name=(name or next(iter(aliases)))[:300],
            kind=speaker.kind,
            description=speaker.description,
        )
        session.add(new)
        session.flush()
        watch_speakers(logged.recorder, [new.id])
        set_alias_speaker(session, [owned[k].id for k in keys if k in owned], new.id)
        for alias in aliases:
            key = match.alias_key(alias)
            if key and key not in owned:
                session.add(
                    SpeakerAlias(
                        speaker_id=new.id, alias=alias[:300], normalized=key, added_by=Actor.PERSON
                    )
                )
        _move_roles(session, speaker, new, moved_quotes, printed)
        set_quote_speaker(session, moved_quotes, new.id, by_hand=True)
        session.flush()
        _separate(session, [new.id])
        logged.summary = (
            f"{len(moved_quotes)} quote(s) printed as {', '.join(aliases)} split from speaker "
            f"{speaker.id} ({speaker.name}) into new speaker {new.id} ({new.name})"
        )
    session.expire_all()
    forget_directory(session)
    found = session.get(Speaker, new.id)
    assert found is not None
    return found


def _move_roles(
    session: Session,
    speaker: Speaker,
    new: Speaker,
    moved: list[int],
    printed: list[tuple[int, str | None, str | None]],
) -> None:
    """Roles printed only with the moved quotes belong to the new speaker."""
    moving = set(moved)
    going = [m.casefold() for i, _, m in printed if i in moving and m]
    staying = [m.casefold() for i, _, m in printed if i not in moving and m]
    for role in list(speaker.roles):
        word = role.role.casefold()
        if any(word in m for m in going) and not any(word in m for m in staying):
            role.speaker_id = new.id
    session.flush()
