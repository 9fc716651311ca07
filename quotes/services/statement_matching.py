"""Matching an article's quotes against stored statements, online.

Used by ``recording.record_quotes``. The candidate statements of all the
article's speakers come from one indexed query (speaker and date window,
text only); each quote is scored against its speaker's candidates (a
token-set shortlist, then ``match.score``), and attached above the auto
threshold, suggested between the thresholds, or made a statement of its own.
Among equally good candidates the longest wins, so a fragment goes to the
longest statement that contains it. New statements are inserted in one
statement, joined ones updated in SQL (their counts incremented there, so two
importers adding to one statement both count).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from rapidfuzz import fuzz, process
from sqlalchemy import bindparam, insert, or_, select, update
from sqlalchemy.orm import Session

from quotes import match
from quotes.extract.model import DatePrecision, ExtractedQuote, QuoteKind
from quotes.services.canonical import date_rank, quote_date, wording_rank
from quotes.storage.bulk import insert_ignore, insert_with_ids, table_of
from quotes.storage.models import (
    Actor,
    MergeAction,
    MergeEntity,
    MergeLog,
    MergeSuggestion,
    Statement,
    utcnow,
)

# A statement is looked for among those first said this close to the quote.
DATE_WINDOW = dt.timedelta(days=31)
# How many candidates (by token-set ratio) get the full score.
_SHORTLIST = 8
# ``match.score`` rounds to four places.
_ROUNDING = 1e-4


class MatchCounts(Protocol):
    """What matching did (the caller's result object fits)."""

    new_statements: int
    attached: int
    suggested: int


@dataclass
class Candidate:
    """A statement this article's quotes may join (stored, or founded by this article)."""

    speaker_id: int | None
    text: str
    normalized: str
    kind: QuoteKind = QuoteKind.DIRECT
    first_said_on: dt.date | None = None
    precision: DatePrecision = DatePrecision.UNKNOWN
    statement_id: int | None = None
    changed: bool = False
    added: int = 0
    # Stored candidates are fetched by text only; kind and date once one is joined.
    loaded: bool = True

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


class _Pool:
    """One speaker's candidates, with their wordings indexed for the two look-ups.

    ``wordings`` is the choice list handed to rapidfuzz as it is (no list is
    built per quote), and ``exact`` finds an identical wording without a scan.
    A candidate founded in this call whose wording grows is indexed again
    (``reindex``); stored ones change only after the last look-up.
    """

    __slots__ = ("candidates", "exact", "wordings")

    def __init__(self) -> None:
        self.candidates: list[Candidate] = []
        self.wordings: list[str] = []
        self.exact: dict[str, list[int]] = defaultdict(list)

    def append(self, candidate: Candidate) -> None:
        self.exact[candidate.normalized].append(len(self.candidates))
        self.candidates.append(candidate)
        self.wordings.append(candidate.normalized)

    def reindex(self, candidate: Candidate, old: str) -> None:
        index = next(i for i in self.exact[old] if self.candidates[i] is candidate)
        self.exact[old].remove(index)
        self.exact[candidate.normalized].append(index)
        self.exact[candidate.normalized].sort()  # first in pool order, as a scan would find
        self.wordings[index] = candidate.normalized


@dataclass
class _Attachment:
    quote_index: int
    candidate: Candidate
    method: str
    score: float


def _candidates_query() -> Any:
    table = table_of(Statement)
    return select(
        table.c.id, table.c.speaker_id, table.c.canonical_text, table.c.first_said_on
    ).where(
        table.c.speaker_id.in_(bindparam("speaker_ids", expanding=True)),
        or_(
            table.c.first_said_on.between(bindparam("lo"), bindparam("hi")),
            table.c.first_said_on.is_(None),
        ),
    )


_CANDIDATES = _candidates_query()


class StatementMatcher:
    def __init__(
        self,
        session: Session,
        auto: float,
        suggest: float,
        result: MatchCounts,
    ) -> None:
        self.session = session
        self.auto = auto
        self.suggest = suggest
        self.result = result
        self.pool: dict[int, _Pool] = defaultdict(_Pool)
        self.attachments: list[_Attachment] = []
        self.suggestions: list[_Attachment] = []
        # per quote: "attached", "suggested" or "new"
        self.outcomes: list[str] = []

    def load_candidates(
        self,
        extracted: Sequence[ExtractedQuote],
        speaker_ids: Sequence[int | None],
        published: Sequence[dt.date | None],
    ) -> None:
        """One query: the statements of the article's speakers within the date window.

        Only id, speaker and text are read (the index on speaker and date finds
        them); the rest is read for the few that are joined (``_load_details``).
        """
        ids = sorted({s for s in speaker_ids if s is not None})
        if not ids:
            return
        dates = [
            quote_date(q.said_on, q.date_precision, day)[0]
            for q, s, day in zip(extracted, speaker_ids, published, strict=True)
            if s is not None
        ]
        known = [d for d in dates if d is not None]
        if known:
            lo, hi = min(known) - DATE_WINDOW, max(known) + DATE_WINDOW
        else:
            lo, hi = dt.date.max, dt.date.min  # no date: only undated statements
        rows = self.session.connection().execute(
            _CANDIDATES, {"speaker_ids": ids, "lo": lo, "hi": hi}
        )
        normalize = match.normalize
        for statement_id, speaker_id, text, first_said_on in rows:
            self.pool[speaker_id].append(
                Candidate(
                    speaker_id=speaker_id,
                    text=text,
                    normalized=normalize(text),
                    first_said_on=first_said_on,
                    statement_id=statement_id,
                    loaded=False,
                )
            )

    def _load_details(self, candidates: Sequence[Candidate]) -> None:
        wanted = {c.statement_id: c for c in candidates if not c.loaded}
        if not wanted:
            return
        table = table_of(Statement)
        rows = self.session.connection().execute(
            select(table.c.id, table.c.kind, table.c.first_said_on, table.c.date_precision).where(
                table.c.id.in_(list(wanted))
            )
        )
        for statement_id, kind, first_said_on, precision in rows:
            candidate = wanted[statement_id]
            candidate.kind, candidate.first_said_on, candidate.precision = (
                kind,
                first_said_on,
                precision,
            )
            candidate.loaded = True

    def _best(
        self, speaker_id: int, normalized: str, day: dt.date | None
    ) -> tuple[Candidate, match.Scored] | None:
        pool = self.pool.get(speaker_id)
        if pool is None or not pool.candidates or not normalized:
            return None

        def in_window(candidate: Candidate) -> bool:
            # The window is the quote's own (a batch reads the union of them).
            return (
                day is None
                or candidate.first_said_on is None
                or abs(candidate.first_said_on - day) <= DATE_WINDOW
            )

        for index in pool.exact.get(normalized, ()):
            if in_window(pool.candidates[index]):
                return pool.candidates[index], match.Scored("exact", 1.0)
        # Every score but containment is at most the token-set ratio, and
        # containment scores 100 there: nothing below the suggest band is lost.
        # The whole pool is ranked in C and the window applied after: the
        # same order, so the same shortlist, as ranking the window alone.
        ranked = process.extract(
            normalized,
            pool.wordings,
            scorer=fuzz.token_set_ratio,
            score_cutoff=self.suggest * 100,
            limit=None,
        )
        best: tuple[Candidate, match.Scored] | None = None
        listed = 0
        for _, ratio, index in ranked:
            candidate = pool.candidates[index]
            if not in_window(candidate):
                continue
            listed += 1
            if listed > _SHORTLIST:
                break
            # No score exceeds the token-set ratio (but by rounding): nothing
            # further down the list can beat the best.
            if best is not None and ratio / 100 + _ROUNDING < best[1].score:
                break
            scored = match.score(normalized, candidate.normalized)
            if best is None or (scored.score, len(candidate.normalized)) > (
                best[1].score,
                len(best[0].normalized),
            ):
                best = candidate, scored
        return best

    def assign(
        self,
        extracted: Sequence[ExtractedQuote],
        speaker_ids: Sequence[int | None],
        published: Sequence[dt.date | None],
    ) -> list[Candidate]:
        """Choose every quote's statement and write the statements; one candidate per quote."""
        chosen: list[Candidate] = []
        joins: list[tuple[Candidate, ExtractedQuote, str, dt.date | None, DatePrecision]] = []
        for index, (q, speaker_id, day) in enumerate(
            zip(extracted, speaker_ids, published, strict=True)
        ):
            said_on, precision = quote_date(q.said_on, q.date_precision, day)
            normalized = match.normalize(q.text)
            found = self._best(speaker_id, normalized, said_on) if speaker_id is not None else None
            decision = "apart"
            if found is not None:
                decision = match.decide(found[1].score, self.auto, self.suggest)
            if found is not None and decision == "auto":
                candidate, scored = found
                if candidate.loaded:  # founded in this call: its wording may grow at once
                    old = candidate.normalized
                    self._join(candidate, q.text, normalized, q.kind, said_on, precision)
                    if candidate.normalized != old and speaker_id is not None:
                        self.pool[speaker_id].reindex(candidate, old)
                else:  # stored: joined once its kind and date are read, below
                    joins.append((candidate, q, normalized, said_on, precision))
                self.attachments.append(_Attachment(index, candidate, scored.method, scored.score))
                self.result.attached += 1
                self.outcomes.append("attached")
            else:
                candidate = Candidate(
                    speaker_id=speaker_id,
                    text=q.text,
                    normalized=normalized,
                    kind=q.kind,
                    first_said_on=said_on,
                    precision=precision,
                    changed=True,
                    added=1,
                )
                if speaker_id is not None:
                    self.pool[speaker_id].append(candidate)
                self.result.new_statements += 1
                self.outcomes.append("new")
                if found is not None and decision == "suggest":
                    self.suggestions.append(
                        _Attachment(index, found[0], found[1].method, found[1].score)
                    )
                    self.result.suggested += 1
                    self.outcomes[-1] = "suggested"
            chosen.append(candidate)
        self._load_details([join[0] for join in joins])
        for candidate, q, normalized, said_on, precision in joins:
            self._join(candidate, q.text, normalized, q.kind, said_on, precision)
        self._write(chosen)
        return chosen

    @staticmethod
    def _join(
        candidate: Candidate,
        text: str,
        normalized: str,
        kind: QuoteKind,
        said_on: dt.date | None,
        precision: DatePrecision,
    ) -> None:
        candidate.added += 1
        if wording_rank(text, kind) > wording_rank(candidate.text, candidate.kind):
            candidate.text, candidate.normalized, candidate.kind = text, normalized, kind
            candidate.changed = True
        if date_rank(said_on, precision) < date_rank(candidate.first_said_on, candidate.precision):
            candidate.first_said_on, candidate.precision = said_on, precision
            candidate.changed = True

    def _write(self, chosen: list[Candidate]) -> None:
        """Insert the new statements (ids reserved first: one round trip), update the joined."""
        unique: dict[int, Candidate] = {id(c): c for c in chosen}
        new = [c for c in unique.values() if c.statement_id is None]
        if new:
            ids = insert_with_ids(
                self.session.connection(),
                Statement,
                [{**c.fields(), "quote_count": c.added} for c in new],
            )
            for candidate, statement_id in zip(new, ids, strict=True):
                candidate.statement_id = statement_id
        fresh = {id(c) for c in new}
        joined = [c for k, c in unique.items() if k not in fresh]
        counted = [{"sid": c.statement_id, "n": c.added} for c in joined if not c.changed]
        if counted:
            self.session.connection().execute(_ADD_COUNT, counted)
        changed = [
            {
                "sid": c.statement_id,
                "n": c.added,
                **{f"v_{k}": c.fields()[k] for k in _CHANGED_FIELDS},
            }
            for c in joined
            if c.changed
        ]
        if changed:
            self.session.connection().execute(_ADD_COUNT_AND_CHANGE, changed)
        for candidate in joined:
            cached = self.session.identity_map.get(
                self.session.identity_key(Statement, candidate.statement_id)
            )
            if cached is not None:
                self.session.expire(cached)

    def write_log(self, quote_ids: Sequence[int]) -> None:
        """Merge-log rows for automatic attaches, suggestions for the middle band."""
        if self.attachments:
            self.session.connection().execute(
                insert(table_of(MergeLog)),
                [
                    {
                        "entity": MergeEntity.QUOTE,
                        "action": MergeAction.MERGE,
                        "subject_id": quote_ids[a.quote_index],
                        "from_id": None,
                        "to_id": a.candidate.statement_id,
                        "method": a.method,
                        "score": a.score,
                        "actor": Actor.RULE,
                        "details": None,
                    }
                    for a in self.attachments
                ],
            )
        rows = [
            {
                "quote_id": quote_ids[a.quote_index],
                "statement_id": a.candidate.statement_id,
                "method": a.method,
                "score": a.score,
            }
            for a in self.suggestions
            if a.candidate.statement_id is not None
        ]
        if rows:
            self.session.connection().execute(insert_ignore(self.session, MergeSuggestion), rows)


_CHANGED_FIELDS = (
    "canonical_text",
    "match_key",
    "kind",
    "first_said_on",
    "date_precision",
    "updated_at",
)


def _statement_changes() -> tuple[Any, Any]:
    """Two prepared UPDATEs: add to the count; add and change text/date (``v_`` params)."""
    table = table_of(Statement)
    count = update(table).where(table.c.id == bindparam("sid"))
    add = count.values(quote_count=table.c.quote_count + bindparam("n"))
    change = count.values(
        quote_count=table.c.quote_count + bindparam("n"),
        **{name: bindparam(f"v_{name}", type_=table.c[name].type) for name in _CHANGED_FIELDS},
    )
    return add, change


_ADD_COUNT, _ADD_COUNT_AND_CHANGE = _statement_changes()
