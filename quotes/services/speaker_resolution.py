"""Resolving an article's speakers to stored speakers, writing what is new.

Used by ``recording.record_quotes``. Names are looked up in the in-memory
``SpeakerDirectory``; a speaker not found is created (and flushed at once, so
the article's later quotes find it). Aliases and roles seen in the article
are written in one batch at the end: aliases with "insert unless there", role
dates widened only when this article's date falls outside what is known.

Decisions: described speakers ("a senior official", ExtractedQuote.speaker_kind
DESCRIPTION) and bare pronouns are not turned into speakers (the quote keeps its
mention, ``speaker_id`` stays NULL); metonyms become the body they stand for
(the Kremlin -> Russian government), with what was printed kept as an alias;
an unknown kind is taken for a person.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from sqlalchemy import bindparam, case, or_, update
from sqlalchemy.orm import Session

from quotes import match
from quotes.extract.model import ExtractedQuote, SpeakerKind
from quotes.services.speaker_directory import SpeakerDirectory, SpeakerEntry
from quotes.storage.bulk import insert_ignore, table_of
from quotes.storage.models import Actor, Speaker, SpeakerAlias, SpeakerRole

_PRONOUNS = frozenset("he she they it we i him her them his hers its their this that who".split())


class ResolverCounts(Protocol):
    """What resolution created (the caller's result object fits)."""

    new_speakers: int


class SpeakerResolver:
    """Resolves the speakers of one or more articles, creating new ones; aliases and
    roles are written in one batch (``write``)."""

    def __init__(
        self,
        session: Session,
        directory: SpeakerDirectory,
        counts: ResolverCounts,
    ) -> None:
        self.session = session
        self.directory = directory
        self.counts = counts
        self.names: list[str | None] = []
        self.aliases: dict[tuple[int, str], str] = {}
        self.roles: dict[tuple[int, str], tuple[dt.date | None, dt.date | None]] = {}
        self.cache: dict[tuple[str, SpeakerKind, str | None], SpeakerEntry] = {}

    def resolve(self, q: ExtractedQuote, published_on: dt.date | None) -> int | None:
        """The quote's speaker id (None for described or unnamed speakers)."""
        name = (q.speaker or q.speaker_mention or "").strip()
        self.names.append(q.speaker)
        if q.speaker_kind == SpeakerKind.DESCRIPTION or not name:
            return None
        if match.name_key(name) in _PRONOUNS:
            return None
        body = match.canonical_body(name)
        kind = q.speaker_kind
        if body is not None:
            display, kind = body, SpeakerKind.GOVERNMENT
        else:
            display = name
            if kind == SpeakerKind.UNKNOWN:
                kind = SpeakerKind.PERSON
        entry = self._find_or_create(display, kind, q.speaker_role)
        self._alias(entry.id, display)
        self._alias(entry.id, name)
        mention = (q.speaker_mention or "").strip()
        if mention and mention != name and self._is_name_of(mention, entry, body is not None):
            self._alias(entry.id, mention)
        if q.speaker_role:
            said_on = q.said_on or published_on
            self._role(entry.id, q.speaker_role, said_on)
        return entry.id

    def _find_or_create(self, display: str, kind: SpeakerKind, role: str | None) -> SpeakerEntry:
        key = (display, kind, role)
        entry = self.cache.get(key)
        if entry is not None:
            return entry
        entry = self.directory.find(display, kind, role)
        if entry is None:
            speaker = Speaker(name=display[:300], kind=kind)
            self.session.add(speaker)
            self.session.flush()
            entry = SpeakerEntry.of(speaker.id, speaker.name, kind)
            self.directory.add_speaker(entry)
            self.counts.new_speakers += 1
        elif kind == SpeakerKind.PERSON and _fuller(display, entry):
            # "Peskov" was seen first; "Dmitry Peskov" names him better.
            self.session.execute(
                update(Speaker).where(Speaker.id == entry.id).values(name=display[:300])
            )
            self.directory.rename(entry.id, display[:300])
        self.cache[key] = entry
        return entry

    @staticmethod
    def _is_name_of(mention: str, entry: SpeakerEntry, metonym: bool) -> bool:
        """Whether a mention is worth keeping as an alias: a name, not "he" or "officials"."""
        key = match.name_key(mention)
        if not key or key in _PRONOUNS or (not mention[:1].isupper() and not metonym):
            return False
        if metonym:
            return match.canonical_body(mention) == entry.name
        words = key.split()
        return bool(entry.surname) and match.surnames_match(words[-1], entry.surname)

    def _alias(self, speaker_id: int, alias: str) -> None:
        normalized = match.name_key(alias)[:300]
        if not normalized:
            return
        key = (speaker_id, normalized)
        if key not in self.directory.alias_keys and key not in self.aliases:
            self.aliases[key] = alias[:300]

    def _role(self, speaker_id: int, role: str, said_on: dt.date | None) -> None:
        role = " ".join(role.split())[:300]
        span = self.directory.role_keys.get((speaker_id, role.casefold()))
        key = (speaker_id, span.role if span else role)
        lo, hi = self.roles.get(key, (said_on, said_on))
        if said_on is not None:
            lo, hi = min(lo or said_on, said_on), max(hi or said_on, said_on)
        self.roles[key] = (lo, hi)

    def write(self) -> None:
        if self.aliases:
            rows = [
                {"speaker_id": s, "normalized": n, "alias": a, "added_by": Actor.RULE}
                for (s, n), a in self.aliases.items()
            ]
            self.session.connection().execute(insert_ignore(self.session, SpeakerAlias), rows)
            for speaker_id, normalized in self.aliases:
                self.directory.add_alias(speaker_id, normalized)
        new: list[dict[str, Any]] = []
        widen: list[dict[str, Any]] = []
        for (speaker_id, role), (lo, hi) in self.roles.items():
            span = self.directory.role_keys.get((speaker_id, role.casefold()))
            if span is None:
                new.append(
                    {"speaker_id": speaker_id, "role": role, "first_seen": lo, "last_seen": hi}
                )
                self.directory.add_role(speaker_id, role, lo, hi)
            elif lo is not None and hi is not None and not span.covers(lo, hi):
                widen.extend({"s": speaker_id, "r": span.role, "d": day} for day in {lo, hi})
                span.first_seen = min(span.first_seen or lo, lo)
                span.last_seen = max(span.last_seen or hi, hi)
        if new:
            self.session.connection().execute(insert_ignore(self.session, SpeakerRole), new)
        if widen:
            self._widen_roles(widen)

    def _widen_roles(self, rows: list[dict[str, Any]]) -> None:
        """Stretch first_seen/last_seen of known roles to cover this article's date."""
        self.session.connection().execute(_WIDEN_ROLE, rows)


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


def _fuller(name: str, entry: SpeakerEntry) -> bool:
    """Whether a speaker known by surname only is now given a first name."""
    return not entry.given and len(match.name_key(name).split()) > 1
