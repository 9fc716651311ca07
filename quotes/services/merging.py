"""A person's say over merges: review suggestions, undo merges.

``quotes review`` lists the middle-band matches (``MergeSuggestion``);
accepting one moves the quote's statement (all its quotes) into the
suggested statement, rejecting one keeps them apart for good (dedupe will
not suggest the pair again). ``quotes unmerge QUOTE_ID`` takes one quote out
of its statement: back to the statement it came from if that still exists,
else to a statement of its own. ``quotes unmerge --log ID`` undoes a logged
merge by its merge-log id (a quote attach or a speaker merge).

Each decision is one logged operation (``quotes.storage.operations``): it
reads the statements and quotes it may change first, so that ``quotes undo``
gives back exactly what was there.

Quotes placed by a person (accepted or unmerged) get ``match_method``
"person" or "unmerged": ``quotes dedupe`` leaves their statements as they are.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from quotes.errors import NotFoundError, QuotesError
from quotes.services.schema import MergeSuggestionJSON
from quotes.services.speakers import undo_speaker_merge
from quotes.services.statements import recompute_statements
from quotes.storage.merges import (
    has_other_quote,
    last_join,
    put_quotes_in,
    quote_ids_in,
    statement_of_its_own,
    suggestion_rows,
)
from quotes.storage.models import (
    MergeAction,
    MergeEntity,
    MergeLog,
    MergeSuggestion,
    Quote,
    Statement,
    SuggestionStatus,
    utcnow,
)
from quotes.storage.operations import Recorder, operation, watch_statements

# match_method values of quotes whose statement a person decided.
PINNED_METHODS = ("person", "unmerged")


def list_suggestions(
    session: Session, *, status: SuggestionStatus = SuggestionStatus.PENDING, limit: int = 100
) -> list[MergeSuggestionJSON]:
    """Suggestions with both wordings side by side, best first."""
    rows = suggestion_rows(session, status, limit)
    return [
        MergeSuggestionJSON(
            suggestion_id=sid,
            quote_id=quote_id,
            statement_id=statement_id,
            speaker=speaker,
            score=score,
            method=method,
            quote_text=quote_text,
            statement_text=statement_text,
            status=status.value,
        )
        for sid, score, method, speaker, quote_id, quote_text, statement_id, statement_text in rows
    ]


def _suggestion(session: Session, suggestion_id: int) -> MergeSuggestion:
    suggestion = session.get(MergeSuggestion, suggestion_id)
    if suggestion is None:
        raise NotFoundError(f"suggestion {suggestion_id}: no such suggestion")
    if suggestion.status != SuggestionStatus.PENDING:
        raise QuotesError(f"suggestion {suggestion_id} was already {suggestion.status.value}")
    return suggestion


@dataclass(frozen=True)
class Accepted:
    statement_id: int
    moved_quotes: list[int]


def accept_suggestion(session: Session, suggestion_id: int, *, who: str | None = None) -> Accepted:
    """Merge the suggested quote's statement into the suggested statement;
    ``who`` (the person deciding) is kept in the merge log."""
    suggestion = _suggestion(session, suggestion_id)
    quote = session.get(Quote, suggestion.quote_id)
    assert quote is not None
    target = suggestion.statement_id
    source = quote.statement_id
    statement = session.get(Statement, target)
    if statement is not None and statement.speaker_id != quote.speaker_id:
        # The quote was moved to another speaker since it was suggested.
        raise QuotesError(
            f"suggestion {suggestion_id}: quote {quote.id} and statement {target} are now "
            "of different speakers; reject it, or move the quote first"
        )
    with operation(
        session, "accept", "suggestion", method=suggestion.method, score=suggestion.score
    ) as logged:
        watch_statement_set(logged.recorder, [i for i in (source, target) if i is not None])
        logged.recorder.watch_ids(Quote, [quote.id])
        logged.recorder.watch_ids(MergeSuggestion, [suggestion.id])
        done = _accept(session, suggestion, quote, source, target)
        logged.summary = (
            f"suggestion {suggestion.id}: {len(done.moved_quotes)} quote(s) of statement "
            f"{source} merged into statement {target}"
        )
    return done


def watch_statement_set(recorder: Recorder, statement_ids: list[int]) -> None:
    """Declare these statements, their quotes and what hangs on them."""
    recorder.watch(Statement, Statement.id.in_(statement_ids))
    recorder.watch(Quote, Quote.statement_id.in_(statement_ids))
    watch_statements(recorder, statement_ids)


def _accept(
    session: Session,
    suggestion: MergeSuggestion,
    quote: Quote,
    source: int | None,
    target: int,
) -> Accepted:
    if source == target:
        moved: list[int] = []
    elif source is None:
        moved = [quote.id]
    else:
        moved = quote_ids_in(session, source)
    if moved:
        put_quotes_in(session, moved, target, suggestion.score)
    suggestion.status = SuggestionStatus.ACCEPTED
    suggestion.decided_at = utcnow()
    session.flush()
    recompute_statements(session, [i for i in (source, target) if i is not None])
    session.expire_all()
    return Accepted(target, moved)


def reject_suggestion(session: Session, suggestion_id: int) -> None:
    """Keep the two apart; the pair is not suggested again."""
    suggestion = _suggestion(session, suggestion_id)
    with operation(
        session, "reject", "suggestion", method=suggestion.method, score=suggestion.score
    ) as logged:
        logged.recorder.watch_ids(MergeSuggestion, [suggestion.id])
        suggestion.status = SuggestionStatus.REJECTED
        suggestion.decided_at = utcnow()
        logged.summary = (
            f"suggestion {suggestion.id}: quote {suggestion.quote_id} kept apart from "
            f"statement {suggestion.statement_id}"
        )


@dataclass(frozen=True)
class Unmerged:
    quote_id: int
    from_statement: int
    to_statement: int
    undid: int | None  # the merge-log row marked undone, if any


def unmerge_quote(session: Session, quote_id: int) -> Unmerged:
    """Take a quote out of its statement (back where it was, or on its own)."""
    quote = session.get(Quote, quote_id)
    if quote is None:
        raise NotFoundError(f"quote {quote_id}: no such quote")
    current = quote.statement_id
    if current is None:
        raise QuotesError(f"quote {quote_id} has no statement")
    if not has_other_quote(session, current, quote_id):
        raise QuotesError(f"quote {quote_id} is the only source of statement {current}")
    with operation(session, "unmerge", "quote") as logged:
        done = _unmerge(session, logged.recorder, quote, current)
        logged.summary = (
            f"quote {quote_id} taken out of statement {done.from_statement} "
            f"into statement {done.to_statement}"
        )
    return done


def _unmerge(session: Session, recorder: Recorder, quote: Quote, current: int) -> Unmerged:
    log = last_join(session, quote.id, current)
    destination: int | None = None
    if (
        log is not None
        and log.from_id is not None
        and log.from_id != current
        and _speaker_of(session, log.from_id) == (quote.speaker_id,)
    ):
        # Back where it came from, unless that statement is now someone else's.
        destination = log.from_id
    watch_statement_set(recorder, [i for i in (current, destination) if i is not None])
    if log is not None:
        recorder.watch_ids(MergeLog, [log.id])
    if destination is None:
        destination = statement_of_its_own(session, quote, quote.speaker_id)
        watch_statement_set(recorder, [destination])
    quote.statement_id = destination
    quote.match_method, quote.match_score = "unmerged", None
    if log is not None:
        log.undone_at = utcnow()
    session.flush()
    recompute_statements(session, [current, destination])
    return Unmerged(quote.id, current, destination, log.id if log is not None else None)


def _speaker_of(session: Session, statement_id: int) -> tuple[int | None] | None:
    """(the statement's speaker,), or None when there is no such statement."""
    found = session.get(Statement, statement_id)
    return None if found is None else (found.speaker_id,)


def undo_merge(session: Session, log_id: int) -> str:
    """Undo a merge by its merge-log id; returns what was done, in words."""
    log = session.get(MergeLog, log_id)
    if log is None:
        raise NotFoundError(f"merge {log_id}: no such merge-log entry")
    if log.action != MergeAction.MERGE:
        raise QuotesError(f"merge-log entry {log_id} is an {log.action.value}, not a merge")
    if log.undone_at is not None:
        raise QuotesError(f"merge {log_id} was already undone")
    if log.entity == MergeEntity.SPEAKER:
        # Speaker merges logged before the change log (operations) had one.
        with operation(session, "unmerge", "speaker") as logged:
            speaker = undo_speaker_merge(session, log, logged.recorder)
            logged.summary = (
                f"speaker {speaker.id} ({speaker.name}) restored from speaker {log.to_id}"
            )
        return logged.summary
    if log.entity == MergeEntity.QUOTE:
        quote = session.get(Quote, log.subject_id)
        if quote is None or quote.statement_id != log.to_id:
            raise QuotesError(f"merge {log_id}: quote {log.subject_id} has moved since")
        done = unmerge_quote(session, log.subject_id)
        return (
            f"quote {done.quote_id} moved from statement {done.from_statement} "
            f"to {done.to_statement}"
        )
    raise QuotesError(f"merge {log_id}: undoing {log.entity.value} merges is not supported")
