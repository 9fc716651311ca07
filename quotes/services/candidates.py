"""The statements a quote may join: its speaker's, from the months around it.

Matching a quote compares it with its speaker's statements first said within
``DATE_WINDOW`` of it. ``CandidateCache`` holds them by speaker and calendar
month (and the speaker's undated ones apart), read from the database a month
at a time, when first needed.

An importer keeps one cache for its whole run. Read anew for every article,
the same months of the same speakers cost more than everything else an
import does once a database holds a few thousand statements. Keeping them is
sound only while the importer is the database's sole writer and its
transactions commit, so the importer empties the cache whenever
``quotes.storage.sole_writer`` cannot vouch for that, after a rollback, and
after its own writes that move statements behind matching's back (deleting
quotes for ``--update``, dating statements from a reprint).

Memory stays bounded: past ``limit`` candidates, the months least recently
used are dropped, to be read again when next needed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, count
from typing import Any

from sqlalchemy import Connection

from quotes import match
from quotes.extract.model import DatePrecision, QuoteKind
from quotes.storage.models import utcnow
from quotes.storage.statements import candidate_rows

# A statement is looked for among those first said this close to the quote.
DATE_WINDOW = dt.timedelta(days=31)
# About 600 bytes each with their index: 50,000 hold some 30 MB.
DEFAULT_LIMIT = 50_000

_FOUNDED = count()

# (speaker id, month number), the month None for undated statements.
Key = tuple[int, int | None]


@dataclass(eq=False)
class Candidate:
    """A statement quotes may join: stored, or founded by the quotes being matched.

    ``added`` and ``changed`` are what the current matching did to it, until written.
    """

    speaker_id: int | None
    text: str
    normalized: str
    kind: QuoteKind = QuoteKind.DIRECT
    first_said_on: dt.date | None = None
    precision: DatePrecision = DatePrecision.UNKNOWN
    statement_id: int | None = None
    changed: bool = False
    added: int = 0
    # Order of founding, for statements not stored yet (see ``stable_key``).
    founded: int = field(default_factory=lambda: next(_FOUNDED))

    def stable_key(self) -> tuple[bool, int]:
        """Ties between equally good candidates go to the lowest key: the lower
        statement id, and statements founded by the quotes being matched after
        every stored one, in the order founded (they get ids in that order).
        Neither the order the database returns rows in nor what a run's cache
        happens to hold decides, so a resumed import matches as a clean one.
        """
        if self.statement_id is not None:
            return False, self.statement_id
        return True, self.founded

    def fields(self) -> dict[str, Any]:
        """The statement columns this candidate decides."""
        return {
            "speaker_id": self.speaker_id,
            "canonical_text": self.text,
            "match_key": match.match_key(self.text),
            "kind": self.kind,
            "first_said_on": self.first_said_on,
            "date_precision": self.precision,
            "updated_at": utcnow(),
        }


def month_of(day: dt.date | None) -> int | None:
    return None if day is None else day.year * 12 + day.month - 1


def window(day: dt.date | None) -> tuple[dt.date, dt.date]:
    """The first and last day of a statement a quote said on ``day`` may join."""
    if day is None:
        return dt.date.min, dt.date.max
    lo = day - DATE_WINDOW if day > dt.date.min + DATE_WINDOW else dt.date.min
    hi = day + DATE_WINDOW if day < dt.date.max - DATE_WINDOW else dt.date.max
    return lo, hi


def months_around(day: dt.date | None) -> list[int | None]:
    """The months a quote said on ``day`` looks in; an undated quote, the undated only."""
    if day is None:
        return [None]
    first, last = (month_of(end) for end in window(day))
    assert first is not None and last is not None
    return [*range(first, last + 1), None]


def _month_bounds(month: int) -> tuple[dt.date, dt.date]:
    start = dt.date(month // 12, month % 12 + 1, 1)
    following = dt.date((month + 1) // 12, (month + 1) % 12 + 1, 1)
    return start, following - dt.timedelta(days=1)


class Pool:
    """One speaker's candidates of one month, indexed for the two look-ups.

    ``exact`` finds an identical wording without a scan; ``by_word`` finds
    the wordings sharing enough words to be worth scoring (``sharing``).
    Both are kept as candidates come, change and leave (a statement whose
    date moved to another month), so a month is indexed once per run, not
    once per article. A candidate that left keeps its position, as None.
    """

    __slots__ = ("by_word", "candidates", "exact", "size")

    def __init__(self) -> None:
        self.candidates: list[Candidate | None] = []
        self.exact: dict[str, list[int]] = defaultdict(list)
        self.by_word: dict[str, list[int]] = defaultdict(list)
        self.size = 0

    def __len__(self) -> int:
        return self.size

    def append(self, candidate: Candidate) -> None:
        index = len(self.candidates)
        self.candidates.append(candidate)
        self._index(index, candidate.normalized)
        self.size += 1

    def found(self, index: int) -> Candidate:
        """The candidate at a position ``exact`` or ``sharing`` gave."""
        candidate = self.candidates[index]
        assert candidate is not None
        return candidate

    def sharing(self, words: set[str], needed: int) -> list[int]:
        """Positions, in order, of the candidates holding ``needed`` of ``words`` or more."""
        counts = Counter(chain.from_iterable(self.by_word.get(word, ()) for word in words))
        return sorted(index for index, count in counts.items() if count >= needed)

    def reword(self, candidate: Candidate, old: str) -> None:
        """``candidate``'s wording was ``old``: index it under its new one."""
        index = self._position(candidate, old)
        if index is not None:
            self._unindex(index, old)
            self._index(index, candidate.normalized)
            # Kept in pool order, as a scan would find them.
            self.exact[candidate.normalized].sort()
            for word in match.telling_words(candidate.normalized):
                self.by_word[word].sort()

    def remove(self, candidate: Candidate) -> None:
        index = self._position(candidate, candidate.normalized)
        if index is not None:
            self._unindex(index, candidate.normalized)
            self.candidates[index] = None
            self.size -= 1

    def _position(self, candidate: Candidate, wording: str) -> int | None:
        return next((i for i in self.exact[wording] if self.candidates[i] is candidate), None)

    def _index(self, index: int, normalized: str) -> None:
        self.exact[normalized].append(index)
        for word in match.telling_words(normalized):
            self.by_word[word].append(index)

    def _unindex(self, index: int, normalized: str) -> None:
        self.exact[normalized].remove(index)
        for word in match.telling_words(normalized):
            self.by_word[word].remove(index)


class CandidateCache:
    """Candidates by (speaker, month), read on first use, least recently used dropped first."""

    def __init__(
        self, limit: int = DEFAULT_LIMIT, vouch: Callable[[Connection], bool] | None = None
    ) -> None:
        self.limit = limit
        # Asked once a transaction holds its locks: is what is held still stored?
        self.vouch = vouch
        self._pools: OrderedDict[Key, Pool] = OrderedDict()
        self._size = 0

    def still_valid(self, connection: Connection) -> bool:
        """``vouch`` (an importer's ``SoleWriter.still``); True without one."""
        return self.vouch is None or self.vouch(connection)

    def __len__(self) -> int:
        return self._size

    def clear(self) -> None:
        self._pools.clear()
        self._size = 0

    def load(self, connection: Connection, keys: Iterable[Key]) -> None:
        """Make sure these months are held, reading the missing ones in one query."""
        wanted = set(keys)
        for key in wanted & self._pools.keys():
            self._pools.move_to_end(key)
        missing = wanted - self._pools.keys()
        if not missing:
            return
        self._make_room(wanted)
        dated = [month for _, month in missing if month is not None]
        if dated:
            lo, hi = _month_bounds(min(dated))[0], _month_bounds(max(dated))[1]
        else:
            lo, hi = dt.date.max, dt.date.min  # the undated only
        for key in sorted(missing, key=_order):
            self._pools[key] = Pool()
        rows = candidate_rows(connection, sorted({s for s, _ in missing}), lo, hi)
        normalize = match.normalize
        pools = self._pools
        for statement_id, speaker_id, text, kind, first_said_on, precision in rows:
            key = (speaker_id, month_of(first_said_on))
            if key in missing:
                pools[key].append(
                    Candidate(
                        speaker_id=speaker_id,
                        text=text,
                        normalized=normalize(text),
                        kind=kind,
                        first_said_on=first_said_on,
                        precision=precision,
                        statement_id=statement_id,
                    )
                )
                self._size += 1

    def pools(self, speaker_id: int, day: dt.date | None) -> Iterator[Pool]:
        """The held months a quote of this speaker said on ``day`` looks in."""
        for month in months_around(day):
            pool = self._pools.get((speaker_id, month))
            if pool is not None:
                yield pool

    def add(self, candidate: Candidate) -> None:
        """A statement founded by a quote: held if its month is (it is, once ``load``ed)."""
        pool = self._pool_of(candidate)
        if pool is not None:
            pool.append(candidate)
            self._size += 1

    def changed(self, candidate: Candidate, wording: str, day: dt.date | None) -> None:
        """``candidate`` had the wording ``wording`` and the date ``day`` before a join."""
        if candidate.speaker_id is None:
            return
        old = self._pools.get((candidate.speaker_id, month_of(day)))
        if old is None:
            return
        if candidate.normalized != wording:
            old.reword(candidate, wording)
        if month_of(candidate.first_said_on) != month_of(day):
            before = len(old)
            old.remove(candidate)
            self._size -= before - len(old)
            self.add(candidate)

    def _pool_of(self, candidate: Candidate) -> Pool | None:
        if candidate.speaker_id is None:
            return None
        return self._pools.get((candidate.speaker_id, month_of(candidate.first_said_on)))

    def _make_room(self, keep: set[Key]) -> None:
        for key in list(self._pools):
            if self._size < self.limit:
                return
            if key not in keep:
                self._size -= len(self._pools.pop(key))


def _order(key: Key) -> tuple[int, int]:
    speaker_id, month = key
    return speaker_id, -1 if month is None else month
