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

from sqlalchemy.orm import Session

from quotes import match
from quotes.extract.model import ExtractedQuote, SpeakerKind
from quotes.services.speaker_directory import Ambiguous, SpeakerDirectory, SpeakerEntry
from quotes.storage.models import Actor, Speaker
from quotes.storage.speaker_resolution import (
    add_aliases,
    add_roles,
    rename_speaker,
    set_affiliations,
    widen_roles,
)


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
        self.cache: dict[tuple[str, SpeakerKind, str | None], SpeakerEntry | None] = {}
        self.affiliations: dict[int, str] = {}
        # People who met a namesake in this call, or who have one and were seen
        # in an office new to them: what was filed under them, or under no one,
        # by their surname alone is looked at again (``quotes.services.namesakes``).
        self.namesakes: set[int] = set()
        # The speakers of the article being resolved, in order.
        self.article = 0
        self.seen: list[SpeakerEntry] = []

    def resolve(
        self, q: ExtractedQuote, published_on: dt.date | None, article: int = 0
    ) -> int | None:
        """The quote's speaker id (None for described or unnamed speakers, and for a
        name that fits several known people). ``article`` tells the articles of one
        call apart: a name is first read in the light of its own article."""
        if article != self.article:
            self.article, self.seen = article, []
        printed = (q.speaker or q.speaker_mention or "").strip()
        self.names.append(q.speaker)
        if not printed or match.is_pronoun(printed):
            return None
        body = match.canonical_body(printed)
        kind, role = q.speaker_kind, q.speaker_role
        _, titles, _ = match.name_parts(printed)
        filed = match.filed_as(printed, kind)
        if filed is None:
            # "a senior official" stays unnamed; "the ministry" is the ministry
            # this article named, if it named one; never a guess across articles.
            entry = self._same_head(printed)
            if entry is not None:
                self.seen.append(entry)
            return entry.id if entry is not None else None
        display, kind = filed
        entry = self._in_article(printed, kind)
        if entry is not None:
            kind, display = entry.kind, entry.name
        # What the article says the speaker is: the printed role and the titles.
        evidence = role
        if kind == SpeakerKind.PERSON:
            evidence = " ".join(filter(None, (titles, role))) or None
        if kind == SpeakerKind.PERSON:
            display = match.display_case(display)
        entry = entry or self._find_or_create(display, kind, evidence, printed)
        if entry is None:
            return None
        if kind == SpeakerKind.PERSON and not role and match.split_name(match.name_key(display))[0]:
            # A title is a role of the person it was printed with a given name for.
            # Before a bare surname ("General Charipechuk") it stays in the alias:
            # whose surname that is may be a guess (a namesake's), and a title
            # recorded as a role would make the guess look like evidence next time.
            role = titles
        self.seen.append(entry)
        self._alias(entry.id, display)
        self._alias(entry.id, printed)
        mention = (q.speaker_mention or "").strip()
        if mention and mention != printed and self._is_name_of(mention, entry, body is not None):
            self._alias(entry.id, mention)
        if role:
            said_on = q.said_on or published_on
            if kind == SpeakerKind.PERSON:
                self._new_office(entry, role)
            self._role(entry.id, role, said_on)
        if body is None and kind == SpeakerKind.PERSON:
            affiliation = match.affiliation_of(role, printed) or match.affiliation_of(None, mention)
            if affiliation is not None and entry.id not in self.affiliations:
                self.affiliations[entry.id] = affiliation
        return entry.id

    def _new_office(self, entry: SpeakerEntry, role: str) -> None:
        """A person seen in an office not known of them may now be told apart from
        a namesake where a title alone could not before."""
        known = {word for office in entry.offices() for word in match.office_words(office)}
        if match.office_words(role) <= known:
            return
        others = self.directory.namesakes(entry)
        if others:
            self.namesakes.add(entry.id)
            self.namesakes.update(other.id for other in others)

    def _same_head(self, printed: str) -> SpeakerEntry | None:
        """The body this article named last whose name ends in the head of
        ``printed`` ("the agency" after "the Environment Agency")."""
        words = match.fold(printed).split()
        if not words or len(words) > 2 or (len(words) == 2 and words[0] != "the"):
            return None
        for entry in reversed(self.seen):
            if entry.kind != SpeakerKind.PERSON and match.fold(entry.name).endswith(words[-1]):
                return entry
        return None

    def _in_article(self, printed: str, kind: SpeakerKind) -> SpeakerEntry | None:
        """A speaker this article already named that ``printed`` is short for: a
        person's surname however typed ("OSTROWSKI" after "Hannah Ostrowski"), a
        body's initials ("the ERSB" after the European Rowing Safety Board)."""
        if kind != SpeakerKind.PERSON and match.is_acronym(printed):
            initials = match.alias_key(printed)
            for entry in reversed(self.seen):
                if entry.kind != SpeakerKind.PERSON and match.acronym(entry.name) == initials:
                    return entry
        given, surname = match.split_name(match.name_key(printed))
        if surname and not given and kind != SpeakerKind.PERSON:
            for entry in reversed(self.seen):
                if entry.surname and match.surnames_match(surname, entry.surname):
                    return entry
        return None

    def _find_or_create(
        self, display: str, kind: SpeakerKind, role: str | None, printed: str
    ) -> SpeakerEntry | None:
        key = (display, kind, role)
        if key in self.cache:
            return self.cache[key]
        found = self.directory.lookup(display, kind, role)
        entry: SpeakerEntry | None
        if isinstance(found, Ambiguous):
            # "Johnson" when Boris and Mike Johnson are both known: the quote keeps
            # its mention and waits for a person, rather than going to either.
            entry = None
        elif found is None and kind == SpeakerKind.PERSON and match.given_name_only(printed):
            # "Maria" alone, whom the article never named in full, is no one in
            # particular: as a speaker of her own she would gather every Maria of
            # every article. The quote keeps its mention (a surname that is also a
            # given name, "Warren", is read again once someone of that surname is
            # known: below).
            entry = None
        elif found is None:
            speaker = Speaker(name=display[:300], kind=kind)
            self.session.add(speaker)
            self.session.flush()
            entry = SpeakerEntry.of(speaker.id, speaker.name, kind)
            self.directory.add_speaker(entry)
            self.counts.new_speakers += 1
            self.namesakes.update(other.id for other in self.directory.namesakes(entry))
            surname = entry.surname
            if kind == SpeakerKind.PERSON and surname and match.given_name_only(surname):
                self.namesakes.add(entry.id)
        else:
            entry = found
            if kind == SpeakerKind.PERSON and _fuller(display, entry):
                # "Peskov" (or "D. Peskov") was seen first; "Dmitry Peskov" names
                # him better, and tells him from a Daria Peskova who may come next.
                rename_speaker(self.session, entry.id, display[:300])
                self.directory.rename(entry.id, display[:300])
                others = self.directory.namesakes(entry)
                if others:
                    # What "Peskov" said was his only while no other Peskov was known.
                    self.namesakes.add(entry.id)
                    self.namesakes.update(other.id for other in others)
        self.cache[key] = entry
        return entry

    @staticmethod
    def _is_name_of(mention: str, entry: SpeakerEntry, metonym: bool) -> bool:
        """Whether a mention is worth keeping as an alias: a name, not "he" or "officials"."""
        key = match.name_key(mention)
        if not key or match.is_pronoun(mention) or (not mention[:1].isupper() and not metonym):
            return False
        if metonym:
            return match.canonical_body(mention) == entry.name
        surname = match.split_name(key)[1]
        return bool(entry.surname) and match.surnames_match(surname, entry.surname)

    def _alias(self, speaker_id: int, alias: str) -> None:
        normalized = match.alias_key(alias)[:300]
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
        if self.affiliations:
            # A speaker's first affiliation stays: a person changes it by hand.
            set_affiliations(
                self.session, [{"s": s, "a": a[:300]} for s, a in self.affiliations.items()]
            )
            self.affiliations = {}
        if self.aliases:
            rows = [
                {"speaker_id": s, "normalized": n, "alias": a, "added_by": Actor.RULE}
                for (s, n), a in self.aliases.items()
            ]
            add_aliases(self.session, rows)
            for (speaker_id, _), alias in self.aliases.items():
                self.directory.add_alias(speaker_id, alias)
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
        add_roles(self.session, new)
        # Stretch first_seen/last_seen of known roles to cover this article's date.
        widen_roles(self.session, widen)


def _fuller(name: str, entry: SpeakerEntry) -> bool:
    """Whether a speaker known by surname only, or by an initial, is now given a
    first name ("M. Johnson" -> "Mike Johnson")."""
    given = match.split_name(match.name_key(name))[0]
    if not entry.given:
        return bool(given)
    return len(entry.given[0]) == 1 and bool(given) and len(given[0]) > 1
