"""Which quotation spans are quotes: titles ("Life on the Docks") and labels
are not, and two pieces around a short attribution are one."""

from __future__ import annotations

import re

from quotes.extract.article import Article, last_before, word_count
from quotes.extract.cues import CUE
from quotes.extract.lexicon import NAME_PARTICLES, PARTICIPLE_CUES
from quotes.extract.quotation import QuoteSpan

# An attribution between two pieces of one quote: ", he said, " / ", Peskov told reporters. "
_MAX_GAP = 90


# Words a title in quotation marks may keep in lower case ("Life on the Docks").
_TITLE_SMALL_WORDS = frozenset(
    "a an and as at by for from in into of on or the to with vs & is".split()
)


# What stands before a title: "Radio North's "Life on the Docks"", "on
# "Harbour Hour"", "in "The Long Tide"", "a book titled "Salt"".
_BEFORE_TITLE = re.compile(
    r"(?:['’]s|s['’]|\b(?:on|in|of|titled|entitled|dubbed|named))\s*$"
    r"|\b(?:show|program|programme|book|film|movie|column|series|documentary|magazine|"
    r"newspaper|song|album|anthem|memoir|autobiography|podcast|play|novel),?\s*$",
    re.IGNORECASE,
)


_TITLE_WORD = re.compile(r"[\w'’&-]+")


_MAX_TITLE_WORDS = 7


# "March 3, 2031", "@harbourmaster", "https://...": what embedded posts
# put in quotation marks is a date, a handle or a link, not words anyone said.
_LABEL = re.compile(
    r"\W*(?:[A-Z][a-z]+\.? \d{1,2}, \d{4}|@\w+|https?://\S+|pic\.twitter\.com/\S+)\W*"
)


def is_label(text: str, span: QuoteSpan) -> bool:
    return _LABEL.fullmatch(text, span.start + 1, span.end - 1) is not None


def is_title(text: str, span: QuoteSpan) -> bool:
    """The name of a show, book, film or column in quotation marks, not words said.

    Short, every word capitalised but the small ones, and set where a title
    stands (after a possessive or "on", "in", "titled"): no speaker said it.
    """
    if not span.closed:
        return False
    inner = text[span.start + 1 : span.end - 1].strip(" ,.'")  # '' marks are two
    # The words are read one by one and the first that no title has ends it:
    # a quote is told at its first lower-case word, a long one a word past
    # the most a title has.
    count = 0
    for count, match in enumerate(_TITLE_WORD.finditer(inner), 1):
        word = match[0]
        if (
            count > _MAX_TITLE_WORDS
            or not (word[0].isupper() or word[0].isdigit() or word.casefold() in _TITLE_SMALL_WORDS)
            or (count == 1 and not word[0].isupper())
        ):
            return False
    if count == 0 or inner.endswith(("?", "!")):
        return False
    return _BEFORE_TITLE.search(text, max(0, span.start - 40), span.start) is not None


# 'Marta "Mac" Lind', 'Gov. C.J. "Buck" Aho': a nickname set inside a name.
_NICKNAME = re.compile(r"[A-Z][\w.'’-]*\s$")
# The surname after a nickname may open on particles: 'Ana "Nena" de la Cruz'.
_NAME_AFTER = re.compile(
    r"\s(?:(?:" + "|".join(sorted(NAME_PARTICLES, key=len, reverse=True)) + r")\s+)*[A-Z][a-z]"
)
_MAX_NICKNAME = 30  # characters, its marks included


def is_nickname(text: str, span: QuoteSpan) -> bool:
    """One or two capitalised words in quotation marks between a given name
    and a surname: part of the name, not words said."""
    if span.end - span.start > _MAX_NICKNAME or _NAME_AFTER.match(text, span.end) is None:
        return False
    words = text[span.start + 1 : span.end - 1].strip("'").split()
    return (
        0 < len(words) <= 2
        and all(word[:1].isupper() for word in words)
        and _NICKNAME.search(text, max(0, span.start - 20), span.start) is not None
    )


def merge_interrupted(article: Article, spans: list[QuoteSpan]) -> list[tuple[QuoteSpan, ...]]:
    """Join the pieces of a quote interrupted by its attribution: inside one
    sentence ("By the spring," she said, "the pier will be rebuilt.") or across
    the attribution's own sentence ("The pier is safe," she said. "We checked it.")."""
    groups: list[tuple[QuoteSpan, ...]] = []
    for span in spans:
        if groups:
            previous = groups[-1][-1]
            gap = article.text[previous.end : span.start]
            if (
                previous.closed
                and len(groups[-1]) < 3
                and "\n" not in gap
                and (
                    _interrupts(article, previous, gap)
                    or (len(groups[-1]) == 1 and _attribution_sentence(article, previous, span))
                )
                and not _has_own_attribution(article, span)
            ):
                groups[-1] = (*groups[-1], span)
                continue
        groups.append((span,))
    return groups


def _interrupts(article: Article, previous: QuoteSpan, gap: str) -> bool:
    text = article.text
    if not (
        len(gap) <= _MAX_GAP
        and CUE.search(gap) is not None
        and (gap.strip()[:1] in (",", "") or text[previous.end - 2] in ",")
    ):
        return False
    if _goes_on(gap):
        return False
    # Across a sentence end only a quote that opens its sentence goes on:
    # '... looked "much better," Halvorsen said. "We can hire."' is two.
    return (
        article.sentence_end(previous.end) >= previous.end + len(gap)
        or not text[article.sentence_start(previous.start) : previous.start].strip()
    )


def _goes_on(gap: str) -> bool:
    """'", she said, adding, "' / '", Berg said, adding that the council had "':
    a participle after the attribution reports a second statement, not the
    rest of the first."""
    cues = list(CUE.finditer(gap))
    return (
        len(cues) >= 2
        and cues[-1][0] in PARTICIPLE_CUES
        and gap[: cues[-1].start()].rstrip().endswith(",")
    )


def _attribution_sentence(article: Article, previous: QuoteSpan, span: QuoteSpan) -> bool:
    """'" Berg told the crews on Monday. "': a whole attribution sentence
    between two quotes, the second opening the next sentence."""
    text = article.text
    closing = previous.end - (2 if text.startswith("''", previous.end - 2) else 1)
    if last_before(text, closing) not in (",", "?", "!") or span.start - previous.end > 250:
        return False
    end = article.sentence_end(previous.end)
    if end > span.start or text[end : span.start].strip():
        return False
    if text[article.sentence_start(previous.start) : previous.start].strip():
        return False  # a fragment inside a sentence: '... may be "strategic," said X.'
    cue = CUE.search(text, previous.end, end)
    return cue is not None and word_count(text[previous.end : cue.start()]) <= 25


def _has_own_attribution(article: Article, span: QuoteSpan) -> bool:
    """'"B," he added.': the second quote has its own verb, so it is a statement
    of its own, not the rest of the first."""
    text = article.text
    if not span.closed or last_before(text, span.end, "\"”' ") not in (",", "?", "!"):
        return False
    end = article.sentence_end(span.end)
    cue = CUE.search(text, span.end, end)
    return cue is not None and word_count(text[span.end : cue.start()]) <= 6
