"""Articles of made-up wire copy, recorded the way the importer records them.

The sentences are written for these tests: the same statement as several
outlets would print it (whole, truncated, cut with an ellipsis, re-cased),
and statements of one speaker on one topic that must stay apart.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from quotes.extract.model import DatePrecision, ExtractedQuote, QuoteKind, SpeakerKind
from quotes.services.recording import RecordResult, record_quotes
from quotes.storage.database import Database
from quotes.storage.models import Article, Outlet

_SERIAL = itertools.count(1)


@dataclass(frozen=True)
class Said:
    """One quote as an extractor would return it (offsets are made up)."""

    text: str
    speaker: str | None
    kind: SpeakerKind = SpeakerKind.PERSON
    role: str | None = None
    mention: str | None = None
    said_on: dt.date | None = None
    quote_kind: QuoteKind = QuoteKind.DIRECT


def extracted(items: list[Said]) -> list[ExtractedQuote]:
    quotes = []
    for index, item in enumerate(items):
        start = index * 1000
        quotes.append(
            ExtractedQuote(
                text=item.text,
                start=start,
                end=start + len(item.text),
                kind=item.quote_kind,
                cue="said",
                speaker=item.speaker,
                speaker_mention=item.mention or item.speaker,
                speaker_kind=item.kind,
                speaker_role=item.role,
                said_on=item.said_on,
                date_precision=DatePrecision.DAY if item.said_on else DatePrecision.UNKNOWN,
                confidence=0.9,
            )
        )
    return quotes


def publish(
    database: Database, outlet: str, published: dt.date, *items: Said, **options: float
) -> RecordResult:
    """Store one article of ``outlet`` carrying ``items`` and record its quotes."""
    with database.session() as session:
        return publish_in(session, outlet, published, *items, **options)


def publish_in(
    session: Session, outlet: str, published: dt.date, *items: Said, **options: float
) -> RecordResult:
    """``publish`` in the caller's transaction, left open."""
    serial = next(_SERIAL)
    found = session.scalar(select(Outlet).where(Outlet.name == outlet))
    if found is None:
        found = Outlet(name=outlet)
        session.add(found)
    article = Article(
        outlet=found,
        url=f"https://{outlet.lower().replace(' ', '')}.example/{serial}",
        published_on=published,
        text="(article text)",
        content_hash=f"hash-{serial}-{outlet}",
    )
    session.add(article)
    session.flush()
    return record_quotes(session, article, extracted(list(items)), **options)


PESKOV_FULL = (
    "We are ready to continue the negotiations in Istanbul, but only if our security "
    "concerns are taken into account."
)
PESKOV_TRUNCATED = "We are ready to continue the negotiations in Istanbul"
PESKOV_ELLIPSIS = (
    "We are ready to continue the negotiations … if our security concerns are taken into account."
)
PESKOV_RECASED = (
    "we are ready to continue the negotiations in istanbul - but only if our security "
    "concerns are taken into account"
)
PESKOV_OTHER = "The negotiations in Istanbul have produced nothing so far, and we regret that."
