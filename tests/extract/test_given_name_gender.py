"""Given names from outside Europe and North America tell a pronoun whom it can be.

Two people, one man and one woman, named in full once and then by surname; a
"she" or "he" follows a sentence about the other one. Without their given names
in the list either pronoun agrees with both, and the quote is left with no
speaker; with them, the pronoun goes to the one person of its gender. The
names and the story are made up.
"""

from __future__ import annotations

import pytest

from quotes.extract import extract_quotes
from quotes.extract.given_names import gender_of_given_name

STORY = (
    "LAGOS, May 12 - Port union leader {him} Okafor met transport minister {her} Adeyemi "
    "on Monday.\n\n"
    "Adeyemi left the meeting early. Okafor stayed to speak to reporters. She said the "
    'new tariffs were "a burden the docks cannot carry."\n\n'
    'Okafor went back inside. Adeyemi then faced the cameras. He said the strike was "the '
    'only language the ministry hears."\n'
)

PAIRS = [
    ("Chukwuma", "Funmilayo"),
    ("Gonzalo", "Ximena"),
    ("Rajesh", "Priyanka"),
    ("Mamadou", "Aminata"),
    ("Hiroshi", "Keiko"),
]


@pytest.mark.parametrize(("him", "her"), PAIRS)
def test_a_pronoun_goes_to_the_one_person_of_its_gender(him: str, her: str) -> None:
    assert (gender_of_given_name(him), gender_of_given_name(her)) == ("m", "f")
    quotes = extract_quotes(STORY.format(him=him, her=her))
    speakers = {q.text[:12]: q.speaker for q in quotes}
    assert speakers["the new tari"] == f"{her} Adeyemi"
    assert speakers["the strike w"] == f"{him} Okafor"
