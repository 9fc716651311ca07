"""Sentence bounds: a sentence runs from the last sentence end or paragraph
start before a position to the first after it (quotes.extract.article)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quotes.extract.article import Article

_PIECES = st.sampled_from(
    ["Holt said so. ", "Mr. Berg agreed! ", "\n", "\n\n", "TROMSO, May 2 - ", "U.S. ", "a", " "]
)


@given(st.lists(_PIECES, max_size=25).map("".join), st.integers(min_value=-2, max_value=400))
def test_a_sentence_is_bounded_by_the_nearest_sentence_or_paragraph_bound(
    text: str, position: int
) -> None:
    article = Article(text)
    ends, starts = article.sentence_ends, article.paragraph_starts
    if position >= 0:
        before = [bound for bound in [0, *ends, *starts] if bound <= position]
        assert article.sentence_start(position) == max(before)
    after = [bound for bound in [*ends, *starts] if bound > position]
    assert article.sentence_end(position) == min(after, default=len(text))
