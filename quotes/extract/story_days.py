"""The day a story tells for a quote whose own attribution names none.

"Ferro met the envoys on Monday. 'We agreed on nothing,' she said." was said
on Monday, not on the day the paper came out. A quote without a day of its
own takes the day of the nearest earlier sentence of its paragraph that tells
one; else (in resolution) the day its speaker was last said to speak, unless
the story has told another day since ("On Tuesday he hosted Meloni. / 'We
agreed,' he said." is Tuesday's); else the publication date. A lead's day is
not carried to the quotes after it: the project's fixtures read such quotes as
of the publication day (africa-dam-talks).
"""

from __future__ import annotations

import datetime as dt
import re

from quotes.extract.article import Article
from quotes.extract.cues import SENTENCE_BREAK
from quotes.extract.model import DatePrecision
from quotes.extract.when import resolve_date

# What is quoted tells the day of something else ("'We vote on Friday,' she said").
_QUOTED = re.compile(r"[\"“][^\"“”\n]*[\"”]|‘[^‘’\n]*’")
# "X, who was elected on May 3, said": a relative clause dates its own verb.
_RELATIVE = re.compile(r",\s*(?:who|which|whose)\b[^,]*,")
# "Saturday's match", "closed since Monday": a day naming a thing or
# bounding a state, not when anything was said.
_DAY_OF_A_THING = re.compile(
    r"\b\w+day['’]s\b|\b(?:since|until|till|from|before|after|by)\s+(?:last\s+)?\w+day\b",
    re.IGNORECASE,
)
# A sentence about what is to come dates no saying: "The vote is on Sunday".
_AHEAD = re.compile(r"\b(?:will|is due|are due|is expected|are expected|next|scheduled)\b")


def day_told_before(
    article: Article, sentence_start: int, published: dt.date | None
) -> dt.date | None:
    """The day the nearest earlier sentence of the paragraph tells, if any."""
    text = article.text
    paragraph = article.paragraph_start(sentence_start)
    if paragraph >= sentence_start:
        return None
    before = text[paragraph:sentence_start]
    bounds = [0, *(m.end() for m in SENTENCE_BREAK.finditer(before)), len(before)]
    for index in range(len(bounds) - 2, -1, -1):
        day = _day_of(before[bounds[index] : bounds[index + 1]], published)
        if day is not None:
            return day
    return None


def another_day_told(
    article: Article, start: int, end: int, day: dt.date, published: dt.date | None
) -> bool:
    """Whether a sentence between ``start`` and ``end`` tells a day other than ``day``."""
    between = article.text[start:end]
    bounds = [0, *(m.end() for m in SENTENCE_BREAK.finditer(between)), len(between)]
    return any(
        (told := _day_of(between[bounds[i] : bounds[i + 1]], published)) is not None and told != day
        for i in range(len(bounds) - 1)
    )


def _day_of(sentence: str, published: dt.date | None) -> dt.date | None:
    plain = _DAY_OF_A_THING.sub(" ", _RELATIVE.sub(",", _QUOTED.sub(" ", sentence)))
    if _AHEAD.search(plain):
        return None
    day, precision = resolve_date(plain, published)
    return day if precision is DatePrecision.DAY else None
