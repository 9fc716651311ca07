"""Matching an article's quotes against stored statements, online.

Used by ``recording.record_quotes``. The candidate statements of the
article's speakers, from the months around each quote, come from a
``CandidateCache`` (read in one indexed query, or kept from the previous
articles of an import); each quote is scored against its speaker's candidates
within ``candidates.DATE_WINDOW`` (a token-set shortlist, then ``match.score``),
and attached above the auto threshold, suggested between the thresholds, or
made a statement of its own.
Among equally good candidates the longest wins, so a fragment goes to the
longest statement that contains it; among equally long, the lower statement
id (``Candidate.stable_key``). New statements are inserted in one
statement, joined ones updated in SQL (their counts incremented there, so two
importers adding to one statement both count).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from rapidfuzz import fuzz, process
from sqlalchemy.orm import Session

from quotes import match
from quotes.extract.model import DatePrecision, ExtractedQuote, QuoteKind
from quotes.services.candidates import Candidate, CandidateCache, months_around, window
from quotes.services.canonical import date_rank, quote_date, wording_rank
from quotes.storage.bulk import insert_with_ids
from quotes.storage.matching import add_to_statements, log_quote_merges, statement_change
from quotes.storage.merges import suggest_merges
from quotes.storage.models import Statement

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
class _Attachment:
    quote_index: int
    candidate: Candidate
    method: str
    score: float


class StatementMatcher:
    def __init__(
        self,
        session: Session,
        auto: float,
        suggest: float,
        result: MatchCounts,
        cache: CandidateCache | None = None,
    ) -> None:
        self.session = session
        self.auto = auto
        self.suggest = suggest
        self.result = result
        # A call of its own reads what it needs; an importer's run keeps them.
        self.cache = cache if cache is not None else CandidateCache()
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
        """The months around every quote of each speaker, those not held yet in one query."""
        keys = {
            (speaker_id, month)
            for q, speaker_id, day in zip(extracted, speaker_ids, published, strict=True)
            if speaker_id is not None
            for month in months_around(quote_date(q.said_on, q.date_precision, day)[0])
        }
        self.cache.load(self.session.connection(), keys)

    def _best(
        self, speaker_id: int, normalized: str, day: dt.date | None
    ) -> tuple[Candidate, match.Scored] | None:
        pools = list(self.cache.pools(speaker_id, day))
        if not normalized or not any(pools):
            return None

        # The months hold more than the quote's own window; undated statements
        # are in every window.
        lo, hi = window(day)
        same = [
            candidate
            for pool in pools
            for index in pool.exact.get(normalized, ())
            if (said := (candidate := pool.found(index)).first_said_on) is None or lo <= said <= hi
        ]
        if same:
            return min(same, key=Candidate.stable_key), match.Scored("exact", 1.0)
        # Only wordings sharing enough telling words (the rule of ``quotes
        # dedupe``) and within the window are ranked: a month of a speaker's
        # statements is too many to rank for every quote.
        words = match.telling_words(normalized)
        needed = match.words_needed(len(words), self.suggest)
        candidates = []
        for pool in pools:
            held = pool.candidates
            for index in pool.sharing(words, needed):
                held_here = held[index]
                if held_here is not None and (
                    (said := held_here.first_said_on) is None or lo <= said <= hi
                ):
                    candidates.append(held_here)
        # Ranked in a stable order, so that equal ratios, the shortlist's cut
        # and equal scores all fall the same way whatever order they came in.
        candidates.sort(key=Candidate.stable_key)
        # Every score but containment is at most the token-set ratio, and
        # containment scores 100 there: nothing below the suggest band is lost.
        ranked = process.extract(
            normalized,
            [c.normalized for c in candidates],
            scorer=fuzz.token_set_ratio,
            score_cutoff=self.suggest * 100,
            limit=_SHORTLIST,
        )
        best: tuple[Candidate, match.Scored] | None = None
        for _, ratio, index in ranked:
            candidate = candidates[index]
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

    def best_for(
        self,
        speaker_id: int,
        text: str,
        said_on: dt.date | None,
        precision: DatePrecision,
        published: dt.date | None,
    ) -> tuple[Candidate, match.Scored, str] | None:
        """The stored statement of ``speaker_id`` one stored quote would join ("auto")
        or be suggested for ("suggest"), without writing anything."""
        day, _ = quote_date(said_on, precision, published)
        self.cache.load(self.session.connection(), {(speaker_id, m) for m in months_around(day)})
        found = self._best(speaker_id, match.normalize(text), day)
        if found is None:
            return None
        decision = match.decide(found[1].score, self.auto, self.suggest)
        return None if decision == "apart" else (found[0], found[1], decision)

    def assign(
        self,
        extracted: Sequence[ExtractedQuote],
        speaker_ids: Sequence[int | None],
        published: Sequence[dt.date | None],
    ) -> list[Candidate]:
        """Choose every quote's statement and write the statements; one candidate per quote.

        A statement's wording and date change as soon as a quote joins it,
        so the next quote is matched against what the statement has become.
        """
        chosen: list[Candidate] = []
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
                wording, first_said_on = candidate.normalized, candidate.first_said_on
                self._join(candidate, q.text, normalized, q.kind, said_on, precision)
                self.cache.changed(candidate, wording, first_said_on)
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
                self.cache.add(candidate)
                self.result.new_statements += 1
                self.outcomes.append("new")
                if found is not None and decision == "suggest":
                    self.suggestions.append(
                        _Attachment(index, found[0], found[1].method, found[1].score)
                    )
                    self.result.suggested += 1
                    self.outcomes[-1] = "suggested"
            chosen.append(candidate)
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
            add_to_statements(self.session.connection(), counted)
        changed = [
            statement_change(c.statement_id, c.added, c.fields()) for c in joined if c.changed
        ]
        if changed:
            add_to_statements(self.session.connection(), changed, changed=True)
        for candidate in joined:
            cached = self.session.identity_map.get(
                self.session.identity_key(Statement, candidate.statement_id)
            )
            if cached is not None:
                self.session.expire(cached)
        for candidate in unique.values():
            candidate.added, candidate.changed = 0, False

    def write_log(self, quote_ids: Sequence[int]) -> None:
        """Merge-log rows for automatic attaches, suggestions for the middle band."""
        log_quote_merges(
            self.session.connection(),
            [
                (quote_ids[a.quote_index], None, a.candidate.statement_id, a.method, a.score)
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
            suggest_merges(self.session, rows)
