"""When was it said: date cues in an attribution, resolved against publication.

News copy dates by weekday relative to the day it is published: "on Tuesday"
in a paper dated Tuesday is that same day, "on Monday" the day before. A
general date parser reads a bare weekday as the next one, or the one a week
ago, so weekdays and the other relative cues are resolved here; explicit
calendar dates are parsed by hand too, because this runs for every quote and
one pass of one regex is what it can afford.
"""

from __future__ import annotations

import datetime as dt
import re

from quotes.extract.lexicon import MONTHS, WEEKDAYS
from quotes.extract.model import DatePrecision
from quotes.extract.patterns import word_alternation

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)

# The letters a cue's first word can open with (a digit aside). The pattern
# below opens with the word boundary every cue opens with (a month after "in"
# too), then looks ahead for one of them: re rejects a position inside a word
# with its first test, and most others with the second, instead of trying
# every branch there; the matches are the same.
_OPENINGS = "".join(
    sorted(
        {word[0] for word in [*MONTHS, *WEEKDAYS]}
        | {word[0] for word in "yesterday today tonight this last earlier a one two three".split()}
        | {word[0] for word in "day night week month year morning afternoon evening ago".split()}
    )
)

# Every cue in one pattern, matched on the lower-cased clause (faster than
# IGNORECASE); explicit dates win over relative ones (see _PRIORITY).
_CUES = re.compile(
    rf"\b(?=[\d{_OPENINGS}])"
    rf"(?:(?P<iso>(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))\b"
    rf"|(?P<md>(?P<mdm>{_MONTH})\.?\s+(?P<mdd>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<mdy>\d{{4}}))?)"
    rf"|(?P<dm>(?P<dmd>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmm>{_MONTH})\b\.?"
    rf"(?:,?\s+(?P<dmy>\d{{4}}))?)"
    r"|(?P<rel>yesterday|today|tonight|this (?:morning|afternoon|evening)|"
    r"last (?:night|week|month|year)|earlier this (?:week|month|year)|"
    r"this (?:week|month|year)|(?P<count>\d+|a|one|two|three) (?:days?|weeks?) ago)\b"
    rf"|(?P<wd>(?P<last>last\s+)?(?P<wdn>{_WEEKDAY}))\b"
    # "in March", "in December 2024": a month alone, after "in" only (a bare
    # "may" or "march" is a verb more often than a month)
    rf"|(?<=\bin\s)(?P<mo>(?P<mom>{_MONTH})\b\.?(?:,?\s+(?P<moy>\d{{4}}))?))"
)
# Every cue holds a digit or one of these words (weekdays, "today" and
# "yesterday" all hold "day"): most clauses hold none, and one quick search
# skips them. The ten ASCII digits are words of the trie: a pattern whose
# branches all open with a character is scanned for those characters, which
# \d, a branch of another kind, would prevent; other digits ("٣ days ago")
# are looked for apart, in the clauses that hold other than ASCII.
_MAY_HOLD_A_CUE = re.compile(
    word_alternation(
        "day night week month year morning afternoon evening ago "
        "jan feb mar apr may jun jul aug sep oct nov dec "
        "0 1 2 3 4 5 6 7 8 9".split()
    )
)
_DIGIT = re.compile(r"\d")
_PRIORITY = {"iso": 0, "md": 1, "dm": 1, "rel": 2, "wd": 3, "mo": 4}
_SMALL_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3}


def resolve_date(clause: str, published: dt.date | None) -> tuple[dt.date | None, DatePrecision]:
    """The date a clause says something was said, with its precision.

    No cue: the publication date, precision REPORTED. No cue and no
    publication date: unknown.
    """
    lowered = clause.lower()
    if _MAY_HOLD_A_CUE.search(lowered) is None and (
        lowered.isascii() or _DIGIT.search(lowered) is None
    ):
        candidates = []
    else:
        candidates = sorted(
            (_PRIORITY[match.lastgroup or "wd"], index, match)
            for index, match in enumerate(_CUES.finditer(lowered))
        )
    for _priority, _index, match in candidates:
        resolved = _resolve(match, published)
        if resolved is not None:
            return resolved
    if published is not None:
        return published, DatePrecision.REPORTED
    return None, DatePrecision.UNKNOWN


def _resolve(
    match: re.Match[str], published: dt.date | None
) -> tuple[dt.date, DatePrecision] | None:
    kind = match.lastgroup
    if kind == "iso":
        day = _safe_date(int(match["iy"]), int(match["im"]), int(match["id"]))
        return (day, DatePrecision.DAY) if day else None
    if kind in ("md", "dm"):
        prefix = "md" if kind == "md" else "dm"
        month = MONTHS[match[prefix + "m"].lower()]
        day_number = int(match[prefix + "d"])
        year_text = match[prefix + "y"]
        return _calendar(month, day_number, year_text, published)
    if kind == "mo":
        return _month(MONTHS[match["mom"].lower()], match["moy"], published)
    if published is None:
        return None
    if kind == "rel":
        return _relative(match["rel"].lower(), match["count"], published)
    weekday = WEEKDAYS[match["wdn"].lower()]
    back = (published.weekday() - weekday) % 7
    if match["last"] and back == 0:
        back = 7
    return published - dt.timedelta(days=back), DatePrecision.DAY


def _calendar(
    month: int, day_number: int, year_text: str | None, published: dt.date | None
) -> tuple[dt.date, DatePrecision] | None:
    if year_text:
        year = int(year_text)
    elif published is not None:
        year = published.year
        candidate = _safe_date(year, month, day_number)
        # "on Dec. 30" in a January paper means last year.
        if candidate and candidate > published:
            year -= 1
    else:
        return None
    day = _safe_date(year, month, day_number)
    return (day, DatePrecision.DAY) if day else None


def _month(
    month: int, year_text: str | None, published: dt.date | None
) -> tuple[dt.date, DatePrecision] | None:
    """ "in March": the last March not after publication, as its first day."""
    if year_text:
        return dt.date(int(year_text), month, 1), DatePrecision.MONTH
    if published is None:
        return None
    year = published.year if month <= published.month else published.year - 1
    return dt.date(year, month, 1), DatePrecision.MONTH


def _relative(
    cue: str, count: str | None, published: dt.date
) -> tuple[dt.date, DatePrecision] | None:
    if cue == "yesterday" or cue == "last night":
        return published - dt.timedelta(days=1), DatePrecision.DAY
    if cue in ("today", "tonight") or (
        cue.startswith("this ") and cue.endswith(("morning", "afternoon", "evening"))
    ):
        return published, DatePrecision.DAY
    if cue == "last week":
        return published - dt.timedelta(days=published.weekday() + 7), DatePrecision.WEEK
    if cue in ("this week", "earlier this week"):
        return published - dt.timedelta(days=published.weekday()), DatePrecision.WEEK
    if cue == "last month":
        last_day = published.replace(day=1) - dt.timedelta(days=1)
        return last_day.replace(day=1), DatePrecision.MONTH
    if cue in ("this month", "earlier this month"):
        return published.replace(day=1), DatePrecision.MONTH
    if cue == "last year":
        return dt.date(published.year - 1, 1, 1), DatePrecision.YEAR
    if cue in ("this year", "earlier this year"):
        return dt.date(published.year, 1, 1), DatePrecision.YEAR
    if count is not None:
        number = _SMALL_NUMBERS.get(count.lower()) or int(count)
        if "week" in cue:
            day = published - dt.timedelta(weeks=number)
            return day - dt.timedelta(days=day.weekday()), DatePrecision.WEEK
        return published - dt.timedelta(days=number), DatePrecision.DAY
    return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
