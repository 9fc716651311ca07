"""Interview transcripts: answers are the interviewee's, questions nobody's
(quotes.extract.interviews); the texts are this project's own."""

from __future__ import annotations

import datetime as dt

from quotes.extract import extract_quotes
from quotes.extract.model import QuoteKind

# A Wednesday.
DAY = dt.date(2031, 3, 12)

TURNS = (
    "\n\nQ: Why shut the old pier before the storms?"
    "\n\nA: Because its pilings are rotten. A third of them failed our tests last autumn."
    "\n\nQ: The mayor wants the repairs to wait. Is he wrong?"
    "\n\nA: He has never been under that pier with a torch, and I have."
    "\n\nQ: Where will the fishing boats go?"
    "\n\nA: To the east quay, which is crowded but safe."
)


def _answers(text: str) -> list[tuple[str, str | None, dt.date | None]]:
    return [
        (quote.text, quote.speaker, quote.said_on)
        for quote in extract_quotes(text, DAY)
        if quote.rule == "interview_answer"
    ]


def test_answers_are_the_interviewee_s_dated_by_the_introduction() -> None:
    text = (
        "Lotte Brandsma has run the repair crews at the port of Velmar for eleven years."
        " She spoke to the Coastal Gazette on Monday about the pier." + TURNS
    )
    found = extract_quotes(text, DAY)
    answers = [quote for quote in found if quote.rule == "interview_answer"]
    assert [quote.text[:20] for quote in answers] == [
        "Because its pilings ",
        "He has never been un",
        "To the east quay, wh",
    ]
    assert {quote.speaker for quote in answers} == {"Lotte Brandsma"}
    assert {quote.kind for quote in answers} == {QuoteKind.DIRECT}
    assert {quote.said_on for quote in answers} == {dt.date(2031, 3, 10)}
    assert {text[quote.cue_start : quote.cue_end] for quote in answers} == {"A:"}  # type: ignore[misc]
    # No question is anyone's statement, least of all the interviewee's.
    assert not [quote for quote in found if "?" in quote.text]


def test_the_interviewee_may_follow_interview_with() -> None:
    text = (
        "The port has a new chief. In an interview with Lotte Brandsma, who took over"
        " in April, we asked about the pier." + TURNS
    )
    assert {speaker for _, speaker, _ in _answers(text)} == {"Lotte Brandsma"}
    # No day given for the interview: the day it was printed.
    assert {said_on for _, _, said_on in _answers(text)} == {DAY}


def test_the_interviewee_may_have_told_an_outlet_in_an_interview() -> None:
    text = (
        "Velmar's harbour is losing money. Port engineer Lotte Brandsma told the Coastal"
        " Gazette in an interview that the pier must close." + TURNS
    )
    assert {speaker for _, speaker, _ in _answers(text)} == {"Lotte Brandsma"}


def test_the_interviewee_may_be_set_off_by_an_apposition() -> None:
    text = (
        "Lotte Brandsma, 52, the harbour's chief engineer, spoke to the Coastal Gazette"
        " on Monday." + TURNS
    )
    assert {speaker for _, speaker, _ in _answers(text)} == {"Lotte Brandsma"}


def test_an_interview_with_an_outlet_names_no_interviewee() -> None:
    text = "In an interview with the Coastal Gazette, engineers talked about the pier." + TURNS
    assert _answers(text) == []


def test_two_people_interviewed_give_the_answers_to_nobody() -> None:
    text = (
        "Lotte Brandsma runs the repair crews and Pieter Hals ran them before her."
        " Lotte Brandsma and Pieter Hals spoke to the Gazette on Monday." + TURNS
    )
    assert _answers(text) == []


def test_a_pronoun_of_the_other_gender_finds_no_interviewee() -> None:
    text = (
        "Lotte Brandsma has run the repair crews at the port for eleven years."
        " He spoke to the Gazette on Monday." + TURNS
    )
    assert _answers(text) == []


def test_a_single_exchange_is_no_transcript() -> None:
    text = (
        "Lotte Brandsma spoke to the Gazette on Monday.\n\nQ: Why shut the pier?"
        "\n\nA: Because its pilings are rotten through."
    )
    assert _answers(text) == []


def test_an_interviewer_label_is_no_speaker() -> None:
    text = (
        "Lotte Brandsma spoke to the Gazette on Monday."
        "\n\nInterviewer: Why shut the old pier before the storms?"
        "\n\nBrandsma: Because its pilings are rotten, and a third failed our tests."
        "\n\nInterviewer: Where will the boats go?"
        "\n\nBrandsma: To the east quay, which is crowded but safe."
    )
    found = extract_quotes(text, DAY)
    assert {quote.speaker for quote in found} == {"Lotte Brandsma"}
    assert not [quote for quote in found if "?" in quote.text]


def test_a_question_saying_you_said_gives_nothing_to_you() -> None:
    text = (
        "Lotte Brandsma spoke to the Gazette on Monday."
        "\n\nQ: You said last month that the pier would stay open. What changed?"
        "\n\nA: The test results came back, and they were far worse than we feared."
        "\n\nQ: Will the east quay cope?"
        "\n\nA: It will be crowded, but it will cope with every boat we have."
    )
    found = extract_quotes(text, DAY)
    assert {quote.speaker for quote in found} == {"Lotte Brandsma"}


def test_named_turns_mark_the_interviewer_s_questions() -> None:
    text = (
        "Lotte Brandsma spoke to Pieter Hals on Monday."
        "\n\nPieter Hals: Why shut the old pier before the storms?"
        "\n\nLotte Brandsma: Because its pilings are rotten through."
        "\n\nHALS: Could the repairs not wait a year?"
        "\n\nBRANDSMA: No. A third of them failed our tests last autumn."
    )
    found = extract_quotes(text, DAY)
    assert [(quote.rule, quote.speaker, quote.kind) for quote in found] == [
        ("interview_question", "Pieter Hals", QuoteKind.DIRECT),
        ("label_colon", "Lotte Brandsma", QuoteKind.DIRECT),
        ("interview_question", "Pieter Hals", QuoteKind.DIRECT),
        ("label_colon", "Lotte Brandsma", QuoteKind.DIRECT),
    ]
    assert {quote.said_on for quote in found} == {dt.date(2031, 3, 10)}


def test_a_summary_line_is_no_transcript() -> None:
    text = "Lotte Brandsma: The old pier must close before the winter storms arrive."
    (quote,) = extract_quotes(text, DAY)
    assert (quote.rule, quote.kind) == ("label_colon", QuoteKind.INDIRECT)
