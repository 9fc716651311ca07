"""The rules that read reported speech around a verb of saying, one function per rule.

Each takes a ``ReportingCue`` and gives a ``Found``, None (not its case: the
next rule is tried) or NOTHING_SAID (its case, and nothing is said there);
the engine tries them in the order of ``quotes.extract.rules.REPORTED_RULES``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quotes.extract.article import (
    Article,
    clause_end,
    fewer_words,
    last_before,
    stripped_start,
    word_count,
)
from quotes.extract.cues import (
    COORDINATED,
    INDIRECT_VERBS,
    QUOTE_OPENING,
    inside,
    trailing_attribution,
)
from quotes.extract.found import Found
from quotes.extract.labels import furniture_line
from quotes.extract.lexicon import (
    ACTION_ONLY,
    DESCRIPTION_HEADS,
    HEARER_AFTER,
    NO_ONE_IN_PARTICULAR,
    OBJECT_TAKING,
    PARTICIPLE_CUES,
    QUOTING,
    SPEECH_VERBS,
    TITLE_WORDS,
)
from quotes.extract.mentions import (
    AUXILIARIES,
    DETERMINERS,
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

# ``\bthat\b``, written to open with its letters: re scans for a literal
# opening far faster than it tries a word boundary at every character.
_THAT = re.compile(r"that\b(?<!\wthat)")


# What a reported clause must hold after its verb: "endorsed Mayor Lind"
# is a position; "agreed too" is not.
_MIN_CONTENT_WORDS = 2


def reporting_cues(
    article: Article, quotations: list[tuple[QuoteSpan, ...]], cues_used: set[int]
) -> Iterator[ReportingCue]:
    """Every verb of saying outside quotation marks that may report speech:
    not one a direct quote took, nor a noun ("her comments"), a negation
    ("did not say") or a line of page furniture."""
    text = article.text
    starts = [group[0].start for group in quotations]
    # Whether each paragraph is a line of page furniture, by its start: a
    # paragraph holds several cues.
    furniture: dict[int, bool] = {}
    for cue in article.cues:
        word = cue[0]
        word = "according to" if word == "According to" else word
        if word != "according to" and word not in INDIRECT_VERBS:
            continue
        start = cue.start()
        if start in cues_used:
            continue
        if inside(start, starts, quotations):
            continue
        # (Each pattern below ends on a word and blanks: the letter before the
        # blanks tells most cues at once that it cannot match.)
        before = last_before(text, start)
        if (
            word.endswith("ed")
            and before in _DETERMINER_ENDS
            and _AFTER_DETERMINER.search(text, max(0, start - 8), start)
        ):
            continue
        if _NEGATED.search(text, max(0, start - 24), start):
            continue  # "did not say", "has not said": no statement
        if (
            word.endswith("s")
            and before in _POSSESSOR_ENDS
            and _POSSESSED.search(text, max(0, start - 12), start)
        ):
            continue  # "her comments", "our reports": a noun
        paragraph = article.paragraph_start(start)
        if paragraph not in furniture:
            furniture[paragraph] = furniture_line(text, paragraph)
        if furniture[paragraph]:
            continue
        sentence_start = article.sentence_start(start)
        sentence_end = article.sentence_end(cue.end())
        yield ReportingCue(article, cue, word, sentence_start, sentence_end)


def is_statement(cue: ReportingCue, found: Found) -> bool:
    """Whether what a rule read is a statement: not only where or when it
    was said, not an act ("agreed to a swap"), not said by a weekday."""
    if _circumstance(cue.text[found.start : found.end]):
        return False
    if (
        cue.text.startswith("with ", found.start)
        and cue.word.lower().startswith(_CLOSING)
        and _someone_speaking(cue, found)
    ):
        # "The advert concludes with footage of Lund saying ...": how it
        # ended, and what Lund says there is hers; "he concluded with a
        # history lesson about ..." reports what he spoke of.
        return False
    if cue.word in ACTION_ONLY and not _proposition(cue.text, found):
        # "agreed to a swap", "showed no emotion": an act; "agreed that
        # the swap was fair" reports a proposition.
        return False
    return found.mention is None or found.mention.text.lower() not in _NOT_SUBJECTS


def _someone_speaking(cue: ReportingCue, found: Found) -> bool:
    """Whether a participle of saying with its own subject stands in the
    clause ("footage of Lund saying")."""
    text = cue.text
    return any(
        other[0] in PARTICIPLE_CUES and subject_before(text, other.start(), found.start) is not None
        for other in cue.article.cues_in(found.start, found.end)
    )


# Verbs of closing, after which "with" names the last thing shown or done.
_CLOSING = ("conclud", "clos", "end", "wrap")


# "\b(?:not|never|n't|without|no longer)\s+(?:\w+\s+)?$", written to open
# with its first letters and the word boundary a look-behind after them: re
# then scans for the letters instead of trying the pattern at every character.
_NEGATED = re.compile(
    r"[nw](?<!\w[nw])(?:(?<=n)(?:ot|ever|'t|o longer)|(?<=w)ithout)\s+(?:\w+\s+)?$"
)


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
    return _CLAUSE_WORDS.isdisjoint(content.lower().split())


# ", saying ..." or "(,) and said ...". It opens with its first character as
# a set (a comma or a space), so that re scans for the set instead of trying
# every branch at every character; the look-behinds tell which it was. What
# follows that character is a space, or the "a" of "and" or the "b" of "but":
# the look-ahead turns down the space before any other word with one test.
_SECOND_REPORT = re.compile(
    r"[,\s](?=[\sab])(?:(?<=,)\s+(?:" + word_alternation(PARTICIPLE_CUES) + r")\b"
    r"|(?:(?<=,)\s+|(?<=\s)\s*)(?:and|but)\s+(?:also\s+)?(?:"
    + word_alternation(SPEECH_VERBS)
    + r")\b)"
)


def _second_report(text: str, start: int, end: int) -> re.Match[str] | None:
    """``_SECOND_REPORT`` searched in ``text[start:end]``. Each of its matches
    holds a comma, an "and" or a "but": about half of all clauses hold none,
    which str.find tells far sooner than the pattern's scan."""
    if (
        text.find(",", start, end) == -1
        and text.find("and", start, end) == -1
        and text.find("but", start, end) == -1
    ):
        return None
    return _SECOND_REPORT.search(text, start, end)


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
# The last letters of the words of _AFTER_DETERMINER and of _POSSESSED.
_DETERMINER_ENDS = frozenset("eansrEANSR")
_POSSESSOR_ENDS = frozenset("rsyRSY'’")


_SOURCE_END = re.compile(r"[,;:.!?()\n—–]|\s-\s")


def _source_phrase(text: str, start: int, limit: int) -> Mention | None:
    """What follows "according to" up to the clause's end, as a described source.

    Sources of figures are often no name: "according to new figures from
    the port", "according to a 2029 transport ministry survey".
    """
    start = stripped_start(text, start, limit)
    stop = _SOURCE_END.search(text, start, limit)
    end = stop.start() if stop else limit
    while end > start and text[end - 1].isspace():
        end -= 1
    phrase = text[start:end]
    if not 1 <= len(phrase.split()) <= 12:
        return None
    return Mention(phrase, start, end, SpeakerKind.DESCRIPTION, phrase)


# What may follow an inverted speaker: where, when, to whom or how it was said.
_AFTER_INVERTED = frozenset(
    """
        in on at to from during after before by with via outside inside near
        last this earlier later yesterday today tonight again also too late
        early recently afterward afterwards told
    """.split()
)


def _inverted(text: str, cue_end: int, sentence_end: int) -> bool:
    """ "..., said Peskov." / "..., says Aho in Tartu.": the speaker follows
    the verb and the sentence ends soon after."""
    mention = subject_after(text, cue_end, sentence_end)
    if mention is None:
        return False
    rest = text[mention.end : sentence_end]
    if rest.lstrip()[:1] in ("", ",", ".", ";"):
        return True
    # "..., says Aho in Tartu." ends on a phrase of place or time; in "...,
    # said she would back Lund" a verb follows: "she" opens what was said.
    first = rest.split(maxsplit=1)[0].lower() if rest.strip() else ""
    return word_count(rest) <= 3 and (first in _AFTER_INVERTED or not first.isalpha())


def _whole_sentence(
    text: str, sentence_start: int, sentence_end: int, mention: Mention
) -> tuple[int, int] | None:
    start = stripped_start(text, sentence_start, sentence_end)
    end = clause_end(text, start, sentence_end)
    if start >= mention.start or fewer_words(text[start:end], 6) or '"' in text[start:end]:
        return None
    return start, end


# The reporter's part of "..., the RIA news agency quoted X as saying.": a
# quoting verb in the past.
_QUOTED_BY = re.compile(
    r",\s*(?:[\w'’.-]+\s+){1,6}"
    + word_alternation(verb for verb in QUOTING if verb.endswith("ed"))
    + "$"
)


def _content_before(cue: ReportingCue, mention: Mention) -> Found | None:
    """ "The ferry is late, Berg said." — the clause before the subject."""
    text, sentence_start = cue.text, cue.sentence_start
    lead = text[sentence_start : mention.start].rstrip()
    if not lead.endswith((",", "—", "–")):
        # "The ferry will run, state media quoted Berg as saying."
        quoted_by = _QUOTED_BY.search(lead)
        if quoted_by is None:
            return None
        lead = lead[: quoted_by.start() + 1]
    end = sentence_start + len(lead) - 1
    while end > sentence_start and text[end - 1] in " ,":
        end -= 1
    start = stripped_start(text, sentence_start, end)
    if fewer_words(text[start:end], 3):
        return None
    if _appositive_role(text, start, end, mention, cue):
        return None
    if _ADVERBIAL.match(text, start, end) and "," not in text[start:end]:
        # "In a statement, Berg told ..." / "At the talks, Berg urged them to
        # ...": a phrase saying where or how, not what was said.
        return None
    return cue.found(start, end, mention, 0.6)


def _appositive_role(text: str, start: int, end: int, mention: Mention, cue: ReportingCue) -> bool:
    """ "The speaker of the house, Ana Lund, rejected the claim": a name set
    between commas after a determiner's phrase with no verb in it (a role,
    not a clause) is that role's apposition, and the sentence's subject."""
    if text[mention.end : cue.cue.start()].strip() != ",":
        return False
    words = [word.lower() for word in _WORD.findall(text, start, end)]
    return (
        len(words) <= _MAX_ROLE_WORDS
        and words[0] in DETERMINERS
        and not any(word in AUXILIARIES or word.endswith("ed") for word in words)
    )


# A word with the apostrophes, stops and hyphens inside it ("club's", "St.", "co-chair").
_WORD = re.compile(r"[\w'’.-]+")
# A role before a name is short: "The chair of the regional water board".
_MAX_ROLE_WORDS = 10


# Prepositions that open a phrase of place, time or manner before a subject.
_ADVERBIAL = re.compile(
    r"(?:in|at|on|during|after|before|with|from|by|under|over|within|amid|"
    r"despite|following|throughout|speaking|earlier|later)\b",
    re.IGNORECASE,
)


class NothingSaid:
    """What a reported-speech rule gives when the sentence has its shape but
    reports nothing ("said so"): no later rule may read it otherwise."""


NOTHING_SAID = NothingSaid()


class ReportingCue:
    """A speech verb (or "according to") outside quotation marks, its sentence,
    and who the reported-speech rules take for its speaker."""

    def __init__(
        self,
        article: Article,
        cue: re.Match[str],
        word: str,
        sentence_start: int,
        sentence_end: int,
    ) -> None:
        self.article = article
        self.text = article.text
        self.cue = cue
        self.word = word
        self.sentence_start = sentence_start
        self.sentence_end = sentence_end
        self.after = self.text[cue.end() : sentence_end]
        self.stripped = self.after.lstrip()
        # Found on first use and kept: every rule reads them, and
        # functools.cached_property takes a lock at each first read (Python 3.11).
        self._mention: Mention | None = None
        self._mention_found = False
        self._that: int | None = None
        self._that_found = False

    @property
    def mention(self) -> Mention | None:
        """The verb's subject, before it ("Holt said"), or None where the
        sentence is inverted ("..., said Peskov.")."""
        if not self._mention_found:
            mention = self._subject()
            if mention is not None and mention.text.lower() in NO_ONE_IN_PARTICULAR:
                mention = None
            self._mention = mention
            self._mention_found = True
        return self._mention

    def _subject(self) -> Mention | None:
        text, cue, sentence_start = self.text, self.cue, self.sentence_start
        # "Holt spoke about the flood in Tartu, Estonia, arguing that ...": a
        # participle after a comma reports for the sentence's subject, whatever
        # stands just before it.
        mention = participle_subject(text, cue, sentence_start) or issuer(
            text, cue, sentence_start, subject_before(text, cue.start(), sentence_start)
        )
        if mention is not None:
            return mention
        # "..., said Peskov." is inverted; "Nine in ten said the pier" is not.
        if text[sentence_start : cue.start()].rstrip().endswith(",") and _inverted(
            text, cue.end(), self.sentence_end
        ):
            return None
        return (
            appositive_subject(text, sentence_start, cue.start())
            or coordinated_subject(text, sentence_start, cue.start())
            or whole_subject(text, cue, sentence_start)
        )

    @property
    def that(self) -> int | None:
        """Where a that-clause opens close after the verb: "said on Monday that"."""
        if not self._that_found:
            self._that = self._that_clause()
            self._that_found = True
        return self._that

    def _that_clause(self) -> int | None:
        text, cue = self.text, self.cue
        that = _THAT.search(text, cue.end(), min(self.sentence_end, cue.end() + 70))
        if (
            that is not None
            and word_count(text[cue.end() : that.start()]) <= 8
            # "said Ukraine had accepted the draft and that ...": the second of
            # two clauses said, not the first.
            and COORDINATED.search(text, cue.end(), that.start()) is None
        ):
            return that.start()
        return None

    def found(self, start: int, end: int, mention: Mention, confidence: float) -> Found:
        return Found(start, end, QuoteKind.INDIRECT, mention, self.cue.span(), confidence)


def according_to(cue: ReportingCue) -> Found | NothingSaid | None:
    """ "According to the Kremlin, the talks ..." / "The talks ..., according to the Kremlin."."""
    if cue.word != "according to":
        return None
    text, sentence_start, sentence_end = cue.text, cue.sentence_start, cue.sentence_end
    mention = subject_after(text, cue.cue.end(), sentence_end) or _source_phrase(
        text, cue.cue.end(), sentence_end
    )
    if mention is None:
        return NOTHING_SAID
    if not text[sentence_start : cue.cue.start()].strip():
        comma = text.find(",", mention.end, sentence_end)
        if comma == -1:
            return NOTHING_SAID
        start = stripped_start(text, comma + 1, sentence_end)
        end = clause_end(text, start, sentence_end)
    else:
        start = sentence_start
        end = clause_end(text, start, cue.cue.start())
        while end > start and text[end - 1] in ", ":
            end -= 1
    if fewer_words(text[start:end], 3):
        return NOTHING_SAID
    return cue.found(start, end, mention, 0.65)


def parenthetical_said(cue: ReportingCue) -> Found | None:
    """ "In small towns, they said, bakers now ...": an aside; the whole
    sentence is what they said."""
    mention = cue.mention
    if (
        mention is None
        or cue.that is not None
        or not cue.stripped.startswith(",")
        or last_before(cue.text, mention.start) != ","
    ):
        return None
    sentence = _whole_sentence(cue.text, cue.sentence_start, cue.sentence_end, mention)
    return None if sentence is None else cue.found(*sentence, mention, 0.6)


def clause_then_said(cue: ReportingCue) -> Found | NothingSaid | None:
    """ "The ferry is late, Berg said." / "The ferry is late, said Berg.": the
    clause before the attribution is what was said."""
    mention = cue.mention
    text, stripped = cue.text, cue.stripped
    if mention is None:
        return _said_after_clause(cue)
    if cue.that is not None:
        return None
    if not stripped or stripped[0] in '.,;:!?"“”' or fewer_words(stripped, 3):
        return _content_before(cue, mention) or NOTHING_SAID
    if _WHEN_THEN_COMMA.match(stripped) and last_before(text, mention.start) == ",":
        # "Russia will not sign it, the Kremlin said on Monday, dealing a
        # blow to ...": the attribution closes what was said; what
        # follows its time is the reporter's.
        said_before = _content_before(cue, mention)
        if said_before is not None:
            return said_before
    if cue.cue[0] in OBJECT_TAKING and last_before(text, mention.start) == ",":
        if _participle_phrase(text[cue.sentence_start : mention.start]):
            # "Opening the case, the prosecutor told jurors the loan was
            # forged": a phrase of what the speaker was doing; what was said
            # follows the hearer.
            return None
        # "..., she told the panel in her letter.": what follows "told" is
        # who heard it; what was said came before.
        return _content_before(cue, mention)
    return None


# Verbs news copy puts before an inverted speaker of any kind ("..., said the
# harbour master").
_INVERTING = frozenset(
    "said says added adds wrote writes asked asks replied explained noted".split()
)


# A phrase opening on a participle: "Opening the case at the county court,".
_PARTICIPLE_OPENING = re.compile(r"\s*[A-Z][a-z]+ing\s")


def _participle_phrase(lead: str) -> bool:
    """Whether the words before a subject are a participle's phrase with no
    verb of its own ("Closing the hearing in Derwick,"), not a clause
    ("Raising fares would hurt,")."""
    return _PARTICIPLE_OPENING.match(lead) is not None and not any(
        word in _CLAUSE_WORDS for word in lead.lower().split()
    )


def _said_after_clause(cue: ReportingCue) -> Found | None:
    """ "..., said Peskov." — inverted subject after the verb."""
    text, sentence_start = cue.text, cue.sentence_start
    before = text[sentence_start : cue.cue.start()].rstrip()
    if (
        not before.endswith(",")
        or cue.cue[0] in PARTICIPLE_CUES
        # "The mayor, 49, said she would ...": "she" opens what was said.
        or not _inverted(text, cue.cue.end(), cue.sentence_end)
    ):
        return None
    mention = subject_after(text, cue.cue.end(), cue.sentence_end)
    if mention is None or (
        cue.cue[0].lower() not in _INVERTING
        and mention.kind is SpeakerKind.DESCRIPTION
        and not any(
            word in DESCRIPTION_HEADS or word in TITLE_WORDS
            for word in mention.name.lower().split()
        )
    ):
        # "..., dismissed the claim.": after a verb that takes an object, a
        # phrase naming no one is that object, not an inverted speaker.
        return None
    end = clause_end(text, sentence_start, len(before) + sentence_start - 1)
    if fewer_words(text[sentence_start:end], 3):
        return None
    return Found(sentence_start, end, QuoteKind.INDIRECT, mention, cue.cue.span(), 0.6)


_OBJECT_PRONOUNS = frozenset("him her them us me you".split())
_SUBJECT_OPENERS = frozenset(
    "the a an this these those his its their our he she it they we i there".split()
)
_HEARER_PREPOSITIONS = frozenset(
    "in at of on from for to with outside after before during near about by over".split()
)


def _past_hearer(text: str, start: int, end: int) -> int:
    """Where the clause told begins after whom it was told to: "told him |
    the ...", "told the ferry board | the ...", "told a rally in Hull | the
    ...", "told reporters | Oslo would ...". A clause opens on an article or a
    subject pronoun not inside a phrase of place or time, or on a capitalised
    word right after a one-word hearer. Where none does within eight words,
    or the telling is an order ("told them not to ...", "told her to") or has
    a that-clause further on, ``start``."""
    words = [(m.start(), m[0]) for m in _WORD.finditer(text, start, min(end, start + 90))]
    if len(words) < 2:
        return start
    lowers = [_CONTRACTION.sub("", word.lower()) for _, word in words]
    if "that" in lowers[:16] or any(w in ("to", "not") for w in lowers[1:3]):
        return start
    if lowers[0] in _OBJECT_PRONOUNS:
        return words[1][0]
    for index in range(1, min(len(words), 9)):
        lower, before = lowers[index], words[index - 1][1]
        if lower in ("to", "not"):
            return start
        if (
            lower in _SUBJECT_OPENERS
            and lowers[index - 1] not in _HEARER_PREPOSITIONS
            # "told the crews this week the ...": a time, not a subject
            and not (index + 1 < len(lowers) and lowers[index + 1] in _TIME_NOUNS)
        ):
            return words[index][0]
        if (
            index == 1
            and words[1][1][:1].isupper()
            and before.islower()
            and lowers[0] not in _SUBJECT_OPENERS  # "told the Gazette": one name
        ):
            return words[1][0]  # "told reporters Oslo would ..."
    return start


_TIME_NOUNS = frozenset(
    """
        week weekend month year morning afternoon evening night spring summer
        autumn fall winter
    """.split()
)
_CONTRACTION = re.compile(r"['’](?:d|s|ll|re|ve)$")


def said_that(cue: ReportingCue) -> Found | NothingSaid | None:
    """ "SPEAKER said (on Monday) (that) CLAUSE"."""
    mention = cue.mention
    if mention is None:
        return None
    text, sentence_end = cue.text, cue.sentence_end
    if cue.that is not None:
        start = cue.that
    else:
        start = cue.cue.end() + (len(cue.after) - len(cue.stripped))
        day = _DAY_AFTER_VERB.match(text, start, sentence_end)
        if day is not None:
            # "said on Friday the crews were ...": the day dates the saying.
            start = day.end()
        elif cue.cue[0] in HEARER_AFTER:
            # "told the ferry board the crews were ...": whom it was told to
            # is no part of what was said.
            start = _past_hearer(text, start, sentence_end)
    end = clause_end(text, start, sentence_end)
    if mention.text.lower() == "who":
        # "Berg, who says X, wrote ...": the relative clause ends at its comma.
        comma = text.find(",", start, end)
        end = comma if comma > start else end
    trailing = trailing_attribution(text, start, end + 1)
    if trailing is not None:
        end = trailing.start()
    second = _second_report(text, start, end)
    if second is not None:
        # "rejected the draft, saying it ignored ...", "accused X of Y and said
        # Z": what the second verb reports is its own statement.
        end = second.start()
    if fewer_words(text[start:end], _MIN_CONTENT_WORDS) or QUOTE_OPENING.match(text, start, end):
        return NOTHING_SAID
    return cue.found(start, end, mention, 0.65)
