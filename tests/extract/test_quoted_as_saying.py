"""A reporter quoting someone "as saying": the one quoted speaks, never the
agency or paper that quotes. Wire copy prints it daily; the sentences are
this project's own."""

from __future__ import annotations

import pytest

from quotes.extract import extract_quotes
from tests.extract.quote_helpers import only

CASES = [
    ('"The quay will reopen," the Vesta news agency quoted Ivo Berg as saying.', "Ivo Berg"),
    (
        "The quay will reopen in spring, the Vesta news agency quoted Ivo Berg as saying.",
        "Ivo Berg",
    ),
    ("The Harbour Gazette quoted Ivo Berg as saying that the quay would reopen.", "Ivo Berg"),
    ("Ivo Berg was quoted as saying that the quay would reopen.", "Ivo Berg"),
    ("Ivo Berg was quoted by the Vesta news agency as saying the quay would reopen.", "Ivo Berg"),
    (
        "The Harbour Gazette cited a port official as saying the quay would reopen.",
        "a port official",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), CASES)
def test_the_one_quoted_as_saying_speaks(text: str, speaker: str) -> None:
    quote = only(text)
    assert quote.speaker == speaker
    assert quote.cue == "saying"


def test_as_saying_with_no_one_quoting_is_no_attribution() -> None:
    assert extract_quotes("Delaying the vote is not the same as saying the quay is unsafe.") == []
