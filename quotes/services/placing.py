"""Where a quote given to another speaker goes among statements: one rule for a
person's move (``quotes quotes move``), a rule's refiling (``namesakes``) and
the quotes an undone speaker merge gives back (``merge_undo``).

Under its new speaker the quote is matched as an import would match it: it
joins that speaker's statement above the auto threshold; otherwise a quote
whose whole statement goes with it takes the statement along (with its
topics and stances), and any other gets a statement of its own; a match in
the middle band is suggested for review.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy.orm import Session

from quotes import match
from quotes.services.candidates import Candidate
from quotes.services.statement_matching import StatementMatcher
from quotes.services.statements import recompute_statements
from quotes.storage.merges import statement_of_its_own, suggest_merges
from quotes.storage.models import MergeSuggestion, Quote
from quotes.storage.operations import Recorder, watch_quotes
from quotes.storage.speakers import (
    set_quote_speaker,
    set_quote_statement,
    set_statement_speaker,
    statement_sizes,
)

Found = tuple[Candidate, match.Scored, str] | None


@dataclass
class _Counts:
    new_statements: int = 0
    attached: int = 0
    suggested: int = 0


def matcher_for(session: Session) -> StatementMatcher:
    """A matcher with the import's thresholds that writes nothing by itself."""
    return StatementMatcher(session, match.AUTO_THRESHOLD, match.SUGGEST_THRESHOLD, _Counts())


def best_statement(matcher: StatementMatcher, quote: Quote, speaker_id: int) -> Found:
    """The statement of ``speaker_id`` the quote would join or be suggested for, read
    before anything moves."""
    return matcher.best_for(
        speaker_id, quote.text, quote.said_on, quote.date_precision, quote.article.published_on
    )


def place(
    session: Session,
    quote: Quote,
    speaker_id: int | None,
    found: Found,
    *,
    whole: bool,
    method: str,
) -> tuple[int, str]:
    """Put ``quote`` (filed under ``speaker_id`` already) in its statement there; ``whole``:
    its statement's quotes all go to ``speaker_id``. The statement and how: "joined",
    "suggested" or "apart"."""
    source = quote.statement_id
    if found is not None and found[2] == "auto" and found[0].statement_id is not None:
        target = found[0].statement_id
        set_quote_statement(
            session, [quote.id], target, method=found[1].method, score=found[1].score
        )
        return target, "joined"
    if whole and source is not None:
        set_statement_speaker(session, [source], speaker_id)
        target = source
    else:
        target = statement_of_its_own(session, quote, speaker_id)
        set_quote_statement(session, [quote.id], target, method=method)
    if found is not None and found[0].statement_id is not None:
        suggest_merges(
            session,
            [
                {
                    "quote_id": quote.id,
                    "statement_id": found[0].statement_id,
                    "method": found[1].method,
                    "score": found[1].score,
                }
            ],
        )
        return target, "suggested"
    return target, "apart"


def move_quotes(
    session: Session,
    recorder: Recorder,
    moves: dict[int, tuple[int | None, int | None]],
    method: str,
) -> list[int]:
    """Give each quote (id -> (its statement, its new speaker or None)) its new speaker
    and place it among that speaker's statements, inside an operation whose
    ``recorder`` declares what changes; the statements touched, recomputed."""
    quote_ids = sorted(moves)
    sources = sorted({s for s, _ in moves.values() if s is not None})
    quotes = {i: session.get(Quote, i) for i in quote_ids}
    # Where each goes among its new speaker's statements, read before anything moves.
    matcher = matcher_for(session)
    found = {
        i: best_statement(matcher, quote, target)
        for i, quote in quotes.items()
        if quote is not None and (target := moves[i][1]) is not None
    }
    joined = sorted({f[0].statement_id for f in found.values() if f and f[0].statement_id})
    watch_quotes(recorder, quote_ids, [*sources, *joined])
    recorder.watch(MergeSuggestion, MergeSuggestion.quote_id.in_(quote_ids))
    sizes = statement_sizes(session, sources)
    leaving: dict[int, list[int]] = defaultdict(list)
    by_target: dict[int | None, list[int]] = defaultdict(list)
    for quote_id in quote_ids:
        source, target = moves[quote_id]
        if source is not None:
            leaving[source].append(quote_id)
        by_target[target].append(quote_id)
    for target, ids in by_target.items():
        set_quote_speaker(session, ids, target)
    session.flush()
    touched = {*sources, *joined}
    for quote_id in quote_ids:
        quote = quotes[quote_id]
        assert quote is not None
        source, target = moves[quote_id]
        going = leaving[source] if source is not None else []
        # Every quote of the statement goes, and to the same place: so may it.
        whole = (
            source is not None
            and len(going) == sizes.get(source)
            and len({moves[i][1] for i in going}) == 1
        )
        statement, _ = place(
            session, quote, target, found.get(quote_id), whole=whole, method=method
        )
        touched.add(statement)
    return recompute_statements(session, sorted(touched))
