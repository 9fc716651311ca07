"""Arbitrary text never crashes the extractor, and every span indexes the text."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.extract import extract_quotes

NEWSY = st.sampled_from(
    [
        '"',
        "“",
        "”",
        "«",
        "»",
        "„",
        "''",
        "'",
        ",",
        ".",
        ":",
        "\n",
        "\n\n",
        " ",
        " said",
        " told reporters",
        " Peskov",
        " he",
        " the Kremlin",
        " according to",
        " that",
        " Mr.",
        " on Monday",
        " last week",
        " Zelensky",
        " a senior official",
    ]
)
TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(NEWSY, st.text(max_size=8)), max_size=80).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1))))
def test_spans_always_lie_inside_the_text(text: str, published: dt.date | None) -> None:
    for quote in extract_quotes(text, published):
        assert 0 <= quote.start < quote.end <= len(text)
        if quote.speaker_start is not None:
            assert quote.speaker_end is not None
            assert 0 <= quote.speaker_start < quote.speaker_end <= len(text)
            assert text[quote.speaker_start : quote.speaker_end] == quote.speaker_mention
        if quote.cue_start is not None:
            assert text[quote.cue_start : quote.cue_end] == quote.cue
        assert 0.0 <= quote.confidence <= 1.0
