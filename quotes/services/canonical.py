"""What a statement shows: its canonical wording and its date.

The canonical text is the longest *faithful* wording among its quotes: a
direct quotation beats reported speech (which is the reporter's words), a
wording without an ellipsis beats one with (the ellipsis marks a cut), and
then the longer wins. The date is the earliest known one, with the
precision it was known to; a real date beats a publication date standing in
for it on the same day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from quotes import match
from quotes.extract.model import DatePrecision, QuoteKind

_PRECISION_ORDER = {
    DatePrecision.DAY: 0,
    DatePrecision.WEEK: 1,
    DatePrecision.MONTH: 2,
    DatePrecision.YEAR: 3,
    DatePrecision.REPORTED: 4,
    DatePrecision.UNKNOWN: 5,
}


def wording_rank(text: str, kind: QuoteKind) -> tuple[int, int, int]:
    """Higher is a better canonical wording."""
    return (int(kind == QuoteKind.DIRECT), int(not match.has_ellipsis(text)), len(text))


def date_rank(day: dt.date | None, precision: DatePrecision) -> tuple[int, dt.date, int]:
    """Lower is a better statement date: known before unknown, earlier, finer."""
    return (int(day is None), day or dt.date.max, _PRECISION_ORDER.get(precision, 5))


def quote_date(
    said_on: dt.date | None, precision: DatePrecision, published_on: dt.date | None
) -> tuple[dt.date | None, DatePrecision]:
    """When a quote was said: its own date, else the publication date (as "reported").

    A "reported" date is the publication date standing in for one; where the
    text was printed earlier elsewhere (``published_on`` is then that day),
    the earlier day stands in.
    """
    if said_on is not None and precision is not DatePrecision.REPORTED:
        return said_on, precision
    if published_on is not None:
        return published_on, DatePrecision.REPORTED
    if said_on is not None:
        return said_on, precision
    return None, DatePrecision.UNKNOWN


@dataclass(frozen=True, slots=True)
class Occurrence:
    """The parts of a quote that decide its statement's text and date."""

    text: str
    kind: QuoteKind
    said_on: dt.date | None
    precision: DatePrecision


@dataclass(frozen=True, slots=True)
class StatementFields:
    canonical_text: str
    match_key: str
    kind: QuoteKind
    first_said_on: dt.date | None
    date_precision: DatePrecision
    quote_count: int


def summarise(occurrences: Iterable[Occurrence]) -> StatementFields | None:
    """The statement fields of a set of quotes (None for an empty set)."""
    best_text: Occurrence | None = None
    best_date: Occurrence | None = None
    text_rank: tuple[int, int, int] = (-1, -1, -1)
    day_rank: tuple[int, dt.date, int] = (2, dt.date.max, 9)
    count = 0
    for occurrence in occurrences:
        count += 1
        rank = wording_rank(occurrence.text, occurrence.kind)
        if rank > text_rank:
            best_text, text_rank = occurrence, rank
        when = date_rank(occurrence.said_on, occurrence.precision)
        if when < day_rank:
            best_date, day_rank = occurrence, when
    if best_text is None or best_date is None:
        return None
    return StatementFields(
        canonical_text=best_text.text,
        match_key=match.match_key(best_text.text),
        kind=best_text.kind,
        first_said_on=best_date.said_on,
        date_precision=best_date.precision,
        quote_count=count,
    )
