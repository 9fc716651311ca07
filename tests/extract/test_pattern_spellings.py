"""Patterns written for speed (opening with the characters re scans for, the
word boundary a look-behind after them) match where their plain spelling
does, in any window of any text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.extract.cues import _NOUN_OPENER
from quotes.extract.reported import _NEGATED
from quotes.extract.when import _DIGIT, _MAY_HOLD_A_CUE

_PLAIN_NEGATED = re.compile(r"\b(?:not|never|n't|without|no longer)\s+(?:\w+\s+)?$")
_PLAIN_NOUN_OPENER = re.compile(
    r"(?<![\w'’-])(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur) \Z"
)
_PLAIN_MAY_HOLD_A_CUE = re.compile(
    r"\d|day|night|week|month|year|morning|afternoon|evening|ago"
    r"|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
)

_PIECES = st.sampled_from(
    [
        "not ",
        "never ",
        "n't ",
        "without ",
        "no longer ",
        "snot ",
        "the ",
        "The ",
        "their ",
        "an ",
        "A ",
        "his ",
        "her ",
        "its ",
        "our ",
        "x",
        "-",
        "'",
        "’",
        " ",
        "\n",
        "é",
        "said",
        "monday",
        "7",
        "٣",
        "ag",
        "o",
    ]
)


@settings(max_examples=2000)
@given(
    st.lists(_PIECES, max_size=10).map("".join),
    st.integers(min_value=0, max_value=60),
    st.integers(min_value=0, max_value=60),
)
def test_fast_spellings_match_where_the_plain_ones_do(text: str, start: int, length: int) -> None:
    end = start + length
    for fast, plain in ((_NEGATED, _PLAIN_NEGATED), (_NOUN_OPENER, _PLAIN_NOUN_OPENER)):
        assert (fast.search(text, start, end) is None) == (plain.search(text, start, end) is None)
    may_hold = _MAY_HOLD_A_CUE.search(text) is not None or (
        not text.isascii() and _DIGIT.search(text) is not None
    )
    assert may_hold == (_PLAIN_MAY_HOLD_A_CUE.search(text) is not None)
