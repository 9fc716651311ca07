"""Helpers shared by the extraction rule tests."""

from __future__ import annotations

from quotes.extract import ExtractedQuote, extract_quotes


def only(text: str) -> ExtractedQuote:
    """The one quote found in ``text`` (fails, listing them, if there are more or none)."""
    found = extract_quotes(text)
    assert len(found) == 1, [(q.text, q.speaker_mention) for q in found]
    return found[0]


def mention(text: str, quote: ExtractedQuote) -> str:
    """The speaker mention as printed, by its span."""
    assert quote.speaker_start is not None and quote.speaker_end is not None
    return text[quote.speaker_start : quote.speaker_end]


def quote_with(text: str, words: str) -> ExtractedQuote:
    """The first quote found in ``text`` whose wording holds ``words``."""
    found = extract_quotes(text)
    matching = [quote for quote in found if words in quote.text]
    assert matching, [(q.text, q.speaker_mention) for q in found]
    return matching[0]
