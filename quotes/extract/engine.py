"""``extract_quotes``: an article's text in, its attributed quotations out.

The passes, in order:

1. quotation marks give the direct quotes; two pieces around a short
   attribution ("In the near future," he said, "it is unlikely.") are one quote;
2. each direct quote looks for its attribution after it, then before it, in
   its own sentence; a paragraph that is only a quote continues the speaker of
   the quote just before it, as wire style does;
3. speech verbs outside quotes give indirect speech: "SPEAKER said (that) ...",
   "..., SPEAKER said.", "according to SPEAKER, ..."; a quoted fragment inside
   such a clause makes the whole clause one *partial* quote, and a quoted
   fragment with no speaker (scare quotes) is dropped;
4. speakers are resolved within the article: a surname or a pronoun takes
   the full name met earlier;
5. the date is read from the attribution, not from the quoted words.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from quotes.extract.lexicon import (
    OBJECT_TAKING,
    PARTICIPLE_CUES,
    PERSONAL_PRONOUNS,
    PRONOUNS,
    QUOTE_ONLY_VERBS,
    SPEECH_VERBS,
    STANCE_VERBS,
)
from quotes.extract.mentions import Mention, sentence_subject, subject_after, subject_before
from quotes.extract.model import DatePrecision, ExtractedQuote, QuoteKind, SpeakerKind
from quotes.extract.patterns import word_alternation
from quotes.extract.quotation import QuoteSpan, find_quotations
from quotes.extract.when import resolve_date

# Verbs that introduce reported speech without quotation marks; narrower than
# SPEECH_VERBS, because "called" or "went" before a quote is safe but not before a clause.
_INDIRECT_VERBS = (SPEECH_VERBS | STANCE_VERBS) - frozenset(
    """
        called calls went continued continues answered answers shouted
        yelled joked jokes quipped thought felt feels posted posts ruled
    """.split()
)
_CUE_WORDS = SPEECH_VERBS | QUOTE_ONLY_VERBS | PARTICIPLE_CUES | STANCE_VERBS
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
    r"[.!?]*[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])"
)
_THAT = re.compile(r"\bthat\b")
_LINE_BREAKS = re.compile(r"\n+")
_QUOTE_OPENING = re.compile(r"(?:that\s+)?[\"“«„]")
# What may stand between a cue and the quote it introduces: 'said that "...'.
_INTRODUCER = re.compile(
    r"\s*(?:(?:that|reporters|journalists|me|us|him|her|them|simply|only)\s*)?[:,]?\s*"
)
_ABBREVIATED = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|U\.S|U\.K|U\.N)\.")
_SENTENCE_BREAK = re.compile(r"[.!?](?:\s|$)")
_SHORT_FRAGMENT_WORDS = 4
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


class _Article:
    """The text with its sentence and paragraph boundaries, for cheap look-ups."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentence_ends = [match.end() for match in _SENTENCE_END.finditer(text)]
        # Line breaks end sentences too; they are paragraph bounds, applied by
        # sentence_start and sentence_end.
        self.paragraph_starts = [0] + [m.end() for m in _LINE_BREAKS.finditer(text)]

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
    quotations = _merge_interrupted(article, find_quotations(text))
    direct = [_attribute_direct(article, span) for span in quotations]
    cues_used = {
        found.cue[0] for found in direct if found.cue is not None and found.kind is QuoteKind.DIRECT
    }
    indirect = _indirect(article, quotations, cues_used) + _headline_attributions(article)
    found = _combine(article, direct, indirect)
    return _resolve(article, found, published)


def _merge_interrupted(article: _Article, spans: list[QuoteSpan]) -> list[tuple[QuoteSpan, ...]]:
    """Join the pieces of a quote interrupted by its attribution."""
    groups: list[tuple[QuoteSpan, ...]] = []
    for span in spans:
        if groups:
            previous = groups[-1][-1]
            gap = article.text[previous.end : span.start]
            if (
                previous.closed
                and len(gap) <= _MAX_GAP
                and "\n" not in gap
                and _CUE.search(gap)
                and (gap.strip()[:1] in (",", "") or article.text[previous.end - 2] in ",")
                and len(groups[-1]) < 3
            ):
                groups[-1] = (*groups[-1], span)
                continue
        groups.append((span,))
    return groups


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
            return _Found(start, end, QuoteKind.DIRECT, mention, cue, confidence, _inner(pieces))
    if pieces[-1].closed:
        signed = _signature(article, end)
        if signed is not None:
            return _Found(start, end, QuoteKind.DIRECT, signed, None, 0.8, _inner(pieces))
    # After the quote, in the same sentence: '..." Peskov told reporters.' / '..." said Peskov.'
    after_end = min(article.sentence_end(end), end + 160)
    if pieces[-1].closed:
        found = _attribution_in(article, end, after_end, leading=True)
        if found:
            mention, cue = found
            return _Found(start, end, QuoteKind.DIRECT, mention, cue, confidence, _inner(pieces))
    # Before the quote: 'Peskov told reporters: "..."' / 'Peskov said, "..."'
    before_start = article.sentence_start(start)
    lead = text[before_start:start]
    stripped = lead.rstrip()
    cues = list(_CUE.finditer(text, before_start, start))
    if cues and (
        stripped.endswith((":", ","))
        or _INTRODUCER.fullmatch(text, cues[-1].end(), start) is not None
    ):
        lead_cue = cues[-1]
        lead_mention = subject_before(text, lead_cue.start(), before_start)
        if lead_mention is None:
            # "According to X:", "Continued Stone:", "Stated Stone:"
            lead_mention = subject_after(text, lead_cue.end(), start)
        if lead_mention is None and (
            lead_cue[0] in PARTICIPLE_CUES or text[: lead_cue.start()].rstrip().endswith(",")
        ):
            # "..., saying "...", "Small, who was there, said": the sentence's subject.
            lead_mention = sentence_subject(text, before_start, lead_cue.start())
        if lead_mention is not None:
            return _Found(
                start,
                end,
                QuoteKind.DIRECT,
                lead_mention,
                lead_cue.span(),
                confidence,
                _inner(pieces),
            )
    if stripped.endswith(":") and not cues:
        # "Pollsters agree - Carl Bialik: "..."": a name and a colon, no verb.
        colon = before_start + len(stripped) - 1
        named = subject_before(text, colon, before_start)
        if named is not None and named.kind is SpeakerKind.PERSON and not named.is_pronoun:
            return _Found(start, end, QuoteKind.DIRECT, named, None, 0.6, _inner(pieces))
    kind = QuoteKind.DIRECT
    if _words(text[inner[0] : inner[1]]) < _SHORT_FRAGMENT_WORDS:
        kind = QuoteKind.PARTIAL
    if lead.strip() and cues:
        # A quotation inside a sentence whose subject speaks through some
        # other verb: "Rubio bemoaned a climate in which people "hate each other"".
        subject = sentence_subject(text, before_start, cues[-1].start())
        if subject is not None and subject.kind is not SpeakerKind.DESCRIPTION:
            return _Found(
                start, end, QuoteKind.PARTIAL, subject, cues[-1].span(), 0.45, _inner(pieces)
            )
    if not lead.strip() and kind is QuoteKind.DIRECT:
        # "Bystrom agreed. "Mainstream Republicans are running out of time."":
        # the sentence before, in the same paragraph, names who speaks.
        introduced = _introduced_before(article, before_start)
        if introduced is not None:
            mention, cue = introduced
            return _Found(start, end, kind, mention, cue, 0.55, _inner(pieces))
    if lead.strip() and kind is QuoteKind.DIRECT and not lead.rstrip().endswith(("(", "[")):
        # A whole quoted sentence set in a sentence without a speech verb:
        # "Trump also embraced harsher methods -- "I would ...". Its subject
        # speaks, with less confidence; short fragments (scare quotes) never.
        subject = sentence_subject(text, before_start, start)
        if subject is not None and (subject.is_pronoun or _known_person(text, subject)):
            return _Found(start, end, kind, subject, None, 0.4, _inner(pieces))
    return _Found(start, end, kind, None, None, 0.5, _inner(pieces))


_DASH = re.compile(r"[^\S\n]*[―—–][^\S\n]*")


def _signature(article: _Article, end: int) -> Mention | None:
    """'"...." ― Jorge Falcon': a quote signed with a dash and a name, as in
    pull quotes and reader responses."""
    text = article.text
    dash = _DASH.match(text, end)
    if dash is None:
        return None
    line_end = article.paragraph_end(end)
    newline = text.find("\n", dash.end(), line_end)
    limit = newline if newline >= 0 else line_end
    mention = subject_after(text, dash.end(), limit)
    if mention is None or mention.kind is not SpeakerKind.PERSON:
        return None
    rest = text[mention.end : limit].strip(" .,\u00a0")
    if rest and not rest.startswith(("“", '"')):
        return None  # the dash opens a clause, not a signature
    return mention


def _introduced_before(
    article: _Article, sentence_start: int
) -> tuple[Mention, tuple[int, int]] | None:
    """A speaker and speech verb closing the sentence before the quote: in the same
    paragraph ("Bystrom agreed. "..."") or, for a block quote, the paragraph
    before it when that ends with a colon ("Cruz continued:")."""
    text = article.text
    paragraph_start = article.paragraph_start(sentence_start)
    block = sentence_start <= paragraph_start
    if block:
        previous_end = len(text[:paragraph_start].rstrip())
        if previous_end == 0 or text[previous_end - 1] != ":":
            return None
        previous_start = article.sentence_start(previous_end - 1)
        sentence_start = previous_end
    else:
        previous_start = article.sentence_start(sentence_start - 1)
    previous = text[previous_start:sentence_start]
    if any(mark in previous for mark in '"“”«»„'):
        return None  # a quote of its own: the continuation rule handles it
    cues = list(_CUE.finditer(text, previous_start, sentence_start))
    if not cues:
        return None
    cue = cues[-1]
    has_object = text[cue.end() : sentence_start].strip(" .:;\n") not in ("", "so", "as much")
    if has_object and not block:
        return None  # the verb has its own object: "X said the talks failed."
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
            # '"...," Terrie Rizzo, the party's county chair, said': a name
            # right after the quote, then an appositive, then the verb.
            named = subject_after(text, start, cue.start())
            if named is not None and named.kind is SpeakerKind.PERSON and before.count(",") >= 2:
                return named, cue.span()
            return None
        if cue[0].lower() == "according to":
            mention = subject_after(text, cue.end(), end)
        else:
            mention = subject_before(text, cue.start(), start)
            if mention is None and not before.strip(" ,—–-\u00a0"):
                mention = subject_after(text, cue.end(), end)
            if mention is None and before.rstrip().endswith(","):
                mention = sentence_subject(text, start, cue.start())
        if mention is not None:
            return mention, cue.span()
    return None


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
        sentence_start = article.sentence_start(cue.start())
        sentence_end = article.sentence_end(cue.end())
        result = (
            _according_to(article, cue, sentence_start, sentence_end)
            if word == "according to"
            else _reported(article, cue, sentence_start, sentence_end)
        )
        if result is not None:
            found.append(result)
    return found


_SOURCE_END = re.compile(r"[,;:.!?()\n—–]|\s-\s")


def _source_phrase(text: str, start: int, limit: int) -> Mention | None:
    """What follows "according to" up to the clause's end, as a described source.

    Sources of figures are often no name: "according to recent data from
    comScore", "according to a 2014 Labor Department study".
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


# "Graham: Trump's rhetoric is destroying the party's chances": a speaker, a
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
        ):
            continue
        # Only a label in capitals may stand before the name ("EXCLUSIVE – Stone:").
        prefix = text[start : mention.start].strip(" –—-")
        if prefix and not prefix.isupper():
            continue
        content_start, content_end = line.start(2), _clause_end(text, line.start(2), line.end(2))
        if _words(text[content_start:content_end]) < 3:
            continue
        found.append(
            _Found(
                content_start, content_end, QuoteKind.INDIRECT, mention, (colon, colon + 1), 0.55
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
    return _Found(start, end, QuoteKind.INDIRECT, mention, cue.span(), 0.65)


def _reported(
    article: _Article, cue: re.Match[str], sentence_start: int, sentence_end: int
) -> _Found | None:
    text = article.text
    mention = subject_before(text, cue.start(), sentence_start)
    after = text[cue.end() : sentence_end]
    if mention is None and not _inverted(text, cue.end(), sentence_end):
        mention = (
            _appositive_subject(text, sentence_start, cue.start())
            or _coordinated_subject(text, sentence_start, cue.start())
            or _participle_subject(text, cue, sentence_start)
        )
    if mention is not None:
        # "SPEAKER said (on Monday) (that) CLAUSE"
        that = _THAT.search(text, cue.end(), min(sentence_end, cue.end() + 70))
        if that is not None and _words(text[cue.end() : that.start()]) <= 8:
            start = that.start()
        else:
            stripped = after.lstrip()
            if stripped.startswith(",") and text[: mention.start].rstrip().endswith(","):
                # "Within marriages, they said, women now ...": an aside; the
                # whole sentence is what they said.
                parenthetical = _whole_sentence(text, sentence_start, sentence_end, mention)
                if parenthetical is not None:
                    return _Found(*parenthetical, QuoteKind.INDIRECT, mention, cue.span(), 0.6)
            if not stripped or stripped[0] in '.,;:!?"“”' or _words(stripped) < 3:
                return _content_before(article, cue, mention, sentence_start)
            if cue[0] in OBJECT_TAKING and text[: mention.start].rstrip().endswith(","):
                # "..., he told the court in his filing.": what follows "told" is
                # who heard it; what was said came before.
                said_before = _content_before(article, cue, mention, sentence_start)
                if said_before is not None:
                    return said_before
            start = cue.end() + (len(after) - len(stripped))
        end = _clause_end(text, start, sentence_end)
        if re.search(r",\s*who\s*$", text[mention.end : cue.start()]):
            # "Graham, who says X, tweeted ...": the relative clause ends at its comma.
            comma = text.find(",", start, end)
            end = comma if comma > start else end
        trailing = _TRAILING_ATTRIBUTION.search(text, start, end + 1)
        if trailing is not None:
            end = trailing.start()
        if _words(text[start:end]) < 3:
            return None
        if _QUOTE_OPENING.match(text, start, end):
            return None
        return _Found(start, end, QuoteKind.INDIRECT, mention, cue.span(), 0.65)
    # "..., said Peskov." — inverted subject after the verb.
    before = text[sentence_start : cue.start()].rstrip()
    if before.endswith(","):
        mention = subject_after(text, cue.end(), sentence_end)
        if mention is not None:
            end = _clause_end(text, sentence_start, len(before) + sentence_start - 1)
            if _words(text[sentence_start:end]) >= 3:
                return _Found(sentence_start, end, QuoteKind.INDIRECT, mention, cue.span(), 0.6)
    return None


def _inverted(text: str, cue_end: int, sentence_end: int) -> bool:
    """ "..., said Peskov." / "..., says Satpayev in Almaty.": the speaker follows
    the verb and the sentence ends soon after."""
    mention = subject_after(text, cue_end, sentence_end)
    if mention is None:
        return False
    rest = text[mention.end : sentence_end]
    return rest.lstrip()[:1] in ("", ",", ".", ";") or _words(rest) <= 3


def _participle_subject(text: str, cue: re.Match[str], sentence_start: int) -> Mention | None:
    """ "Other Republicans echoed those comments, saying ...": a participle after a
    comma (or "while") reports for the sentence's subject."""
    if cue[0] not in PARTICIPLE_CUES:
        return None
    lead = text[sentence_start : cue.start()].rstrip()
    if not (lead.endswith(",") or lead.endswith((" while", ", while"))):
        return None
    subject = sentence_subject(text, sentence_start, cue.start())
    if subject is None or subject.start >= cue.start():
        return None
    return subject


def _coordinated_subject(text: str, sentence_start: int, cue_start: int) -> Mention | None:
    """ "Clinton has disputed both critiques, but says ...": the sentence's subject
    is the subject of a verb coordinated after "but" or "and"."""
    lead = text[sentence_start:cue_start].rstrip()
    if not lead.endswith((" but", " and", ",but", ", but", ", and")):
        return None
    subject = sentence_subject(text, sentence_start, cue_start)
    if subject is None or not (subject.is_pronoun or subject.kind is SpeakerKind.PERSON):
        return None
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
    """ "Sen. Lindsey Graham, R-S.C., a long-shot candidate, said ...": the subject
    opens the sentence and a comma-fenced appositive stands before the verb."""
    if not text[sentence_start:cue_start].rstrip().endswith(","):
        return None
    subject = sentence_subject(text, sentence_start, cue_start)
    if subject is None or subject.kind is SpeakerKind.DESCRIPTION:
        return None
    if text[subject.end : subject.end + 1] != ",":
        return None
    if _words(text[subject.end : cue_start]) > 25:
        return None
    return subject


def _content_before(
    article: _Article, cue: re.Match[str], mention: Mention, sentence_start: int
) -> _Found | None:
    """ "The summit is off, Peskov said." — the clause before the subject."""
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
    return _Found(start, end, QuoteKind.INDIRECT, mention, cue.span(), 0.6)


def _combine(article: _Article, direct: list[_Found], indirect: list[_Found]) -> list[_Found]:
    """Merge the passes: a quoted fragment inside reported speech is one partial quote."""
    result: list[_Found] = []
    used: set[int] = set()
    for clause in indirect:
        inner = [
            index
            for index, quote in enumerate(direct)
            if quote.start >= clause.start and quote.end <= clause.end + 1
        ]
        clause, inner = _split_at_own_cue(article, clause, inner, direct)
        overlapping = [
            index
            for index, quote in enumerate(direct)
            if quote.start < clause.end and quote.end > clause.start and index not in inner
        ]
        if overlapping:
            continue  # the quote marks are the better evidence
        if inner:
            used.update(inner)
            result.append(
                replace(
                    clause,
                    kind=QuoteKind.PARTIAL,
                    end=max(clause.end, max(direct[i].end for i in inner)),
                )
            )
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
            continue
        pruned.append(found)
    _continue_speakers(article, pruned)
    return pruned


_JOINER = re.compile(r"(?:,?\s*(?:but|and|then)\s*|,\s*)$")


def _split_at_own_cue(
    article: _Article, clause: _Found, inner: list[int], direct: list[_Found]
) -> tuple[_Found, list[int]]:
    """ "it was too early to congratulate winners but added, "I think ..."": a
    whole quotation with its own verb inside a reported clause is a second
    statement; the clause ends before that verb."""
    text = article.text
    clause_cue = clause.cue[0] if clause.cue else clause.start
    for index in inner:
        quote = direct[index]
        if (
            quote.cue is None
            or not clause_cue < quote.cue[0] < quote.start
            or _words(text[quote.start : quote.end]) < _SHORT_FRAGMENT_WORDS
        ):
            continue
        joiner = _JOINER.search(text, clause.start, quote.cue[0])
        end = joiner.start() if joiner else quote.cue[0]
        end = _clause_end(text, clause.start, end)
        if _words(text[clause.start : end]) < 3:
            continue
        direct[index] = replace(quote, kind=QuoteKind.DIRECT)
        remaining = [i for i in inner if direct[i].end <= end]
        return replace(clause, end=end), remaining
    return clause, inner


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
        if item.mention is not None:
            previous = item


@dataclass
class _Person:
    name: str
    role: str | None


def _resolve(
    article: _Article, found: list[_Found], published: dt.date | None
) -> list[ExtractedQuote]:
    text = article.text
    people: dict[str, _Person] = {}
    last_person: _Person | None = None
    last_body: str | None = None
    quotes: list[ExtractedQuote] = []
    for item in found:
        mention = item.mention
        speaker: str | None = None
        kind = SpeakerKind.UNKNOWN
        role: str | None = None
        confidence = item.confidence
        if mention is not None:
            lower = mention.text.lower()
            if lower in PRONOUNS:
                if lower in PERSONAL_PRONOUNS and last_person is not None:
                    speaker, role, kind = last_person.name, last_person.role, SpeakerKind.PERSON
                    confidence -= 0.1
                elif lower in ("they", "we", "it") and last_body is not None:
                    speaker, kind = last_body, SpeakerKind.GOVERNMENT
                    confidence -= 0.15
                else:
                    confidence -= 0.3
            elif mention.kind is SpeakerKind.PERSON:
                person = _person(text, people, mention)
                speaker, role, kind = person.name, person.role, SpeakerKind.PERSON
                last_person = person
            else:
                speaker, kind = mention.name, mention.kind
                if kind in (SpeakerKind.GOVERNMENT, SpeakerKind.ORGANISATION):
                    last_body = speaker
        if item.continued:
            confidence = min(confidence, 0.6)
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
            )
        )
    return quotes


def _person(text: str, people: dict[str, _Person], mention: Mention) -> _Person:
    """The full name behind a mention: "Peskov" is the Dmitry Peskov met earlier."""
    words = mention.name.split()
    surname = words[-1].lower()
    if len(words) >= 2:
        person = people.get(surname)
        if person is None or person.name != mention.name:
            person = _Person(mention.name, mention.role or (person.role if person else None))
            people[surname] = person
        elif mention.role:
            person.role = mention.role
        return person
    known = people.get(surname)
    if known is not None:
        return known
    # The full name may be in the text without having spoken yet.
    match = _full_name_before(text, words[-1], mention.start)
    if match is not None:
        first_words = [w for w in match[1].split() if w.lower().rstrip(".") not in _NON_FIRST_NAMES]
        if first_words:
            person = _Person(" ".join([*first_words[-2:], words[-1]]), mention.role)
            people[surname] = person
            return person
    person = _Person(mention.name, mention.role)
    people[surname] = person
    return person


@lru_cache(maxsize=4096)
def _full_name_pattern(surname: str) -> re.Pattern[str]:
    return re.compile(
        r"\b((?:[A-Z][a-zà-ÿ'’-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-zà-ÿ'’-]+|[A-Z]\.))*)\s+"
        + re.escape(surname)
        + r"\b"
    )


def _full_name_before(text: str, surname: str, limit: int) -> re.Match[str] | None:
    """The first "Firstname Surname" before ``limit``; compiled once per surname."""
    if surname not in text[:limit]:
        return None
    return _full_name_pattern(surname).search(text, 0, limit)


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
