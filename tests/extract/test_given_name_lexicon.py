"""The given-name lexicon: the hand-written list plus the data file derived
from nomquamgender (quotes/data/given_names.tsv).

A "he" or "she" goes to the one person of its gender only where the lexicon
knows the given names; a word that is also a common English word, a common
family name or a name used for both genders must tell nothing, since a known
given name is also what tells the name readers that a capitalised word opens
a person's name. The stories and names are made up.
"""

from __future__ import annotations

from importlib import resources

import pytest

from quotes.extract import extract_quotes
from quotes.extract.given_names import FEMALE, MALE, gender_of_given_name

STORY = (
    "The harbour chief, {her} Vik, met the dockers' delegate {him} Aas on Tuesday. Aas said the night shifts would be cut.\n\n"
    "She said she was disappointed by the talks.\n"
)

# Given names only the data file knows (none is in the hand-written lists),
# from Norway, Ireland, Poland, Japan, France, Italy, Nigeria and India.
PAIRS = [
    ("Trond", "Solveig"),
    ("Cormac", "Aoife"),
    ("Wojciech", "Wiktoria"),
    ("Sindre", "Hiroko"),
    ("Raffaele", "Margaux"),
    ("Siddharth", "Chioma"),
]


@pytest.mark.parametrize(("him", "her"), PAIRS)
def test_a_name_of_the_data_file_tells_the_pronoun_whom_it_can_be(him: str, her: str) -> None:
    assert {him.lower(), her.lower()}.isdisjoint(FEMALE | MALE)
    assert (gender_of_given_name(him), gender_of_given_name(her)) == ("m", "f")
    speakers = {q.text: q.speaker for q in extract_quotes(STORY.format(him=him, her=her))}
    assert speakers["the night shifts would be cut"] == f"{him} Aas"
    # The nearer person is the man: only his given name keeps "she" from him.
    assert speakers["she was disappointed by the talks"] == f"{her} Vik"


@pytest.mark.parametrize(
    "word",
    # English common words that are given names too: capitalised at a
    # sentence's start they would pass for a person's name.
    ["Will", "May", "Grant", "Hope", "Justice", "Major", "Faith", "Summer", "Rich"],
)
def test_a_common_word_is_no_given_name(word: str) -> None:
    assert gender_of_given_name(word) is None


@pytest.mark.parametrize("word", ["Andrea", "Jean", "Kim", "Ola", "Kari", "Taylor"])
def test_a_name_given_to_both_genders_tells_nothing(word: str) -> None:
    assert gender_of_given_name(word) is None


@pytest.mark.parametrize("word", ["Clinton", "Harris", "Johnson", "Lincoln"])
def test_a_common_family_name_is_no_given_name(word: str) -> None:
    # Printed alone in news copy these are someone's surname.
    assert gender_of_given_name(word) is None


@pytest.mark.parametrize("word", ["Geneva", "Odessa", "Georgia", "Ramadan", "Jordan"])
def test_a_place_or_a_holiday_is_no_given_name(word: str) -> None:
    assert gender_of_given_name(word) is None


def test_accents_are_folded_and_the_hand_written_lists_win() -> None:
    assert gender_of_given_name("Søren") == "m"
    assert gender_of_given_name("Sólveig") == "f"
    # Sofia is a capital too (excluded from the data file), the list keeps it.
    assert gender_of_given_name("Sofia") == "f"
    # Norway's "Per" is an English word; the hand-written list knows the name.
    assert gender_of_given_name("Per") == "m"


def test_the_data_file_and_its_licence_are_package_data() -> None:
    data = resources.files("quotes.data")
    lines = data.joinpath("given_names.tsv").read_text("utf-8").splitlines()
    names = [line.split("\t") for line in lines if not line.startswith("#")]
    assert len(names) > 5000
    assert all(gender in ("f", "m") for _, gender in names)
    assert "MIT License" in data.joinpath("given_names.LICENSE").read_text("utf-8")


def test_a_name_after_a_sentence_that_ends_in_a_name_is_its_own_subject() -> None:
    # "... rivals such as Ivar Holm and Eirik Lund. Dahl never ...": the words
    # before Dahl belong to the sentence before, so Dahl is no object of "and".
    story = (
        "Arne Dahl opened the port's new terminal on Friday.\n\n"
        "He mocked rivals such as Ivar Holm and Eirik Lund. Dahl never missed a chance "
        "to praise his own crews. He claimed the terminal would double the port's trade.\n"
    )
    speakers = {q.text: q.speaker for q in extract_quotes(story)}
    assert speakers["the terminal would double the port's trade"] == "Arne Dahl"


def test_a_run_of_names_stops_at_the_end_of_its_sentence() -> None:
    # "an old rival: Ivar Holm. Dahl's loudest cheer" is no person "Ivar Holm Dahl".
    story = (
        "Arne Dahl opened the port's new terminal on Friday.\n\n"
        "He spent more time mocking an old rival: Ivar Holm. Dahl's loudest cheer came "
        'when he said "nobody" would miss the old quay.\n'
    )
    speakers = {q.text: q.speaker for q in extract_quotes(story)}
    assert speakers['"nobody"'] == "Arne Dahl"


def test_a_dame_goes_by_her_given_name() -> None:
    # A known given name is no name the article may use alone ("Ingvild" of
    # "Ingvild Brekke" is not a family name printed first), except after the
    # courtesy title that goes with it.
    story = (
        "Dame Ingvild Brekke, who designed the city's glass library, has died aged 88.\n\n"
        "Born on a farm near Molde, she trained in Oslo and Zurich. Her first building "
        "was a school. Three more followed within a decade.\n\n"
        'Her nephew, Arne Dahl, said the family was "proud beyond words." '
        '"Every drawing went into a drawer," he said. "We found four hundred of them."\n\n'
        "The library closed for a week. Its staff hung her portrait in the hall. "
        "Visitors left flowers by the door. The council will name a square after her.\n\n"
        "Dame Ingvild won her first prize in 1970, when, as she later put it, "
        '"nobody dared to build in glass."\n'
    )
    speakers = {q.text: q.speaker for q in extract_quotes(story)}
    assert speakers['"nobody dared to build in glass."'] == "Ingvild Brekke"
