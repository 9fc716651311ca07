"""Resolving a printed speaker name to a stored speaker, fast.

Import resolves ten names an article; asking the database a fuzzy question
for each would cost more than the whole rest of the import. So every process
keeps, per engine, a directory of all speakers (name parts, aliases, roles)
in memory and brings it up to date with one cheap query per article: the
highest speaker, alias and role ids, and the newest operation of the change
log. New rows are loaded incrementally; a correction (which moves or deletes
rows) reloads it all, and so does a rolled-back transaction that had created
speakers. On PostgreSQL an id below the highest read may still be committed
(importer A takes 21, C takes 22 and commits first): such ids are kept as
holes and read again at each refresh until every transaction open when they
were found has ended (``Hole``).

The rules (``SpeakerDirectory.lookup``):

1. Names are compared by ``match.name_key``: any script folded to ASCII,
   without a possessive owner ("Ukraine's") or a run of titles ("Secretary of
   State"). A full name printed before for one speaker resolves to it.
2. Otherwise the surname (up to transliteration: Zelensky, Zelenskyy,
   Zelenskiy, Зеленский) finds candidates, which are kept only when the given
   names are compatible (Dmitry / Dmitri / D.; never Hillary / Bill) and, for a
   bare surname, when the roles do not conflict (roles and titles are compared
   by office, ``match.office_words``: "General" is an army chief, "Sen." a
   senator, "Mr" no office). A shared role, then the same first name, narrow
   them; if people remain whose given names exclude each other, the name is
   ``Ambiguous`` (a bare "Johnson" with Boris and Mike Johnson known) and the
   quote is filed under no speaker rather than a guess.
3. Governments, organisations and groups are looked up as printed
   (``match.alias_key``) or by their initials ("the ERSB"); places and seats
   of government resolve to the government they stand for (the Kremlin,
   Moscow, Russia -> Russian government) before that, in the resolver.
"""

from __future__ import annotations

import datetime as dt
import itertools
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from quotes import match
from quotes.extract.model import ExtractedQuote, SpeakerKind
from quotes.storage.locks import BODY_IDENTITY, identity_lock
from quotes.storage.speaker_resolution import (
    aliases_after,
    database_clock,
    directory_version,
    late_commits,
    oldest_open_transaction,
    roles_after,
    speakers_after,
)


@dataclass
class RoleSpan:
    """A role as stored and the dates it was seen (as far as this process knows)."""

    role: str
    first_seen: dt.date | None
    last_seen: dt.date | None

    def covers(self, first: dt.date, last: dt.date) -> bool:
        return (
            self.first_seen is not None
            and self.last_seen is not None
            and self.first_seen <= first
            and last <= self.last_seen
        )


@dataclass
class SpeakerEntry:
    id: int
    name: str
    kind: SpeakerKind
    given: tuple[str, ...] = ()
    surname: str = ""
    roles: set[str] = field(default_factory=set)
    # Titles printed before the full name ("General" of "General Ruli Charipechuk"):
    # evidence of who a titled surname ("General Charipechuk") is.
    titles: set[str] = field(default_factory=set)

    def offices(self) -> set[str]:
        """Roles and titles: what a printed role or title is compared with."""
        return self.roles | self.titles

    @classmethod
    def of(cls, speaker_id: int, name: str, kind: SpeakerKind) -> SpeakerEntry:
        entry = cls(speaker_id, name, kind)
        entry.set_name(name)
        return entry

    def set_name(self, name: str) -> None:
        self.name = name
        given, surname = match.split_name(match.name_key(name))
        if self.kind == SpeakerKind.PERSON and surname:
            self.given, self.surname = given, surname
        else:
            self.given, self.surname = (), ""


@dataclass(frozen=True)
class _Version:
    speaker: int
    alias: int
    role: int
    merge: int


@dataclass(frozen=True)
class Hole:
    """Ids ``first``..``last`` of one table, below the highest loaded, that were not
    there when read: a transaction that took them may not have committed yet.
    ``since`` is the database's clock when they were found missing; that
    transaction began before it."""

    first: int
    last: int
    since: dt.datetime


# More holes than this in a table (an old database's rolled-back ids, found by a
# full load) are read as fewer, wider spans: the nearest holes joined, the known
# rows between them read again and skipped.
_MAX_HOLES = 256


class SpeakerDirectory:
    """All speakers of one database, in memory, kept current per call of ``refresh``."""

    def __init__(self) -> None:
        self.version: _Version | None = None
        self._reset()

    def _reset(self) -> None:
        self.entries: dict[int, SpeakerEntry] = {}
        # name_key of every alias -> speaker ids
        self.by_alias: dict[str, set[int]] = {}
        self.by_skeleton: dict[str, set[int]] = {}
        # Bodies are looked up as printed (alias_key; titles are part of a body's
        # name) and by their initials ("ersb" for the European Rowing Safety Board).
        self.by_printed: dict[str, set[int]] = {}
        self.by_acronym: dict[str, set[int]] = {}
        # (speaker id, alias_key): the stored aliases, so that none is written twice
        self.alias_keys: set[tuple[int, str]] = set()
        # (speaker id, casefolded role) -> [the role as stored, first seen, last seen]
        self.role_keys: dict[tuple[int, str], RoleSpan] = {}
        # Per table ("speakers", "aliases", "roles"): ids not committed when read,
        # and the highest id read.
        self.holes: dict[str, list[Hole]] = {}
        self.top: dict[str, int] = {}
        self.dirty = False

    # --- loading -----------------------------------------------------------

    def refresh(self, session: Session) -> None:
        now = _Version(*directory_version(session))
        old = self.version
        if old == now and not self.dirty and not any(self.holes.values()):
            return
        if (
            old is None
            or self.dirty
            or now.merge != old.merge
            or now.speaker < old.speaker
            or now.alias < old.alias
            or now.role < old.role
        ):
            self._load(session, None)
        else:
            self._load(session, old)
        self.version = now
        self.dirty = False

    def _load(self, session: Session, since: _Version | None) -> None:
        """Rows above ``since`` and, on PostgreSQL, rows in the holes left by earlier
        loads: an id taken before a higher one may be committed after it, and an
        incremental load by highest id alone would never see it (and another
        importer would create that person again)."""
        late = late_commits(session)
        if since is None:
            self._reset()
        start = since or _Version(0, 0, 0, 0)
        # Asked before the rows are read: a hole no transaction then open can fill
        # is one whose row (if any) the reads below see.
        settled = self._settled(session)
        ids: list[int] = []
        for speaker_id, name, kind in speakers_after(
            session, start.speaker, self._spans("speakers")
        ):
            ids.append(speaker_id)
            if speaker_id not in self.entries:
                self.add_speaker(SpeakerEntry.of(speaker_id, name, kind))
        self._track(session, "speakers", start.speaker, ids, settled, late)
        ids = []
        for alias_id, speaker_id, alias in aliases_after(
            session, start.alias, self._spans("aliases")
        ):
            ids.append(alias_id)
            self.add_alias(speaker_id, alias)
        self._track(session, "aliases", start.alias, ids, settled, late)
        ids = []
        for role_id, speaker_id, role, first_seen, last_seen in roles_after(
            session, start.role, self._spans("roles")
        ):
            ids.append(role_id)
            self.add_role(speaker_id, role, first_seen, last_seen)
        self._track(session, "roles", start.role, ids, settled, late)

    def _spans(self, table: str) -> list[tuple[int, int]]:
        return [(hole.first, hole.last) for hole in self.holes.get(table, [])]

    def _settled(self, session: Session) -> dt.datetime | None:
        """Holes found before this moment can be filled by no one any more: every
        transaction open when they were found has ended. None: no holes to settle."""
        if not any(self.holes.values()):
            return None
        oldest = oldest_open_transaction(session)
        return database_clock(session) if oldest is None else oldest

    def _track(
        self,
        session: Session,
        table: str,
        after: int,
        ids: list[int],
        settled: dt.datetime | None,
        late: bool,
    ) -> None:
        """The holes of ``table`` once ``ids`` (above ``after`` or in its holes) are
        read; ``late``: may a row still be committed below the highest read?"""
        if not late:
            return
        found = sorted(ids)
        holes = [
            Hole(first, last, hole.since)
            for hole in self.holes.get(table, [])
            if settled is None or hole.since >= settled
            for first, last in _gaps(hole.first, hole.last, found)
        ]
        # Rows above the version's highest id may have been read before (committed
        # between the two queries): their holes are known already.
        after = max(after, self.top.get(table, 0))
        above = [i for i in found if i > after]
        fresh = _gaps(after + 1, above[-1], above) if above else []
        if above:
            self.top[table] = above[-1]
        if fresh:
            now = database_clock(session)
            holes += [Hole(first, last, now) for first, last in fresh]
        if len(holes) > _MAX_HOLES:
            holes = _join_nearest(holes, _MAX_HOLES)
        self.holes[table] = holes

    # --- updating (also by recording, for the rows it writes) ---------------

    def add_speaker(self, entry: SpeakerEntry) -> None:
        self.entries[entry.id] = entry
        self._index_surname(entry)

    def _index_surname(self, entry: SpeakerEntry) -> None:
        if entry.surname:
            self.by_skeleton.setdefault(match.skeleton(entry.surname), set()).add(entry.id)
        elif entry.kind != SpeakerKind.PERSON:
            self._index_body(entry.id, entry.name)

    def _index_body(self, speaker_id: int, name: str) -> None:
        self.by_printed.setdefault(match.alias_key(name), set()).add(speaker_id)
        if not match.is_acronym(name) and len(initials := match.acronym(name)) >= 3:
            self.by_acronym.setdefault(initials, set()).add(speaker_id)

    def rename(self, speaker_id: int, name: str) -> None:
        entry = self.entries[speaker_id]
        entry.set_name(name)
        self._index_surname(entry)

    def add_alias(self, speaker_id: int, alias: str) -> None:
        """Index a printed form: by ``name_key`` for look-up, by ``alias_key`` as stored."""
        self.by_alias.setdefault(match.name_key(alias), set()).add(speaker_id)
        self.alias_keys.add((speaker_id, match.alias_key(alias)))
        entry = self.entries.get(speaker_id)
        if entry is not None and entry.kind != SpeakerKind.PERSON:
            self._index_body(speaker_id, alias)
        elif entry is not None:
            # Only a title printed with a given name or initial says whose it is.
            _, titles, proper = match.name_parts(alias)
            if titles and match.split_name(match.name_key(proper))[0]:
                entry.titles.add(titles)

    def add_role(
        self,
        speaker_id: int,
        role: str,
        first_seen: dt.date | None = None,
        last_seen: dt.date | None = None,
    ) -> None:
        self.role_keys[(speaker_id, role.casefold())] = RoleSpan(role, first_seen, last_seen)
        entry = self.entries.get(speaker_id)
        if entry is not None:
            entry.roles.add(role)

    # --- resolution ----------------------------------------------------------

    def find(self, name: str, kind: SpeakerKind, role: str | None = None) -> SpeakerEntry | None:
        """The stored speaker that ``name`` (with ``role``, if printed) refers to, if any
        (None too when it could be several people: see ``lookup``)."""
        found = self.lookup(name, kind, role)
        return found if isinstance(found, SpeakerEntry) else None

    def lookup(
        self, name: str, kind: SpeakerKind, role: str | None = None
    ) -> SpeakerEntry | Ambiguous | None:
        """The stored speaker ``name`` refers to; ``Ambiguous`` when it fits several
        different people and nothing printed tells them apart; None when it fits none."""
        key = match.name_key(name)
        if not key:
            return None
        given, surname = match.split_name(key)
        if kind != SpeakerKind.PERSON:
            return self._body(name, role)
        exact = [self.entries[i] for i in self.by_alias.get(key, ()) if i in self.entries]
        fitting = [
            e
            for e in exact
            if e.kind == SpeakerKind.PERSON and (given or not _roles_conflict(role, e.offices()))
        ]
        if given and len(given[0]) > 1 and fitting:
            # A full name printed before (or given by a person) is that speaker's,
            # whatever its given names: "Seryozha Lavrov" once merged into Sergey.
            # Not an initial: "M. Johnson" once filed under Mike is Magic's too.
            return _choose(fitting, given, role)
        skeleton_ids = self.by_skeleton.get(match.skeleton(surname), set())
        fitting += [
            e
            for e in (self.entries[i] for i in skeleton_ids if i in self.entries)
            if e not in fitting
            and e.kind == SpeakerKind.PERSON
            and match.surnames_match(surname, e.surname)
            and match.given_names_compatible(given, e.given)
            and ((given and e.given) or not _roles_conflict(role, e.offices()))
        ]
        return _choose(fitting, given, role)

    def namesakes(self, entry: SpeakerEntry) -> list[SpeakerEntry]:
        """The other people known by ``entry``'s surname whose given names exclude
        its own (Boris Johnson for a new Mike Johnson)."""
        if not entry.surname or not entry.given:
            return []
        ids = self.by_skeleton.get(match.skeleton(entry.surname), set())
        return [
            other
            for other in (self.entries[i] for i in sorted(ids) if i in self.entries)
            if other.id != entry.id
            and other.kind == SpeakerKind.PERSON
            and other.given
            and match.surnames_match(entry.surname, other.surname)
            and not match.given_names_compatible(entry.given, other.given)
        ]

    def _body(self, name: str, role: str | None) -> SpeakerEntry | Ambiguous | None:
        """A government, organisation or group: as printed, else by its initials
        ("the ERSB" and "the European Rowing Safety Board" either way round)."""
        ids = self.by_printed.get(match.alias_key(name), set())
        if not ids:
            if match.is_acronym(name):
                ids = self.by_acronym.get(match.alias_key(name), set())
            else:
                ids = self.by_printed.get(match.acronym(name), set())
        found = [
            self.entries[i]
            for i in ids
            if i in self.entries and self.entries[i].kind != SpeakerKind.PERSON
        ]
        return _choose(found, (), role)

    def similar(self, name: str, limit: int = 3) -> list[str]:
        """The speakers whose names or aliases come closest to ``name``: "Name (id)"."""
        key = match.identity_key(name)
        if not key:
            return []
        choices = {alias: ids for alias, ids in self.by_alias.items() if ids}
        found = process.extract(
            key,
            {alias: match.identity_key(alias) for alias in choices},
            scorer=fuzz.WRatio,
            limit=limit * 3,
            score_cutoff=70,
        )
        names: list[str] = []
        for _, _, alias in found:
            for speaker_id in sorted(choices[alias]):
                entry = self.entries.get(speaker_id)
                label = f"{entry.name} ({speaker_id})" if entry else ""
                if entry and label not in names:
                    names.append(label)
        return names[:limit]


def _join_nearest(holes: list[Hole], most: int) -> list[Hole]:
    """At most ``most`` holes covering ``holes``: those nearest each other joined."""
    holes = sorted(holes, key=lambda h: h.first)
    distances = sorted(b.first - a.last for a, b in itertools.pairwise(holes))
    widest = distances[len(holes) - most - 1]
    joined = [holes[0]]
    for hole in holes[1:]:
        last = joined[-1]
        if hole.first - last.last <= widest:
            joined[-1] = Hole(last.first, max(last.last, hole.last), min(last.since, hole.since))
        else:
            joined.append(hole)
    return joined


def _gaps(first: int, last: int, present: list[int]) -> list[tuple[int, int]]:
    """The runs of ids from ``first`` to ``last`` not in ``present`` (sorted)."""
    gaps: list[tuple[int, int]] = []
    expected = first
    for i in present:
        if i < first or i > last:
            continue
        if i > expected:
            gaps.append((expected, i - 1))
        expected = max(expected, i + 1)
    if expected <= last:
        gaps.append((expected, last))
    return gaps


class Ambiguous:
    """A name that fits several different people ("Johnson" when Boris and Mike are known)."""

    def __init__(self, candidates: list[SpeakerEntry]) -> None:
        self.candidates = candidates


def _choose(
    fitting: list[SpeakerEntry], given: tuple[str, ...], role: str | None
) -> SpeakerEntry | Ambiguous | None:
    """One person among the speakers a name fits, or ``Ambiguous``.

    A shared role narrows them, then the same first name (not an initial);
    if people remain whose given names exclude each other (Boris and Mike
    Johnson for "Johnson"; Boris and Bob for "B. Johnson"), the name alone
    cannot say which: a bare surname never glues two people. Otherwise the
    oldest: the first one seen is the one most reports meant.
    """
    if len(fitting) <= 1:
        return fitting[0] if fitting else None
    words = match.office_words(role) if role else frozenset()
    if words:
        sharing = [e for e in fitting if any(words & match.office_words(r) for r in e.offices())]
        fitting = sharing or fitting
    if given and len(given[0]) > 1:
        same = [
            e for e in fitting if e.given and match.skeleton(e.given[0]) == match.skeleton(given[0])
        ]
        fitting = same or fitting
    named = [e for e in fitting if e.given]
    for index, entry in enumerate(named):
        for other in named[index + 1 :]:
            if not match.given_names_compatible(entry.given, other.given):
                return Ambiguous(fitting)
    return min(fitting, key=lambda e: e.id)


def _roles_conflict(role: str | None, known: set[str]) -> bool:
    """A printed role conflicts when the speaker has roles and shares no word with any."""
    if not role or not known:
        return False
    words = match.office_words(role)
    return bool(words) and not any(words & match.office_words(r) for r in known)


# One directory per engine, as per process: two engines on one database (two
# importer threads) must not see each other's uncommitted speakers. Hand edits
# made through ``quotes.services.speakers`` mark every directory of that
# database for reloading; edits from other processes show in the version.
_DIRECTORIES: weakref.WeakKeyDictionary[Engine, SpeakerDirectory] = weakref.WeakKeyDictionary()


def _engine(session: Session) -> Engine:
    bind = session.get_bind()
    return bind if isinstance(bind, Engine) else bind.engine


def directory_for(session: Session) -> SpeakerDirectory:
    """The up-to-date directory of the session's engine."""
    engine = _engine(session)
    directory = _DIRECTORIES.get(engine)
    if directory is None:
        directory = _DIRECTORIES[engine] = SpeakerDirectory()
    directory.refresh(session)
    return directory


def forget_directory(session: Session) -> None:
    """Have every directory of the session's database reloaded on next use (after hand edits)."""
    url = _engine(session).url
    for engine, directory in list(_DIRECTORIES.items()):
        if engine.url == url:
            directory.dirty = True


def forget_directories() -> None:
    """Drop every cached directory."""
    _DIRECTORIES.clear()


def identity_locks(quotes: Iterable[ExtractedQuote]) -> set[str]:
    """What resolving these quotes' speakers may look at, as advisory lock names
    (``quotes.storage.locks``), so that concurrent importers create a speaker once.

    A name is looked for among the people whose surname has its last word's
    skeleton (``find``): one lock per skeleton, computed by the same functions.
    A body is found by its name, a metonym, its initials or its country: one
    lock for all bodies.
    """
    names: set[str] = set()
    for q in quotes:
        printed = (q.speaker or q.speaker_mention or "").strip()
        lock = identity_lock(printed)
        if lock is None:
            continue
        names.add(lock)
        if (
            q.speaker_kind != SpeakerKind.PERSON
            or match.canonical_body(printed) is not None
            or match.body_name(printed) is not None
        ):
            names.add(BODY_IDENTITY)
    return names
