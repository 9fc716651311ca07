"""Where a quote given to another speaker goes among statements: one rule for a
person's move (``quotes quotes move``) and a rule's refiling (``namesakes``).

Under its new speaker the quote is matched as an import would match it: it
joins that speaker's statement above the auto threshold; otherwise a quote
whose whole statement goes with it takes the statement along (with its
topics and stances), and any other gets a statement of its own; a match in
the middle band is suggested for review.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from quotes import match
from quotes.services.candidates import Candidate
from quotes.services.statement_matching import StatementMatcher
from quotes.storage.merges import statement_of_its_own, suggest_merges
from quotes.storage.models import Quote
from quotes.storage.speakers import set_quote_statement, set_statement_speaker

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
