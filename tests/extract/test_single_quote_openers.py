"""British single quotes: where a ‘ opens a quotation (quotes.extract.quotation)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from quotes.extract.quotation import _SINGLE_OPENER

_CHARS = st.sampled_from(list('‘’ \n\t([—–:-aZ9."“'))


def _opens(text: str, position: int) -> bool:
    """The rule as written: at the start, or after a space, a bracket, a dash or
    a colon; and before a word or a double quotation mark."""
    before_ok = position == 0 or re.fullmatch(r"[\s(\[—–:]", text[position - 1]) is not None
    after = text[position + 1 : position + 2]
    return before_ok and re.fullmatch(r"[\w“\"]", after) is not None


@given(st.lists(_CHARS, max_size=30).map("".join))
def test_a_single_mark_opens_exactly_where_the_rule_says(text: str) -> None:
    found = [match.start() for match in _SINGLE_OPENER.finditer(text)]
    expected = [i for i, char in enumerate(text) if char == "‘" and _opens(text, i)]
    assert found == expected
