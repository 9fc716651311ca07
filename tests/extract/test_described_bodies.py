"""A body printed by what it is ("the team", "the interior ministry") is the one
body of that kind the story named, or its country's, and only where one can be
meant; the texts are this project's own."""

from __future__ import annotations

from quotes.extract.institutions import article_country
from quotes.extract.model import SpeakerKind
from tests.extract.quote_helpers import quote_with


def test_the_team_is_the_one_team_the_story_named() -> None:
    text = (
        "Team Korvel-Nord has signed the Danish sprinter Ulla Fenge for two seasons.\n\n"
        "\u2014 Piet Maas, Team Principal, Team Korvel-Nord\n\n"
        "The team said Fenge would ride the spring classics first."
    )
    quote = quote_with(text, "spring classics")
    assert quote.speaker == "Team Korvel-Nord"
    assert quote.speaker_kind is SpeakerKind.ORGANISATION


def test_the_bank_between_two_banks_stays_a_description() -> None:
    text = (
        "Ostria Savings Bank agreed to buy the branches of Marlow Bank in the north.\n\n"
        "The bank said no jobs would go before the winter."
    )
    quote = quote_with(text, "no jobs would go")
    assert quote.speaker == "The bank"
    assert quote.speaker_kind is SpeakerKind.DESCRIPTION


def test_a_qualifier_must_be_in_the_body_s_name() -> None:
    text = (
        "The Ministry of Transport closed the coast road after the storm.\n\n"
        "The fisheries ministry said the harbour would stay open."
    )
    quote = quote_with(text, "harbour would stay open")
    assert quote.speaker_kind is SpeakerKind.DESCRIPTION


def test_an_unqualified_ministry_is_that_of_the_dateline_s_country() -> None:
    text = (
        "VALMIERA, Latvia (Wire) - Hundreds of farmers drove their tractors into the"
        " town centre on Monday.\n\n"
        "The interior ministry said six people had been detained.\n\n"
        "The ministry added that the roads would reopen by the evening."
    )
    first = quote_with(text, "six people")
    assert first.speaker == "Latvian Interior Ministry"
    assert first.speaker_kind is SpeakerKind.GOVERNMENT
    assert quote_with(text, "roads would reopen").speaker == "Latvian Interior Ministry"


def test_the_one_country_a_story_names_without_a_dateline() -> None:
    text = (
        "Thousands marched through Riga on Sunday against the new border law, and"
        " Latvian farmers joined them from the east.\n\n"
        "Parliament said it would vote on the law again in the spring."
    )
    assert article_country(text) == "Latvia"
    assert quote_with(text, "vote on the law").speaker == "Latvian Parliament"


def test_no_country_is_guessed_between_two() -> None:
    text = (
        "Thousands marched through Riga on Sunday, and Lithuanian farmers drove to"
        " Vilnius to join a second march.\n\n"
        "The interior ministry said six people had been detained."
    )
    assert article_country(text) is None
    quote = quote_with(text, "six people")
    assert quote.speaker_kind is SpeakerKind.DESCRIPTION


def test_another_country_s_ministry_named_before_is_not_overruled() -> None:
    text = (
        "RIGA (Wire) - Estonia's interior ministry closed two crossings on Monday.\n\n"
        "The interior ministry said the queues had grown overnight."
    )
    quote = quote_with(text, "queues had grown")
    assert quote.speaker != "Latvian Interior Ministry"


def test_a_surname_that_is_a_country_names_no_country() -> None:
    text = "Senator Paul Jordan met farmers. Paul Jordan said little. Jordan left."
    assert article_country(text) is None
