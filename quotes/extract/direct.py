"""TODO"""

from __future__ import annotations

import re

from quotes.extract.article import Article, blank, last_before, stripped_end, word_count
from quotes.extract.cues import (
    COORDINATED,
    CUE,
    QUOTE_MARK,
    SENTENCE_BREAK,
    SHORT_FRAGMENT_WORDS,
    TRAILING_ATTRIBUTION,
)
from quotes.extract.found import Found
from quotes.extract.lexicon import (
    PARTICIPLE_CUES,
    QUOTE_ONLY_VERBS,
    SPEECH_VERBS,
)
from quotes.extract.mentions import (
    Mention,
    sentence_subject,
    subject_after,
    subject_before,
)
from quotes.extract.model import QuoteKind, SpeakerKind
from quotes.extract.quotation import QuoteSpan
from quotes.extract.subjects import (
    coordinated_subject,
    issuer,
    known_person,
    opening_report,
    pronoun_before,
    relative_antecedent,
)

# What may stand between a cue and the quote it introduces: 'said that "...'.
_INTRODUCER = re.compile(
    r"\s*(?:,?\s*(?:that|reporters|journalists|me|us|him|her|them|simply|only)\s*)?[:,]?\s*"
)


# Stops that end no sentence: titles, and initials ("K. Ingrid Olsen").
_ABBREVIATED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|U\.S|U\.K|U\.N|[A-Z])\."
)


def attribute_direct(article: Article, pieces: tuple[QuoteSpan, ...]) -> Found:
    text = article.text
    start, end = pieces[0].start, pieces[-1].end
    inner = (start + 1, end - 1)
    confidence = 0.9
    if len(pieces) > 1:
        gap_start, gap_end = pieces[0].end, pieces[1].start
        found = _attribution_in(article, gap_start, gap_end)
        if found:
            mention, cue = found
            return Found(
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
            return Found(
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
    cues = list(CUE.finditer(text, before_start, start))
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
            return Found(
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
            opening = opening_report(text, before_start, cues)
        if opening is not None:
            lead_mention, lead_cue = opening
        if (
            lead_mention is None
            and lead_cue[0] in PARTICIPLE_CUES
            and last_before(text, lead_cue.start()) == ","
        ):
            # "Lind took a gamble ..., telling the dockers, "...": the sentence's
            # subject speaks, not the object before the participle.
            lead_mention = sentence_subject(text, before_start, lead_cue.start())
        if lead_mention is None:
            lead_mention = issuer(
                text, lead_cue, before_start, subject_before(text, lead_cue.start(), before_start)
            )
        if lead_mention is None and COORDINATED.search(text, before_start, lead_cue.start()):
            # "Holt ... praised the crews ... and said she has ...: "...":
            # the second verb shares the sentence's subject.
            lead_mention = sentence_subject(text, before_start, lead_cue.start())
        if lead_mention is None:
            # "According to X:", "Continued Berg:", "Stated Berg:"
            lead_mention = subject_after(text, lead_cue.end(), start)
        if lead_mention is None and (
            lead_cue[0] in PARTICIPLE_CUES or last_before(text, lead_cue.start()) == ","
        ):
            # "..., saying "...", "Small, who was there, said": the sentence's subject.
            lead_mention = sentence_subject(text, before_start, lead_cue.start())
        if lead_mention is not None:
            lead_mention = relative_antecedent(text, before_start, lead_mention)
            return Found(
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
            return Found(
                start, end, QuoteKind.DIRECT, named, None, 0.6, _inner(pieces), rule="name_colon"
            )
    kind = QuoteKind.DIRECT
    if word_count(text[inner[0] : inner[1]]) < SHORT_FRAGMENT_WORDS:
        kind = QuoteKind.PARTIAL
    if lead.strip() and cues:
        # A quotation inside a sentence whose subject speaks through some
        # other verb: "Holt regretted a town in which neighbours "never talk"".
        # The verb's own subject comes first: "Alarmed ..., Aho believes in".
        speaker, verb = _speaker_through(text, before_start, cues)
        if speaker is not None and (
            speaker.kind is not SpeakerKind.DESCRIPTION or verb[0] in _SAYING
        ):
            return Found(
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
            return Found(
                start, end, kind, *introduced, 0.55, _inner(pieces), rule="introduced_before"
            )
    if lead.strip() and kind is QuoteKind.DIRECT and not lead.rstrip().endswith(("(", "[")):
        # A whole quoted sentence set in a sentence without a speech verb:
        # "Lind also backed tougher rules -- "I would ...". Its subject
        # speaks, with less confidence; short fragments (scare quotes) never.
        subject = sentence_subject(text, before_start, start)
        if subject is not None and (subject.is_pronoun or known_person(text, subject)):
            return Found(
                start, end, kind, subject, None, 0.4, _inner(pieces), rule="sentence_subject"
            )
        if subject is not None and subject.kind is not SpeakerKind.PERSON:
            # "The FBI lists "...": a body or a described source, less sure still.
            return Found(
                start, end, kind, subject, None, 0.3, _inner(pieces), rule="sentence_subject"
            )
    return Found(start, end, kind, None, None, 0.5, _inner(pieces))


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
        subject = sentence_subject(text, sentence_start, cue.start())
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


def _introduced_before(
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
    cues = list(CUE.finditer(text, previous_start, sentence_start))
    if not cues:
        if not (block and text[sentence_start - 1] == ":"):
            return None
        # "On May 2, Holt gave this answer:" and the quote below.
        named = sentence_subject(text, previous_start, sentence_start - 1)
        if named is None or not known_person(text, named):
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


def _inner(pieces: tuple[QuoteSpan, ...]) -> tuple[tuple[int, int], ...]:
    return tuple((piece.start, piece.end) for piece in pieces)


def _attribution_in(
    article: Article, start: int, end: int, *, leading: bool = False
) -> tuple[Mention, tuple[int, int]] | None:
    """A speaker and cue in a short stretch next to a quote."""
    text = article.text
    for cue in CUE.finditer(text, start, end):
        before = text[start : cue.start()]
        if leading and SENTENCE_BREAK.search(_ABBREVIATED.sub("", before)):
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
    trailing = TRAILING_ATTRIBUTION.search(text, start, end)
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
