"""Resolving a printed speaker name to a stored speaker, fast.

Import resolves ten names an article; asking the database a fuzzy question
for each would cost more than the whole rest of the import. So every process
keeps, per engine, a directory of all speakers (name parts, aliases, roles)
in memory and brings it up to date with one cheap query per article: the
highest speaker, alias and role ids, and the number of speaker merges and splits in
the merge log. New rows are loaded incrementally; a merge or split (which
moves or deletes rows) reloads it all, and so does a rolled-back transaction
that had created speakers.

The rules (``SpeakerDirectory.find``):

1. An exact alias ("peskov", "kremlin spokesman dmitry peskov") of one
   speaker resolves to it; of several, the one whose given names or roles fit.
2. Otherwise the surname (up to transliteration: Zelensky, Zelenskyy,
   Zelenskiy) finds candidates, which are kept only when the given names are
   compatible (Dmitry / Dmitri / D.; never Hillary / Bill) and, for a bare
   surname, when the roles do not conflict.
3. Metonyms resolve to the body they stand for (the Kremlin -> Russian
   government); what was printed is kept as an alias.
"""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass, field

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from quotes import match
from quotes.extract.model import SpeakerKind
from quotes.storage.models import Operation, Speaker, SpeakerAlias, SpeakerRole

_ROLE_STOPWORDS = frozenset(
    {"the", "of", "a", "an", "and", "for", "s", "former", "deputy", "chief"}
)


def role_words(role: str) -> frozenset[str]:
    return frozenset(match.normalize(role).split()) - _ROLE_STOPWORDS


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

    @classmethod
    def of(cls, speaker_id: int, name: str, kind: SpeakerKind) -> SpeakerEntry:
        entry = cls(speaker_id, name, kind)
        entry.set_name(name)
        return entry

    def set_name(self, name: str) -> None:
        self.name = name
        words = match.name_key(name).split()
        if self.kind == SpeakerKind.PERSON and words:
            self.given, self.surname = tuple(words[:-1]), words[-1]
        else:
            self.given, self.surname = (), ""


@dataclass(frozen=True)
class _Version:
    speaker: int
    alias: int
    role: int
    merge: int


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


class SpeakerDirectory:
    """All speakers of one database, in memory, kept current per call of ``refresh``."""

    def __init__(self) -> None:
        self.version: _Version | None = None
        self._reset()

    def _reset(self) -> None:
        self.entries: dict[int, SpeakerEntry] = {}
        self.by_alias: dict[str, set[int]] = {}
        self.by_skeleton: dict[str, set[int]] = {}
        self.alias_keys: set[tuple[int, str]] = set()
        # (speaker id, casefolded role) -> [the role as stored, first seen, last seen]
        self.role_keys: dict[tuple[int, str], RoleSpan] = {}
        self.dirty = False

    # --- loading -----------------------------------------------------------

    def refresh(self, session: Session) -> None:
        row = session.connection().execute(_VERSION_QUERY).one()
        now = _Version(*(value or 0 for value in row))
        old = self.version
        if old == now and not self.dirty:
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
        if since is None:
            self._reset()
            speakers = select(Speaker.id, Speaker.name, Speaker.kind)
            aliases = select(SpeakerAlias.speaker_id, SpeakerAlias.normalized)
            roles = select(
                SpeakerRole.speaker_id,
                SpeakerRole.role,
                SpeakerRole.first_seen,
                SpeakerRole.last_seen,
            )
        else:
            speakers = select(Speaker.id, Speaker.name, Speaker.kind).where(
                Speaker.id > since.speaker
            )
            aliases = select(SpeakerAlias.speaker_id, SpeakerAlias.normalized).where(
                SpeakerAlias.id > since.alias
            )
            roles = select(
                SpeakerRole.speaker_id,
                SpeakerRole.role,
                SpeakerRole.first_seen,
                SpeakerRole.last_seen,
            ).where(SpeakerRole.id > since.role)
        for speaker_id, name, kind in session.execute(speakers):
            self.add_speaker(SpeakerEntry.of(speaker_id, name, kind))
        for speaker_id, normalized in session.execute(aliases):
            self.add_alias(speaker_id, normalized)
        for speaker_id, role, first_seen, last_seen in session.execute(roles):
            self.add_role(speaker_id, role, first_seen, last_seen)

    # --- updating (also by recording, for the rows it writes) ---------------

    def add_speaker(self, entry: SpeakerEntry) -> None:
        self.entries[entry.id] = entry
        self._index_surname(entry)

    def _index_surname(self, entry: SpeakerEntry) -> None:
        if entry.surname:
            self.by_skeleton.setdefault(match.skeleton(entry.surname), set()).add(entry.id)

    def rename(self, speaker_id: int, name: str) -> None:
        entry = self.entries[speaker_id]
        entry.set_name(name)
        self._index_surname(entry)

    def add_alias(self, speaker_id: int, normalized: str) -> None:
        self.by_alias.setdefault(normalized, set()).add(speaker_id)
        self.alias_keys.add((speaker_id, normalized))

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
        """The stored speaker that ``name`` (with ``role``, if printed) refers to, if any."""
        key = match.name_key(name)
        if not key:
            return None
        words = key.split()
        given, surname = tuple(words[:-1]), words[-1]
        exact = [self.entries[i] for i in self.by_alias.get(key, ()) if i in self.entries]
        if kind != SpeakerKind.PERSON and not (exact and exact[0].kind == SpeakerKind.PERSON):
            return self._best(exact, given, role)
        fitting = [e for e in exact if match.given_names_compatible(given, e.given)]
        if fitting:
            return self._best(fitting, given, role)
        candidates = [
            self.entries[i]
            for i in self.by_skeleton.get(match.skeleton(surname), ())
            if i in self.entries
        ]
        candidates = [
            e
            for e in candidates
            if e.kind == SpeakerKind.PERSON
            and match.surnames_match(surname, e.surname)
            and match.given_names_compatible(given, e.given)
            and ((given and e.given) or not _roles_conflict(role, e.roles))
        ]
        return self._best(candidates, given, role)

    @staticmethod
    def _best(
        entries: list[SpeakerEntry], given: tuple[str, ...], role: str | None
    ) -> SpeakerEntry | None:
        """Among several fitting speakers: the same given names, then a shared role,
        then the oldest (the first one seen is the one most reports meant)."""
        if not entries:
            return None
        if len(entries) == 1:
            return entries[0]
        words = role_words(role) if role else frozenset()

        def rank(entry: SpeakerEntry) -> tuple[int, int, int]:
            same_given = int(bool(given) and entry.given[:1] == given[:1])
            shares_role = int(any(words & role_words(r) for r in entry.roles))
            return (-same_given, -shares_role, entry.id)

        return min(entries, key=rank)


def _roles_conflict(role: str | None, known: set[str]) -> bool:
    """A printed role conflicts when the speaker has roles and shares no word with any."""
    if not role or not known:
        return False
    words = role_words(role)
    return bool(words) and not any(words & role_words(r) for r in known)


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
