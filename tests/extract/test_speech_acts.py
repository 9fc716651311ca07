"""Speech acts only: actions, page furniture, refusals and circumstances are
no statements, while the statement next to them is still found.

Fixtures are invented; only the construction matters.
"""

from __future__ import annotations

import datetime as dt

import pytest

from quotes.extract import QuoteKind, extract_quotes

DAY = dt.date(2031, 4, 9)


def _texts(text: str) -> list[str]:
    return [quote.text for quote in extract_quotes(text, DAY)]


def test_an_action_is_no_statement() -> None:
    text = (
        "The dockers' union agreed to a two-day pause in the strike. "
        "The union said the pause would end on Friday at noon."
    )
    assert _texts(text) == ["the pause would end on Friday at noon"]


def test_an_action_verb_with_a_that_clause_reports_a_proposition() -> None:
    text = "The harbour board agreed that the offer from the shipping line was too low."
    assert _texts(text) == ["that the offer from the shipping line was too low"]


def test_rejecting_a_thing_is_an_act_and_rejecting_a_proposition_is_said() -> None:
    # A court or board that rejects a request decides; it says nothing a reader
    # could quote. Rejecting a claim that something is so is still reported speech.
    text = (
        "The appeals court rejected a plea from the fishing cooperative to reopen the bay. "
        "Councillor Ivo Brandt rejected the suggestion that the quay had been sold."
    )
    found = extract_quotes(text, DAY)
    assert [(q.speaker, q.cue, q.text) for q in found] == [
        ("Ivo Brandt", "rejected", "that the quay had been sold")
    ]


def test_page_furniture_is_no_statement_and_no_speaker() -> None:
    text = (
        "READ MORE: Why the port strike says a lot about the city\n\n"
        "ANALYSIS: The union wants a deal before the summer season\n\n"
        "Mayor Ana Ruiz said the port would reopen within a week."
    )
    found = extract_quotes(text, DAY)
    assert [q.text for q in found] == ["the port would reopen within a week"]
    assert found[0].speaker == "Ana Ruiz"


def test_an_editors_note_is_no_statement_and_no_speaker() -> None:
    text = (
        "Mayor Ana Ruiz said the port would reopen within a week.\n\n"
        "CLARIFICATION: An earlier version of this story said the mayor wanted "
        "the quay sold.\n\n"
        "UPDATED: The council said it would meet again on Friday."
    )
    found = extract_quotes(text, DAY)
    assert [(q.speaker, q.text) for q in found] == [
        ("Ana Ruiz", "the port would reopen within a week")
    ]


def test_a_photo_caption_is_no_statement() -> None:
    text = (
        "Dock workers say they will march to the town hall (Photo: Harbour Press)\n\n"
        "The union's secretary said the march would start at ten."
    )
    assert _texts(text) == ["the march would start at ten"]


def test_refused_or_negated_speech_is_no_statement() -> None:
    text = (
        "The ministry did not say whether the ferries would run this weekend. "
        "Its spokeswoman declined to comment on the timetable. "
        "The operator said the first crossing would leave at six."
    )
    assert _texts(text) == ["the first crossing would leave at six"]


def test_where_it_was_said_is_not_what_was_said() -> None:
    text = '"The port will reopen on Monday," Mayor Ana Ruiz said after a meeting at the town hall.'
    found = extract_quotes(text, DAY)
    assert [(q.text, q.kind) for q in found] == [
        ('"The port will reopen on Monday,"', QuoteKind.DIRECT)
    ]
    assert found[0].speaker == "Ana Ruiz"


def test_a_possessed_verb_form_is_a_noun() -> None:
    text = (
        "Her comments came hours after the vote in the council chamber. "
        "The council leader said the vote would be held again in May."
    )
    assert _texts(text) == ["the vote would be held again in May"]


def test_a_phrase_of_place_or_manner_before_the_speaker_is_not_what_was_said() -> None:
    text = (
        "In a short letter, the ferry operator told its passengers.\n\n"
        "At the harbour meeting, Mayor Ana Ruiz urged the crews to return by noon.\n\n"
        "After the strike, the timetable will change, the operator said."
    )
    found = extract_quotes(text, DAY)
    assert [(q.speaker, q.text) for q in found] == [
        ("Ana Ruiz", "the crews to return by noon"),
        ("the operator", "After the strike, the timetable will change"),
    ]


def test_no_one_in_particular_is_no_speaker() -> None:
    text = (
        "Nobody said the night ferry would be cut.\n\n"
        "Everyone expects the tolls to rise, the harbour master said."
    )
    found = extract_quotes(text, DAY)
    assert [(q.speaker, q.text) for q in found] == [
        ("the harbour master", "Everyone expects the tolls to rise")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The claims were thrown out by the tribunal in March.",
        "Her remarks drew a rebuke from the harbour board.",
        "The comments came hours after the ferry ran aground.",
        "Their warnings went unheeded for a decade.",
        "Ivo Brandt steered around the charged phrase, \u201cgreedy landlords,\u201d all evening.",
    ],
)
def test_a_verb_of_saying_after_an_article_or_possessive_is_a_noun(text: str) -> None:
    # "the claims", "her remarks": what was said, named as a thing; no one says
    # anything here, and the article is never a speaker.
    assert [(q.text, q.speaker) for q in extract_quotes(text, DAY) if q.speaker] == []


def test_a_share_of_a_group_s_claims_is_counted_not_said() -> None:
    # "41% of Liberal claims": the party's claims, counted by the fact-checker
    # whose verdict is quoted; the party is no speaker of the verdict.
    text = (
        'The Ledger rated 41% of Liberal claims as "false" in 2030, against 17% of Labour claims.'
    )
    assert [(q.speaker, q.text) for q in extract_quotes(text, DAY)] == [("Ledger", '"false"')]


def test_a_fact_checker_s_rating_is_its_own_words() -> None:
    text = 'The Harbour Ledger rated the councillor\u2019s claim "mostly false" on Friday.'
    [quote] = extract_quotes(text, DAY)
    assert (quote.speaker, quote.cue) == ("Harbour Ledger", "rated")
