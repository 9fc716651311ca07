"""``extract_quotes``: an article's text in, its attributed quotations out.

The passes, in order, each run from the rules table (quotes.extract.rules):

1. quotation marks give the direct quotes; two pieces around a short
   attribution ("By the spring," she said, "the pier will be rebuilt.") are
   one quote, and so are two around a whole attribution sentence ("The pier
   is safe," she said. "We checked it twice.");
2. each direct quote takes its speaker from the first of the DIRECT_RULES
   that finds one (after it, before it, around it, in the sentence before);
3. each verb of saying outside quotes is read by the first of the
   REPORTED_RULES that applies ("SPEAKER said (that) ...", "..., SPEAKER
   said.", "according to SPEAKER, ..."), then the ARTICLE_RULES read speaker
   labels and poll findings; a quoted fragment inside such a clause makes the
   whole clause one *partial* quote, and a quoted fragment with no speaker
   (scare quotes) is dropped; the FOLLOW_RULES then run over everything
   found (a quote-only paragraph continues the speaker before it);
4. speakers are resolved within the article (quotes.extract.resolution): a
   surname or a pronoun takes the full name met earlier;
5. the date is read from the attribution, not from the quoted words; an
   attribution without one takes the day the story told for it (story_days).
"""

from __future__ import annotations

import datetime as dt

from quotes.extract.article import Article
from quotes.extract.combine import combine, join_lists, one_per_span
from quotes.extract.direct import Quotation
from quotes.extract.found import Found
from quotes.extract.model import ExtractedQuote, QuoteKind
from quotes.extract.quotation import find_quotations
from quotes.extract.reported import NothingSaid, ReportingCue, is_statement, reporting_cues
from quotes.extract.resolution import resolve
from quotes.extract.rules import ARTICLE_RULES, DIRECT_RULES, FOLLOW_RULES, REPORTED_RULES
from quotes.extract.spans import is_label, is_nickname, is_title, merge_interrupted


def extract_quotes(text: str, published: dt.date | None = None) -> list[ExtractedQuote]:
    """Find every attributed quotation in ``text``; offsets index into ``text``."""
    article = Article(text)
    spans = [
        span
        for span in find_quotations(text)
        if not is_title(text, span) and not is_label(text, span) and not is_nickname(text, span)
    ]
    quotations = merge_interrupted(article, spans)
    direct = [_attribute_direct(Quotation(article, pieces)) for pieces in quotations]
    cues_used = {
        found.cue[0] for found in direct if found.cue is not None and found.kind is QuoteKind.DIRECT
    }
    indirect = [
        found
        for cue in reporting_cues(article, quotations, cues_used)
        if (found := _attribute_reported(cue)) is not None and is_statement(cue, found)
    ]
    for rule in ARTICLE_RULES:
        for found in rule.apply(article, quotations):
            found.rule = rule.name
            indirect.append(found)
    combined = combine(article, direct, indirect)
    for follow in FOLLOW_RULES:
        for found in follow.apply(article, combined):
            found.rule = follow.name
    combined = one_per_span(article, join_lists(article, combined))
    return resolve(article, combined, published, [(span.start, span.end) for span in spans])


def _attribute_direct(quotation: Quotation) -> Found:
    """The first of the direct rules, in the table's order, that finds a speaker."""
    for rule in DIRECT_RULES:
        found = rule.apply(quotation)
        if found is not None:
            found.rule = rule.name
            return found
    raise LookupError("the last direct rule, unattributed, takes every quotation")


def _attribute_reported(cue: ReportingCue) -> Found | None:
    """What the first of the reported-speech rules, in the table's order, that
    applies to the verb reads there (None where it reads nothing said)."""
    for rule in REPORTED_RULES:
        found = rule.apply(cue)
        if isinstance(found, NothingSaid):
            return None
        if found is not None:
            found.rule = rule.name
            return found
    return None
