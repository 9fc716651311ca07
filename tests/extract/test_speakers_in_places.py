"""A place after "in" says where the speakers are, never who speaks:
"Analysts in Tokyo said" is no statement of the Japanese government. The
sentences are this project's own."""

from __future__ import annotations

import pytest

from quotes.extract import SpeakerKind, extract_quotes
from tests.extract.quote_helpers import only

CASES = [
    ("Analysts in Tokyo said the yen would weaken.", "Analysts in Tokyo", "description"),
    (
        "Witnesses in Khartoum told a local radio station that the shelling stopped.",
        "Witnesses in Khartoum",
        "description",
    ),
    ("A source in Moscow said the delegation had left.", "A source in Moscow", "description"),
    (
        "Western diplomats in Kyiv said the convoy was delayed.",
        "Western diplomats in Kyiv",
        "description",
    ),
    ("Police in Kent said the driver was arrested.", "Police in Kent", "description"),
    # A body whose name holds its place, and the government of a place.
    (
        "The Harbour Chamber of Commerce in Oslo said in a statement that exports fell.",
        "The Harbour Chamber of Commerce in Oslo",
        "organisation",
    ),
    ("The government in Beijing said the quota would stay.", "Chinese government", "government"),
    # A person named before the place is that person.
    ("Ola Berg in Oslo said the talks were over.", "Ola Berg", "person"),
]


@pytest.mark.parametrize(("text", "speaker", "kind"), CASES)
def test_a_place_after_in_is_not_the_speaker(text: str, speaker: str, kind: str) -> None:
    quote = only(text)
    assert (quote.speaker, quote.speaker_kind) == (speaker, SpeakerKind(kind))


def test_in_before_a_number_is_no_place() -> None:
    # "in two states": "states" is a noun, and Lind says nothing.
    text = "More people voted for Berg than for Lind in two states on Tuesday."
    assert [quote.speaker for quote in extract_quotes(text)] == []
