"""A participle after a quote's attribution ('"...," Berg said, adding ...')
reports a second statement of the same speaker (quotes.extract.spans,
quotes.extract.subjects.reporter_after_quote)."""

from __future__ import annotations

import datetime as dt

import pytest

from quotes.extract import extract_quotes
from tests.extract.quote_helpers import mention, quote_with

DAY = dt.date(2031, 4, 9)

CASES: list[tuple[str, str, str, str]] = [
    # (text, words of the second statement, its rule, its speaker mention)
    (
        '"The pier is rotten through," Wilma Berg said, adding, "Nobody on the council'
        ' listened to the crews."',
        "Nobody on the council",
        "said_then_quote",
        "Wilma Berg",
    ),
    (
        "The harbour master spoke for an hour. “We are ready. The boats are fuelled,” she"
        " said, adding: “Only the weather can stop us now.”",
        "Only the weather",
        "said_then_quote",
        "she",
    ),
    (
        '"The pier is rotten through," Wilma Berg said, adding that the council had "ignored'
        ' every warning" from the crews.',
        "ignored every warning",
        "said_that",
        "Wilma Berg",
    ),
    (
        '"The pier is rotten through," said Wilma Berg, a ferry captain, adding that the'
        ' council had "ignored every warning" from the crews.',
        "ignored every warning",
        "said_that",
        "Wilma Berg",
    ),
    (
        'The new dredger will be late, the engineers said, but "the channel stays open,"'
        " Oskar Lind wrote, noting that the old dredger still works.",
        "old dredger still works",
        "said_that",
        "Oskar Lind",
    ),
]


@pytest.mark.parametrize(("text", "words", "rule", "speaker"), CASES)
def test_the_participle_goes_on_for_the_quotes_speaker(
    text: str, words: str, rule: str, speaker: str
) -> None:
    quote = quote_with(text, words)
    assert (quote.rule, mention(text, quote)) == (rule, speaker)


def test_the_first_quote_ends_before_the_participle() -> None:
    text = (
        '"The pier is rotten through," Wilma Berg said, adding, "Nobody on the council'
        ' listened to the crews."'
    )
    first = quote_with(text, "rotten")
    assert first.text == '"The pier is rotten through,"'
    assert mention(text, first) == "Wilma Berg"


def test_a_participle_without_a_comma_leaves_the_quote_whole() -> None:
    text = (
        '"Many of us are tired of waiting," Oskar Lind wrote in a letter to the board'
        ' explaining his vote, "but nobody wants the ferry gone."'
    )
    [quote] = [q for q in extract_quotes(text, DAY) if "tired" in q.text]
    assert "nobody wants the ferry gone" in quote.text


def test_whom_it_was_told_to_is_not_the_speaker() -> None:
    text = (
        'Holt, who called the plan "absurd," told reporters on the quay, saying the council'
        " had failed the island."
    )
    quote = quote_with(text, "council had failed")
    assert mention(text, quote) == "Holt"
