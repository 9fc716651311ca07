"""An authority file, and speakers linked to its entries.

An authority file lists people and bodies with a stable id (a Wikidata QID
such as ``Q3874799``): JSONL objects ``{"id", "name", "aliases": [...],
"description", "affiliation", "party", "born"}`` (only ``id`` and ``name``
required; aliases in any script), or CSV with the same columns and aliases
separated by ``|``. ``load_authority`` streams one in; a bad line is one
error naming the file and line, and the rest loads.

``link_speakers`` links speakers to entries. A candidate entry must carry a
name of the speaker (compared by ``match.identity_key``, so any script and
transliteration; a person by a full name, never a bare surname). The context
then weighs each candidate: the speaker's roles against the entry's
description, its affiliation against the entry's, and the dates it spoke
against the entry's birth (nobody is quoted before the age of 14). One
candidate that nothing contradicts, or one clearly ahead of the rest on
context, is linked; anything else is left as suggestions for a person
(``list_links``, ``accept_link``, ``reject_link``), never linked silently.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy.orm import Session

from quotes import match
from quotes.errors import NotFoundError, QuotesError
from quotes.services.speaker_directory import forget_directory
from quotes.sources.compressed import base_name, open_text
from quotes.storage import authority as store
from quotes.storage import operations as store_ops
from quotes.storage.authority import AuthorityRecord, SpeakerFacts
from quotes.storage.models import (
    Actor,
    Operation,
    Speaker,
    SpeakerLink,
    SuggestionStatus,
    utcnow,
)
from quotes.storage.operations import Change, Logged, operation, write_changes

_BORN = re.compile(r"^[+-]?\d{1,4}(-\d{2}(-\d{2})?)?$")
_BATCH = 5000
# Nobody is quoted as a public figure before this age.
_YOUNGEST = 14
# How far ahead on context one candidate must be to be linked over the others.
_MARGIN = 0.2
_FIELDS = ("description", "affiliation", "party")


# --- reading --------------------------------------------------------------------


def read_authority(path: Path) -> Iterator[AuthorityRecord | QuotesError]:
    """The entries of an authority file, one at a time; a bad line is a ``QuotesError``
    naming the file and line, and reading goes on."""
    try:
        stream = open_text(path)
    except OSError as exc:
        yield QuotesError(f"{path}: {exc.strerror or exc}")
        return
    with stream:
        if base_name(path).endswith(".csv"):
            yield from _read_csv(path, stream)
        else:
            yield from _read_jsonl(path, stream)


def _read_jsonl(path: Path, stream: IO[str]) -> Iterator[AuthorityRecord | QuotesError]:
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except ValueError as exc:
            yield QuotesError(f"{path}:{number}: not JSON ({exc.args[0].split(':')[0]})")
            continue
        if not isinstance(data, dict):
            yield QuotesError(f"{path}:{number}: not a JSON object")
            continue
        yield _record(path, number, data)


def _read_csv(path: Path, stream: IO[str]) -> Iterator[AuthorityRecord | QuotesError]:
    reader = csv.DictReader(stream)
    missing = {"id", "name"} - set(reader.fieldnames or ())
    if missing:
        yield QuotesError(f"{path}:1: no column {', '.join(sorted(missing))}")
        return
    for row in reader:
        data: dict[str, Any] = {k: v for k, v in row.items() if k is not None}
        aliases = data.get("aliases") or ""
        data["aliases"] = [a.strip() for a in aliases.split("|") if a.strip()]
        yield _record(path, reader.line_num, {k: v or None for k, v in data.items()})


def _record(path: Path, number: int, data: dict[str, Any]) -> AuthorityRecord | QuotesError:
    where = f"{path}:{number}"
    authority_id, name = data.get("id"), data.get("name")
    if isinstance(authority_id, int) and not isinstance(authority_id, bool):
        authority_id = str(authority_id)
    if not isinstance(authority_id, str) or not authority_id.strip():
        return QuotesError(f"{where}: no id")
    if not isinstance(name, str) or not match.fold(name):
        return QuotesError(f"{where}: no name")
    aliases = data.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        return QuotesError(f"{where}: aliases must be a list of names")
    values: dict[str, str | None] = {}
    for key in _FIELDS:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            return QuotesError(f"{where}: {key} must be text")
        values[key] = value.strip() or None if value else None
    born = data.get("born")
    if isinstance(born, int) and not isinstance(born, bool):
        born = str(born)
    if born is not None and (not isinstance(born, str) or not _BORN.match(born.strip())):
        return QuotesError(f"{where}: born must be a date (YYYY-MM-DD) or a year")
    return AuthorityRecord(
        authority_id=authority_id.strip(),
        name=name.strip(),
        aliases=tuple(dict.fromkeys(a.strip() for a in aliases if a.strip())),
        born=born.strip().lstrip("+") if born else None,
        **values,
    )


def record_keys(record: AuthorityRecord) -> frozenset[str]:
    """The look-up keys of an entry: every name and alias, folded and skeletonised."""
    return frozenset(key for key in map(match.identity_key, (record.name, *record.aliases)) if key)


@dataclass
class LoadResult:
    source: str
    loaded: int = 0
    errors: list[str] = field(default_factory=list)


def load_authority(session: Session, path: Path) -> LoadResult:
    """Load (insert or replace by id) every good entry of an authority file.

    One logged operation: ``quotes undo`` deletes the entries it inserted and
    puts back those it replaced, with their ids. Its record is compact: the
    ranges of ids it inserted, and the images of the entries it replaced.
    """
    result = LoadResult(str(path))
    inserted: list[int] = []
    replaced: list[dict[str, Any]] = []
    with operation(session, "load", "authority") as logged:
        batch: list[tuple[AuthorityRecord, frozenset[str]]] = []
        for item in read_authority(path):
            if isinstance(item, QuotesError):
                result.errors.append(str(item))
                continue
            batch.append((item, record_keys(item)))
            if len(batch) >= _BATCH:
                result.loaded += _store(session, batch, inserted, replaced)
                batch = []
        result.loaded += _store(session, batch, inserted, replaced)
        assert logged.operation_id is not None
        write_changes(
            session,
            logged.operation_id,
            [Change(_ENTRIES, (image["id"],), _jsonable(image), None) for image in replaced],
        )
        logged.details = {"inserted": _ranges(inserted), "count": len(inserted)}
        logged.summary = (
            f"authority file {path.name} loaded: {len(inserted)} entries, "
            f"{len(replaced)} of them replacing entries of the same id"
        )
    return result


_ENTRIES = "authority_entries"


def _store(
    session: Session,
    batch: list[tuple[AuthorityRecord, frozenset[str]]],
    inserted: list[int],
    replaced: list[dict[str, Any]],
) -> int:
    # An id given twice in one batch: the later line wins, as it would across batches.
    unique = {record.authority_id: (record, keys) for record, keys in batch}
    # An entry this load inserted (in an earlier batch) and then replaced was not
    # there before it. (SQLite may give the new entry the replaced one's id.)
    mine = set(inserted)
    ids, old = store.store_entries(session, list(unique.values()))
    replaced += [image for image in old if image["id"] not in mine]
    inserted += ids
    return len(batch)


def _ranges(ids: list[int]) -> list[list[int]]:
    """Ids as [first, last] runs."""
    runs: list[list[int]] = []
    for i in sorted(ids):
        if runs and runs[-1][1] == i - 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    return runs


def _jsonable(image: dict[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in image.items()}


def undo_load(session: Session, done: Operation) -> Logged:
    """Undo an authority load: the entries it inserted go, those it replaced come back."""
    details = done.details or {}
    ranges = [(int(lo), int(hi)) for lo, hi in details.get("inserted", [])]
    for later in store_ops.later_operations(session, done, "load", "authority"):
        # A later load that replaced entries of this one holds them as it found them.
        theirs = store_ops.before_images(session, later, _ENTRIES)
        if any(lo <= image["id"] <= hi for image in theirs for lo, hi in ranges):
            raise QuotesError(
                f"operation {done.id} cannot be undone: operation {later} (a later load) "
                "replaced entries it loaded; undo it first"
            )
    images = store_ops.before_images(session, done.id, _ENTRIES)
    _refuse_while_linked(session, done, ranges, {image["authority_id"] for image in images})
    with operation(session, "undo", "authority") as undo:
        store.remove_in(session, ranges)
        store.put_back(session, images)
        undo.details = {"undoes": done.id}
        undo.summary = f"undo of operation {done.id} (load: {done.summary})"
    assert undo.operation_id is not None
    store_ops.mark_undone(session, done, undo.operation_id)
    forget_directory(session)
    return undo


def _refuse_while_linked(
    session: Session, done: Operation, ranges: list[tuple[int, int]], restored: set[str]
) -> None:
    """Undoing a load takes away the entries it inserted; speakers linked to them
    since, and link suggestions naming them, would point at nothing. Linking is
    an operation of its own: it is undone first, as a version control system
    refuses to drop a commit that later ones build on. (An entry the load
    replaced comes back under its id: links to it still hold.)"""
    using = [row for row in store.linked_to_entries(session, ranges) if row[2] not in restored]
    if not using:
        return
    table, row_id, authority_id = using[0]
    what = f"{'speaker' if table == 'speakers' else 'link'} {row_id} to {authority_id}"
    later = store_ops.operation_that_set(
        session, done, [(t, (i,), "authority_id", a) for t, i, a in using]
    )
    if later is None:
        raise QuotesError(
            f"operation {done.id} cannot be undone: entries it loaded are linked since ({what})"
        )
    raise QuotesError(
        f"operation {done.id} cannot be undone: operation {later.id} ({later.action}: "
        f"{later.summary}) links speakers to entries it loaded ({what}); undo it first"
    )


# --- linking --------------------------------------------------------------------


@dataclass
class LinkResult:
    linked: int = 0
    suggested: int = 0
    unmatched: int = 0


@dataclass
class _Candidate:
    record: AuthorityRecord
    score: float
    reasons: list[str]


def link_speakers(session: Session, speaker_ids: Sequence[int] | None = None) -> LinkResult:
    """Link the unlinked speakers (all, or ``speaker_ids``) to authority entries."""
    result = LinkResult()
    speakers = store.unlinked_speakers(session, speaker_ids)
    wanted = {speaker.speaker_id: _keys(speaker) for speaker in speakers}
    found = store.entries_by_key(session, {k for keys in wanted.values() for k in keys})
    links: dict[int, str] = {}
    suggestions: list[tuple[int, str, float, str]] = []
    for speaker in speakers:
        records = {r.authority_id: r for k in wanted[speaker.speaker_id] for r in found.get(k, ())}
        candidates = [c for c in (_weigh(speaker, r) for r in records.values()) if c is not None]
        candidates.sort(key=lambda c: (-c.score, c.record.authority_id))
        chosen = _decide(candidates)
        if chosen is not None:
            links[speaker.speaker_id] = chosen.record.authority_id
            result.linked += 1
        elif candidates:
            suggestions += [
                (speaker.speaker_id, c.record.authority_id, c.score, "; ".join(c.reasons))
                for c in candidates[:5]
            ]
            result.suggested += 1
        else:
            result.unmatched += 1
    if links or suggestions:
        # One logged operation (a rule's): quotes undo unlinks and drops the suggestions.
        touched = sorted(set(links) | {row[0] for row in suggestions})
        with operation(session, "link", "speaker", actor=Actor.RULE, method="authority") as logged:
            logged.recorder.watch_ids(Speaker, sorted(links))
            for chunk in (touched[i : i + 500] for i in range(0, len(touched), 500)):
                logged.recorder.watch(SpeakerLink, SpeakerLink.speaker_id.in_(chunk))
            store.link_speakers(session, links)
            store.add_links(session, suggestions)
            logged.summary = (
                f"{result.linked} speakers linked to the authority file, "
                f"{result.suggested} left for review"
            )
    if links:
        forget_directory(session)
    return result


def _keys(speaker: SpeakerFacts) -> set[str]:
    """The names a speaker may be linked by: a person's full names only (two people
    share a surname; an entry's alias "Johnson" says nothing)."""
    keys = set()
    for name in (speaker.name, *speaker.aliases):
        key = match.identity_key(name)
        if key and (speaker.kind != "person" or len(key.split()) >= 2):
            keys.add(key)
    return keys


def _weigh(speaker: SpeakerFacts, record: AuthorityRecord) -> _Candidate | None:
    """A candidate's score from context (0.5 for the name alone), or None when the
    dates rule it out."""
    score, reasons = 0.5, ["name"]
    born = _year(record.born)
    if (
        born is not None
        and speaker.first_said is not None
        and speaker.first_said.year < born + _YOUNGEST
    ):
        return None
    about = " ".join(filter(None, (record.description, record.affiliation, record.party)))
    shared = {w for role in speaker.roles for w in match.office_words(role)} & match.office_words(
        about
    )
    if shared:
        score += 0.2
        reasons.append("role: " + ", ".join(sorted(shared)))
    if speaker.affiliation:
        theirs = {
            a
            for a in (
                match.affiliation_of(record.description),
                match.affiliation_of(record.affiliation),
                record.affiliation,
            )
            if a
        }
        mine = match.fold(speaker.affiliation)
        if any(match.fold(a) == mine for a in theirs) or mine in match.fold(about):
            score += 0.2
            reasons.append(f"affiliation: {speaker.affiliation}")
        elif theirs:
            score -= 0.3
            reasons.append(f"affiliation differs: {speaker.affiliation} / {sorted(theirs)[0]}")
    return _Candidate(record, round(score, 3), reasons)


def _year(born: str | None) -> int | None:
    if not born:
        return None
    digits = born.lstrip("+-").split("-")[0]
    return int(digits) * (-1 if born.startswith("-") else 1) if digits.isdigit() else None


def _decide(candidates: list[_Candidate]) -> _Candidate | None:
    """The candidate to link: the only one, uncontradicted; or one ahead on context."""
    if not candidates:
        return None
    best = candidates[0]
    if best.score < 0.5:
        return None
    if len(candidates) == 1:
        return best
    if best.score >= candidates[1].score + _MARGIN:
        return best
    return None


# --- review ---------------------------------------------------------------------


def list_links(session: Session, status: str | None = "pending") -> list[dict[str, Any]]:
    """Link suggestions (``pending``, ``accepted``, ``rejected`` or None for all)."""
    wanted = SuggestionStatus(status) if status else None
    return store.list_links(session, wanted)


def accept_link(session: Session, link_id: int) -> dict[str, Any]:
    """Link the suggestion's speaker to its entry; the speaker's other suggestions
    are rejected."""
    link = store.get_link(session, link_id)
    if link is None:
        raise NotFoundError(f"link {link_id}: no such link suggestion")
    if link.status != SuggestionStatus.PENDING:
        raise QuotesError(f"link {link_id} was already {link.status.value}")
    speaker_id, authority_id = link.speaker_id, link.authority_id
    with operation(session, "accept", "link", method="authority", score=link.score) as logged:
        logged.recorder.watch_ids(Speaker, [speaker_id])
        logged.recorder.watch(SpeakerLink, SpeakerLink.speaker_id == speaker_id)
        store.link_speakers(session, {speaker_id: authority_id})
        store.decide_links(session, speaker_id, link_id)
        logged.speakers.add(speaker_id)
        logged.summary = (
            f"speaker {speaker_id} linked to {authority_id} (link {link_id} accepted; "
            "its other suggestions rejected)"
        )
    session.expire_all()
    forget_directory(session)
    return {"speaker_id": speaker_id, "authority_id": authority_id}


def reject_link(session: Session, link_id: int) -> None:
    """Reject one link suggestion (a logged operation)."""
    link = store.get_link(session, link_id)
    if link is None:
        raise NotFoundError(f"link {link_id}: no such link suggestion")
    if link.status != SuggestionStatus.PENDING:
        raise QuotesError(f"link {link_id} was already {link.status.value}")
    with operation(session, "reject", "link", method="authority", score=link.score) as logged:
        logged.recorder.watch_ids(SpeakerLink, [link_id])
        link.status = SuggestionStatus.REJECTED
        link.decided_at = utcnow()
        session.flush()
        logged.speakers.add(link.speaker_id)
        logged.summary = (
            f"link {link_id} of speaker {link.speaker_id} to {link.authority_id} rejected"
        )
