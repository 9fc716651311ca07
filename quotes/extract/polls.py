"""Findings reported "in a poll" or survey (rule in_poll)."""

from __future__ import annotations

import re

from quotes.extract.article import Article, clause_end, fewer_words, stripped_start
from quotes.extract.cues import QUOTE_OPENING, inside
from quotes.extract.found import Found
from quotes.extract.mentions import Mention
from quotes.extract.model import QuoteKind, SpeakerKind
from quotes.extract.quotation import QuoteSpan

# "In the latest Harbour Institute poll, Lind led by six points": a finding reported
# by a poll or survey, named in a prepositional phrase.
_IN_POLL = re.compile(
    r"\b[Ii]n\s+((?:the|a|an|this|that|its|their|his|her|[A-Z][\w’'/.&-]*)\s+"
    r"(?:[\w’'/.&-]+\s+){0,7}?(?:poll|polls|survey|surveys|study))\b"
)


# The words that name a poll. No two of their occurrences overlap, so
# ``str.find`` lists the same places as a pattern would, several times faster;
# most articles name none.
_POLL_WORDS = ("poll", "survey", "study")


def _poll_words(text: str) -> list[tuple[int, int]]:
    """Where each poll word stands, in the text's order."""
    found = []
    for word in _POLL_WORDS:
        position = text.find(word)
        while position != -1:
            found.append((position, position + len(word)))
            position = text.find(word, position + len(word))
    return sorted(found)


def _poll_phrases(article: Article) -> list[re.Match[str]]:
    """ "in ... poll" phrases, searched only in the sentences that name a poll:
    the phrase pattern is slow to try at every "in" of an article."""
    text = article.text
    matches: list[re.Match[str]] = []
    searched_to = 0
    for start, end in _poll_words(text):
        if start < searched_to:
            continue
        sentence_start = article.sentence_start(start)
        searched_to = article.sentence_end(end)
        matches.extend(_IN_POLL.finditer(text, sentence_start, searched_to))
    return matches


def in_poll(article: Article, quotations: list[tuple[QuoteSpan, ...]]) -> list[Found]:
    text = article.text
    found: list[Found] = []
    starts = [group[0].start for group in quotations]
    for match in _poll_phrases(article):
        if inside(match.start(), starts, quotations):
            continue
        sentence_start = article.sentence_start(match.start())
        sentence_end = article.sentence_end(match.end())
        source = Mention(match[1], match.start(1), match.end(1), SpeakerKind.DESCRIPTION, match[1])
        if not text[sentence_start : match.start()].strip():
            comma = text.find(",", match.end(), sentence_end)
            if comma == -1:
                continue
            start = stripped_start(text, comma + 1, sentence_end)
            end = clause_end(text, start, sentence_end)
        else:
            start = stripped_start(text, sentence_start, match.start())
            end = clause_end(text, start, match.start())
            while end > start and text[end - 1] in ", ":
                end -= 1
        if fewer_words(text[start:end], 3) or QUOTE_OPENING.match(text, start, end):
            continue
        found.append(
            Found(
                start,
                end,
                QuoteKind.INDIRECT,
                source,
                (match.start(), match.start() + 2),
                0.5,
            )
        )
    return found
