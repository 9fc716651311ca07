"""The gendered-pronoun pattern of coreference, written to be scanned fast,
finds exactly what the plain pattern it stands for finds, in any case and
next to any character (quotes.extract.coreference)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.extract.coreference import _GENDERED_PRONOUN

_PLAIN = re.compile(r"\b(?:(he|him|his)|(she|her|hers))\b", re.IGNORECASE)

_PIECES = st.sampled_from(
    [
        "he",
        "HIS",
        "Him",
        "she",
        "Her",
        "hers",
        "ſhe",
        "hİm",
        "hıs",
        "s",
        "h",
        "e",
        "r",
        "-",
        "_",
        " ",
    ]
)


def _found(pattern: re.Pattern[str], text: str, start: int) -> list[tuple[int, int, bool]]:
    return [(*match.span(), match[1] is not None) for match in pattern.finditer(text, start)]


@settings(max_examples=1000)
@given(st.lists(_PIECES, max_size=12).map("".join), st.integers(min_value=0, max_value=30))
def test_the_fast_pattern_finds_what_the_plain_one_does(text: str, start: int) -> None:
    assert _found(_GENDERED_PRONOUN, text, start) == _found(_PLAIN, text, start)


def test_pronouns_are_told_apart_by_gender() -> None:
    text = "Vale said he and Holt's sister saw her; shelves, Thistle, His."
    found = [(text[start:end], male) for start, end, male in _found(_GENDERED_PRONOUN, text, 0)]
    assert found == [("he", True), ("her", False), ("His", True)]
