"""The verbs of saying in a stretch of an article, read from the list found
once for the whole text (quotes.extract.article), are those a scan of that
stretch alone finds, at its edges too: a window that ends inside "asked
about" or "shot back", or right before a hyphen, or before the "that" which
makes "Vale's claims" a cue, or opens inside a cue."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.extract.article import Article
from quotes.extract.cues import CUE, whole_text_cues

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


# Whatever stands before a cue: a space, a line break, quotation marks, a dash,
# a no-break space, a letter of another script or a hyphen (which make no cue),
# or nothing; and phrase cues whose later word opens another cue's word.
_AROUND_CUES = st.sampled_from(
    [
        "said",
        "says",
        "told",
        "pointed out",
        "out",
        "asked about",
        "about",
        "called for",
        "according to",
        "According to",
        "Vale's claims",
        " that",
        "unsaid",
        "é",
        "-",
        "_",
        " ",
        "\u00a0",
        "\n",
        '"',
        "“",
        "—",
        "(",
        ".",
        "Lund",
    ]
)


@settings(max_examples=1000)
@given(st.lists(_AROUND_CUES, max_size=24).map("".join))
def test_the_whole_text_scan_finds_what_the_cue_pattern_finds(text: str) -> None:
    assert [(cue.span(), cue[0]) for cue in whole_text_cues(text)] == [
        (cue.span(), cue[0]) for cue in CUE.finditer(text)
    ]


def test_the_whole_text_scan_reads_each_kind_of_opening() -> None:
    text = 'said Lund. "Ines Vale told—said\n(according to Aho) unsaid pre-told pointed out'
    assert [cue[0] for cue in whole_text_cues(text)] == [
        "said",
        "told",
        "said",
        "according to",
        "pointed out",
    ]
