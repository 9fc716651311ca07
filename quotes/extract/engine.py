"""``extract_quotes``: an article's text in, its attributed quotations out.

The passes, in order:

1. quotation marks give the direct quotes; two pieces around a short
   attribution ("By the spring," she said, "the pier will be rebuilt.") are
   one quote, and so are two around a whole attribution sentence ("The pier
   is safe," she said. "We checked it twice.");
2. each direct quote looks for its attribution after it, then before it, in
   its own sentence; a paragraph that is only a quote continues the speaker of
   the quote just before it, as wire style does;
3. speech verbs outside quotes give indirect speech: "SPEAKER said (that) ...",
   "..., SPEAKER said.", "according to SPEAKER, ..."; a quoted fragment inside
   such a clause makes the whole clause one *partial* quote, and a quoted
   fragment with no speaker (scare quotes) is dropped; stance verbs and
   phrases ("endorsed", "called for") and findings "in a poll" count too,
   at lower confidence where the speaker is only guessed;
4. speakers are resolved within the article: a surname or a pronoun takes
   the full name met earlier;
5. the date is read from the attribution, not from the quoted words.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from dataclasses import dataclass, replace

from quotes.extract.bodies import government_of, is_place, state_body
from quotes.extract.coreference import Discourse
from quotes.extract.given_names import gender_of_given_name
from quotes.extract.lexicon import (
    ACTION_ONLY,
    HONORIFICS,
    NAME_PARTICLES,
    OBJECT_TAKING,
    PARTICIPLE_CUES,
    PERSONAL_PRONOUNS,
    PRONOUNS,
    QUOTE_ONLY_PHRASES,
    QUOTE_ONLY_VERBS,
    SPEECH_VERBS,
    STANCE_PHRASES,
    STANCE_VERBS,
    TITLE_WORDS,
)
from quotes.extract.mentions import (
    CAPITALISED_STOPS,
    Mention,
    sentence_subject,
    subject_after,
    subject_before,
)
from quotes.extract.model import DatePrecision, ExtractedQuote, QuoteKind, SpeakerKind
from quotes.extract.patterns import word_alternation
from quotes.extract.quotation import QuoteSpan, find_quotations
from quotes.extract.when import resolve_date

# Verbs that introduce reported speech without quotation marks; narrower than
# SPEECH_VERBS, because "called" or "went" before a quote is safe but not before a clause.
_INDIRECT_VERBS = (SPEECH_VERBS | STANCE_VERBS | STANCE_PHRASES) - frozenset(
    """
        called calls went continued continues answered answers shouted
        yelled joked jokes quipped thought felt feels posted posts ruled
    """.split()
)
_CUE_WORDS = (
    SPEECH_VERBS
    | QUOTE_ONLY_VERBS
    | QUOTE_ONLY_PHRASES
    | PARTICIPLE_CUES
    | STANCE_VERBS
    | STANCE_PHRASES
)
_CUE = re.compile(r"(?<![\w-])(?:[Aa]ccording to|" + word_alternation(_CUE_WORDS) + r")\b(?!-)")
# ", said Peskov." / ", Peskov said." closing a clause that is itself reported.
_TRAILING_ATTRIBUTION = re.compile(
    r",\s+(?:(?:" + word_alternation(SPEECH_VERBS) + r")\s+[\w .'’-]{2,60}"
    r"|[\w .'’-]{2,60}\s+(?:" + word_alternation(SPEECH_VERBS) + r"))\W*$"
)
# A full stop ends a sentence unless it closes an initial or a known
# abbreviation; the look-behinds run only where a stop has matched.
_SENTENCE_END = re.compile(
    r"[.!?](?<![\s.][A-Z]\.)"
    + "".join(
        rf"(?<!\b{word}\.)"
        for word in """
        Mr Mrs Ms Dr St Sen Rep Gov Gen Lt Col Sgt Jr Sr Inc Corp Co No vs Jan Feb
        Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Ft Mt
    """.split()
    )
    + r"(?<!\bU\.S\.)(?<!\bU\.K\.)(?<!\bU\.N\.)(?<!\ba\.m\.)(?<!\bp\.m\.)"
    r"[.!?]*[\"”’')\]]*(?=\s+(?:[\"“‘(\[]|'')?[A-Z0-9])"
)
_THAT = re.compile(r"\bthat\b")
_QUOTE_OPENING = re.compile(r"(?:that\s+)?[\"“«„]")
_QUOTE_MARK = re.compile(r"[\"“”«»„]")
# What may stand between a cue and the quote it introduces: 'said that "...'.
_INTRODUCER = re.compile(
    r"\s*(?:,?\s*(?:that|reporters|journalists|me|us|him|her|them|simply|only)\s*)?[:,]?\s*"
)
# Stops that end no sentence: titles, and initials ("K. Ingrid Olsen").
_ABBREVIATED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|U\.S|U\.K|U\.N|[A-Z])\."
)
_SENTENCE_BREAK = re.compile(r"[.!?](?:\s|$)")
_SHORT_FRAGMENT_WORDS = 4
# What a reported clause must hold after its verb: "endorsed Mayor Lind"
# is a position; "agreed too" is not.
_MIN_CONTENT_WORDS = 2
# An attribution between two pieces of one quote: ", he said, " / ", Peskov told reporters. "
_MAX_GAP = 90


@dataclass
class _Found:
    start: int
    end: int
    kind: QuoteKind
    mention: Mention | None
    cue: tuple[int, int] | None
    confidence: float
    pieces: tuple[tuple[int, int], ...] = ()
    continued: bool = False
    rule: str = "unattributed"  # a name from quotes.extract.rules.RULES


def _line_starts(text: str) -> list[int]:
    """0 and where each run of line breaks ends; ``str.find`` is several times
    faster here than a ``\n+`` pattern."""
    starts = [0]
    length = len(text)
    position = text.find("\n")
    while position != -1:
        position += 1
        while position < length and text[position] == "\n":
            position += 1
        starts.append(position)
        position = text.find("\n", position)
    return starts


# "GENEVA, March 5 - ", "KYIV (Reuters) — ": where and when the story was filed,
# before its first sentence; neither its subject nor part of what anyone said.
_DATELINE = re.compile(
    r"[A-Z][A-Z .'-]{1,40}(?:,[^\S\n][A-Z][a-z]+\.?[^\S\n]\d{1,2})?"
    r"(?:[^\S\n]\([A-Za-z .]{2,30}\))?[^\S\n]+[-—–][^\S\n]+"
)


# No sentence of news runs near this long (the longest in a few thousand
# articles is about 1,100 characters). A longer run without a stop is no
# sentence (a scraped list, a hostile input): it is read in pieces of about this
# length, so that every look-up within a sentence is bounded and extraction
# takes time linear in the article's length.
_LONGEST_SENTENCE = 2_000


def _bounded(text: str, ends: list[int], paragraph_starts: list[int]) -> list[int]:
    """``ends`` with a break added, after a space, in every run longer than
    _LONGEST_SENTENCE between two sentence or paragraph bounds."""
    cuts = []
    previous = 0
    for bound in [*sorted(ends + paragraph_starts), len(text)]:
        while bound - previous > _LONGEST_SENTENCE:
            limit = previous + _LONGEST_SENTENCE
            space = text.rfind(" ", previous + _LONGEST_SENTENCE // 2, limit)
            previous = space + 1 if space != -1 else limit
            cuts.append(previous)
        previous = max(previous, bound)
    return sorted(ends + cuts) if cuts else ends


class _Article:
    """The text with its sentence and paragraph boundaries, for cheap look-ups."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentence_ends = [match.end() for match in _SENTENCE_END.finditer(text)]
        # Line breaks end sentences too; they are paragraph bounds, applied by
        # sentence_start and sentence_end.
        self.paragraph_starts = _line_starts(text)
        datelines = [
            line.end()
            for start in self.paragraph_starts
            if (line := _DATELINE.match(text, start)) is not None
        ]
        if datelines:
            self.sentence_ends = sorted(self.sentence_ends + datelines)
        self.sentence_ends = _bounded(text, self.sentence_ends, self.paragraph_starts)

    def sentence_start(self, position: int) -> int:
        index = bisect.bisect_right(self.sentence_ends, position) - 1
        start = self.sentence_ends[index] if index >= 0 else 0
        return max(start, self.paragraph_start(position))

    def sentence_end(self, position: int) -> int:
        index = bisect.bisect_right(self.sentence_ends, position)
        end = self.sentence_ends[index] if index < len(self.sentence_ends) else len(self.text)
        return min(end, self.paragraph_end(position))

    def paragraph_start(self, position: int) -> int:
        return self.paragraph_starts[bisect.bisect_right(self.paragraph_starts, position) - 1]

    def paragraph_end(self, position: int) -> int:
        index = bisect.bisect_right(self.paragraph_starts, position)
        if index < len(self.paragraph_starts):
            return self.paragraph_starts[index]
        return len(self.text)


def extract_quotes(text: str, published: dt.date | None = None) -> list[ExtractedQuote]:
    """Find every attributed quotation in ``text``; offsets index into ``text``."""
    article = _Article(text)
    spans = [
        span
        for span in find_quotations(text)
        if not _is_title(text, span) and not _is_label(text, span)
    ]
    quotations = _merge_interrupted(article, spans)
    direct = [_attribute_direct(article, span) for span in quotations]
    cues_used = {
        found.cue[0] for found in direct if found.cue is not None and found.kind is QuoteKind.DIRECT
    }
    indirect = (
        _indirect(article, quotations, cues_used)
        + _headline_attributions(article)
        + _poll_findings(article, quotations)
    )
    found = _combine(article, direct, indirect)
    return _resolve(article, found, published, [(span.start, span.end) for span in spans])


# Words a title in quotation marks may keep in lower case ("Life on the Docks").
_TITLE_SMALL_WORDS = frozenset(
    "a an and as at by for from in into of on or the to with vs & is".split()
)
# What stands before a title: "Radio North's "Life on the Docks"", "on
# "Harbour Hour"", "in "The Long Tide"", "a book titled "Salt"".
_BEFORE_TITLE = re.compile(
    r"(?:['’]s|s['’]|\b(?:on|in|of|titled|entitled|dubbed|named|show|program|"
    r"programme|book|film|movie|column|series|documentary|magazine|newspaper))\s*$",
    re.IGNORECASE,
)
_TITLE_WORD = re.compile(r"[\w'’&-]+")
_MAX_TITLE_WORDS = 7


# "March 3, 2031", "@harbourmaster", "https://...": what embedded posts
# put in quotation marks is a date, a handle or a link, not words anyone said.
_LABEL = re.compile(
    r"\W*(?:[A-Z][a-z]+\.? \d{1,2}, \d{4}|@\w+|https?://\S+|pic\.twitter\.com/\S+)\W*"
)


def _is_label(text: str, span: QuoteSpan) -> bool:
    return _LABEL.fullmatch(text, span.start + 1, span.end - 1) is not None


def _is_title(text: str, span: QuoteSpan) -> bool:
    """The name of a show, book, film or column in quotation marks, not words said.

    Short, every word capitalised but the small ones, and set where a title
    stands (after a possessive or "on", "in", "titled"): no speaker said it.
    """
    if not span.closed:
        return False
    inner = text[span.start + 1 : span.end - 1].strip(" ,.")
    words = _TITLE_WORD.findall(inner)
    if not 0 < len(words) <= _MAX_TITLE_WORDS or inner.endswith(("?", "!")):
        return False
    if not words[0][0].isupper() or not all(
        word[0].isupper() or word[0].isdigit() or word.casefold() in _TITLE_SMALL_WORDS
        for word in words
    ):
        return False
    return _BEFORE_TITLE.search(text, max(0, span.start - 40), span.start) is not None


def _merge_interrupted(article: _Article, spans: list[QuoteSpan]) -> list[tuple[QuoteSpan, ...]]:
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


def _interrupts(article: _Article, previous: QuoteSpan, gap: str) -> bool:
    text = article.text
    if not (
        len(gap) <= _MAX_GAP
        and _CUE.search(gap) is not None
        and (gap.strip()[:1] in (",", "") or text[previous.end - 2] in ",")
    ):
        return False
    # Across a sentence end only a quote that opens its sentence goes on:
    # '... looked "much better," Halvorsen said. "We can hire."' is two.
    return (
        article.sentence_end(previous.end) >= previous.end + len(gap)
        or not text[article.sentence_start(previous.start) : previous.start].strip()
    )


def _attribution_sentence(article: _Article, previous: QuoteSpan, span: QuoteSpan) -> bool:
    """'" Berg told the crews on Monday. "': a whole attribution sentence
    between two quotes, the second opening the next sentence."""
    text = article.text
    closing = previous.end - (2 if text.startswith("''", previous.end - 2) else 1)
    if _last_before(text, closing) not in (",", "?", "!") or span.start - previous.end > 250:
        return False
    end = article.sentence_end(previous.end)
    if end > span.start or text[end : span.start].strip():
        return False
    if text[article.sentence_start(previous.start) : previous.start].strip():
        return False  # a fragment inside a sentence: '... may be "strategic," said X.'
    cue = _CUE.search(text, previous.end, end)
    return cue is not None and _words(text[previous.end : cue.start()]) <= 25


def _has_own_attribution(article: _Article, span: QuoteSpan) -> bool:
    """'"B," he added.': the second quote has its own verb, so it is a statement
    of its own, not the rest of the first."""
    text = article.text
    if not span.closed or _last_before(text, span.end, "\"”' ") not in (",", "?", "!"):
        return False
    end = article.sentence_end(span.end)
    cue = _CUE.search(text, span.end, end)
    return cue is not None and _words(text[span.end : cue.start()]) <= 6


# The text before a position is looked at from its end: copying all of it
# (``text[:position].rstrip()``) for every quote grows with the square of the
# article's length.
def _stripped_end(text: str, position: int, chars: str | None = None) -> int:
    """``len(text[:position].rstrip(chars))``."""
    while position > 0 and (
        text[position - 1].isspace() if chars is None else text[position - 1] in chars
    ):
        position -= 1
    return position


def _last_before(text: str, position: int, chars: str | None = None) -> str:
    """``text[:position].rstrip(chars)[-1:]``."""
    end = _stripped_end(text, position, chars)
    return text[end - 1] if end else ""


def _blank(text: str, start: int, end: int) -> bool:
    """``not text[start:end].strip()``, stopping at the first character that is not space."""
    return all(text[index].isspace() for index in range(start, end))


def _words(text: str) -> int:
    return len(text.split())


def _attribute_direct(article: _Article, pieces: tuple[QuoteSpan, ...]) -> _Found:
    text = article.text
    start, end = pieces[0].start, pieces[-1].end
    inner = (start + 1, end - 1)
    confidence = 0.9
    if len(pieces) > 1:
        gap_start, gap_end = pieces[0].end, pieces[1].start
        found = _attribution_in(article, gap_start, gap_end)
        if found:
            mention, cue = found
            return _Found(
                start,
                end,
                QuoteKind.DIRECT,
                mention,
                cue,
                confidence,
                _inner(pieces),
                rule="interrupted",
            )
    if pieces[-1].closed:
        signed = _signature(article, end)
        if signed is not None:
            return _Found(
                start,
                end,
                QuoteKind.DIRECT,
                signed,
                None,
                0.8,
                _inner(pieces),
                rule="signature_below",
            )
    before_start = article.sentence_start(start)
    lead = text[before_start:start]
    stripped = lead.rstrip()
    cues = list(_CUE.finditer(text, before_start, start))
    # 'Peskov said, "...', 'told reporters that "...': the last verb is next to the quote.
    adjacent = bool(cues) and _INTRODUCER.fullmatch(text, cues[-1].end(), start) is not None
    # After the quote, in the same sentence: '..." Peskov told reporters.' / '..." said Peskov.'
    after_end = min(article.sentence_end(end), end + 160)
    if (
        pieces[-1].closed
        and not _closes_sentence(article, end, after_end)
        and not (adjacent and cues[-1][0] in SPEECH_VERBS and _runs_on(text, end))
    ):
        found = _attribution_in(article, end, after_end, leading=True)
        if found:
            mention, cue = found
            return _Found(
                start,
                end,
                QuoteKind.DIRECT,
                mention,
                cue,
                confidence,
                _inner(pieces),
                rule="quote_then_said",
            )
    # Before the quote: 'Peskov told reporters: "..."' / 'Peskov said, "..."'
    if cues and (stripped.endswith((":", ",")) or adjacent):
        lead_cue = cues[-1]
        lead_mention = None
        opening = None
        if lead_cue[0] not in SPEECH_VERBS:
            # The last verb, not one of saying, is not next to the quote: "She added
            # that the vote seems ..., because, "..."" is hers, whatever "seems" has
            # for a subject.
            opening = _opening_report(text, before_start, cues)
        if opening is not None:
            lead_mention, lead_cue = opening
        if (
            lead_mention is None
            and lead_cue[0] in PARTICIPLE_CUES
            and _last_before(text, lead_cue.start()) == ","
        ):
            # "Lind took a gamble ..., telling the dockers, "...": the sentence's
            # subject speaks, not the object before the participle.
            lead_mention = sentence_subject(text, before_start, lead_cue.start())
        if lead_mention is None:
            lead_mention = _issuer(
                text, lead_cue, before_start, subject_before(text, lead_cue.start(), before_start)
            )
        if lead_mention is None and _COORDINATED.search(text, before_start, lead_cue.start()):
            # "Holt ... praised the crews ... and said she has ...: "...":
            # the second verb shares the sentence's subject.
            lead_mention = sentence_subject(text, before_start, lead_cue.start())
        if lead_mention is None:
            # "According to X:", "Continued Berg:", "Stated Berg:"
            lead_mention = subject_after(text, lead_cue.end(), start)
        if lead_mention is None and (
            lead_cue[0] in PARTICIPLE_CUES or _last_before(text, lead_cue.start()) == ","
        ):
            # "..., saying "...", "Small, who was there, said": the sentence's subject.
            lead_mention = sentence_subject(text, before_start, lead_cue.start())
        if lead_mention is not None:
            lead_mention = _relative_antecedent(text, before_start, lead_mention)
            return _Found(
                start,
                end,
                QuoteKind.DIRECT,
                lead_mention,
                lead_cue.span(),
                confidence,
                _inner(pieces),
                rule="said_then_quote",
            )
    if stripped.endswith(":") and not cues:
        # "Builders agree - Nils Aho: "..."": a name and a colon, no verb.
        colon = before_start + len(stripped) - 1
        named = subject_before(text, colon, before_start)
        if named is not None and _OBJECT_OF.search(text, before_start, named.start):
            # "Lind had one warning for Berg:": the name before
            # the colon is whom it was said to; the sentence's subject speaks.
            named = sentence_subject(text, before_start, colon)
        if named is not None and named.kind is SpeakerKind.PERSON and not named.is_pronoun:
            return _Found(
                start, end, QuoteKind.DIRECT, named, None, 0.6, _inner(pieces), rule="name_colon"
            )
    kind = QuoteKind.DIRECT
    if _words(text[inner[0] : inner[1]]) < _SHORT_FRAGMENT_WORDS:
        kind = QuoteKind.PARTIAL
    if lead.strip() and cues:
        # A quotation inside a sentence whose subject speaks through some
        # other verb: "Holt regretted a town in which neighbours "never talk"".
        # The verb's own subject comes first: "Alarmed ..., Aho believes in".
        speaker, verb = _speaker_through(text, before_start, cues)
        if speaker is not None and (
            speaker.kind is not SpeakerKind.DESCRIPTION or verb[0] in _SAYING
        ):
            return _Found(
                start,
                end,
                QuoteKind.PARTIAL,
                speaker,
                verb.span(),
                0.45,
                _inner(pieces),
                rule="fragment_of_verb",
            )
    if not lead.strip() and kind is QuoteKind.DIRECT:
        # "Aho agreed. "The old pier will not last the winter."":
        # the sentence before, in the same paragraph, names who speaks.
        introduced = _introduced_before(article, before_start)
        if introduced is not None:
            return _Found(
                start, end, kind, *introduced, 0.55, _inner(pieces), rule="introduced_before"
            )
    if lead.strip() and kind is QuoteKind.DIRECT and not lead.rstrip().endswith(("(", "[")):
        # A whole quoted sentence set in a sentence without a speech verb:
        # "Lind also backed tougher rules -- "I would ...". Its subject
        # speaks, with less confidence; short fragments (scare quotes) never.
        subject = sentence_subject(text, before_start, start)
        if subject is not None and (subject.is_pronoun or _known_person(text, subject)):
            return _Found(
                start, end, kind, subject, None, 0.4, _inner(pieces), rule="sentence_subject"
            )
        if subject is not None and subject.kind is not SpeakerKind.PERSON:
            # "The FBI lists "...": a body or a described source, less sure still.
            return _Found(
                start, end, kind, subject, None, 0.3, _inner(pieces), rule="sentence_subject"
            )
    return _Found(start, end, kind, None, None, 0.5, _inner(pieces))


_SAYING = SPEECH_VERBS | QUOTE_ONLY_VERBS
_RELATIVE_PRONOUN = re.compile(r"\b(?:what|which|that|who|whom)\s+$")
_RELATIVE = re.compile(r"\b(?:what|which|whom)\s+$")
_COORDINATED = re.compile(r"\s(?:and|but)\s+$")
# "a warning to X:", not "by X:", which names the author.
_OBJECT_OF = re.compile(r"\b(?:to|for|at|with|about|on|against|from)\s+$")
_DASH = re.compile(r"[^\S\n]*[―—–][^\S\n]*")


def _runs_on(text: str, end: int) -> bool:
    """'Berg said "it makes me tired" each time he reads about ...': no comma
    closes the quote, so it runs on into its sentence, and where the verb right
    before it reports it, a verb after it belongs to the rest of that sentence."""
    closed = text[end - 2 : end - 1] in (",", "?", "!") or text[end : end + 1] in (",", "—", "–")
    return not closed


def _closes_sentence(article: _Article, end: int, after_end: int) -> bool:
    """'... a fine harbour master." She also said ...': a full stop inside the
    closing mark ends the sentence, and the verb after it is the next
    sentence's (a question or exclamation mark does not: '"Why?" Berg asked.').
    A sentence of a name and a verb alone is the quote's attribution, stopped
    too early: '"... that were lost." Berg said.'."""
    text = article.text
    if text[end - 2 : end - 1] != "." or article.sentence_end(end - 1) != end:
        return False
    following = text[end:after_end]
    return _words(following) > _BARE_ATTRIBUTION_WORDS or _QUOTE_MARK.search(following) is not None


# '"..." Berg said.', '"..." Port spokeswoman Ilse Brandt said on Monday.'
_BARE_ATTRIBUTION_WORDS = 7


_PRONOUN_BEFORE = re.compile(r"\b(he|she|they|we|I)\s+$")


def _speaker_through(
    text: str, sentence_start: int, cues: list[re.Match[str]]
) -> tuple[Mention | None, re.Match[str]]:
    """Who speaks in a sentence that holds a quotation, and through which verb."""
    opening = _opening_report(text, sentence_start, cues)
    if opening is not None:
        return opening
    cue = cues[-1]
    subject = subject_before(text, cue.start(), sentence_start) or _pronoun_before(
        text, cue.start()
    )
    if subject is not None:
        subject = _relative_antecedent(text, sentence_start, subject)
    if subject is None or subject.kind is SpeakerKind.DESCRIPTION:
        subject = _coordinated_subject(text, sentence_start, cue.start())
    if subject is None:
        subject = sentence_subject(text, sentence_start, cue.start())
    return subject, cue


def _relative_antecedent(text: str, sentence_start: int, mention: Mention) -> Mention:
    """ "Ines Duarte praised the new ferry, which she called "long overdue"": the
    pronoun of the relative clause speaks, and it stands for the sentence's
    named subject (a person: "he" or "she", never "they")."""
    if mention.text.lower() not in PERSONAL_PRONOUNS or not _RELATIVE_PRONOUN.search(
        text, sentence_start, mention.start
    ):
        return mention
    named = sentence_subject(text, sentence_start, mention.start)
    if (
        named is None
        or named.kind is not SpeakerKind.PERSON
        or named.is_pronoun
        or named.start >= mention.start
    ):
        return mention
    return replace(mention, antecedent=named)


def _opening_report(
    text: str, sentence_start: int, cues: list[re.Match[str]]
) -> tuple[Mention, re.Match[str]] | None:
    """ "She added that the vote seems ..., because, "...": where the sentence
    opens with its speaker and a speech verb, the later verbs are reported
    speech, not the quote's own."""
    if len(cues) < 2 or cues[0][0] not in SPEECH_VERBS:
        return None
    subject = subject_before(text, cues[0].start(), sentence_start) or _appositive_subject(
        text, sentence_start, cues[0].start()
    )
    if subject is None or subject.kind is SpeakerKind.DESCRIPTION:
        return None
    opener = text[sentence_start : subject.start].strip()
    if opener and not opener.endswith(","):
        return None  # "With a shrug, Aho told ..." opens with its speaker too
    return subject, cues[0]


def _pronoun_before(text: str, cue_start: int) -> Mention | None:
    """ "which she called "a scandal"": the pronoun right before the verb, even in a
    relative clause, where a reported clause would not take it."""
    found = _PRONOUN_BEFORE.search(text, max(0, cue_start - 6), cue_start)
    if found is None:
        return None
    return Mention(found[1], found.start(1), found.end(1), SpeakerKind.UNKNOWN, found[1])


def _signature(article: _Article, end: int) -> Mention | None:
    """'"...." ― Mara Quist': a quote signed with a dash and a name, as in
    pull quotes and reader responses; on its own line below the quote
    ("- Holt." or "-Mayor Lind, writing after the vote.") too."""
    text = article.text
    dash = _DASH.match(text, end)
    below = False
    if dash is None:
        paragraph_end = article.paragraph_end(end)
        if not _blank(text, end, paragraph_end) or paragraph_end >= len(text):
            return None
        # The next paragraph, past the blank lines between.
        dash = _SIGNATURE_BELOW.match(text, paragraph_end)
        if dash is None:
            return None
        below = True
    line_end = article.paragraph_end(dash.end())
    newline = text.find("\n", dash.end(), line_end)
    limit = newline if newline >= 0 else line_end
    mention = subject_after(text, dash.end(), limit)
    if mention is None or mention.kind is not SpeakerKind.PERSON:
        return None
    rest = text[mention.end : limit].strip(" .,\u00a0")
    if below and text[mention.end : limit].startswith(","):
        return mention  # "-Mayor Lind, writing after the vote."
    if rest and not rest.startswith(("“", '"')):
        return None  # the dash opens a clause, not a signature
    return mention


# The next paragraph a signature: a dash (a hyphen too, as typed) before a name.
_SIGNATURE_BELOW = re.compile(r"\s*[-―—–][^\S\n]*(?=[A-Z])")


def _introduced_before(
    article: _Article, sentence_start: int
) -> tuple[Mention, tuple[int, int] | None] | None:
    """A speaker and speech verb closing the sentence before the quote: in the same
    paragraph ("Aho agreed. "..."") or, for a block quote, the paragraph
    before it when that ends with a colon ("Berg continued:") or is one
    sentence ("Holt went on with her speech.")."""
    text = article.text
    paragraph_start = article.paragraph_start(sentence_start)
    block = sentence_start <= paragraph_start
    if block:
        previous_end = _stripped_end(text, paragraph_start)
        if previous_end == 0 or text[previous_end - 1] not in ":.":
            return None
        previous_start = article.sentence_start(previous_end - 1)
        if text[previous_end - 1] == "." and previous_start > article.paragraph_start(
            previous_end - 1
        ):
            return None  # only a one-sentence paragraph introduces the next: "Howard went on."
        sentence_start = previous_end
    else:
        previous_start = article.sentence_start(sentence_start - 1)
    previous = text[previous_start:sentence_start]
    if _QUOTE_MARK.search(previous):
        return None  # a quote of its own: the continuation rule handles it
    cues = list(_CUE.finditer(text, previous_start, sentence_start))
    if not cues:
        if not (block and text[sentence_start - 1] == ":"):
            return None
        # "On May 2, Holt gave this answer:" and the quote below.
        named = sentence_subject(text, previous_start, sentence_start - 1)
        if named is None or not _known_person(text, named):
            return None
        return named, None
    cue = cues[-1]
    # Even where the verb has its own object ("Aho called her a fine skipper.
    # "She knows ..."), the quote that follows in the paragraph is the subject's.
    mention = subject_before(text, cue.start(), previous_start)
    if mention is None and block:
        mention = sentence_subject(text, previous_start, cue.start())
    if mention is None or not (mention.is_pronoun or mention.kind is SpeakerKind.PERSON):
        return None
    return mention, cue.span()


def _known_person(text: str, mention: Mention) -> bool:
    """A full name, or a surname met earlier after a first name: not just any
    capitalised word that opens a sentence ("Though", "Florida")."""
    if mention.kind is not SpeakerKind.PERSON:
        return False
    words = mention.name.split()
    if len(words) >= 2:
        return True
    return _full_name_before(text, words[0], mention.start) is not None


def _inner(pieces: tuple[QuoteSpan, ...]) -> tuple[tuple[int, int], ...]:
    return tuple((piece.start, piece.end) for piece in pieces)


def _attribution_in(
    article: _Article, start: int, end: int, *, leading: bool = False
) -> tuple[Mention, tuple[int, int]] | None:
    """A speaker and cue in a short stretch next to a quote."""
    text = article.text
    for cue in _CUE.finditer(text, start, end):
        before = text[start : cue.start()]
        if leading and _SENTENCE_BREAK.search(_ABBREVIATED.sub("", before)):
            return None
        if leading and _words(before) > 8:
            # '"...," Nils Aho, the club's treasurer, said': a name
            # right after the quote, then an appositive, then the verb.
            named = subject_after(text, start, cue.start())
            if named is not None and named.kind is SpeakerKind.PERSON and before.count(",") >= 2:
                return named, cue.span()
            return _closing_attribution(text, start, end)
        if cue[0].lower() == "according to":
            mention = subject_after(text, cue.end(), end)
        else:
            mention = None
            if leading and before.rstrip().endswith(",") and before.lstrip()[:1].islower():
                # '"...," that Holt can win, said Mara Quist': inverted.
                mention = subject_after(text, cue.end(), end)
            mention = mention or subject_before(text, cue.start(), start)
            if leading and mention is not None and _RELATIVE.search(text, start, mention.start):
                # '"kind" to her, doing what critics described as ...':
                # a relative clause's verb is not the quote's.
                continue
            if mention is None and not before.strip(" ,—–-\u00a0"):
                mention = subject_after(text, cue.end(), end)
            if mention is None and before.rstrip().endswith(","):
                mention = sentence_subject(text, start, cue.start())
        if mention is not None:
            return mention, cue.span()
    return None


def _closing_attribution(text: str, start: int, end: int) -> tuple[Mention, tuple[int, int]] | None:
    """'Ticket sales were "slow" as fans held off until a "messy
    season" ended, she said.': the attribution that closes the sentence
    covers the quotes inside it."""
    trailing = _TRAILING_ATTRIBUTION.search(text, start, end)
    if trailing is None:
        return None
    cue = _CUE.search(text, trailing.start(), trailing.end())
    if cue is None:
        return None
    mention = subject_before(text, cue.start(), trailing.start() + 1) or subject_after(
        text, cue.end(), trailing.end()
    )
    if mention is None:
        return None
    return mention, cue.span()


def _inside(position: int, starts: list[int], spans: list[tuple[QuoteSpan, ...]]) -> bool:
    index = bisect.bisect_left(starts, position) - 1
    return index >= 0 and position < spans[index][-1].end


def _indirect(
    article: _Article, quotations: list[tuple[QuoteSpan, ...]], cues_used: set[int]
) -> list[_Found]:
    text = article.text
    found: list[_Found] = []
    starts = [group[0].start for group in quotations]
    for cue in _CUE.finditer(text):
        word = cue[0]
        word = "according to" if word == "According to" else word
        if word != "according to" and word not in _INDIRECT_VERBS:
            continue
        if cue.start() in cues_used:
            continue
        if _inside(cue.start(), starts, quotations):
            continue
        if word.endswith("ed") and _AFTER_DETERMINER.search(
            text, max(0, cue.start() - 8), cue.start()
        ):
            continue
        if _NEGATED.search(text, max(0, cue.start() - 24), cue.start()):
            continue  # "did not say", "has not said": no statement
        if word.endswith("s") and _POSSESSED.search(text, max(0, cue.start() - 12), cue.start()):
            continue  # "her comments", "our reports": a noun
        paragraph = article.paragraph_start(cue.start())
        if _furniture_line(text, paragraph):
            continue
        sentence_start = article.sentence_start(cue.start())
        sentence_end = article.sentence_end(cue.end())
        result = (
            _according_to(article, cue, sentence_start, sentence_end)
            if word == "according to"
            else _reported(article, cue, sentence_start, sentence_end)
        )
        if result is None or _circumstance(text[result.start : result.end]):
            continue
        if word in ACTION_ONLY and not _proposition(text, result):
            # "agreed to a swap", "showed no emotion": an act; "agreed that
            # the swap was fair" reports a proposition.
            continue
        if result.mention is not None and result.mention.text.lower() in _NOT_SUBJECTS:
            continue
        found.append(result)
    return found


_NEGATED = re.compile(r"\b(?:not|never|n't|without|no longer)\s+(?:\w+\s+)?$")
_POSSESSED = re.compile(
    r"\b(?:her|his|its|our|their|my|your|member|[\w]+['’]s?)\s+$", re.IGNORECASE
)
# A weekday or month is when, never who: "on Thursday said".
_NOT_SUBJECTS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday".split()
)
_CIRCUMSTANCE = re.compile(
    r"(?:(?:reporters|journalists|them|him|her|us|me|the\s+[\w-]+(?:\s+[A-Z][\w-]*)?|[A-Z][\w.-]*)\s+)?"
    r"(?:in|at|on|after|during|before|from|via|outside|over|by|while|ahead\s+of)\s[^\"“‘]*"
)
_CLAUSE_WORDS = frozenset(
    """
        is are was were will would had has have could should can did does do be been
        must might may not
    """.split()
)


# What data speaks through: "the analysis shows catches fell".
_EVIDENCE_HEADS = frozenset(
    """
        poll polls survey surveys study studies data analysis report reports figures
        numbers research records estimates census audit review
    """.split()
)


def _proposition(text: str, found: _Found) -> bool:
    """Whether an act verb reports a proposition: a that-clause, agreement
    with a position, or evidence speaking ("the survey shows ...")."""
    if text.startswith(("that ", "with "), found.start):
        return True
    mention = found.mention
    return mention is not None and mention.text.lower().split()[-1] in _EVIDENCE_HEADS


def _circumstance(content: str) -> bool:
    """ "said after a summit in Paris", "told reporters in Vienna": where or
    when something was said, with nothing said in it."""
    if _CIRCUMSTANCE.fullmatch(content) is None:
        return False
    return not any(word in _CLAUSE_WORDS for word in content.lower().split())


_SECOND_REPORT = re.compile(
    r",\s+(?:" + word_alternation(PARTICIPLE_CUES) + r")\b"
    r"|,?\s+(?:and|but)\s+(?:also\s+)?(?:" + word_alternation(SPEECH_VERBS) + r")\b"
)
# "on Monday,", "late on Thursday,", "in a statement,": when or how it was said, then a comma.
_WHEN_THEN_COMMA = re.compile(
    r"(?:(?:late|early|again|also)\s+)?(?:on|in|at|last|this|yesterday|today|earlier|later|"
    r"overnight|during)\b[^,.;:!?\"“”]{0,40},"
)
# "said on Monday they ...", "said Wednesday the ...", "said yesterday it ...":
# when it was said, between the verb and what was said.
_DAY_AFTER_VERB = re.compile(
    r"(?:(?:late|early)\s+)?(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?=[a-z\d\"“‘]|[A-Z][a-z])"
    r"|(?:yesterday|last\s+week|last\s+night|earlier\s+this\s+week)\s+(?=[a-z\d\"“‘]|[A-Z][a-z])"
)
# "the planned summit", "a proposed deal": a participle after a determiner is no verb
# ("his claim that ..." is a cue all the same).
_AFTER_DETERMINER = re.compile(r"\b(?:the|an?|this|its|his|her|their|our)\s+$", re.IGNORECASE)


_SOURCE_END = re.compile(r"[,;:.!?()\n—–]|\s-\s")


def _source_phrase(text: str, start: int, limit: int) -> Mention | None:
    """What follows "according to" up to the clause's end, as a described source.

    Sources of figures are often no name: "according to new figures from
    the port", "according to a 2029 transport ministry survey".
    """
    while start < limit and text[start].isspace():
        start += 1
    stop = _SOURCE_END.search(text, start, limit)
    end = stop.start() if stop else limit
    while end > start and text[end - 1].isspace():
        end -= 1
    phrase = text[start:end]
    if not 1 <= len(phrase.split()) <= 12:
        return None
    return Mention(phrase, start, end, SpeakerKind.DESCRIPTION, phrase)


# "Holt: The new toll is ruining the ferry's trade": a speaker, a
# colon and what they said, opening a paragraph (headlines, summaries).
_HEADLINE = re.compile(
    r"[^\S\n]*((?:[^\W\d_][\w.'’-]*[^\S\n]+){0,4}[^\W\d_][\w.'’-]*):[^\S\n]+(\S[^\n]*)"
)
_NOT_SPEAKERS = frozenset(
    """
        update note watch photos photo video related read see editor's correction
        exclusive breaking live listen q a advertisement sources source
    """.split()
)


# Words of page furniture labels: "READ MORE:", "ANALYSIS:", "Media contact:".
_FURNITURE_WORDS = _NOT_SPEAKERS | frozenset(
    """
        more contact contacts analysis explainer opinion comment gallery pictures
        also podcast newsletter sponsored
    """.split()
)


def _furniture_label(label: str) -> bool:
    """A label of the page, not a speaker: "READ MORE", "ANALYSIS", "Media contact"."""
    return any(word in _FURNITURE_WORDS for word in label.lower().split())


# "READ MORE: ...", "WATCH: ...", "Advertisement", "(Photo: Reuters)": lines of
# the page, not of the story; nobody says anything in them.
_FURNITURE_LINE = re.compile(
    r"[^\S\n]*(?:([A-Za-z][A-Za-z ]{1,30}):|Advertisement[^\S\n]*(?:\n|$)"
    r"|[^\n]*\((?:Photo|Picture|Image)[^)\n]*\)[^\S\n]*(?:\n|$))"
)


def _furniture_line(text: str, paragraph: int) -> bool:
    line = _FURNITURE_LINE.match(text, paragraph)
    return line is not None and (line[1] is None or _furniture_label(line[1]))


def _headline_attributions(article: _Article) -> list[_Found]:
    """Paragraphs that open with "Speaker: what they said"."""
    text = article.text
    found: list[_Found] = []
    for start in article.paragraph_starts:
        line = _HEADLINE.match(text, start)
        if line is None:
            continue
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
        # Only a label in capitals may stand before the name ("EXCLUSIVE – Berg:").
        prefix = text[start : mention.start].strip(" –—-")
        if prefix and not prefix.isupper():
            continue
        content_start, content_end = line.start(2), _clause_end(text, line.start(2), line.end(2))
        if _words(text[content_start:content_end]) < 3:
            continue
        found.append(
            _Found(
                content_start,
                content_end,
                QuoteKind.INDIRECT,
                mention,
                (colon, colon + 1),
                0.55,
                rule="label_colon",
            )
        )
    return found


# "In the latest Harbour Institute poll, Lind led by six points": a finding reported
# by a poll or survey, named in a prepositional phrase.
_IN_POLL = re.compile(
    r"\b[Ii]n\s+((?:the|a|an|this|that|its|their|his|her|[A-Z][\w’'/.&-]*)\s+"
    r"(?:[\w’'/.&-]+\s+){0,7}?(?:poll|polls|survey|surveys|study))\b"
)


_POLL_WORD = re.compile(r"poll|survey|study")


def _poll_phrases(article: _Article) -> list[re.Match[str]]:
    """ "in ... poll" phrases, searched only in the sentences that name a poll:
    the phrase pattern is slow to try at every "in" of an article."""
    text = article.text
    matches: list[re.Match[str]] = []
    searched_to = 0
    for word in _POLL_WORD.finditer(text):
        if word.start() < searched_to:
            continue
        start = article.sentence_start(word.start())
        searched_to = article.sentence_end(word.end())
        matches.extend(_IN_POLL.finditer(text, start, searched_to))
    return matches


def _poll_findings(article: _Article, quotations: list[tuple[QuoteSpan, ...]]) -> list[_Found]:
    text = article.text
    found: list[_Found] = []
    starts = [group[0].start for group in quotations]
    for match in _poll_phrases(article):
        if _inside(match.start(), starts, quotations):
            continue
        sentence_start = article.sentence_start(match.start())
        sentence_end = article.sentence_end(match.end())
        source = Mention(match[1], match.start(1), match.end(1), SpeakerKind.DESCRIPTION, match[1])
        if not text[sentence_start : match.start()].strip():
            comma = text.find(",", match.end(), sentence_end)
            if comma == -1:
                continue
            start = comma + 1
            while start < sentence_end and text[start].isspace():
                start += 1
            end = _clause_end(text, start, sentence_end)
        else:
            start = sentence_start
            while start < match.start() and text[start].isspace():
                start += 1
            end = _clause_end(text, start, match.start())
            while end > start and text[end - 1] in ", ":
                end -= 1
        if _words(text[start:end]) < 3 or _QUOTE_OPENING.match(text, start, end):
            continue
        found.append(
            _Found(
                start,
                end,
                QuoteKind.INDIRECT,
                source,
                (match.start(), match.start() + 2),
                0.5,
                rule="in_poll",
            )
        )
    return found


def _clause_end(text: str, start: int, end: int) -> int:
    end = min(end, len(text))
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".;:"):
        end -= 1
    return end


def _according_to(
    article: _Article, cue: re.Match[str], sentence_start: int, sentence_end: int
) -> _Found | None:
    text = article.text
    mention = subject_after(text, cue.end(), sentence_end) or _source_phrase(
        text, cue.end(), sentence_end
    )
    if mention is None:
        return None
    if not text[sentence_start : cue.start()].strip():
        # "According to the Kremlin, the talks ..."
        comma = text.find(",", mention.end, sentence_end)
        if comma == -1:
            return None
        start = comma + 1
        while start < sentence_end and text[start].isspace():
            start += 1
        end = _clause_end(text, start, sentence_end)
    else:
        # "The talks ..., according to the Kremlin."
        start = sentence_start
        end = _clause_end(text, start, cue.start())
        while end > start and text[end - 1] in ", ":
            end -= 1
    if _words(text[start:end]) < 3:
        return None
    return _Found(start, end, QuoteKind.INDIRECT, mention, cue.span(), 0.65, rule="according_to")


def _reported(
    article: _Article, cue: re.Match[str], sentence_start: int, sentence_end: int
) -> _Found | None:
    text = article.text
    # "Holt spoke about the flood in Tartu, Estonia, arguing that ...": a
    # participle after a comma reports for the sentence's subject, whatever
    # stands just before it.
    mention = _participle_subject(text, cue, sentence_start) or _issuer(
        text, cue, sentence_start, subject_before(text, cue.start(), sentence_start)
    )
    after = text[cue.end() : sentence_end]
    # "..., said Peskov." is inverted; "Nine in ten said the pier" is not.
    inverted = text[sentence_start : cue.start()].rstrip().endswith(",") and _inverted(
        text, cue.end(), sentence_end
    )
    if mention is None and not inverted:
        mention = (
            _appositive_subject(text, sentence_start, cue.start())
            or _coordinated_subject(text, sentence_start, cue.start())
            or _whole_subject(text, cue, sentence_start)
        )
    if mention is not None:
        # "SPEAKER said (on Monday) (that) CLAUSE"
        that = _THAT.search(text, cue.end(), min(sentence_end, cue.end() + 70))
        if (
            that is not None
            and _words(text[cue.end() : that.start()]) <= 8
            # "said Ukraine had accepted the draft and that ...": the second of
            # two clauses said, not the first.
            and _COORDINATED.search(text, cue.end(), that.start()) is None
        ):
            start = that.start()
        else:
            stripped = after.lstrip()
            if stripped.startswith(",") and _last_before(text, mention.start) == ",":
                # "In small towns, they said, bakers now ...": an aside; the
                # whole sentence is what they said.
                parenthetical = _whole_sentence(text, sentence_start, sentence_end, mention)
                if parenthetical is not None:
                    return _Found(
                        *parenthetical,
                        QuoteKind.INDIRECT,
                        mention,
                        cue.span(),
                        0.6,
                        rule="parenthetical_said",
                    )
            if not stripped or stripped[0] in '.,;:!?"“”' or _words(stripped) < 3:
                return _content_before(article, cue, mention, sentence_start)
            if _WHEN_THEN_COMMA.match(stripped) and _last_before(text, mention.start) == ",":
                # "Russia will not sign it, the Kremlin said on Monday, dealing a
                # blow to ...": the attribution closes what was said; what
                # follows its time is the reporter's.
                said_before = _content_before(article, cue, mention, sentence_start)
                if said_before is not None:
                    return said_before
            if cue[0] in OBJECT_TAKING and _last_before(text, mention.start) == ",":
                # "..., she told the panel in her letter.": what follows "told" is
                # who heard it; what was said came before.
                said_before = _content_before(article, cue, mention, sentence_start)
                if said_before is not None:
                    return said_before
            start = cue.end() + (len(after) - len(stripped))
            day = _DAY_AFTER_VERB.match(text, start, sentence_end)
            if day is not None:
                # "said on Friday the crews were ...": the day dates the saying.
                start = day.end()
        end = _clause_end(text, start, sentence_end)
        if mention.text.lower() == "who":
            # "Berg, who says X, wrote ...": the relative clause ends at its comma.
            comma = text.find(",", start, end)
            end = comma if comma > start else end
        trailing = _TRAILING_ATTRIBUTION.search(text, start, end + 1)
        if trailing is not None:
            end = trailing.start()
        second = _SECOND_REPORT.search(text, start, end)
        if second is not None:
            # "rejected the draft, saying it ignored ...", "accused X of Y and said
            # Z": what the second verb reports is its own statement.
            end = second.start()
        if _words(text[start:end]) < _MIN_CONTENT_WORDS:
            return None
        if _QUOTE_OPENING.match(text, start, end):
            return None
        return _Found(start, end, QuoteKind.INDIRECT, mention, cue.span(), 0.65, rule="said_that")
    # "..., said Peskov." — inverted subject after the verb.
    before = text[sentence_start : cue.start()].rstrip()
    if before.endswith(",") and cue[0] not in PARTICIPLE_CUES:
        mention = subject_after(text, cue.end(), sentence_end)
        if mention is not None:
            end = _clause_end(text, sentence_start, len(before) + sentence_start - 1)
            if _words(text[sentence_start:end]) >= 3:
                return _Found(
                    sentence_start,
                    end,
                    QuoteKind.INDIRECT,
                    mention,
                    cue.span(),
                    0.6,
                    rule="clause_then_said",
                )
    return None


def _inverted(text: str, cue_end: int, sentence_end: int) -> bool:
    """ "..., said Peskov." / "..., says Aho in Tartu.": the speaker follows
    the verb and the sentence ends soon after."""
    mention = subject_after(text, cue_end, sentence_end)
    if mention is None:
        return False
    rest = text[mention.end : sentence_end]
    return rest.lstrip()[:1] in ("", ",", ".", ";") or _words(rest) <= 3


_ISSUED = frozenset(
    """
        statement release ad ads email e-mail letter video website tweet memo message
    """.split()
)


def _issuer(
    text: str, cue: re.Match[str], sentence_start: int, mention: Mention | None
) -> Mention | None:
    """ "The club sent a letter saying ...": what a statement, ad or
    letter says, its issuer says; the issuer is the sentence's subject."""
    if (
        mention is None
        or cue[0] not in PARTICIPLE_CUES
        or mention.kind is not SpeakerKind.DESCRIPTION
        or mention.text.split()[-1].lower() not in _ISSUED
    ):
        return mention
    issuer = sentence_subject(text, sentence_start, mention.start)
    if issuer is None or issuer.end > mention.start:
        return mention
    return issuer


def _participle_subject(text: str, cue: re.Match[str], sentence_start: int) -> Mention | None:
    """ "Other skippers repeated the warning, saying ...": a participle after a
    comma (or "while") reports for the sentence's subject."""
    if cue[0] not in PARTICIPLE_CUES:
        return None
    lead = text[sentence_start : cue.start()].rstrip()
    if not (lead.endswith(",") or lead.endswith((" while", ", while"))):
        return None
    subject = sentence_subject(text, sentence_start, cue.start()) or _first_reporter(
        text, sentence_start, cue.start()
    )
    if subject is None or subject.start >= cue.start():
        return None
    return subject


def _first_reporter(text: str, sentence_start: int, cue_start: int) -> Mention | None:
    """ "The port authority rejected the offer, saying ...": the subject of the
    sentence's first verb of saying, which may be described (the sentence's
    subject is found for names and bodies only)."""
    first = _CUE.search(text, sentence_start, cue_start)
    if first is None or _QUOTE_MARK.search(text, sentence_start, first.start()):
        return None
    return subject_before(text, first.start(), sentence_start)


_SUBJECT_STOPS = frozenset(
    """
        that which who whom what whether if when where while because as than it
        there this these those is was are were be been has have had not to do does did
    """.split()
)


_QUANTITIES = frozenset(
    "most many some few half all both several nearly about more fewer majority".split()
)


def _whole_subject(text: str, cue: re.Match[str], sentence_start: int) -> Mention | None:
    """ "Each side said ...", "Two-in-three club members said ...": a short
    subject the phrase rules do not know, taken whole when all that stands
    between the sentence's start and a plain speech verb is a few words."""
    if cue[0] not in _INDIRECT_VERBS or cue[0] in PARTICIPLE_CUES:
        return None
    start = sentence_start
    comma = text.rfind(", ", sentence_start, cue.start())  # not the comma of "1,500"
    if comma != -1 and _words(text[sentence_start:comma]) <= 8:
        start = comma + 1  # "In May, 41 percent said": past the opening phrase
    while start < cue.start() and not text[start].isalnum():
        start += 1
    end = cue.start()
    while end > start and text[end - 1].isspace():
        end -= 1
    phrase = text[start:end]
    words = phrase.split()
    if not 1 <= len(words) <= 6:
        return None
    if not (words[0][:1].isupper() or words[0][:1].isdigit() or words[0] in _QUANTITIES):
        return None
    if any(mark in phrase for mark in ',;:()"“”—–') or phrase.endswith("."):
        return None
    if any(word.lower().strip(".") in _SUBJECT_STOPS for word in words):
        return None
    if words[-1].lower() in ("and", "but", "or"):
        return None  # "... deemed 1,500 pages private and says": no subject here
    return Mention(phrase, start, end, SpeakerKind.DESCRIPTION, phrase)


def _coordinated_subject(text: str, sentence_start: int, cue_start: int) -> Mention | None:
    """ "Holt has rejected both reports, but says ...": the sentence's subject
    is the subject of a verb coordinated after "but" or "and"."""
    lead = text[sentence_start:cue_start].rstrip()
    if not lead.endswith((" but", " and", ",but", ", but", ", and")):
        return None
    subject = sentence_subject(text, sentence_start, cue_start)
    if subject is None or subject.kind is SpeakerKind.DESCRIPTION:
        # "The port authority blamed ... and said ...": the first verb's subject.
        return _first_reporter(text, sentence_start, cue_start)
    return subject


def _whole_sentence(
    text: str, sentence_start: int, sentence_end: int, mention: Mention
) -> tuple[int, int] | None:
    start = sentence_start
    while start < sentence_end and text[start].isspace():
        start += 1
    end = _clause_end(text, start, sentence_end)
    if start >= mention.start or _words(text[start:end]) < 6 or '"' in text[start:end]:
        return None
    return start, end


def _appositive_subject(text: str, sentence_start: int, cue_start: int) -> Mention | None:
    """ "Rep. Nils Aho, R-Minn., a first-term member, said ...": the subject
    opens the sentence and a comma-fenced appositive stands before the verb."""
    if not text[sentence_start:cue_start].rstrip().endswith(","):
        return None
    subject = sentence_subject(text, sentence_start, cue_start)
    if subject is None:
        return None
    if text[subject.end : subject.end + 1] != ",":
        return None
    if _words(text[subject.end : cue_start]) > 25:
        return None
    return subject


def _content_before(
    article: _Article, cue: re.Match[str], mention: Mention, sentence_start: int
) -> _Found | None:
    """ "The ferry is late, Berg said." — the clause before the subject."""
    text = article.text
    lead = text[sentence_start : mention.start].rstrip()
    if not lead.endswith((",", "—", "–")):
        return None
    end = sentence_start + len(lead) - 1
    while end > sentence_start and text[end - 1] in " ,":
        end -= 1
    start = sentence_start
    while start < end and text[start].isspace():
        start += 1
    if _words(text[start:end]) < 3:
        return None
    return _Found(start, end, QuoteKind.INDIRECT, mention, cue.span(), 0.6, rule="clause_then_said")


class _Near:
    """The quotes that may touch a range, found by bisection: comparing every
    clause with every quote grows with the square of a long article's length."""

    def __init__(self, found: list[_Found]) -> None:
        self.order = sorted(range(len(found)), key=lambda index: found[index].start)
        self.starts = [found[index].start for index in self.order]
        # The furthest end so far, in order of start: it only grows, so the first
        # quote that may still reach a position is found by bisection too.
        self.reach = list(itertools.accumulate((found[i].end for i in self.order), max))

    def around(self, start: int, end: int) -> list[int]:
        """Indexes (ascending) of every quote that ends after ``start`` or starts
        at or after it, and starts no later than ``end``."""
        first = min(bisect.bisect_right(self.reach, start), bisect.bisect_left(self.starts, start))
        last = bisect.bisect_right(self.starts, end)
        return sorted(self.order[first:last])


def _combine(article: _Article, direct: list[_Found], indirect: list[_Found]) -> list[_Found]:
    """Merge the passes: a quoted fragment inside reported speech is one partial quote."""
    result: list[_Found] = []
    used: set[int] = set()
    near = _Near(direct)
    for clause in indirect:
        inner = [
            index
            for index in near.around(clause.start, clause.end + 1)
            if direct[index].start >= clause.start and direct[index].end <= clause.end + 1
        ]
        clause, inner = _split_at_own_cue(article, clause, inner, direct)
        overlapping = [
            index
            for index in near.around(clause.start, clause.end + 1)
            if direct[index].start < clause.end
            and direct[index].end > clause.start
            and index not in inner
        ]
        if overlapping:
            continue  # the quote marks are the better evidence
        if inner:
            used.update(inner)
            merged = replace(
                clause,
                kind=QuoteKind.PARTIAL,
                end=max(clause.end, max(direct[i].end for i in inner)),
            )
            outer = _enclosing_report(clause, [direct[i] for i in inner])
            if outer is not None:
                merged = replace(merged, mention=outer.mention, cue=outer.cue)
            result.append(merged)
            continue
        result.append(clause)
    for index, quote in enumerate(direct):
        if index in used:
            continue
        if quote.mention is None and quote.kind is QuoteKind.PARTIAL:
            continue  # scare quotes: no speaker, not a statement
        result.append(quote)
    result.sort(key=lambda found: found.start)
    # Drop clauses contained in another (a "said" inside a longer reported clause).
    pruned: list[_Found] = []
    for found in result:
        if (
            pruned
            and found.start >= pruned[-1].start
            and found.end <= pruned[-1].end
            and _same_speaker(found.mention, pruned[-1].mention)
        ):
            outer = _cut_before(article, pruned[-1], found)
            if outer is None:
                continue
            pruned[-1] = outer
        pruned.append(found)
    _continue_speakers(article, pruned)
    return _join_lists(article, pruned)


_LIST_GAP = re.compile(r"[^.!?\n\"“”«»„]{0,40}")


def _join_lists(article: _Article, found: list[_Found]) -> list[_Found]:
    """'Holt called Berg a "reckless skipper" who is "never on time," a
    "menace" and "lazy."': fragments listed after one verb are one statement,
    not five of a word or two each."""
    joined: list[_Found] = []
    for item in found:
        last = joined[-1] if joined else None
        if (
            last is not None
            and item.kind is QuoteKind.PARTIAL
            and last.kind is QuoteKind.PARTIAL
            and item.cue is not None
            and item.cue == last.cue
            and _same_speaker(item.mention, last.mention)
            and _LIST_GAP.fullmatch(article.text, last.end, item.start) is not None
        ):
            joined[-1] = replace(last, end=item.end, pieces=last.pieces + item.pieces)
            continue
        joined.append(item)
    return joined


def _enclosing_report(clause: _Found, quotes: list[_Found]) -> _Found | None:
    """ "Ivers told the mayor that if he wants the pier, "come and take it."": the
    quote's own verb comes before the clause's, so the clause is part of what
    the quote's speaker said."""
    for quote in quotes:
        if (
            quote.mention is not None
            and quote.cue is not None
            and clause.cue is not None
            and quote.cue[0] < clause.start
            and quote.cue[0] < clause.cue[0]
        ):
            return quote
    return None


_SEPARATOR = re.compile(r"\s*(?:--|[—–:])\s*$")
_JOINER = re.compile(r"(?:,?\s*(?:but|and|then)\s*|,\s*)$")


def _split_at_own_cue(
    article: _Article, clause: _Found, inner: list[int], direct: list[_Found]
) -> tuple[_Found, list[int]]:
    """ "it was too soon to name a winner but added, "I think ..."": a
    whole quotation with its own verb inside a reported clause is a second
    statement; the clause ends before that verb."""
    text = article.text
    clause_cue = clause.cue[0] if clause.cue else clause.start
    for index in inner:
        quote = direct[index]
        if _words(text[quote.start : quote.end]) < _SHORT_FRAGMENT_WORDS:
            continue
        separator = _SEPARATOR.search(text, clause.start, quote.start)
        if separator is not None and clause_cue < separator.start():
            # 'backed a freeze on fuel duty -- "Nobody should pay more."': the
            # quote after a dash or colon is a statement of its own.
            end = separator.start()
        elif quote.cue is not None and clause_cue < quote.cue[0] < quote.start:
            joiner = _JOINER.search(text, clause.start, quote.cue[0])
            end = joiner.start() if joiner else quote.cue[0]
        else:
            continue
        end = _clause_end(text, clause.start, end)
        if _words(text[clause.start : end]) < 3:
            continue
        direct[index] = replace(quote, kind=QuoteKind.DIRECT)
        remaining = [i for i in inner if direct[i].end <= end]
        return replace(clause, end=end), remaining
    return clause, inner


def _cut_before(article: _Article, outer: _Found, inner: _Found) -> _Found | None:
    """ "She praised the plan, saying it would help": a second report by the same
    speaker inside a clause is a statement of its own; the first one ends
    before its verb. None when the inner clause is only a repeat."""
    if (
        outer.kind is QuoteKind.DIRECT
        or inner.kind is QuoteKind.DIRECT
        or inner.cue is None
        or not outer.start < inner.cue[0] < inner.start
    ):
        return None
    text = article.text
    joiner = _JOINER.search(text, outer.start, inner.cue[0])
    end = _clause_end(text, outer.start, joiner.start() if joiner else inner.cue[0])
    while end > outer.start and text[end - 1] in " ,":
        end -= 1
    if _words(text[outer.start : end]) < 3:
        return None
    return replace(outer, end=end)


def _same_speaker(a: Mention | None, b: Mention | None) -> bool:
    """Nested reports by two speakers are both kept ("X demanded ..., said Y")."""
    return a is None or b is None or a.name == b.name or a.start == b.start


def _continue_speakers(article: _Article, found: list[_Found]) -> None:
    """A quote-only paragraph continues the speaker of the quote just before it."""
    text = article.text
    previous: _Found | None = None
    for item in found:
        if item.mention is None and item.kind is QuoteKind.DIRECT and previous is not None:
            lead = text[article.sentence_start(item.start) : item.start].strip()
            gap = text[previous.end : item.start]
            if not lead and gap.count("\n") <= 3 and previous.mention is not None:
                item.mention = previous.mention
                item.cue = None
                item.confidence = 0.6
                item.continued = True
                item.rule = "continuation_paragraph"
        if item.mention is not None:
            previous = item


@dataclass
class _Person:
    name: str
    role: str | None


def _resolve(
    article: _Article,
    found: list[_Found],
    published: dt.date | None,
    quoted: list[tuple[int, int]],
) -> list[ExtractedQuote]:
    text = article.text
    speakers = {
        item.mention.name.split()[-1].lower()
        for item in found
        if item.mention is not None and item.mention.kind is SpeakerKind.PERSON
    }
    speaker_spans = [
        (item.mention.start, item.mention.end)
        for item in found
        if item.mention is not None and item.mention.kind is SpeakerKind.PERSON
    ]
    discourse = Discourse(text, quoted, article.sentence_start, speakers, speaker_spans)
    interview_day = _interview_day(article, found, published)
    people: dict[str, _Person] = {}
    last_person: _Person | None = None
    last_body: str | None = None
    last_body_kind = SpeakerKind.ORGANISATION
    quotes: list[ExtractedQuote] = []
    for item in found:
        mention = item.mention
        speaker: str | None = None
        kind = SpeakerKind.UNKNOWN
        role: str | None = None
        confidence = item.confidence
        chain: list[str] = []
        if item.continued:
            chain.append("continues the speaker of the quote before")
        if mention is not None:
            lower = mention.text.lower()
            if mention.antecedent is not None:
                # The pronoun is the speaker as printed; the sentence names whom.
                person = _person(text, people, mention.antecedent)
                speaker, role, kind = person.name, person.role, SpeakerKind.PERSON
                last_person = person
                chain.append(f"pronoun {mention.text!r} -> {speaker} (the sentence's subject)")
            elif lower in PRONOUNS:
                antecedent, why = (
                    _antecedent(discourse, people, mention, last_person)
                    if lower in PERSONAL_PRONOUNS
                    else (None, "")
                )
                if antecedent is not None:
                    speaker, role, kind = antecedent.name, antecedent.role, SpeakerKind.PERSON
                    confidence -= 0.1
                    chain.append(f"pronoun {mention.text!r} -> {speaker} ({why})")
                elif lower in ("they", "we", "it") and last_body is not None:
                    speaker, kind = last_body, last_body_kind
                    confidence -= 0.15
                    chain.append(f"pronoun {mention.text!r} -> {speaker} (last body named)")
                else:
                    confidence -= 0.45  # no safe antecedent: nothing guessed
                    chain.append(f"pronoun {mention.text!r} -> no agreeing antecedent")
            elif mention.kind is SpeakerKind.PERSON and _said_as_body(
                article, discourse, mention, item
            ):
                # "Riverbend said it had offered raises": a body, not a person.
                mention = _organisation_mention(text, mention)
                speaker, kind = mention.name, SpeakerKind.ORGANISATION
                last_body, last_body_kind = speaker, kind
                chain.append(f"name {mention.text!r} -> {speaker} (an organisation: 'it'/'they')")
            elif mention.kind is SpeakerKind.PERSON:
                person = _person(text, people, mention)
                speaker, role, kind = person.name, person.role, SpeakerKind.PERSON
                last_person = person
                if person.name != mention.text:
                    chain.append(f"name {mention.text!r} -> {person.name}")
            elif (
                mention.kind is SpeakerKind.GOVERNMENT
                and mention.name.lower() in people
                and is_place(mention.name)
            ):
                # "Jordan said" after "Jim Jordan": the person, not the country.
                person = people[mention.name.lower()]
                speaker, role, kind = person.name, person.role, SpeakerKind.PERSON
                last_person = person
                chain.append(f"name {mention.text!r} -> {person.name} (a person, not the place)")
            elif mention.kind is SpeakerKind.DESCRIPTION and (
                described := discourse.described(mention.start, mention.text)
            ):
                # "the governor" is the governor the article named before.
                person = _known(people, described.name)
                speaker, role, kind = person.name, person.role, SpeakerKind.PERSON
                last_person = person
                confidence -= 0.1
                chain.append(
                    f"description {mention.text!r} -> {speaker} (introduced with that age or role)"
                )
            elif (
                mention.kind is SpeakerKind.DESCRIPTION
                and last_body is not None
                and _same_body(mention.text, last_body)
            ):
                # "the company said" after "Riverbend said": the body named before.
                speaker, kind = last_body, last_body_kind
                confidence -= 0.1
                chain.append(f"description {mention.text!r} -> {speaker} (the body named before)")
            else:
                speaker, kind = _body(mention), mention.kind
                if kind is SpeakerKind.DESCRIPTION and state_body(mention.text):
                    kind = SpeakerKind.GOVERNMENT
                if kind in (SpeakerKind.GOVERNMENT, SpeakerKind.ORGANISATION):
                    last_body, last_body_kind = speaker, kind
                if speaker != mention.text:
                    chain.append(f"{kind} {mention.text!r} -> {speaker}")
        if item.continued:
            confidence = min(confidence, 0.6)
        if interview_day is not None and item.rule == "label_colon":
            said_on, precision = interview_day
        else:
            said_on, precision = _date(article, item, published)
        start, end = item.start, item.end
        wording = _wording(text, item)
        cue_start, cue_end = item.cue if item.cue else (None, None)
        quotes.append(
            ExtractedQuote(
                text=wording,
                start=start,
                end=end,
                kind=item.kind,
                cue=text[cue_start:cue_end] if cue_start is not None else None,
                cue_start=cue_start,
                cue_end=cue_end,
                speaker=speaker,
                speaker_mention=mention.text if mention else None,
                speaker_start=mention.start if mention else None,
                speaker_end=mention.end if mention else None,
                speaker_kind=kind,
                speaker_role=role,
                said_on=said_on,
                date_precision=precision,
                confidence=round(max(0.05, min(confidence, 0.99)), 2),
                rule=item.rule,
                resolution=tuple(chain),
            )
        )
    return quotes


# What the article calls a body it named: "it said", "its statement".
# "it" only where no dummy subject could be meant ("said it was clear").
_BODY_PRONOUN = re.compile(
    r"\b(?:(its|they|their|it\s+(?:had|has|would|will|could)\s+(?!be\b|been\b)\w+|it\s+\w+ed\b)"
    r"|he|she|his|her|him)\b"
)
_BODY_PRONOUN_WORDS = 8
_BODY_PRONOUN_REACH = 120
# "the company", "the club", "the ministry": a body named by what it is.
_BODY_NOMINALS = frozenset(
    """
    company firm club team group agency association union bank board organisation
    organization ministry department authority council committee party office
    government administration federation league body
    """.split()
)
# "The Office for", "Institute of": the start of a body's name before its subject.
_BODY_NAME_BEFORE = re.compile(r"(?:\b[Tt]he\s+)?(?:[A-Z][\w-]*\s+)+(?:for|of)\s+$")


def _said_as_body(article: _Article, discourse: Discourse, mention: Mention, item: _Found) -> bool:
    """ "Riverbend said it had offered", "Thornbury Rovers said they were": a
    name with nothing of a person (no known given name, title or honorific,
    not indexed as a person) that the article itself calls "it" or "they"
    right after its attribution is an organisation."""
    if item.cue is None or mention.role or mention.antecedent is not None:
        return False
    if mention.text.split()[0].lower().rstrip(".") in HONORIFICS or mention.text.endswith(
        ("'s", "’s")
    ):
        return False  # "Mr. Hurt said it declined", "Scott's relatives said"
    # The cheap, local test first: most names are followed by no such pronoun.
    text = article.text
    start = max(item.cue[1], mention.end)
    end = min(article.sentence_end(start), start + _BODY_PRONOUN_REACH)
    pronoun = _BODY_PRONOUN.search(text, start, end)
    if pronoun is None or pronoun[1] is None:
        return False
    between = text[start : pronoun.start()].split()
    if len(between) > _BODY_PRONOUN_WORDS or any(
        word[:1].isupper() or word.lower() == "the" for word in between
    ):
        return False  # "said that Israel ... its", "said the company ... its": another body
    words = mention.name.split()
    # "they" for a plural name only ("Thornbury Rovers said they"): not "Klein said they".
    if pronoun[1] in ("they", "their") and not words[-1].endswith("s"):
        return False
    if discourse.quoted(pronoun.start()) or any(gender_of_given_name(w) for w in words):
        return False
    if all(re.search(rf"\b{re.escape(word.lower())}\b", text) for word in words):
        return False  # "Officials said they": common words, capitalised by the sentence
    person = discourse.people.get(words[-1].lower())
    return person is None or not (person.gender or person.titled)


def _organisation_mention(text: str, mention: Mention) -> Mention:
    """ "Budget Responsibility" read whole: "The Office for Budget Responsibility"."""
    before = _BODY_NAME_BEFORE.search(text, max(0, mention.start - 60), mention.start)
    if before is None:
        return mention
    start = before.start()
    name = text[start : mention.end]
    if name[:4].lower() == "the ":
        name = name[4:]
    return Mention(text[start : mention.end], start, mention.end, SpeakerKind.ORGANISATION, name)


def _same_body(description: str, body: str) -> bool:
    """ "the company" is the body named before; "the ministry" only a ministry."""
    words = description.lower().split()
    if len(words) != 2 or words[0] != "the" or words[1] not in _BODY_NOMINALS:
        return False
    if words[1] in _ANY_BODY:
        return True
    return words[1] in body.lower()


# Nominals for any organisation; the others ("the ministry", "the union")
# need the word in the body's own name.
_ANY_BODY = frozenset("company firm group club team agency organisation organization body".split())


# An interview is a run of at least this many "Name: text" turns.
_MIN_TURNS = 3


def _interview_day(
    article: _Article, found: list[_Found], published: dt.date | None
) -> tuple[dt.date | None, DatePrecision] | None:
    """The day of an interview given as "Name: text" turns, read from the
    paragraph that introduces it ("She spoke to us on Friday")."""
    turns = [item for item in found if item.rule == "label_colon"]
    if len(turns) < _MIN_TURNS:
        return None
    first = article.paragraph_start(turns[0].start)
    for _ in range(2):
        if first <= 0:
            break
        previous = article.paragraph_start(first - 1)
        introduction = article.text[previous:first]
        if _WIRE_HEADER.match(introduction):
            break
        # The last sentence with a day in it: "She spoke to us on Friday."
        bounds = [0, *(m.end() for m in _SENTENCE_BREAK.finditer(introduction))]
        bounds.append(len(introduction))
        for index in range(len(bounds) - 2, -1, -1):
            sentence = introduction[bounds[index] : bounds[index + 1]]
            said_on, precision = resolve_date(sentence, published)
            if precision in (DatePrecision.DAY, DatePrecision.WEEK):
                return said_on, precision
        first = previous
    return None


_WIRE_HEADER = re.compile(r"date \d{4}-\d{2}-\d{2}\b")


def _antecedent(
    discourse: Discourse,
    people: dict[str, _Person],
    mention: Mention,
    last_person: _Person | None,
) -> tuple[_Person | None, str]:
    """Who "he" or "she" is: the nearest agreeing person by salience, else the
    last speaker if the article tells nothing against it."""
    found = discourse.antecedent(mention.start, mention.text)
    if found is not None:
        return _known(people, found.name), "nearest agreeing subject"
    if last_person is None:
        return None, ""
    indexed = discourse.people.get(last_person.name.split()[-1].lower())
    wanted = "m" if mention.text.lower() == "he" else "f"
    if indexed is not None and indexed.gender not in (None, wanted):
        return None, ""
    return last_person, "last person quoted"


def _known(people: dict[str, _Person], name: str) -> _Person:
    """The article's person of that name, made known if they had not spoken."""
    key = name.split()[-1].lower()
    person = people.get(key)
    if person is None or not (_shorter_form(person.name, name) or _shorter_form(name, person.name)):
        person = _Person(name, None)
        people[key] = person
    elif len(name) > len(person.name) and _shorter_form(person.name, name):
        person.name = name
    return person


def _body(mention: Mention) -> str:
    """The name a body is filed under: "the Kremlin" -> "Russian government",
    "Russia's defence ministry" -> "Russian Defence Ministry"."""
    if mention.kind is SpeakerKind.DESCRIPTION:
        return state_body(mention.text) or _strip_quantifier(mention.name)
    return government_of(mention.name) or state_body(mention.text) or mention.name


# What opens a described speaker without describing them: "One EU diplomat",
# "Several residents" are an EU diplomat, residents.
_QUANTIFIERS = frozenset("one two three several some many most other".split())


def _strip_quantifier(phrase: str) -> str:
    words = phrase.split()
    while len(words) > 1 and words[0].lower() in _QUANTIFIERS and words[1].lower() != "of":
        words = words[1:]
    return " ".join(words)


def _person(text: str, people: dict[str, _Person], mention: Mention) -> _Person:
    """The full name behind a mention: "Peskov" is the Dmitry Peskov met earlier."""
    words = mention.name.split()
    surname = words[-1].lower()
    known = people.get(surname)
    if known is not None and _shorter_form(mention.name, known.name):
        # "de Blasio" after "Bill de Blasio", "Zelensky" after "Volodymyr Zelensky".
        if mention.role:
            known.role = mention.role
        return known
    if sum(1 for word in words if word.lower() not in NAME_PARTICLES) >= 2:
        person = _Person(mention.name, mention.role)
        people[surname] = person
        return person
    if known is not None:
        return known
    # The full name may be in the text without having spoken yet.
    given = _full_name_before(text, words[-1], mention.start)
    if given is not None:
        person = _Person(f"{given} {mention.name}", mention.role)
        people[surname] = person
        return person
    person = _Person(mention.name, mention.role)
    people[surname] = person
    return person


def _shorter_form(short: str, full: str) -> bool:
    """ "de Blasio" of "Bill de Blasio": the same last word, no word of its own."""
    short_words = short.lower().split()
    full_words = full.lower().split()
    return short_words[-1] == full_words[-1] and all(word in full_words for word in short_words)


_BEFORE_SURNAME = 80
_NAME_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*")


def _full_name_before(text: str, surname: str, limit: int) -> str | None:
    """The given names of the first "Firstname Surname" before ``limit``.

    Finding the surname with ``str.find`` and reading back from each hit is
    several times faster than a pattern scanning the whole text for names.
    """
    position = text.find(surname, 0, limit)
    while position != -1:
        end = position + len(surname)
        if end <= limit and not (end < len(text) and (text[end].isalnum() or text[end] == "_")):
            given = _given_names(text, position)
            if given is not None:
                return given
        position = text.find(surname, position + 1, limit)
    return None


def _given_names(text: str, surname_start: int) -> str | None:
    """The capitalised words (and particles) right before a surname, up to a
    title, a sentence opener or a determiner: "Prime Minister Giorgia" -> "Giorgia"."""
    window = text[max(0, surname_start - _BEFORE_SURNAME) : surname_start]
    tokens = list(_NAME_TOKEN.finditer(window))
    given: list[str] = []
    following = len(window)
    for token in reversed(tokens):
        word = token[0]
        lower = word.lower().rstrip(".")
        if window[token.end() : following] != " " or len(given) >= 3:
            break
        particle = lower in NAME_PARTICLES and bool(given)
        if not particle and (
            not word[:1].isupper()
            or lower in _NON_FIRST_NAMES
            or lower in CAPITALISED_STOPS
            or lower in TITLE_WORDS
            or is_place(word)
        ):
            break
        given.insert(0, word)
        following = token.start()
    while given and given[0].lower() in NAME_PARTICLES:
        given.pop(0)
    return " ".join(given) if given else None


_NON_FIRST_NAMES = frozenset(
    """
        mr mrs ms dr sen rep gov gen president prime minister secretary the a an
        said spokesman spokeswoman chancellor senator governor mayor judge
    """.split()
)


def _wording(text: str, item: _Found) -> str:
    """What was said: the quote's own words (pieces joined), or the reported clause."""
    if item.kind is QuoteKind.DIRECT and len(item.pieces) > 1:
        return " ".join(text[s:e].strip() for s, e in item.pieces)
    return text[item.start : item.end]


def _date(
    article: _Article, item: _Found, published: dt.date | None
) -> tuple[dt.date | None, DatePrecision]:
    """Read the date from the attribution: the sentence around the quote, minus the quote."""
    text = article.text
    if item.cue is None:
        if published is None:
            return None, DatePrecision.UNKNOWN
        return published, DatePrecision.REPORTED
    anchor = item.cue[0]
    sentence_start = article.sentence_start(anchor)
    sentence_end = article.sentence_end(item.cue[1])
    parts = []
    if item.pieces and len(item.pieces) > 1:
        parts.append(text[item.pieces[0][1] : item.pieces[1][0]])
    if sentence_start < item.start:
        parts.append(text[sentence_start : item.start])
    if item.end < sentence_end:
        parts.append(text[item.end : sentence_end])
    if not parts:
        parts.append(text[item.cue[0] : item.cue[1]])
    return resolve_date(" ".join(parts), published)
