"""A speaker phrase with "of" in it: the name after "of" is what the speaker
belongs to ("the mayor of Tarnow"), a body's own name ("the Bank of
Lundmark"), or where a named person comes from ("Ola Berg of Vestfold"),
never by itself who speaks. The sentences are this project's own."""

from __future__ import annotations

import pytest

from quotes.extract import SpeakerKind
from tests.extract.quote_helpers import only, quote_with

CASES = [
    # A person described by a place or a body: no name is given, so none is made up.
    (
        "The mayor of Tarnow said the bridge would reopen in May.",
        "The mayor of Tarnow",
        "description",
    ),
    ("The governor of Kansas said the levy would stay.", "The governor of Kansas", "description"),
    (
        "The chief executive of Acme says the plant will close.",
        "The chief executive of Acme",
        "description",
    ),
    (
        "The Speaker of the Althing said the vote would wait.",
        "The Speaker of the Althing",
        "description",
    ),
    # ... or by a person: the wife of Jan Berg is not Jan Berg.
    ("The wife of Jan Berg said the farm had been sold.", "The wife of Jan Berg", "description"),
    (
        "A friend of Ines Duarte said the letter was genuine.",
        "A friend of Ines Duarte",
        "description",
    ),
    (
        "The city of Tarnow said the bridge would reopen in May.",
        "The city of Tarnow",
        "description",
    ),
    ("Residents of Tarnow say the bridge is unsafe.", "Residents of Tarnow", "description"),
    # A body named with "of".
    ("The Bank of Lundmark said rates would rise.", "The Bank of Lundmark", "organisation"),
    ("The Republic of Varnia said the border would open.", "The Republic of Varnia", "government"),
    (
        "The Hollywood Chamber of Commerce said the parade would go ahead.",
        "The Hollywood Chamber of Commerce",
        "organisation",
    ),
    # A named person of a place or body: the name before "of", its titles the role.
    ("House Speaker Ola Berg of Vestfold said the vote would wait.", "Ola Berg", "person"),
    ("Republican Rep. Ana Lind of Iowa said the levy would stay.", "Ana Lind", "person"),
    ("Mr. Aho of Lenox Shipping said the port would close.", "Aho", "person"),
    ("Eva Marsh of the Tarn Institute said the port would close.", "Eva Marsh", "person"),
    # A title before "of State" stays a title, with its name after it.
    ("Secretary of State Anna Berg said the talks would resume.", "Anna Berg", "person"),
]


@pytest.mark.parametrize(("text", "speaker", "kind"), CASES)
def test_a_name_after_of_is_not_the_speaker_s_own(text: str, speaker: str, kind: str) -> None:
    quote = only(text)
    assert (quote.speaker, quote.speaker_kind) == (speaker, SpeakerKind(kind))


def test_a_participle_s_subject_after_of_speaks() -> None:
    # "footage of Lund saying": Lund says it, not the footage.
    text = 'The film ends with footage of Ola Lund saying at the hearing, "The quay is safe."'
    assert quote_with(text, "The quay is safe").speaker == "Ola Lund"


def test_a_described_speaker_with_of_is_the_person_introduced_with_that_role() -> None:
    text = (
        "Thomas Vik, the mayor of Tarnow, opened the fair on Sunday.\n\n"
        "The mayor of Tarnow said the bridge would reopen in May."
    )
    assert quote_with(text, "bridge").speaker == "Thomas Vik"
