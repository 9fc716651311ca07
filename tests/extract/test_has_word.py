"""Whether a word stands whole in the article, looked for with str.find
(quotes.extract.resolution): what a search for it between two ``\\b`` finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.extract.resolution import _has_word

_TEXT = st.lists(
    st.sampled_from(
        ["harbour", "Harbour", "harbours", "o'neil", "-", "_", " ", "é", "1", ".", "'"]
    ),
    max_size=8,
).map("".join)
_WORD = st.sampled_from(["harbour", "o'neil", "harbour.", "-harbour", "'", "é1"])


@settings(max_examples=1000)
@given(_TEXT, _WORD)
def test_a_word_is_found_where_the_bounded_pattern_finds_it(text: str, word: str) -> None:
    bounded = re.search(rf"\b{re.escape(word)}\b", text) is not None
    assert _has_word(text, word) is bounded


def test_a_word_inside_another_is_not_found() -> None:
    assert not _has_word("the harbours were full", "harbour")
    assert _has_word("harbours and the harbour", "harbour")
