"""The day of a quote whose own attribution tells none: the day the story
told for it (quotes.extract.story_days), else the publication date."""

from __future__ import annotations

import datetime as dt

from quotes.extract import extract_quotes

PUBLISHED = dt.date(2031, 3, 12)  # a Wednesday
MONDAY = dt.date(2031, 3, 10)


def _day(text: str, words: str) -> dt.date | None:
    (quote,) = [q for q in extract_quotes(text, PUBLISHED) if words in q.text]
    return quote.said_on


def test_an_earlier_sentence_of_the_paragraph_dates_the_quote() -> None:
    text = 'Ana Ferro met the envoys on Monday. "We agreed on nothing," she said.'
    assert _day(text, "agreed on nothing") == MONDAY


def test_a_day_bounding_a_state_or_ahead_dates_no_saying() -> None:
    text = (
        "Ana Ferro met the envoys on Monday. The vote will be held on Friday. "
        'Shops have been shut since Tuesday. "We agreed on nothing," she said.'
    )
    assert _day(text, "agreed on nothing") == MONDAY


def test_a_speaker_s_last_day_dates_her_next_quote_until_another_day_is_told() -> None:
    text = (
        "Ana Ferro said on Monday that the envoys had left the port.\n\n"
        '"We will not leave," Ferro said.\n\n'
        "On Tuesday the navy towed a trawler out of the bay.\n\n"
        '"The bay is ours," Ferro said.'
    )
    assert _day(text, "will not leave") == MONDAY
    assert _day(text, "bay is ours") == PUBLISHED
