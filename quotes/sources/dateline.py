"""The publication date a story's dateline gives, for a file that states none.

Wire copy opens with where and when it was filed: "KYIV, June 3 (Reuters) -",
"WASHINGTON, June 5, 2025 (AP) —", "GENEVA, March 5 - ", "LONDON, 14 May 2026
–", "MUSCAT, 14th April, 2026 (ONA) --", a press release's "BOSTON, May 4, 2026
/PRNewswire/ --", or a line of its own "Nairobi, Kenya — Thursday 7 May 2026"
("LONDON (AFP) –" names no day). Read only when the header or metadata gave no
date.
"""

from __future__ import annotations

import datetime as dt
import re

from quotes.extract.lexicon import MONTHS

# Where a dateline may stand: the first lines of the story.
_HEAD = 600
_MONTH = r"(?P<month>[A-Z][a-z]{2,8})\.?"
# The day, month first or day first, after an optional weekday: "June 3",
# "Thursday 7 May", "Sept. 2".
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[^\S\n]+)?"
_DAY = (
    _WEEKDAY
    + r"(?:"
    + _MONTH
    + r"[^\S\n]+(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    + r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?[^\S\n]+(?P<month2>[A-Z][a-z]{2,8})\.?)"
)
_PLACE = r"[^\S\n]*[A-Z][A-Za-z.'’ -]{1,40}(?:,[^\S\n]*[A-Z][A-Za-z.]*)?"
# The wire's tag after the date: "(Reuters)", or a press-release service's
# "/PRNewswire/".
_TAG = r"(?:[^\S\n]*(?:\([^()\n]{2,30}\)|/[^/\n]{2,30}/))?"
_DATELINE = re.compile(
    r"(?m)^"
    + _PLACE
    + r",[^\S\n]+"
    + _DAY
    + r"(?:,?[^\S\n]+(?P<year>\d{4}))?"
    + _TAG
    + r"[^\S\n]*[-—–]"
)
# A dateline line of its own, the date after the dash: "Nairobi, Kenya —
# Thursday 7 May 2026" (a full date: nothing else on the line to tell a year).
_DATELINE_AFTER = re.compile(
    r"(?m)^" + _PLACE + r"[^\S\n]*[—–-][^\S\n]*" + _DAY + r",?[^\S\n]+(?P<year>\d{4})[^\S\n]*$"
)
# A full date elsewhere in the story: "June 5, 2025", "5 June 2025".
_FULL_DATE = re.compile(
    r"\b(?:(?P<month>[A-Z][a-z]{2,8})\.?\s+\d{1,2},?\s+(?P<year>\d{4})"
    r"|\d{1,2}\s+(?P<month2>[A-Z][a-z]{2,8})\s+(?P<year2>\d{4}))\b"
)


def dateline_date(text: str, today: dt.date | None = None) -> dt.date | None:
    """The day the dateline at the head of ``text`` gives, or None.

    A dateline without a year takes one (and says nothing where none fits):
    the latest year of a full date the story writes elsewhere ("on June 5,
    2025 the talks ..."), since a story dates its own events; else the nearest
    year in which that day is not after ``today``, since news is read from the
    day it is filed, not ahead of it.
    """
    today = today or dt.date.today()
    found = _DATELINE.search(text, 0, _HEAD) or _DATELINE_AFTER.search(text, 0, _HEAD)
    if found is None:
        return None
    month_name = (found["month"] or found["month2"]).lower()
    if month_name not in MONTHS:
        return None
    month, day = MONTHS[month_name], int(found["day"] or found["day2"])
    if found["year"]:
        return _day(int(found["year"]), month, day)
    years = [
        int(date["year"] or date["year2"])
        for date in _FULL_DATE.finditer(text)
        if (date["month"] or date["month2"]).lower() in MONTHS
    ]
    for year in sorted(set(years), reverse=True):
        if (dated := _day(year, month, day)) is not None and dated <= today:
            return dated
    for year in (today.year, today.year - 1):
        if (dated := _day(year, month, day)) is not None and dated <= today:
            return dated
    return None


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
