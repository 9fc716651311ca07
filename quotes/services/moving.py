"""``quotes quotes move``: give a misattributed quote to the right speaker.

The quote leaves its statement when the statement's other quotes stay (they
are still the old speaker's); a quote alone in its statement takes the
statement along, with its topics and stances. Then it is matched again under
the new speaker with the import's matcher: joined to a statement of theirs
above the auto threshold, suggested for review in the middle band. One
logged operation, undone exactly by ``quotes undo``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from quotes import match
from quotes.errors import NotFoundError, QuotesError
from quotes.services.merging import watch_statement_set
from quotes.services.speaker_directory import forget_directory
from quotes.services.statement_matching import StatementMatcher
from quotes.services.statements import recompute_statements
from quotes.storage.merges import statement_of_its_own, suggest_merges
from quotes.storage.models import Quote, Speaker
from quotes.storage.operations import operation, watch_speakers
from quotes.storage.speakers import (
    set_quote_statement,
    set_statement_speaker,
    statement_sizes,
)


@dataclass
class Moved:
    quote_id: int
    from_speaker: int | None
    to_speaker: int
    from_statement: int | None
    to_statement: int
    how: str  # "joined", "suggested" or "apart"
    operation_id: int


@dataclass
class _Counts:
    new_statements: int = 0
    attached: int = 0
    suggested: int = 0


def move_quote(session: Session, quote_id: int, speaker: Speaker) -> Moved:
    """Give quote ``quote_id`` to ``speaker`` and file it under one of their statements."""
    quote = session.get(Quote, quote_id)
    if quote is None:
        raise NotFoundError(f"quote {quote_id}: no such quote")
    if quote.speaker_id == speaker.id:
        raise QuotesError(f"quote {quote_id} is already filed under {speaker.name}")
    old_speaker, source = quote.speaker_id, quote.statement_id
    with operation(session, "move", "quote") as logged:
        watch_speakers(logged.recorder, [s for s in (old_speaker, speaker.id) if s is not None])
        if source is not None:
            watch_statement_set(logged.recorder, [source])
        alone = source is not None and statement_sizes(session, [source]).get(source) == 1
        matcher = StatementMatcher(
            session, match.AUTO_THRESHOLD, match.SUGGEST_THRESHOLD, _Counts()
        )
        found = matcher.best_for(
            speaker.id,
            quote.text,
            quote.said_on,
            quote.date_precision,
            quote.article.published_on,
        )
        quote.speaker_id = speaker.id
        session.flush()
        how = "apart"
        if found is not None and found[2] == "auto" and found[0].statement_id is not None:
            target = found[0].statement_id
            set_quote_statement(
                session, [quote.id], target, method=found[1].method, score=found[1].score
            )
            how = "joined"
        elif alone and source is not None:
            set_statement_speaker(session, [source], speaker.id)
            target = source
        else:
            target = statement_of_its_own(session, quote, speaker.id)
            set_quote_statement(session, [quote.id], target, method="person")
        if how == "apart" and found is not None and found[0].statement_id is not None:
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
            how = "suggested"
        recompute_statements(session, [i for i in (source, target) if i is not None])
        logged.method = found[1].method if found is not None else None
        logged.score = found[1].score if found is not None else None
        logged.summary = (
            f"quote {quote_id} moved from speaker {old_speaker} to speaker {speaker.id} "
            f"({speaker.name}): statement {source} -> {target} ({how})"
        )
    session.expire_all()
    forget_directory(session)
    assert logged.operation_id is not None
    return Moved(quote_id, old_speaker, speaker.id, source, target, how, logged.operation_id)
