"""Storing an article's extracted quotes: speakers resolved, statements matched.

``record_quotes`` is called by the importer once per article, inside the
importer's transaction (it flushes, never commits). Its cost is what limits
import speed, so it works per article in batches: speakers come from the
in-memory directory (``speaker_directory``), the candidate statements of
the article's speakers from a cache of the months around its quotes
(``candidates``), and quotes, statements, merge-log rows and suggestions are written
in a few statements (``speaker_resolution``, ``statement_matching``).

Online matching follows the same rules as ``quotes dedupe``: a quote whose
best candidate scores above the auto threshold is attached (and the merge is
logged with its method and score); between the thresholds it founds its own
statement and a ``MergeSuggestion`` asks a person; below, it founds its own
statement. Among equally good candidates the longest wins, so a fragment goes
to the longest statement that contains it.

Described speakers ("a senior official") are not turned into speakers: the
quote keeps its mention, ``speaker_id`` stays NULL and its statement is never
merged automatically, since two officials are not one person.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from quotes import match
from quotes.extract.model import ExtractedQuote
from quotes.services.candidates import Candidate, CandidateCache
from quotes.services.namesakes import refile_namesakes
from quotes.services.speaker_directory import SpeakerDirectory, directory_for, identity_locks
from quotes.services.speaker_resolution import SpeakerResolver
from quotes.services.statement_matching import StatementMatcher
from quotes.services.topics import tag_statement_ids
from quotes.storage.bulk import insert_with_ids
from quotes.storage.locks import lock_all
from quotes.storage.models import (
    Article,
    Quote,
)


@dataclass
class RecordResult:
    """What one call stored; ``statements`` are the ids of the statements it touched."""

    quotes: int = 0
    new_speakers: int = 0
    new_statements: int = 0
    attached: int = 0
    suggested: int = 0
    statements: list[int] = field(default_factory=list)

    def add(self, other: RecordResult) -> None:
        self.quotes += other.quotes
        self.new_speakers += other.new_speakers
        self.new_statements += other.new_statements
        self.attached += other.attached
        self.suggested += other.suggested
        self.statements.extend(other.statements)


def record_quotes(
    session: Session,
    article: Article,
    extracted: Sequence[ExtractedQuote],
    *,
    auto: float = match.AUTO_THRESHOLD,
    suggest: float = match.SUGGEST_THRESHOLD,
    cache: CandidateCache | None = None,
) -> RecordResult:
    """Store ``extracted`` as quotes of ``article`` and attach each to a statement.

    Runs in the caller's transaction and does not commit. ``cache`` is an
    importer's, kept between its articles (``quotes.services.candidates``).
    """
    return record_articles(
        session, [(article, extracted)], auto=auto, suggest=suggest, cache=cache
    )[0]


def record_articles(
    session: Session,
    items: Sequence[tuple[Article, Sequence[ExtractedQuote]]],
    *,
    auto: float = match.AUTO_THRESHOLD,
    suggest: float = match.SUGGEST_THRESHOLD,
    cache: CandidateCache | None = None,
) -> list[RecordResult]:
    """``record_quotes`` for several articles at once; one result per article.

    The same work in one pass: one candidate query, one insert per table for
    all the articles' rows. For an importer that commits articles in batches
    this saves most of the per-statement cost (about half of the time of an
    article of ten quotes). Quotes of later articles match statements founded
    by earlier ones in the same call, as they would one call at a time.

    Rows are written with Core statements (the unit of work would cost more
    than everything else together); the statements touched are then loaded
    as ORM objects, once, for topic tagging.
    """
    results = [RecordResult() for _ in items]
    owners = [n for n, (_, extracted) in enumerate(items) for _ in extracted]
    if not owners:
        return results
    if any(article.id is None for article, _ in items):
        session.flush()
    quotes = [q for _, extracted in items for q in extracted]
    published = [items[n][0].published_on for n in owners]
    article_ids = [items[n][0].id for n in owners]
    total = RecordResult()
    connection = session.connection()
    # Concurrent importers (PostgreSQL): the identities looked up, then the
    # speakers found, locked until commit (``quotes.storage.locks``).
    lock_all(connection, identity_locks(quotes))
    directory = directory_for(session)
    _invalidate_on_rollback(session, directory)
    speakers = SpeakerResolver(session, directory, total)
    speaker_ids: list[int | None] = []
    for q, day, n in zip(quotes, published, owners, strict=True):
        before = total.new_speakers
        speaker_ids.append(speakers.resolve(q, day, n))
        results[n].new_speakers += total.new_speakers - before
    refiled = sorted(speakers.namesakes)
    lock_all(connection, {f"speaker {i}" for i in [*speaker_ids, *refiled] if i is not None})
    if cache is not None and not cache.still_valid(connection):
        # Another importer wrote before we held the locks: its statements count.
        cache.clear()
    speakers.write()
    matcher = StatementMatcher(session, auto, suggest, total, cache)
    matcher.load_candidates(quotes, speaker_ids, published)
    chosen = matcher.assign(quotes, speaker_ids, published)
    rows = [
        _quote_row(article_ids[i], q, speaker_ids[i], speakers.names[i], chosen[i])
        for i, q in enumerate(quotes)
    ]
    for attachment in matcher.attachments:
        row = rows[attachment.quote_index]
        row["match_method"], row["match_score"] = attachment.method, attachment.score
    quote_ids = insert_with_ids(session.connection(), Quote, rows)
    matcher.write_log(quote_ids)
    for n, outcome, candidate in zip(owners, matcher.outcomes, chosen, strict=True):
        result = results[n]
        result.quotes += 1
        if outcome == "attached":
            result.attached += 1
        else:
            result.new_statements += 1
            result.suggested += int(outcome == "suggested")
        if candidate.statement_id is not None and candidate.statement_id not in result.statements:
            result.statements.append(candidate.statement_id)
    for (article, _), result in zip(items, results, strict=True):
        result.statements.sort()
        session.expire(article, ["quotes"])
    _tag(session, sorted({c.statement_id for c in chosen if c.statement_id is not None}))
    if refiled and refile_namesakes(session, directory, refiled) and cache is not None:
        # Statements of these people changed hands: what the cache holds of them is stale.
        cache.clear()
    return results


def _tag(session: Session, statement_ids: Sequence[int]) -> None:
    """Topic keyword rules on the statements this call touched (and stance suggestions)."""
    if statement_ids:
        tag_statement_ids(session, statement_ids)


def _invalidate_on_rollback(session: Session, directory: SpeakerDirectory) -> None:
    """A rollback may undo speakers the directory already knows: reload it then."""
    from sqlalchemy import event

    if session.info.get("quotes.directory_watch") is directory:
        return
    session.info["quotes.directory_watch"] = directory

    def invalidate(_session: Session, _transaction: Any) -> None:
        directory.dirty = True

    event.listen(session, "after_soft_rollback", invalidate)


def _clip(value: str | None, length: int) -> str | None:
    return value[:length] if value is not None else None


def _quote_row(
    article_id: int,
    q: ExtractedQuote,
    speaker_id: int | None,
    name: str | None,
    candidate: Candidate,
) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "statement_id": candidate.statement_id,
        "speaker_id": speaker_id,
        "text": q.text,
        "span_start": q.start,
        "span_end": q.end,
        "kind": q.kind,
        "cue": _clip(q.cue, 200),
        "speaker_mention": _clip(q.speaker_mention, 300),
        "speaker_start": q.speaker_start,
        "speaker_end": q.speaker_end,
        "speaker_name": _clip(name, 300),
        "said_on": q.said_on,
        "date_precision": q.date_precision,
        "confidence": min(max(q.confidence, 0.0), 1.0),
        "match_method": None,
        "match_score": None,
    }


# --- re-extraction -----------------------------------------------------------


def forget_article_quotes(session: Session, article: Article) -> list[int]:
    """Delete the article's quotes (for re-extraction) and repair their statements.

    Statements left without quotes are deleted; the others get their canonical
    text, date and count recomputed. Returns the ids of the statements repaired.
    The merge log keeps its rows: it is an audit trail.
    """
    from quotes.services.statements import recompute_statements
    from quotes.storage.statements import article_statement_ids, delete_article_quotes

    session.flush()
    statement_ids = article_statement_ids(session, article.id)
    delete_article_quotes(session, article.id)
    session.expire(article, ["quotes"])
    return recompute_statements(session, statement_ids)
