"""The quotes of an article as ``quotes import`` would store them, without storing.

For ``quotes extract``: the same reader (``quotes.sources``), the same
language rule, the same extractor; each quote's ``speaker`` is the name import
files it under (``quotes.match.filing_name``: the Kremlin -> Russian
government, titles dropped) where that names someone, and its offsets are
positions in the file where the article's text lies there whole.
"""

from __future__ import annotations

import dataclasses

from quotes import match
from quotes.extract import ExtractedQuote, extract_quotes
from quotes.sources import ArticleInput
from quotes.sources.language import is_english


def article_quotes(article: ArticleInput) -> list[ExtractedQuote]:
    """The quotes import would store for ``article`` (none in a language the
    rules are not written for), named and placed as described above."""
    if not is_english(article.language):
        return []
    return [_as_filed(article, quote) for quote in extract_quotes(article.text, article.published)]


def _as_filed(article: ArticleInput, quote: ExtractedQuote) -> ExtractedQuote:
    printed = quote.speaker or quote.speaker_mention or ""
    speaker = match.filing_name(printed, quote.speaker_kind) or quote.speaker
    placement = article.placement
    if placement is None:
        return dataclasses.replace(quote, speaker=speaker)
    span = placement.span_in_document

    def maybe(start: int | None, end: int | None) -> tuple[int | None, int | None]:
        return (start, end) if start is None or end is None else span(start, end)

    start, end = span(quote.start, quote.end)
    cue_start, cue_end = maybe(quote.cue_start, quote.cue_end)
    speaker_start, speaker_end = maybe(quote.speaker_start, quote.speaker_end)
    return dataclasses.replace(
        quote,
        speaker=speaker,
        start=start,
        end=end,
        cue_start=cue_start,
        cue_end=cue_end,
        speaker_start=speaker_start,
        speaker_end=speaker_end,
    )
