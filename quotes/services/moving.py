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

from quotes.errors import NotFoundError, QuotesError
from quotes.services.merging import watch_statement_set
from quotes.services.placing import best_statement, matcher_for, place
from quotes.services.speaker_directory import forget_directory
from quotes.services.statements import recompute_statements
from quotes.storage.models import Quote, Speaker
from quotes.storage.operations import operation, watch_speakers
from quotes.storage.speakers import statement_sizes


@dataclass
class Moved:
    quote_id: int
    from_speaker: int | None
    to_speaker: int
    from_statement: int | None
    to_statement: int
    how: str  # "joined", "suggested" or "apart"
    operation_id: int


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
        found = best_statement(matcher_for(session), quote, speaker.id)
        quote.speaker_id = speaker.id
        # Where a person put it it stays: no refiling by name moves it again.
        quote.hand_placed = True
        session.flush()
        target, how = place(session, quote, speaker.id, found, whole=alone, method="person")
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
