"""TODO"""

from __future__ import annotations

import re

from quotes.extract.article import Article, clause_end, last_before, word_count
from quotes.extract.cues import (
    COORDINATED,
    CUE,
    INDIRECT_VERBS,
    QUOTE_OPENING,
    TRAILING_ATTRIBUTION,
    inside,
)
from quotes.extract.found import Found
from quotes.extract.labels import furniture_line
from quotes.extract.lexicon import (
    ACTION_ONLY,
    OBJECT_TAKING,
    PARTICIPLE_CUES,
    SPEECH_VERBS,
)
from quotes.extract.mentions import (
    Mention,
    subject_after,
    subject_before,
)
from quotes.extract.model import QuoteKind, SpeakerKind
from quotes.extract.patterns import word_alternation
from quotes.extract.quotation import QuoteSpan
from quotes.extract.subjects import (
    appositive_subject,
    coordinated_subject,
    issuer,
    participle_subject,
    whole_subject,
)

_THAT = re.compile(r"\bthat\b")


# What a reported clause must hold after its verb: "endorsed Mayor Lind"
# is a position; "agreed too" is not.
_MIN_CONTENT_WORDS = 2


def indirect(
    article: Article, quotations: list[tuple[QuoteSpan, ...]], cues_used: set[int]
) -> list[Found]:
    text = article.text
    found: list[Found] = []
    starts = [group[0].start for group in quotations]
    for cue in CUE.finditer(text):
        word = cue[0]
        word = "according to" if word == "According to" else word
        if word != "according to" and word not in INDIRECT_VERBS:
            continue
        if cue.start() in cues_used:
            continue
        if inside(cue.start(), starts, quotations):
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
        if furniture_line(text, paragraph):
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


def _proposition(text: str, found: Found) -> bool:
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


def _according_to(
    article: Article, cue: re.Match[str], sentence_start: int, sentence_end: int
) -> Found | None:
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
        end = clause_end(text, start, sentence_end)
    else:
        # "The talks ..., according to the Kremlin."
        start = sentence_start
        end = clause_end(text, start, cue.start())
        while end > start and text[end - 1] in ", ":
            end -= 1
    if word_count(text[start:end]) < 3:
        return None
    return Found(start, end, QuoteKind.INDIRECT, mention, cue.span(), 0.65, rule="according_to")


def _reported(
    article: Article, cue: re.Match[str], sentence_start: int, sentence_end: int
) -> Found | None:
    text = article.text
    # "Holt spoke about the flood in Tartu, Estonia, arguing that ...": a
    # participle after a comma reports for the sentence's subject, whatever
    # stands just before it.
    mention = participle_subject(text, cue, sentence_start) or issuer(
        text, cue, sentence_start, subject_before(text, cue.start(), sentence_start)
    )
    after = text[cue.end() : sentence_end]
    # "..., said Peskov." is inverted; "Nine in ten said the pier" is not.
    inverted = text[sentence_start : cue.start()].rstrip().endswith(",") and _inverted(
        text, cue.end(), sentence_end
    )
    if mention is None and not inverted:
        mention = (
            appositive_subject(text, sentence_start, cue.start())
            or coordinated_subject(text, sentence_start, cue.start())
            or whole_subject(text, cue, sentence_start)
        )
    if mention is not None:
        # "SPEAKER said (on Monday) (that) CLAUSE"
        that = _THAT.search(text, cue.end(), min(sentence_end, cue.end() + 70))
        if (
            that is not None
            and word_count(text[cue.end() : that.start()]) <= 8
            # "said Ukraine had accepted the draft and that ...": the second of
            # two clauses said, not the first.
            and COORDINATED.search(text, cue.end(), that.start()) is None
        ):
            start = that.start()
        else:
            stripped = after.lstrip()
            if stripped.startswith(",") and last_before(text, mention.start) == ",":
                # "In small towns, they said, bakers now ...": an aside; the
                # whole sentence is what they said.
                parenthetical = _whole_sentence(text, sentence_start, sentence_end, mention)
                if parenthetical is not None:
                    return Found(
                        *parenthetical,
                        QuoteKind.INDIRECT,
                        mention,
                        cue.span(),
                        0.6,
                        rule="parenthetical_said",
                    )
            if not stripped or stripped[0] in '.,;:!?"“”' or word_count(stripped) < 3:
                return _content_before(article, cue, mention, sentence_start)
            if _WHEN_THEN_COMMA.match(stripped) and last_before(text, mention.start) == ",":
                # "Russia will not sign it, the Kremlin said on Monday, dealing a
                # blow to ...": the attribution closes what was said; what
                # follows its time is the reporter's.
                said_before = _content_before(article, cue, mention, sentence_start)
                if said_before is not None:
                    return said_before
            if cue[0] in OBJECT_TAKING and last_before(text, mention.start) == ",":
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
        end = clause_end(text, start, sentence_end)
        if mention.text.lower() == "who":
            # "Berg, who says X, wrote ...": the relative clause ends at its comma.
            comma = text.find(",", start, end)
            end = comma if comma > start else end
        trailing = TRAILING_ATTRIBUTION.search(text, start, end + 1)
        if trailing is not None:
            end = trailing.start()
        second = _SECOND_REPORT.search(text, start, end)
        if second is not None:
            # "rejected the draft, saying it ignored ...", "accused X of Y and said
            # Z": what the second verb reports is its own statement.
            end = second.start()
        if word_count(text[start:end]) < _MIN_CONTENT_WORDS:
            return None
        if QUOTE_OPENING.match(text, start, end):
            return None
        return Found(start, end, QuoteKind.INDIRECT, mention, cue.span(), 0.65, rule="said_that")
    # "..., said Peskov." — inverted subject after the verb.
    before = text[sentence_start : cue.start()].rstrip()
    if before.endswith(",") and cue[0] not in PARTICIPLE_CUES:
        mention = subject_after(text, cue.end(), sentence_end)
        if mention is not None:
            end = clause_end(text, sentence_start, len(before) + sentence_start - 1)
            if word_count(text[sentence_start:end]) >= 3:
                return Found(
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
    return rest.lstrip()[:1] in ("", ",", ".", ";") or word_count(rest) <= 3


def _whole_sentence(
    text: str, sentence_start: int, sentence_end: int, mention: Mention
) -> tuple[int, int] | None:
    start = sentence_start
    while start < sentence_end and text[start].isspace():
        start += 1
    end = clause_end(text, start, sentence_end)
    if start >= mention.start or word_count(text[start:end]) < 6 or '"' in text[start:end]:
        return None
    return start, end


def _content_before(
    article: Article, cue: re.Match[str], mention: Mention, sentence_start: int
) -> Found | None:
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
    if word_count(text[start:end]) < 3:
        return None
    return Found(start, end, QuoteKind.INDIRECT, mention, cue.span(), 0.6, rule="clause_then_said")
