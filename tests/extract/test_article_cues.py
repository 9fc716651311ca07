"""The verbs of saying in a stretch of an article, read from the list found
once for the whole text (quotes.extract.article), are those a scan of that
stretch alone finds, at its edges too: a window that ends inside "asked
about" or "shot back", or right before a hyphen, or before the "that" which
makes "Vale's claims" a cue, or opens inside a cue."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.extract.article import Article
from quotes.extract.cues import CUE

_PIECES = st.sampled_from(
    [
        "Ines Vale shot back ",
        "asked about ",
        "said-",
        "said",
        "According to the mayor, ",
        "according to ",
        " told",
        "the ferry ",
        "noted, ",
        '"Soon," ',
        "\n",
        "re",
        " ",
        "Vale's ",
        "the Ahos' ",
        "claims",
        " that",
    ]
)


@settings(max_examples=1000)
@given(
    st.lists(_PIECES, max_size=20).map("".join),
    st.integers(min_value=0, max_value=300),
    st.integers(min_value=-5, max_value=300),
)
def test_the_cues_of_a_window_are_those_its_own_scan_finds(text: str, start: int, end: int) -> None:
    found = Article(text).cues_in(start, end)
    scanned = CUE.finditer(text, start, end)
    assert [(cue.span(), cue[0]) for cue in found] == [(cue.span(), cue[0]) for cue in scanned]


def test_a_window_ending_inside_a_phrase_cue_finds_its_first_word() -> None:
    text = "Ines Vale called for a new ferry and said the old one was late."
    article = Article(text)
    cut = text.index("for") + 2
    assert [cue[0] for cue in article.cues_in(0, cut)] == ["called"]
    assert [cue[0] for cue in article.cues_in(0, len(text))] == ["called for", "said"]


def test_a_window_ending_before_the_that_of_a_possessive_claim() -> None:
    # After "Vale's", "claims" is a cue only where "that" follows it, past this window.
    text = "Ines Vale's claims that the ferry was late were wrong."
    end = text.index(" that")
    scanned = [cue[0] for cue in CUE.finditer(text, 0, end)]
    assert [cue[0] for cue in Article(text).cues_in(0, end)] == scanned == []
    assert [cue[0] for cue in Article(text).cues_in(0, len(text))] == ["claims"]
