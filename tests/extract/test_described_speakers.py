"""A described speaker ("the veteran nurse", "the premier") is the person
named before only where the article lets one person be meant; the texts are
this project's own."""

from __future__ import annotations

import datetime as dt

from tests.extract.quote_helpers import quote_with

DAY = dt.date(2031, 6, 6)


def test_a_description_after_a_two_sentence_quote_is_the_speaker_just_quoted() -> None:
    text = (
        "Dr Hanne Voss, vice-chair of the Northern College of Nursing, spoke after the"
        " minister. \u201cEvery spring we hear the wards will be staffed. They never are,\u201d"
        " she said.\n\n"
        "She said she had delivered twins in a hospital car park last April.\n\n"
        "\u201cThat is not a maternity service. That is luck,\u201d the veteran nurse added."
    )
    quote = quote_with(text, "That is luck")
    assert quote.speaker == "Hanne Voss"


def test_a_description_read_as_a_person_stays_that_person_for_a_later_pronoun() -> None:
    text = (
        "Lars Eklund has insisted that his cabinet is united after a week of quarrels"
        " over the harbour budget.\n\n"
        "\u201cWe argue in the cabinet room and nowhere else,\u201d the chancellor said on"
        " Thursday.\n\n"
        "Nils Aho, the finance minister, said the budget would balance by the spring.\n\n"
        "Maja Berg, an opposition member from the islands, said the cabinet had run out"
        " of ideas. She called the harbour budget a work of fiction. Her party, she"
        " said, would vote against every line of it.\n\n"
        "Asked about Berg\u2019s remarks, the chancellor shrugged. \u201cOpposing is easy,"
        " governing is not,\u201d he said."
    )
    assert quote_with(text, "argue in the cabinet").speaker == "Lars Eklund"
    assert quote_with(text, "Opposing is easy").speaker == "Lars Eklund"


def test_a_description_read_as_a_person_yields_to_the_passage_s_subject() -> None:
    text = (
        "Lars Eklund has insisted that his cabinet is united after a week of quarrels.\n\n"
        "\u201cWe argue in the cabinet room and nowhere else,\u201d the premier said.\n\n"
        "Nils Aho, the premier of the northern isles, insisted that his own cabinet was"
        " just as united.\n\n"
        "\u201cWe never argue at all,\u201d the premier said."
    )
    assert quote_with(text, "never argue").speaker == "Nils Aho"
