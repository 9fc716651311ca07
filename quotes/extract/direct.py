"""The rules that find who speaks a direct quotation, one function per rule.

Each takes a ``Quotation`` and gives a ``Found`` or None (not its case); the
engine tries them in the order of ``quotes.extract.rules.DIRECT_RULES``.
"""

from __future__ import annotations

import re

from quotes.extract.article import (
    ABBREVIATIONS,
    Article,
    blank,
    fewer_words,
    last_before,
    stripped_end,
    word_count,
)
from quotes.extract.cues import (
    COORDINATED,
    CUE,
    QUOTE_MARK,
    SENTENCE_BREAK,
    SHORT_FRAGMENT_WORDS,
    VERB_FIRST,
    trailing_attribution,
)
from quotes.extract.found import Found
from quotes.extract.lexicon import HEARER_AFTER, PARTICIPLE_CUES, QUOTE_ONLY_VERBS, SPEECH_VERBS
from quotes.extract.mentions import Mention, opening_clause_end, subject_after, subject_before
from quotes.extract.mentions import sentence_subject as subject_of_sentence
from quotes.extract.model import QuoteKind, SpeakerKind
from quotes.extract.quotation import QuoteSpan
from quotes.extract.subjects import (
    coordinated_subject,
    issuer,
    known_person,
    opening_report,
    pronoun_before,
    relative_antecedent,
    reporter_after_quote,
    reporter_before_participle,
)

# What may stand between a cue and the quote it introduces: 'said that "...'.
_INTRODUCER = re.compile(
    r"\s*(?:,?\s*(?:that|reporters|journalists|me|us|him|her|them|simply|only)\s*)?[:,]?\s*"
)


# Stops that end no sentence: titles, and initials ("K. Ingrid Olsen").
_ABBREVIATED = re.compile(
    r"\b(?:" + "|".join(re.escape(word) for word in ABBREVIATIONS) + r"|[A-Z])\."
)


class Quotation:
    """One quotation (its pieces, as one quote) and what every direct rule
    reads around it: the sentence before it and the cues in that sentence."""

    def __init__(self, article: Article, pieces: tuple[QuoteSpan, ...]) -> None:
        text = article.text
        self.article = article
        self.text = text
        self.pieces = pieces
        self.start, self.end = pieces[0].start, pieces[-1].end
        self.inner = _inner(pieces)
        self.before_start = article.sentence_start(self.start)
        self.lead = text[self.before_start : self.start]
        self.stripped = self.lead.rstrip()
        # A verb of the sentence's opening phrase ("With leaders worried
        # about ..., Lind is rolling out a message: "..."") is not the quote's.
        opened = opening_clause_end(text, self.before_start, self.start)
        self.cues = article.cues_in(opened, self.start)
        # 'Peskov said, "...', 'told reporters that "...': the last verb is next to the quote.
        self.adjacent = (
            bool(self.cues)
            and _INTRODUCER.fullmatch(text, self.cues[-1].end(), self.start) is not None
        )
        # A few words in quotation marks are a fragment of a sentence, not a quote of their own.
        short = fewer_words(text[self.start + 1 : self.end - 1], SHORT_FRAGMENT_WORDS)
        self.kind = QuoteKind.PARTIAL if short else QuoteKind.DIRECT

    def found(
        self,
        mention: Mention | None,
        cue: tuple[int, int] | None,
        confidence: float,
        kind: QuoteKind = QuoteKind.DIRECT,
    ) -> Found:
        return Found(self.start, self.end, kind, mention, cue, confidence, self.inner)


def interrupted(quotation: Quotation) -> Found | None:
    pieces = quotation.pieces
    if len(pieces) < 2:
        return None
    found = _attribution_in(quotation.article, pieces[0].end, pieces[1].start)
    if found is None:
        return None
    mention, cue = found
    return quotation.found(mention, cue, 0.9)


def signature_below(quotation: Quotation) -> Found | None:
    if not quotation.pieces[-1].closed:
        return None
    signed = _signature(quotation.article, quotation.end) or _line_signed(quotation)
    return None if signed is None else quotation.found(signed, None, 0.8)


def _line_signed(quotation: Quotation) -> Mention | None:
    """'"As a nurse I'd take what he calls "a boat" over this." ― Kari Moe':
    a line that opens on a quote and closes on a dash and a name is signed
    by that name, even where quote marks inside it cut the quote short."""
    article, text = quotation.article, quotation.text
    line_start = article.paragraph_start(quotation.start)
    if not blank(text, line_start, quotation.start):
        return None
    line_end = article.paragraph_end(quotation.start)
    newline = text.find("\n", quotation.end, line_end)
    limit = newline if newline >= 0 else line_end
    # The line's last dash (found from its end, with str.rfind), right after
    # a closing mark.
    dash = max(text.rfind(mark, quotation.end, limit) for mark in "―—–")
    if dash < 0:
        return None
    close = stripped_end(text, dash)
    if close <= quotation.end or text[close - 1] not in '"”':
        return None  # at the quote's own end: read by _signature
    return _signature(article, close)


def quote_then_said(quotation: Quotation) -> Found | None:
    """After the quote, in the same sentence: '..." Peskov told reporters.' / '..." said Peskov.'"""
    article, text, end, cues = quotation.article, quotation.text, quotation.end, quotation.cues
    after_end = min(article.sentence_end(end), end + 160)
    if (
        not quotation.pieces[-1].closed
        or _closes_sentence(article, end, after_end)
        or (quotation.adjacent and cues[-1][0] in SPEECH_VERBS and _runs_on(text, end))
    ):
        return None
    if quotation.kind is QuoteKind.DIRECT and _SUBORDINATE_AFTER.match(text, end, after_end):
        # 'Lund saying, "That makes the port safe," when Berg blasted her
        # for ...': a clause of its own, with its own subject and verb,
        # follows the quote; no attribution of it.
        return None
    found = _attribution_in(article, end, after_end, leading=True)
    if found is None:
        return None
    mention, cue = found
    return quotation.found(mention, cue, 0.9)


def said_then_quote(quotation: Quotation) -> Found | None:
    """Before the quote: 'Peskov told reporters: "..."' / 'Peskov said, "..."'."""
    text, cues, before_start = quotation.text, quotation.cues, quotation.before_start
    if not cues or not (quotation.stripped.endswith((":", ",")) or quotation.adjacent):
        return None
    lead_cue = cues[-1]
    lead_mention = None
    opening = None
    if lead_cue[0] not in SPEECH_VERBS:
        # The last verb, not one of saying, is not next to the quote: "She added
        # that the vote seems ..., because, "..."" is hers, whatever "seems" has
        # for a subject.
        opening = opening_report(text, before_start, cues)
    if opening is not None:
        lead_mention, lead_cue = opening
    if (
        lead_mention is None
        and lead_cue[0] in PARTICIPLE_CUES
        and last_before(text, lead_cue.start()) == ","
    ):
        # "Lind took a gamble ..., telling the dockers, "...": the sentence's
        # subject speaks, not the object before the participle; '"...," Lind
        # said, adding, "..."': the speaker of the attribution before it.
        lead_mention = (
            reporter_after_quote(text, before_start, lead_cue.start())
            or reporter_before_participle(text, before_start, lead_cue.start())
            or subject_of_sentence(text, before_start, lead_cue.start())
        )
    if lead_mention is None:
        lead_mention = issuer(
            text, lead_cue, before_start, subject_before(text, lead_cue.start(), before_start)
        )
    if lead_mention is None and COORDINATED.search(text, before_start, lead_cue.start()):
        # "Holt ... praised the crews ... and said she has ...: "...":
        # the second verb shares the sentence's subject; "When asked, she
        # laughed and said, "..."": the subject of the verb before "and".
        lead_mention = _pronoun_of_pair(text, before_start, lead_cue.start()) or (
            subject_of_sentence(text, before_start, lead_cue.start())
        )
    if lead_mention is None and lead_cue[0] not in HEARER_AFTER:
        # "According to X:", "Continued Berg:", "Stated Berg:"; not "told X,".
        lead_mention = subject_after(text, lead_cue.end(), quotation.start)
    if lead_mention is None and (
        lead_cue[0] in PARTICIPLE_CUES or last_before(text, lead_cue.start()) == ","
    ):
        # "..., saying "...", "Small, who was there, said": the sentence's subject.
        lead_mention = subject_of_sentence(text, before_start, lead_cue.start())
    if lead_mention is None and quotation.adjacent and lead_cue[0] in SPEECH_VERBS:
        lead_mention = _subject_before_verb_group(text, before_start, lead_cue.start())
    if lead_mention is None:
        return None
    lead_mention = relative_antecedent(text, before_start, lead_mention)
    return quotation.found(lead_mention, lead_cue.span(), 0.9)


def said_colon(quotation: Quotation) -> Found | None:
    """ "Said Chairwoman Ana Ruiz: "..."", or the line "Said Chairwoman Ana Ruiz:"
    above a quote paragraph: a press release's attribution, verb first."""
    article, text = quotation.article, quotation.text
    paragraph = article.paragraph_start(quotation.start)
    if quotation.lead.strip():
        if not quotation.stripped.endswith(":"):
            return None
        line_start = paragraph
        colon = quotation.before_start + len(quotation.stripped) - 1
    else:
        if quotation.before_start > paragraph or quotation.kind is not QuoteKind.DIRECT:
            return None
        previous_end = stripped_end(text, paragraph)
        if previous_end == 0 or text[previous_end - 1] != ":":
            return None
        colon = previous_end - 1
        line_start = article.paragraph_start(colon)
    verb = VERB_FIRST.match(text, line_start, colon)
    if verb is None:
        return None
    mention = subject_after(text, verb.end(), colon)
    if (
        mention is None
        or mention.kind is not SpeakerKind.PERSON
        or text[mention.end : colon].strip()
    ):
        return None
    return quotation.found(mention, verb.span(1), 0.85)


def name_colon(quotation: Quotation) -> Found | None:
    """ "Builders agree - Nils Aho: "..."": a name and a colon, no verb."""
    text, before_start = quotation.text, quotation.before_start
    if not quotation.stripped.endswith(":") or quotation.cues:
        return None
    colon = before_start + len(quotation.stripped) - 1
    named = subject_before(text, colon, before_start)
    if named is not None and _OBJECT_OF.search(text, before_start, named.start):
        # "Lind had one warning for Berg:": the name before
        # the colon is whom it was said to; the sentence's subject speaks.
        named = subject_of_sentence(text, before_start, colon)
    if named is None or named.kind is not SpeakerKind.PERSON or named.is_pronoun:
        return None
    return quotation.found(named, None, 0.6)


def fragment_of_verb(quotation: Quotation) -> Found | None:
    """A quotation inside a sentence whose subject speaks through some other
    verb: "Holt regretted a town in which neighbours "never talk"". The
    verb's own subject comes first: "Alarmed ..., Aho believes in"."""
    if not quotation.lead.strip() or not quotation.cues:
        return None
    opener = _participle_opener(quotation)
    if opener is not None:
        return quotation.found(opener[0], opener[1], 0.45, quotation.kind)
    speaker, verb = _speaker_through(quotation.text, quotation.before_start, quotation.cues)
    if speaker is None or (speaker.kind is SpeakerKind.DESCRIPTION and verb[0] not in _SAYING):
        return None
    return quotation.found(speaker, verb.span(), 0.45, QuoteKind.PARTIAL)


# A sentence opening on a participle of saying, after a preposition of time
# or alone: "After saying ...", "While telling ...", "Writing ...".
_PARTICIPLE_OPENER = re.compile(
    r"\s*(?:(?:After|Before|While|When|Since|Upon|On)\s+)?([A-Za-z]+ing)\b"
)


def _participle_opener(
    quotation: Quotation,
) -> tuple[Mention, tuple[int, int]] | None:
    """ "After saying her knee was "so swollen I could not walk," she was
    taken to hospital": the quote closes a phrase opened by a participle of
    saying, and the subject of the clause that follows it said it."""
    text, end = quotation.text, quotation.end
    opener = _PARTICIPLE_OPENER.match(text, quotation.before_start)
    if opener is None or opener[1].lower() not in PARTICIPLE_CUES:
        return None
    if text[end - 2] == ",":
        after = end
    elif text.startswith(",", end):
        after = end + 1
    else:
        return None
    subject = subject_after(text, after, quotation.article.sentence_end(after))
    if subject is None or not blank(text, after, subject.start):
        return None
    if not (subject.is_pronoun or known_person(text, subject)):
        return None
    return subject, opener.span(1)


def introduced_before(quotation: Quotation) -> Found | None:
    """ "Aho agreed. "The old pier will not last the winter."": the sentence
    before, in the same paragraph, names who speaks."""
    if quotation.lead.strip() or quotation.kind is not QuoteKind.DIRECT:
        return None
    introduced = _introducing_sentence(quotation.article, quotation.before_start)
    if introduced is None:
        return None
    mention, cue = introduced
    return quotation.found(mention, cue, 0.55, quotation.kind)


def sentence_subject(quotation: Quotation) -> Found | None:
    """A whole quoted sentence set in a sentence without a speech verb: "Lind
    also backed tougher rules -- "I would ...". Its subject speaks, with less
    confidence; short fragments (scare quotes) never."""
    text = quotation.text
    # A short quote after a colon is a whole sentence said: 'a new message: "It is mine."'.
    whole = quotation.kind is QuoteKind.DIRECT or (
        quotation.stripped.endswith(":") and text[quotation.end - 2] in ".!?"
    )
    if not quotation.lead.strip() or not whole or quotation.stripped.endswith(("(", "[")):
        return None
    subject = subject_of_sentence(text, quotation.before_start, quotation.start)
    if subject is not None and (subject.is_pronoun or known_person(text, subject)):
        return quotation.found(subject, None, 0.4, QuoteKind.DIRECT)
    if subject is not None and subject.kind is not SpeakerKind.PERSON:
        # "The FBI lists "...": a body or a described source, less sure still.
        return quotation.found(subject, None, 0.3, QuoteKind.DIRECT)
    return None


# "she laughed and", "he leaned in and": a pronoun, a verb (with an adverb or
# a particle), and the "and" or "but" before the verb of saying.
_PRONOUN_PAIR = re.compile(r"\b(he|she|they|we|I)\s+(?:[a-z]+\s+){1,3}(?:and|but)\s+$")


def _pronoun_of_pair(text: str, start: int, cue_start: int) -> Mention | None:
    """The pronoun that opens the clause of two verbs joined before the verb of
    saying ("..., she laughed and said"), not one said ("confirmed she had been
    and said")."""
    found = _PRONOUN_PAIR.search(text, max(start, cue_start - 50), cue_start)
    if found is None:
        return None
    before = text[start : found.start(1)].rstrip()
    if before and not before.endswith((",", ";", " but", " so")):
        return None
    return Mention(found[1], found.start(1), found.end(1), SpeakerKind.UNKNOWN, found[1])


# What may stand between a subject and its verb of saying: "Gov. Ana Lind
# (R-Ore.), said", "Lind smiled and said", "Lind was prompted to say".
_VERB_GROUP = re.compile(
    r"(?:(?<=\))\s*,|\s[a-z]+\s+(?:and|but)|\s(?:was|were|is|are)\s+[a-z]+\s+to)\s*$"
)


def _subject_before_verb_group(text: str, start: int, cue_start: int) -> Mention | None:
    """The subject before the words that join it to its verb of saying."""
    group = _VERB_GROUP.search(text, max(start, cue_start - 40), cue_start)
    if group is None:
        return None
    mention = subject_before(text, group.start(), start)
    if mention is None or not (mention.is_pronoun or mention.kind is SpeakerKind.PERSON):
        return None
    return mention


def unattributed(quotation: Quotation) -> Found:
    """No rule found a speaker: the quotation is kept without one (a later
    rule may still continue a speaker into it; a fragment is dropped)."""
    return quotation.found(None, None, 0.5, quotation.kind)


_SAYING = SPEECH_VERBS | QUOTE_ONLY_VERBS


_RELATIVE = re.compile(r"\b(?:what|which|whom)\s+$")


# "a warning to X:", not "by X:", which names the author.
_OBJECT_OF = re.compile(r"\b(?:to|for|at|with|about|on|against|from)\s+$")


_DASH = re.compile(r"[^\S\n]*[―—–][^\S\n]*")


def _runs_on(text: str, end: int) -> bool:
    """'Berg said "it makes me tired" each time he reads about ...': no comma
    closes the quote, so it runs on into its sentence, and where the verb right
    before it reports it, a verb after it belongs to the rest of that sentence."""
    closed = text[end - 2 : end - 1] in (",", "?", "!") or text[end : end + 1] in (",", "—", "–")
    return not closed


def _closes_sentence(article: Article, end: int, after_end: int) -> bool:
    """'... a fine harbour master." She also said ...': a full stop inside the
    closing mark ends the sentence, and the verb after it is the next
    sentence's (a question or exclamation mark does not: '"Why?" Berg asked.').
    A sentence of a name and a verb alone is the quote's attribution, stopped
    too early: '"... that were lost." Berg said.'."""
    text = article.text
    if text[end - 2 : end - 1] != "." or article.sentence_end(end - 1) != end:
        return False
    following = text[end:after_end]
    return (
        word_count(following) > _BARE_ATTRIBUTION_WORDS or QUOTE_MARK.search(following) is not None
    )


# '"..." Berg said.', '"..." Port spokeswoman Ilse Brandt said on Monday.'
_BARE_ATTRIBUTION_WORDS = 7


def _speaker_through(
    text: str, sentence_start: int, cues: list[re.Match[str]]
) -> tuple[Mention | None, re.Match[str]]:
    """Who speaks in a sentence that holds a quotation, and through which verb."""
    opening = opening_report(text, sentence_start, cues)
    if opening is not None:
        return opening
    cue = cues[-1]
    subject = subject_before(text, cue.start(), sentence_start) or pronoun_before(text, cue.start())
    if subject is not None:
        subject = relative_antecedent(text, sentence_start, subject)
    if subject is None or subject.kind is SpeakerKind.DESCRIPTION:
        subject = coordinated_subject(text, sentence_start, cue.start())
    if subject is None:
        subject = subject_of_sentence(text, sentence_start, cue.start())
    return subject, cue


def _signature(article: Article, end: int) -> Mention | None:
    """'"...." ― Mara Quist': a quote signed with a dash and a name, as in
    pull quotes and reader responses; on its own line below the quote
    ("- Holt." or "-Mayor Lind, writing after the vote.") too."""
    text = article.text
    dash = _DASH.match(text, end)
    below = False
    if dash is None:
        paragraph_end = article.paragraph_end(end)
        if not blank(text, end, paragraph_end) or paragraph_end >= len(text):
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


def _introducing_sentence(
    article: Article, sentence_start: int
) -> tuple[Mention, tuple[int, int] | None] | None:
    """A speaker and speech verb closing the sentence before the quote: in the same
    paragraph ("Aho agreed. "..."") or, for a block quote, the paragraph
    before it when that ends with a colon ("Berg continued:") or is one
    sentence ("Holt went on with her speech.")."""
    text = article.text
    paragraph_start = article.paragraph_start(sentence_start)
    block = sentence_start <= paragraph_start
    if block:
        previous_end = stripped_end(text, paragraph_start)
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
    if QUOTE_MARK.search(previous):
        return None  # a quote of its own: the continuation rule handles it
    cues = article.cues_in(previous_start, sentence_start)
    if not cues:
        if not (block and text[sentence_start - 1] == ":"):
            return _opening_subject(article, previous_start, sentence_start, block)
        # "On May 2, Holt gave this answer:" and the quote below.
        named = subject_of_sentence(text, previous_start, sentence_start - 1)
        if named is None or not known_person(text, named):
            return None
        return named, None
    cue = cues[-1]
    # Even where the verb has its own object ("Aho called her a fine skipper.
    # "She knows ..."), the quote that follows in the paragraph is the subject's.
    mention = subject_before(text, cue.start(), previous_start)
    if mention is None and block:
        mention = subject_of_sentence(text, previous_start, cue.start())
    if mention is None:
        return _opening_subject(article, previous_start, sentence_start, block)
    if not (mention.is_pronoun or mention.kind is SpeakerKind.PERSON) and not (
        block and text[sentence_start - 1] == ":" and mention.kind is not SpeakerKind.UNKNOWN
    ):
        # "The Ledger reports:" above a block quote: a paper or a body speaks
        # there too; within a paragraph only a person is sure enough.
        return _opening_subject(article, previous_start, sentence_start, block)
    return mention, cue.span()


def _opening_subject(
    article: Article, previous_start: int, sentence_start: int, block: bool
) -> tuple[Mention, None] | None:
    """ "In a radio interview, Mayor Tove Lind named the ferry company as the
    culprit. "The boats are old."": a paragraph that opens on a sentence
    about a named person (or "he", "she") and goes straight on to a quote
    without an attribution introduces that person as its speaker, whatever
    the verb. Only there: further into a paragraph, or where the sentence is
    a paragraph of its own, the quote may answer someone else."""
    text = article.text
    if block or article.paragraph_start(previous_start) != previous_start:
        return None
    named = subject_of_sentence(text, previous_start, sentence_start)
    if (
        named is None
        or named.text.endswith(("'s", "’s"))
        or text.startswith(("'s", "’s"), named.end)
    ):
        return None  # "Lind's first post was ...": the post, not Lind, is the subject
    if named.is_pronoun:
        if named.text.lower() not in ("he", "she"):
            return None
    elif not known_person(text, named):
        return None
    return named, None


def _inner(pieces: tuple[QuoteSpan, ...]) -> tuple[tuple[int, int], ...]:
    return tuple((piece.start, piece.end) for piece in pieces)


def _attribution_in(
    article: Article, start: int, end: int, *, leading: bool = False
) -> tuple[Mention, tuple[int, int]] | None:
    """A speaker and cue in a short stretch next to a quote."""
    text = article.text
    for cue in article.cues_in(start, end):
        before = text[start : cue.start()]
        # (A break after the titles are taken out is a break before too: the
        # cheap search first.)
        if (
            leading
            and SENTENCE_BREAK.search(before)
            and SENTENCE_BREAK.search(_ABBREVIATED.sub("", before))
        ):
            return None
        if leading and word_count(before) > 8:
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
            if mention is None and not before.strip(" ,—–-\u00a0") and cue[0] not in HEARER_AFTER:
                mention = subject_after(text, cue.end(), end)
            if mention is None and before.rstrip().endswith(","):
                mention = subject_of_sentence(text, start, cue.start())
        if mention is not None:
            return mention, cue.span()
    return None


# A subordinate clause with a subject of its own opening right after a quote
# (not "before discussing it, he said": a participle's phrase).
_SUBORDINATE_AFTER = re.compile(r"[\s,]*(?:when|while|after|before|until)\s+(?![a-z]+ing\b)")


def _closing_attribution(text: str, start: int, end: int) -> tuple[Mention, tuple[int, int]] | None:
    """'Ticket sales were "slow" as fans held off until a "messy
    season" ended, she said.': the attribution that closes the sentence
    covers the quotes inside it."""
    trailing = trailing_attribution(text, start, end)
    if trailing is None:
        return None
    cue = CUE.search(text, trailing.start(), trailing.end())
    if cue is None:
        return None
    mention = subject_before(text, cue.start(), trailing.start() + 1) or subject_after(
        text, cue.end(), trailing.end()
    )
    if mention is None:
        return None
    return mention, cue.span()
