"""Labels that open a paragraph: a speaker's ("Holt: ...", rule label_colon)
or the page's ("READ MORE:", never a speaker)."""

from __future__ import annotations

import re

from quotes.extract.article import Article, clause_end, fewer_words, word_count
from quotes.extract.cues import VERB_FIRST
from quotes.extract.found import Found
from quotes.extract.mentions import subject_before
from quotes.extract.model import QuoteKind, SpeakerKind
from quotes.extract.quotation import QuoteSpan

# "Holt: The new toll is ruining the ferry's trade": a speaker, a
# colon and what they said, opening a paragraph (headlines, summaries).
_HEADLINE = re.compile(
    r"[^\S\n]*((?:[^\W\d_][\w.'’-]*[^\S\n]+){0,4}[^\W\d_][\w.'’-]*):[^\S\n]+(\S[^\n]*)"
)


_NOT_SPEAKERS = frozenset(
    """
        update note watch photos photo video related read see editor's correction
        exclusive breaking live listen q a advertisement sources source question
        answer interviewer image images credit caption
    """.split()
)


# Words of page furniture labels: "READ MORE:", "ANALYSIS:", "Media contact:",
# and the editor's notes outlets print under a story ("CLARIFICATION:").
_FURNITURE_WORDS = _NOT_SPEAKERS | frozenset(
    """
        more contact contacts analysis explainer opinion comment gallery pictures
        also podcast newsletter sponsored clarification corrections updated
        disclosure disclaimer transcript
    """.split()
)


def _furniture_label(label: str) -> bool:
    """A label of the page, not a speaker: "READ MORE", "ANALYSIS", "Media contact"."""
    return not _FURNITURE_WORDS.isdisjoint(label.lower().split())


# "READ MORE: ...", "WATCH: ...", "Advertisement", "(Photo: Reuters)": lines of
# the page, not of the story; nobody says anything in them.
_FURNITURE_LABEL = re.compile(
    r"[^\S\n]*(?:([A-Za-z][A-Za-z ]{1,30}):|Advertisement[^\S\n]*(?:\n|$))"
)
# A caption closing the line. (Tried only on a line with a parenthesis: the
# pattern backtracks over the whole line looking for one.)
_CAPTION_LINE = re.compile(r"[^\n]*\((?:Photo|Picture|Image)[^)\n]*\)[^\S\n]*(?:\n|$)")


def _dateline(text: str, start: int, label: str, content: int) -> bool:
    """ "LAGOS: The state government said ...": a city in capitals heads the
    story once (after a byline, maybe), before its long first paragraph
    ("BOOM: Trump Fires Back" and "AP: ..." are labels of one-line headlines)."""
    if start > _HEAD or not label.isupper() or len(label) < 4 or text.count(f"{label}:") > 1:
        return False
    line_end = text.find("\n", content)
    return word_count(text[content : line_end if line_end != -1 else len(text)]) >= _LEAD_WORDS


# A story's first paragraph is longer than a headline: at least this many words.
_LEAD_WORDS = 20
# Where a dateline may open a paragraph: after a byline or a kicker at most.
_HEAD = 200


def furniture_line(text: str, paragraph: int) -> bool:
    label = _FURNITURE_LABEL.match(text, paragraph)
    if label is not None:
        return label[1] is None or _furniture_label(label[1])
    line_end = text.find("\n", paragraph)
    if text.find("(", paragraph, len(text) if line_end == -1 else line_end) == -1:
        return False
    return _CAPTION_LINE.match(text, paragraph) is not None


def label_colon(article: Article, quotations: list[tuple[QuoteSpan, ...]]) -> list[Found]:
    """Paragraphs that open with "Speaker: what they said" (the quotations
    play no part: the signature is that of every article-wide rule)."""
    text = article.text
    found: list[Found] = []
    for start in article.paragraph_starts:
        # The label's colon is on the paragraph's first line: most paragraphs
        # have none there, and the pattern backtracks over their first words.
        line_end = text.find("\n", start)
        if text.find(":", start, len(text) if line_end == -1 else line_end) == -1:
            continue
        line = _HEADLINE.match(text, start)
        if line is None:
            continue
        if VERB_FIRST.match(text, start, line.end(1)):
            continue  # "Said Chairwoman Holt: ...": an attribution line (said_colon)
        colon = line.end(1)
        mention = subject_before(text, colon, start)
        if (
            mention is None
            or mention.kind is SpeakerKind.DESCRIPTION
            or mention.is_pronoun
            or mention.text.lower() in _NOT_SPEAKERS
            or _furniture_label(mention.text)
        ):
            continue
        if _dateline(text, start, mention.text, line.start(2)):
            continue
        # Only a label in capitals may stand before the name ("EXCLUSIVE – Berg:").
        prefix = text[start : mention.start].strip(" –—-")
        if prefix and not prefix.isupper():
            continue
        content_start, content_end = line.start(2), clause_end(text, line.start(2), line.end(2))
        if fewer_words(text[content_start:content_end], 3):
            continue
        found.append(
            Found(
                content_start,
                content_end,
                QuoteKind.INDIRECT,
                mention,
                (colon, colon + 1),
                0.55,
            )
        )
    return found
