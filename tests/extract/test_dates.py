"""Date cues resolved the way newsrooms write them."""

from __future__ import annotations

import datetime as dt

import pytest

from quotes.extract import DatePrecision
from quotes.extract.when import resolve_date

TUESDAY = dt.date(2025, 6, 3)


@pytest.mark.parametrize(
    ("clause", "expected", "precision"),
    [
        ("he said on Tuesday", dt.date(2025, 6, 3), DatePrecision.DAY),  # same day, news convention
        ("he said on Monday", dt.date(2025, 6, 2), DatePrecision.DAY),
        ("he said on Wednesday", dt.date(2025, 5, 28), DatePrecision.DAY),  # never the future
        ("he said last Tuesday", dt.date(2025, 5, 27), DatePrecision.DAY),
        ("she said yesterday", dt.date(2025, 6, 2), DatePrecision.DAY),
        ("she said last week", dt.date(2025, 5, 26), DatePrecision.WEEK),
        ("she said last month", dt.date(2025, 5, 1), DatePrecision.MONTH),
        ("officials said on May 28", dt.date(2025, 5, 28), DatePrecision.DAY),
        ("officials said on 28 May", dt.date(2025, 5, 28), DatePrecision.DAY),
        ("in a statement dated June 1, 2024", dt.date(2024, 6, 1), DatePrecision.DAY),
        ("in a post on 2025-05-30", dt.date(2025, 5, 30), DatePrecision.DAY),
        ("he said three days ago", dt.date(2025, 5, 31), DatePrecision.DAY),
        ("he told reporters", TUESDAY, DatePrecision.REPORTED),
        # a month alone, after "in": the last one not after publication
        ("she said in March", dt.date(2025, 3, 1), DatePrecision.MONTH),
        ("she said in June", dt.date(2025, 6, 1), DatePrecision.MONTH),
        ("she said in December", dt.date(2024, 12, 1), DatePrecision.MONTH),
        ("she said in December 2022", dt.date(2022, 12, 1), DatePrecision.MONTH),
        ("she said the vote may be delayed", TUESDAY, DatePrecision.REPORTED),
    ],
)
def test_resolution_against_a_tuesday_paper(
    clause: str, expected: dt.date, precision: DatePrecision
) -> None:
    assert resolve_date(clause, TUESDAY) == (expected, precision)


def test_a_december_date_in_a_january_paper_is_last_year() -> None:
    assert resolve_date("said on Dec. 30", dt.date(2025, 1, 4)) == (
        dt.date(2024, 12, 30),
        DatePrecision.DAY,
    )


def test_without_publication_date_only_explicit_dates_resolve() -> None:
    assert resolve_date("said on Monday", None) == (None, DatePrecision.UNKNOWN)
    assert resolve_date("said on June 1, 2024", None) == (dt.date(2024, 6, 1), DatePrecision.DAY)
