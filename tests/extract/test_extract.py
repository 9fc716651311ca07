"""The extractor on wire copy written for these tests: speakers, spans, kinds, dates."""

from __future__ import annotations

import datetime as dt

import pytest

from quotes.extract import (
    DatePrecision,
    ExtractedQuote,
    QuoteKind,
    SpeakerKind,
    extract_quotes,
)

TUESDAY = dt.date(2025, 6, 3)

# Paragraphs are single lines, as in wire copy.
ARTICLE = """Kremlin rules out early summit

Kremlin spokesman Dmitry Peskov said on Monday that a meeting between the two presidents was not on the agenda.

"In the near future," Peskov told reporters, "it is unlikely."

"We have seen no signal from Kyiv," he added. "Nothing has changed."

Ukrainian President Volodymyr Zelensky accused Russia of "deliberately" targeting civilians in the east. Zelensky said last week that Ukraine would not give up any territory.

The talks will resume in Geneva on May 28, according to the White House.
"""


def _find(quotes: list[ExtractedQuote], fragment: str) -> ExtractedQuote:
    matches = [quote for quote in quotes if fragment in quote.text]
    assert len(matches) == 1, [quote.text for quote in quotes]
    return matches[0]


@pytest.fixture(scope="module")
def quotes() -> list[ExtractedQuote]:
    return extract_quotes(ARTICLE, TUESDAY)


def test_indirect_speech_with_full_name_and_role(quotes: list[ExtractedQuote]) -> None:
    quote = _find(quotes, "not on the agenda")
    assert quote.kind is QuoteKind.INDIRECT
    assert quote.speaker == "Dmitry Peskov"
    assert quote.speaker_role == "Kremlin spokesman"
    assert quote.speaker_kind is SpeakerKind.PERSON
    assert ARTICLE[quote.start : quote.end] == quote.text
    assert quote.text.startswith("that a meeting")
    # "on Monday" in a paper dated Tuesday 2025-06-03.
    assert (quote.said_on, quote.date_precision) == (
        dt.date(2025, 6, 2),
        DatePrecision.DAY,
    )


def test_quote_interrupted_by_its_attribution_is_one_quote(
    quotes: list[ExtractedQuote],
) -> None:
    quote = _find(quotes, "In the near future")
    assert quote.text == '"In the near future," "it is unlikely."'
    assert ARTICLE[quote.start : quote.end] == (
        '"In the near future," Peskov told reporters, "it is unlikely."'
    )
    assert quote.speaker == "Dmitry Peskov"
    assert quote.speaker_mention == "Peskov"
    assert ARTICLE[quote.speaker_start : quote.speaker_end] == "Peskov"  # type: ignore[misc]
    assert quote.cue == "told"
    # No date in the attribution: the day Peskov was last said to speak
    # ("said on Monday", the paragraph before), as reported, not read there.
    assert (quote.said_on, quote.date_precision) == (
        TUESDAY - dt.timedelta(days=1),
        DatePrecision.REPORTED,
    )


def test_pronoun_resolves_to_the_last_named_speaker(
    quotes: list[ExtractedQuote],
) -> None:
    quote = _find(quotes, "no signal from Kyiv")
    assert quote.speaker == "Dmitry Peskov"
    assert quote.speaker_mention == "he"
    assert ARTICLE[quote.speaker_start : quote.speaker_end] == "he"  # type: ignore[misc]


def test_partial_quote_inside_reported_speech(quotes: list[ExtractedQuote]) -> None:
    quote = _find(quotes, '"deliberately"')
    assert quote.kind is QuoteKind.PARTIAL
    assert quote.speaker == "Volodymyr Zelensky"
    assert quote.speaker_role == "Ukrainian President"


def test_surname_and_last_week(quotes: list[ExtractedQuote]) -> None:
    quote = _find(quotes, "give up any territory")
    assert quote.speaker == "Volodymyr Zelensky"
    assert quote.speaker_mention == "Zelensky"
    assert (quote.said_on, quote.date_precision) == (
        dt.date(2025, 5, 26),
        DatePrecision.WEEK,
    )


def test_according_to_a_government_body(quotes: list[ExtractedQuote]) -> None:
    quote = _find(quotes, "talks will resume")
    # The speaker is the body the metonym stands for; the mention stays as printed.
    assert quote.speaker == "US administration"
    assert quote.speaker_mention == "the White House"
    assert quote.speaker_kind is SpeakerKind.GOVERNMENT
    # "on May 28" dates the talks, not the statement: nothing in the attribution does.
    assert (quote.said_on, quote.date_precision) == (TUESDAY, DatePrecision.REPORTED)


def test_every_span_indexes_the_text(quotes: list[ExtractedQuote]) -> None:
    for quote in quotes:
        assert 0 <= quote.start < quote.end <= len(ARTICLE)
        if quote.speaker_start is not None:
            assert ARTICLE[quote.speaker_start : quote.speaker_end] == quote.speaker_mention


@pytest.mark.parametrize(
    ("marks", "body"),
    [
        ("“{}”", "curly"),
        ("«{}»", "guillemets"),
        ("„{}“", "low-high"),
        ('"{}"', "straight"),
    ],
)
def test_every_common_quotation_mark_style(marks: str, body: str) -> None:
    sentence = marks.format(f"The {body} marks carry the whole sentence here,") + (
        " the minister said on Tuesday."
    )
    quotes = extract_quotes(sentence, TUESDAY)
    assert len(quotes) == 1
    assert quotes[0].kind is QuoteKind.DIRECT
    assert quotes[0].speaker == "the minister"
    assert quotes[0].speaker_kind is SpeakerKind.DESCRIPTION
    assert quotes[0].said_on == TUESDAY


@pytest.mark.parametrize(
    ("text", "quoted", "speaker"),
    [
        # at a paragraph's start, before its words or an ellipsis
        (
            "Readers wrote in.\n\n”The night buses never come on time,” ― Oskar Lind",
            "”The night buses never come on time,”",
            "Oskar Lind",
        ),
        (
            "She was blunt.\n\n” … the tunnel will not open this year,” Wilma Berg said.",
            "” … the tunnel will not open this year,”",
            "Wilma Berg",
        ),
        # after a space, right before a word
        (
            "Wilma Berg said, ”The tunnel will not open this year.”",
            "”The tunnel will not open this year.”",
            "Wilma Berg",
        ),
    ],
)
def test_a_closing_mark_typed_as_the_opening_one_opens(
    text: str, quoted: str, speaker: str
) -> None:
    [quote] = extract_quotes(text, TUESDAY)
    assert (quote.text, quote.speaker) == (quoted, speaker)


def test_a_stray_closing_mark_after_a_word_opens_nothing() -> None:
    text = "The tunnel” will not open this year, Wilma Berg said."
    assert all(not quote.text.startswith("”") for quote in extract_quotes(text, TUESDAY))


def test_single_quotes_inside_double_stay_in_one_quote() -> None:
    text = "\"They told us 'wait and see' for a year,\" Peskov said."
    [quote] = extract_quotes(text, TUESDAY)
    assert quote.text == "\"They told us 'wait and see' for a year,\""


def test_quote_over_several_paragraphs() -> None:
    text = (
        'Peskov said: "The first part of the answer runs to the end of this paragraph.\n\n'
        '"And the second part continues here, with no closing mark before."\n\n'
        "Officials declined to comment further."
    )
    quotes = extract_quotes(text, TUESDAY)
    direct = [quote for quote in quotes if quote.kind is QuoteKind.DIRECT]
    assert len(direct) == 1
    assert direct[0].text.endswith('no closing mark before."')
    assert direct[0].speaker == "Peskov"


def test_quote_only_paragraph_continues_the_previous_speaker() -> None:
    text = (
        '"We are ready to talk," Zelensky said on Friday.\n\n'
        '"But not at any price, and not with a gun to our heads."'
    )
    quotes = extract_quotes(text, dt.date(2025, 6, 6))
    assert [quote.speaker for quote in quotes] == ["Zelensky", "Zelensky"]
    assert quotes[1].confidence < quotes[0].confidence


def test_scare_quotes_are_not_statements() -> None:
    text = 'The so-called "peace plan" was published in a newspaper on Sunday.'
    assert extract_quotes(text, TUESDAY) == []


def test_described_speaker_is_kept_not_guessed() -> None:
    text = '"There will be no concessions," a senior official told reporters.'
    [quote] = extract_quotes(text, TUESDAY)
    assert quote.speaker == "a senior official"
    assert quote.speaker_kind is SpeakerKind.DESCRIPTION


def test_reported_speech_inside_reported_speech() -> None:
    text = "Moscow demanded that Ukraine pull its troops out of the region, said Peskov."
    quotes = extract_quotes(text, TUESDAY)
    by_speaker = {quote.speaker: quote.text for quote in quotes}
    assert by_speaker == {
        "Peskov": "Moscow demanded that Ukraine pull its troops out of the region",
        "Russian government": "that Ukraine pull its troops out of the region",
    }


def test_metonym_as_speaker_of_indirect_speech() -> None:
    text = "Moscow on Monday demanded that Ukraine pull its troops out of the region."
    [quote] = extract_quotes(text, TUESDAY)
    assert quote.speaker == "Russian government"
    assert quote.speaker_mention == "Moscow"
    assert quote.speaker_kind is SpeakerKind.GOVERNMENT
    assert quote.text.startswith("that Ukraine")
    assert quote.said_on == dt.date(2025, 6, 2)


def test_no_publication_date_and_no_cue_is_unknown() -> None:
    [quote] = extract_quotes('"We will rebuild every school," the mayor said.')
    assert (quote.said_on, quote.date_precision) == (None, DatePrecision.UNKNOWN)
