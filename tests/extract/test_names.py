"""Clean, typed speaker names: what a fact-checker files a quote under.

Fixtures are invented; only the grammatical construction matters.
"""

from __future__ import annotations

import datetime as dt

import pytest

from quotes.extract import SpeakerKind, extract_quotes

DAY = dt.date(2031, 4, 9)


def _speaker(text: str, words: str) -> tuple[str | None, SpeakerKind]:
    """The resolved speaker of the quote holding ``words`` (which must be found)."""
    found = [q for q in extract_quotes(text, DAY) if words in q.text]
    assert found, f"no quote holding {words!r} in {[q.text for q in extract_quotes(text, DAY)]}"
    return found[0].speaker, found[0].speaker_kind


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        # A possessive prefix is an affiliation, not part of the name.
        (
            "Norway's Ingrid Halvorsen said the fjord ferries would run all winter.",
            "ferries",
            "Ingrid Halvorsen",
        ),
        # A role printed capitalised before a name is a title, not a given name.
        (
            "Bishop Oskar Lindgren said the cathedral roof would be mended.",
            "roof",
            "Oskar Lindgren",
        ),
        ("Coach Maren Solberg said the squad had trained in the snow.", "squad", "Maren Solberg"),
        (
            "Novelist Petra Halme said the archive would stay in the village.",
            "archive",
            "Petra Halme",
        ),
        ("Det. Sgt. Ivo Rask said the van had been found at the quay.", "van", "Ivo Rask"),
        (
            "County Sheriff Amos Teller said the road would reopen by noon.",
            "road",
            "Amos Teller",
        ),
        # An abbreviated rank's full stop ends no sentence.
        (
            '"The channel is clear again," said harbour spokesman Capt. Ivo Rask.',
            "channel",
            "Ivo Rask",
        ),
        # A party or a relation before a given name is what the person is.
        ("Republican Ines Marlow said the levy would pass.", "levy", "Ines Marlow"),
        (
            'Rival Peter Pohl spoke after her. "The levy is dead," Pohl said.',
            "levy is dead",
            "Peter Pohl",
        ),
        # A month not after "in", "on" and the like may be a given name.
        ("April Gorski said the orchard would be sold.", "orchard", "April Gorski"),
        # Honorifics are dropped.
        ('"The bridge will open in May," Sir Anthony Pellew said.', "bridge", "Anthony Pellew"),
        ('"We have no comment," Dame Olwen Pryce told reporters.', "comment", "Olwen Pryce"),
        # Particles stay inside the name.
        (
            "Mayor Paolo de Santis said the tram line was finished.",
            "tram line",
            "Paolo de Santis",
        ),
        (
            "Crown Prince Khalid bin Faisal said the port would double in size.",
            "port would",
            "Khalid bin Faisal",
        ),
        (
            "Finance Minister Tariq al-Harbi said the budget was balanced again.",
            "budget",
            "Tariq al-Harbi",
        ),
        # A title over a body runs into the name: the name is its last words.
        (
            "President of the Harbour Council Lene Brandt said the quay would be rebuilt.",
            "quay",
            "Lene Brandt",
        ),
        # "X of Y": the person is the name before "of".
        (
            "Council leader Marta Quill of Eastbrook said the levy was unfair.",
            "levy",
            "Marta Quill",
        ),
    ],
)
def test_names_carry_no_junk(text: str, words: str, name: str) -> None:
    speaker, kind = _speaker(text, words)
    assert speaker == name
    assert kind is SpeakerKind.PERSON


def test_a_shorter_form_with_a_particle_is_the_same_person() -> None:
    text = (
        "Former mayor Paolo de Santis said the tram line was finished. "
        '"It took nine years," de Santis said.'
    )
    speaker, _kind = _speaker(text, "nine years")
    assert speaker == "Paolo de Santis"


def test_given_names_stop_at_a_title() -> None:
    # The surname speaks first on its own; its given name is read back from
    # the text, without the title words before it.
    text = (
        "Trade Minister Oskar Lindqvist met the delegation. "
        '"The tariffs stay," Lindqvist said after the meeting.'
    )
    speaker, _kind = _speaker(text, "tariffs")
    assert speaker == "Oskar Lindqvist"


@pytest.mark.parametrize(
    ("text", "words", "body"),
    [
        (
            "Norway said the fishing quota would not change this year.",
            "quota",
            "Norwegian government",
        ),
        ("Ottawa said the border crossing would reopen soon.", "crossing", "Canadian government"),
        ("The Kremlin said the exercise was planned long ago.", "exercise", "Russian government"),
        (
            "Downing Street said the minister had the prime minister's backing.",
            "backing",
            "UK government",
        ),
        (
            "Chile's interior ministry said the roads to the pass were closed.",
            "roads",
            "Chilean Interior Ministry",
        ),
    ],
)
def test_places_and_seats_of_power_speak_for_their_government(
    text: str, words: str, body: str
) -> None:
    speaker, kind = _speaker(text, words)
    assert speaker == body
    assert kind is SpeakerKind.GOVERNMENT


def test_a_person_named_like_a_country_stays_a_person() -> None:
    text = (
        "Senator Ruth Jordan said the bill was dead. "
        "Jordan said the committee would not meet again before the recess."
    )
    speaker, kind = _speaker(text, "committee")
    assert (speaker, kind) == ("Ruth Jordan", SpeakerKind.PERSON)


def test_an_unnamed_speaker_keeps_its_description_without_a_count() -> None:
    text = "Several shopkeepers said the market would close early on Fridays."
    speaker, kind = _speaker(text, "market")
    assert (speaker, kind) == ("shopkeepers", SpeakerKind.DESCRIPTION)


def test_a_title_running_over_and_ends_at_the_given_name() -> None:
    text = (
        "Minister for Harbours and Fisheries Peter Lund said:\n\n"
        '"Every pier on the coast will be rebuilt by the spring."'
    )
    assert _speaker(text, "Every pier") == ("Peter Lund", SpeakerKind.PERSON)


@pytest.mark.parametrize(
    ("text", "words", "mention"),
    [
        (
            "Late on Thursday Harbour Master Joran Lusk said the quay would stay shut.",
            "quay",
            "Harbour Master Joran Lusk",
        ),
        ("In October Mayor Sanne Vik said the tram fares would fall.", "tram", "Mayor Sanne Vik"),
        ("April Gorski said the orchard would be sold.", "orchard", "April Gorski"),
    ],
)
def test_a_day_or_month_before_the_subject_is_not_in_its_mention(
    text: str, words: str, mention: str
) -> None:
    found = [q for q in extract_quotes(text, DAY) if words in q.text]
    assert [q.speaker_mention for q in found] == [mention]


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ("Laura Bishop said the ferry timetable was final.", "timetable", "Laura Bishop"),
        ('"The vote is close," said Tomas Judge.', "vote", "Tomas Judge"),
        # A middle name between the given name and the surname.
        ("Anna Maria Mayor said the orchard would be sold.", "orchard", "Anna Maria Mayor"),
        # After an honorific: the one article names him in full.
        (
            'Oren Singer chairs the dock board. "We need a new crane," Mr. Singer said.',
            "crane",
            "Oren Singer",
        ),
        # Alone and without an article: the surname of the one named before.
        (
            "Laura Bishop opened the market on Friday. Bishop said the stalls would stay.",
            "stalls",
            "Laura Bishop",
        ),
    ],
)
def test_a_surname_that_is_also_a_title_is_a_person(text: str, words: str, name: str) -> None:
    assert _speaker(text, words) == (name, SpeakerKind.PERSON)


def test_a_country_owning_a_described_role_is_not_the_speaker() -> None:
    # "Chile's mining minister": the minister speaks, not Chile's government.
    text = (
        "Chile's mining minister on Tuesday rejected the levy, saying the copper "
        "price was already too low."
    )
    assert _speaker(text, "copper price") == (
        "Chile's mining minister",
        SpeakerKind.DESCRIPTION,
    )


def test_a_role_owned_by_a_body_is_not_the_rank_holder_just_quoted() -> None:
    text = (
        '"The channel is clear again," said harbour spokesman Capt. Ivo Rask, who '
        "was asked about the dredging.\n\n"
        "The Navy's recent top adviser on the project went further, arguing the new "
        "quay could sink within a decade."
    )
    assert _speaker(text, "sink within")[0] != "Ivo Rask"


def test_a_day_owning_the_subject_is_never_the_speaker() -> None:
    # "Friday's vote ... called it "...": the day's possessive is no one.
    text = (
        "Friday's ballot was much like a dispute in 2022, when the ferry board kept "
        'calling the storm damage "minor" for weeks.'
    )
    assert [q.speaker for q in extract_quotes(text, DAY) if "Friday" in (q.speaker or "")] == []


def test_a_weekday_after_the_verb_is_never_the_speaker() -> None:
    found = extract_quotes(
        'A harbour official who asked not to be named said Wednesday, "The gates stay shut."',
        DAY,
    )
    assert all(quote.speaker != "Wednesday" for quote in found)


def test_a_role_with_a_body_before_the_appositive_name_is_the_named_person() -> None:
    text = "The trade envoy to the EU, Peter Lund, said on Friday that the quotas would go."
    assert _speaker(text, "quotas") == ("Peter Lund", SpeakerKind.PERSON)


def test_a_family_name_printed_first_after_a_title_keeps_the_given_names() -> None:
    text = (
        "President Tan Weiming said on Friday that the delegates should keep the "
        "river ports open.\n\n"
        '"Trade that stops at a border helps nobody," Tan told the assembled ministers.'
    )
    assert _speaker(text, "helps nobody") == ("Tan Weiming", SpeakerKind.PERSON)


def test_a_family_name_before_a_capitalised_word_without_a_title_is_left_as_printed() -> None:
    text = (
        "The march ended at Okafor Square on Friday.\n\n"
        '"We will come back every week," Okafor told the crowd.'
    )
    assert _speaker(text, "every week") == ("Okafor", SpeakerKind.PERSON)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            'Assembly Speaker Ana Ruiz said the budget would pass by June. "We have the'
            ' votes," Ruiz said.',
            "Assembly Speaker",
        ),
        ("Speaker Ana Ruiz told members the session would run late.", "Speaker"),
    ],
)
def test_a_speaker_of_a_house_is_a_title_not_a_name(text: str, role: str) -> None:
    for quote in extract_quotes(text):
        assert quote.speaker == "Ana Ruiz"
        assert quote.speaker_role == role


def test_an_appositive_of_an_unknown_noun_leaves_no_empty_role() -> None:
    # "a beekeeper from Voss": the role reader stops at the article; the
    # speaker has no role rather than an empty one.
    quote = extract_quotes('"The hives are dying," said Tove Rand, a beekeeper from Voss.')[0]
    assert (quote.speaker, quote.speaker_role) == ("Tove Rand", None)


@pytest.mark.parametrize(
    "text",
    [
        '"The tolls must go," said 9/11 widow Tova Lind.',
        '"The tolls must go," said 42-year-old nurse Tova Lind.',
        '"The tolls must go," said marine biologist Tova Lind.',
    ],
)
def test_a_role_with_a_number_before_an_inverted_name(text: str) -> None:
    quote = extract_quotes(text)[0]
    assert (quote.rule, quote.speaker) == ("quote_then_said", "Tova Lind")


def test_an_agent_three_words_after_the_verb_is_no_inverted_speaker() -> None:
    # "backed by the shipping brothers Ivo and Jan Berg": the brothers back
    # the fund; they say nothing.
    text = 'The "harbour fund" backed by the shipping brothers Ivo and Jan Berg closed in May.'
    assert [q.speaker for q in extract_quotes(text) if q.speaker] == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Secretary of State Lindqvist said the embassy would reopen.", "Lindqvist"),
        ("Finland's Minister for Finance Aho said the levy would stay.", "Aho"),
        ("Secretary of State Anna Lindqvist said the embassy would reopen.", "Anna Lindqvist"),
        ("The Minister for Finance, Aho, said the levy would stay.", "Aho"),
    ],
)
def test_a_portfolio_after_a_title_ends_the_title(text: str, speaker: str) -> None:
    # "of State", "for Finance": the portfolio is the title's, so the person
    # is named by the surname after it, never "State Lindqvist" or a government.
    quote = extract_quotes(text)[0]
    assert (quote.speaker, quote.speaker_kind) == (speaker, SpeakerKind.PERSON)
