"""Attribution rules added from the errors on news text, each on a sentence written for it."""

from __future__ import annotations

import pytest

from quotes.extract import QuoteKind, SpeakerKind, extract_quotes
from tests.extract.quote_helpers import mention, only


def test_a_name_with_an_affiliation_after_says() -> None:
    text = (
        '"The vote shows the coalition is tired," says Anna Brennan of the '
        "independent Baltic Policy Centre."
    )
    quote = only(text)
    assert quote.speaker == "Anna Brennan"
    assert mention(text, quote) == "Anna Brennan"


def test_a_name_with_an_affiliation_before_the_verb() -> None:
    text = "Tomas Reyes of the Lisbon Energy Institute said that gas prices would fall by winter."
    quote = only(text)
    assert quote.speaker == "Tomas Reyes"
    assert quote.speaker_kind is SpeakerKind.PERSON
    assert quote.text == "that gas prices would fall by winter"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'On Monday, Marek Nowak complained that the ministry "keeps moving the goalposts."',
            "Marek Nowak",
        ),
        ('Last September, Nowak called the plan "a fantasy" on his radio show.', "Nowak"),
        ('Specifically, she argued that the tariffs were "a tax on our own farmers."', "she"),
    ],
)
def test_an_introductory_phrase_is_not_the_speaker(text: str, speaker: str) -> None:
    quote = next(q for q in extract_quotes(text) if '"' in q.text or "“" in q.text)
    assert quote.speaker_mention == speaker


def test_a_quote_with_the_verb_after_the_name() -> None:
    text = '"What changed between March and now?" Ortega questioned.'
    quote = only(text)
    assert quote.kind is QuoteKind.DIRECT
    assert quote.speaker == "Ortega"
    assert quote.cue == "questioned"


def test_a_time_of_day_between_subject_and_verb() -> None:
    text = "Union spokeswoman Tilda Brask on Sunday morning said the strike fund was healthy."
    quote = only(text)
    assert quote.speaker == "Tilda Brask"
    assert quote.text == "the strike fund was healthy"


def test_a_description_with_a_head_noun_speaks_but_a_bare_article_does_not() -> None:
    text = "The veteran negotiator said the two sides were closer than they admitted."
    quote = only(text)
    assert quote.speaker_kind is SpeakerKind.DESCRIPTION
    assert quote.speaker_mention == "The veteran negotiator"
    assert extract_quotes("When the show ended, the guests went home.") == []


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Senator Ruth Okafor opposed the plan to close three rural hospitals.",
            "opposed",
            "the plan to close three rural hospitals",
        ),
    ],
)
def test_stance_verbs_report_a_position(text: str, cue: str, content: str) -> None:
    quote = only(text)
    assert quote.kind is QuoteKind.INDIRECT
    assert (quote.cue, quote.text) == (cue, content)


def test_according_to_at_the_start_of_a_sentence() -> None:
    text = 'According to Halvorsen, "The fund will run dry before the election."'
    quote = only(text)
    assert quote.speaker == "Halvorsen"
    assert quote.cue == "According to"


def test_a_whole_quoted_sentence_without_a_speech_verb_takes_the_subject() -> None:
    text = (
        "Senator Ines Duarte met the farmers in Evora on Friday.\n\n"
        'Duarte also backed a freeze on fuel duty -- "Nobody should pay more to drive to work."'
    )
    quote = next(q for q in extract_quotes(text) if q.text.startswith('"Nobody'))
    assert quote.speaker == "Ines Duarte"
    assert quote.confidence < 0.5  # no speech verb: less sure


def test_a_capitalised_opener_is_not_taken_for_a_speaker() -> None:
    text = 'Though the talks failed, "we will be back in June with a better offer."'
    quote = only(text)
    assert quote.text == '"we will be back in June with a better offer."'
    assert quote.speaker is None


def test_a_long_prepositional_opener_is_skipped() -> None:
    text = (
        "Before the last round of the school spelling contest in Tartu, Jaan Kool reads "
        '"a list of words nobody in the hall can spell" to the pupils.'
    )
    quote = next(q for q in extract_quotes(text) if "nobody" in q.text)
    assert quote.speaker == "Jaan Kool"


def test_the_sentence_before_names_who_speaks() -> None:
    text = 'Analyst Marta Lindqvist agreed. "The orchard will not survive another dry summer."'
    quote = only(text)
    assert quote.speaker == "Marta Lindqvist"
    assert quote.cue == "agreed"


def test_a_participle_opener_is_not_the_speaker() -> None:
    text = 'Reaching for a compromise, Okafor said the bill was "good enough for now."'
    assert {q.speaker_mention for q in extract_quotes(text)} == {"Okafor"}


def test_according_to_a_source_that_is_no_name() -> None:
    text = (
        "Rail freight fell by a fifth in the first quarter, "
        "according to preliminary figures from the statistics office."
    )
    quote = only(text)
    assert quote.kind is QuoteKind.INDIRECT
    assert quote.text == "Rail freight fell by a fifth in the first quarter"
    assert quote.speaker_mention == "preliminary figures from the statistics office"
    assert quote.speaker_kind is SpeakerKind.DESCRIPTION


def test_coordinated_descriptions_speak_together() -> None:
    text = "The repairs will last all winter, current and former engineers said."
    quote = only(text)
    assert quote.speaker_mention == "current and former engineers"
    assert quote.text == "The repairs will last all winter"


def test_an_appositive_between_subject_and_verb() -> None:
    text = (
        "Sen. Maria Lopes, D-Ore., a member of the budget committee, said the bill "
        "would not pass before the recess."
    )
    quote = only(text)
    assert quote.speaker == "Maria Lopes"
    assert quote.text == "the bill would not pass before the recess"


def test_a_headline_in_speaker_colon_form() -> None:
    text = (
        "Kallas: Europe must pay for its own air defence.\n\n"
        "Update: this story has been corrected.\n\n"
        "The summit ends on Friday: ministers will sign nothing.\n"
    )
    found = extract_quotes(text)
    assert [(q.speaker, q.text, q.cue) for q in found] == [
        ("Kallas", "Europe must pay for its own air defence", ":")
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Okafor, who says the port should stay public, voted against the sale.",
            "Okafor",
            "the port should stay public",
        ),
        (
            "Northgate Media Partners, a small advertising agency, says that two clients left.",
            "Northgate Media Partners",
            "that two clients left",
        ),
        (
            "Demand for steel will recover next year, says industry analyst Petra Voss in Linz.",
            "Petra Voss",
            "Demand for steel will recover next year",
        ),
        (
            "Lindqvist has disputed both reports, but says the audit will be published.",
            "Lindqvist",
            "the audit will be published",
        ),
    ],
)
def test_more_subjects_of_reported_speech(text: str, speaker: str, content: str) -> None:
    quote = next(q for q in extract_quotes(text) if q.text == content)
    assert quote.speaker == speaker


def test_a_participle_reports_for_the_sentence_subject() -> None:
    text = "Opposition lawmakers backed the plan on Monday, saying the buses would run on time."
    quote = next(q for q in extract_quotes(text) if q.cue == "saying")
    assert quote.speaker_mention == "Opposition lawmakers"
    assert quote.text == "the buses would run on time"


def test_a_quote_signed_with_a_dash() -> None:
    text = (
        "“Prices are up again” — as the market report put it on Friday.\n"
        "“The debate showed us nothing new about the candidates.” ― Ana Ribeiro\n"
        "“I will vote early this year.”― Tomas Feld.\n"
    )
    found = extract_quotes(text)
    signed = {q.text: q.speaker for q in found}
    assert signed["“The debate showed us nothing new about the candidates.”"] == "Ana Ribeiro"
    assert signed["“I will vote early this year.”"] == "Tomas Feld"
    # The dash opens a clause, not a signature: "as ... put it" names the source.
    prices = next(q for q in found if "Prices" in q.text)
    assert prices.speaker == "the market report"
    assert prices.speaker_kind is SpeakerKind.DESCRIPTION


def test_a_block_quote_after_a_colon_paragraph() -> None:
    text = (
        "Senator Ines Duarte answered the critics on Tuesday.\n\n"
        "Duarte continued:\n\n"
        "“Nobody in this chamber has read the whole bill, and everybody knows it.”\n"
    )
    quote = next(q for q in extract_quotes(text) if q.text.startswith("“Nobody"))
    assert quote.speaker == "Ines Duarte"
    assert quote.cue == "continued"


def test_a_name_and_a_colon_before_a_quote() -> None:
    text = "Pollsters were split - Karin Holm: “Nobody saw the late swing coming.”"
    quote = only(text)
    assert quote.speaker == "Karin Holm"


def test_a_whole_quote_with_its_own_verb_inside_reported_speech() -> None:
    text = (
        "Lindqvist said the harvest looked thin this autumn but added, "
        "“We have picked our way through worse years.”"
    )
    found = {q.kind: q for q in extract_quotes(text)}
    assert found[QuoteKind.INDIRECT].text == "the harvest looked thin this autumn"
    assert found[QuoteKind.DIRECT].text == "“We have picked our way through worse years.”"
    assert found[QuoteKind.DIRECT].speaker == "Lindqvist"


def test_a_parenthesis_after_the_name() -> None:
    text = "Rep. Ana Pereira (D-Calif.) said that the vote would be delayed until June."
    quote = only(text)
    assert quote.speaker == "Ana Pereira"
    assert quote.text == "that the vote would be delayed until June"


def test_a_dashed_aside_between_subject_and_verb() -> None:
    text = (
        "Election officials — from Ohio, Iowa and Nevada — said "
        "the count would be finished by Friday."
    )
    quote = only(text)
    assert quote.speaker_mention is not None and "officials" in quote.speaker_mention
    assert quote.text == "the count would be finished by Friday"


def test_an_attribution_as_an_aside_reports_the_whole_sentence() -> None:
    text = "Within the coalition, they said, the smaller parties now decide more often."
    quote = only(text)
    assert quote.speaker_mention == "they"
    assert (
        quote.text == "Within the coalition, they said, the smaller parties now decide more often"
    )


def test_a_group_of_people_speaks() -> None:
    text = "But local historians say the painted ceiling may be far younger than the church."
    quote = only(text)
    assert quote.speaker_mention == "local historians"
    assert quote.speaker_kind is SpeakerKind.DESCRIPTION
    assert quote.text == "the painted ceiling may be far younger than the church"


def test_told_takes_the_listener_and_the_content_comes_first() -> None:
    text = "The school fees were no higher than anywhere else in town, she told the board."
    quote = only(text)
    assert quote.text == "The school fees were no higher than anywhere else in town"
    assert quote.cue == "told"


def test_according_to_after_a_quote_with_its_own_speaker_only_reports_it() -> None:
    text = (
        '"The harbour will not be sold while I chair this board," Maren Holt told the'
        " port's creditors, according to the island radio station."
    )
    quote = only(text)
    assert quote.kind is QuoteKind.DIRECT
    assert quote.speaker == "Maren Holt"
    assert quote.rule == "quote_then_said"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Aino Kask told the harbour board the ferries would run late all week.",
            "the ferries would run late all week",
        ),
        ("Aino Kask told him the toll bridge was unsafe.", "the toll bridge was unsafe"),
        (
            "Aino Kask told reporters Tallinn would pay for the pier.",
            "Tallinn would pay for the pier",
        ),
        (
            "Aino Kask told a meeting in Parnu the tolls would rise in spring.",
            "the tolls would rise in spring",
        ),
        (
            "Aino Kask told the Island Gazette she would stand again next year.",
            "she would stand again next year",
        ),
        (
            "Aino Kask told farmers this week the grain price had bottomed out.",
            "the grain price had bottomed out",
        ),
    ],
)
def test_whom_it_was_told_to_is_no_part_of_what_was_said(text: str, said: str) -> None:
    assert [q.text for q in extract_quotes(text) if q.cue == "told"] == [said]
