"""The cues: verbs of saying (from the lexicon) and quotation marks, as the
patterns every rule searches with."""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterator

from quotes.extract.lexicon import (
    PARTICIPLE_CUES,
    PLURAL_NOUNS,
    QUOTE_ONLY_PHRASES,
    QUOTE_ONLY_VERBS,
    QUOTING,
    SPEECH_VERBS,
    STANCE_PHRASES,
    STANCE_VERBS,
)
from quotes.extract.patterns import word_alternation
from quotes.extract.quotation import QuoteSpan

# Verbs that introduce reported speech without quotation marks; narrower than
# SPEECH_VERBS, because "called" or "went" before a quote is safe but not before a clause.
INDIRECT_VERBS = (SPEECH_VERBS | STANCE_VERBS | STANCE_PHRASES) - frozenset(
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


_PATTERN = re.compile(r"(?<![\w-])(?:[Aa]ccording to|" + word_alternation(_CUE_WORDS) + r")\b(?!-)")

# The most characters a CUE match spans. Whether it matches at a position
# depends on the text from the four characters before it (a possessive) to
# the one after its longest word, and on nothing further but, after a
# possessive, a " that" after the word: CUE_REACH characters from its start.
LONGEST_CUE = max(len(word) for word in _CUE_WORDS | {"according to"})
CUE_REACH = LONGEST_CUE + len(" that") + 1

# Past forms and participles: after "Lind's" they are verbs ("Lind's said",
# where 's is "has"). Every other cue word there is a noun: "Lind's claims",
# "Aho's remarks" name what someone said, and the possessor is not the subject
# of a verb (the sentence's own subject may be someone else) - unless "that"
# gives what was claimed: "Lind's claim that the pier is safe" is Lind's.
_IRREGULAR_PAST = frozenset(
    "said told felt found knew sang saw sought thought went wrote read".split()
)
_NOUN_AFTER_POSSESSIVE = frozenset(
    word.split()[0]
    for word in _CUE_WORDS
    if not word.split()[0].endswith(("ed", "ing")) and word.split()[0] not in _IRREGULAR_PAST
)
_THAT = re.compile(r"\sthat\b")
_POSSESSIVE_ENDS = frozenset("s'’")


def after_possessive(text: str, position: int) -> bool:
    """Whether "Lind's " or "the Ahos' " ends at ``position``."""
    if position < 4 or not text[position - 1].isspace() or not is_word_char(text[position - 4]):
        return False
    mark = text[position - 3 : position - 1]
    return mark in ("'s", "’s") or (mark[1] in "'’" and mark[0] == "s")


# An article or a possessive pronoun before a cue word makes it a noun: "the
# claims were rejected", "her remarks drew criticism", and a participle an
# adjective: "the charged term". ("said", most cues, is skipped: "the said
# agreement" is not news English.)
# (Written to open with the words' first letters, the look-behind after them:
# re then scans for the letters, not trying the pattern at every character.)
_NOUN_OPENER = re.compile(
    r"[TtAaHhIiOo](?<![\w'’-].)"
    r"(?:(?<=[Tt])he(?:ir)?|(?<=[Aa])n?|(?<=[Hh])(?:is|er)|(?<=[Ii])ts|(?<=[Oo])ur) \Z"
)
# How its matches end (the last letter of one of its words, and the space):
# the two characters before a cue tell, at once, whether it needs trying.
_NOUN_OPENER_ENDS = frozenset(["e ", "r ", "a ", "A ", "n ", "s "])


# "Interfax quoted Berg as saying", "Berg was cited as saying": the one who
# speaks is Berg, at "saying"; the quoting verb is the reporter's.
_AS_SAYING = re.compile(r"(?:\s+[\w'’.,-]+){0,8}?\s+as\s+(?:saying|telling)\b")


# After a share of a one-word group ("32% of Republican claims", "half of
# Labour comments") a cue word that is a plural noun too (lexicon.PLURAL_NOUNS)
# is what was said, counted, and the group is no speaker.
_SHARE_OF_A_GROUP = re.compile(
    r"(?:%|\bpercent|\bper cent|\bmost|\bmany|\bsome|\ball|\bhalf|\bnone|\bmajority|\bshare)"
    r"\s+of\s+[A-Z][\w'’-]*\s+\Z"
)


def _a_verb(text: str, cue: re.Match[str], endpos: int) -> bool:
    """Whether a CUE match is a verb of saying, not a noun after an article or
    a possessive, nor a reporter quoting someone "as saying"."""
    start, word = cue.start(), cue[0]
    if word != "said":  # (most cues: none of these tests applies to it)
        if text[start - 2 : start] in _NOUN_OPENER_ENDS and _NOUN_OPENER.search(
            text, max(0, start - 7), start
        ):
            return False
        if word in QUOTING and _AS_SAYING.match(text, cue.end(), endpos):
            return False
        if (
            word in PLURAL_NOUNS
            and text.find("of", max(0, start - 40), start) != -1  # (most have none: told at once)
            and _SHARE_OF_A_GROUP.search(text, max(0, start - 40), start)
        ):
            return False
    return (
        text[start - 2 : start - 1] not in _POSSESSIVE_ENDS  # most cues: told at once
        or not after_possessive(text, start)
        or word.split()[0] not in _NOUN_AFTER_POSSESSIVE
        or _THAT.match(text, cue.end(), endpos) is not None
    )


class _Cues:
    """The verbs of saying, searched as with a compiled pattern (``finditer``
    and ``search``, with the same positions)."""

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        endpos = min(endpos, len(text))
        return (cue for cue in _PATTERN.finditer(text, pos, endpos) if _a_verb(text, cue, endpos))

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return next(self.finditer(text, pos, endpos), None)


CUE = _Cues()


# The whole text is read for cues once an article (Article.cues), and a
# pattern that opens with a look-behind, as _PATTERN does, is tried at every
# character. A cue opens after a space or another character that is no word
# character: these patterns are scanned for that character (a space re finds
# as a literal, the other kinds, rarer, through one table) and read only the
# first word of a cue after it, no further (so that no match holds the space
# before another cue). Each place they find is then read with _PATTERN itself:
# about 70% of the time of scanning with _PATTERN alone.
_FIRST_WORDS = word_alternation(
    {word.split()[0] for word in _CUE_WORDS} | {"according", "According"}
)
_AFTER_SPACE = re.compile(" " + _FIRST_WORDS + r"\b")
_AFTER_OTHER = re.compile(r"[^a-zA-Z0-9_\- ](?<![\w-])" + _FIRST_WORDS + r"\b")


def whole_text_cues(text: str) -> list[re.Match[str]]:
    """``list(CUE.finditer(text))``, found as said above."""
    openings = [0]
    openings += [before.start() + 1 for before in _AFTER_SPACE.finditer(text)]
    openings += [before.start() + 1 for before in _AFTER_OTHER.finditer(text)]
    openings.sort()
    cues = []
    end = 0
    for start in openings:
        if start < end:
            continue  # inside the cue before ("pointed out"), as finditer skips it
        cue = _PATTERN.match(text, start)
        if cue is not None:
            end = cue.end()
            if _a_verb(text, cue, len(text)):
                cues.append(cue)
    return cues


# ", said Peskov." / ", Peskov said." closing a clause that is itself reported.
TRAILING_ATTRIBUTION = re.compile(
    r",\s+(?:(?:" + word_alternation(SPEECH_VERBS) + r")\s+[\w .'’-]{2,60}"
    r"|[\w .'’-]{2,60}\s+(?:" + word_alternation(SPEECH_VERBS) + r"))\W*$"
)


def trailing_attribution(text: str, start: int, end: int) -> re.Match[str] | None:
    """``TRAILING_ATTRIBUTION`` searched in ``text[start:end]``, tried only at
    the one comma it can open at. Nothing it matches after its comma is a
    comma, and its verb ends in a word character, so it opens at the last
    comma before the window's closing run of non-word characters; trying it
    at every comma of a long clause is most of the time rules spend on it."""
    last = min(end, len(text))
    while last > start and not is_word_char(text[last - 1]):
        last -= 1
    comma = text.rfind(",", start, last)
    if comma == -1:
        return None
    # Its verb is the first word after the comma or the last word before the
    # closing run: where neither is a verb of saying (most clauses), the
    # pattern, which backtracks over up to 60 characters, cannot match.
    words = text[comma + 1 : last].split()
    if not words or (words[0] not in SPEECH_VERBS and words[-1] not in SPEECH_VERBS):
        return None
    return TRAILING_ATTRIBUTION.search(text, comma, end)


def is_word_char(char: str) -> bool:
    """What ``\\w`` matches in a str pattern."""
    return char.isalnum() or char == "_"


QUOTE_OPENING = re.compile(r"(?:that\s+)?[\"“«„]")


QUOTE_MARK = re.compile(r"[\"“”«»„]")


SENTENCE_BREAK = re.compile(r"[.!?](?:\s|$)")


SHORT_FRAGMENT_WORDS = 4


COORDINATED = re.compile(r"\s(?:and|but)\s+$")


def inside(position: int, starts: list[int], spans: list[tuple[QuoteSpan, ...]]) -> bool:
    index = bisect.bisect_left(starts, position) - 1
    return index >= 0 and position < spans[index][-1].end


# "Said Chairwoman Ana Ruiz:", "Added Ruiz:": a press release's attribution
# line, its verb first and capitalised, a name and a colon after it.
VERB_FIRST = re.compile(
    r"[^\S\n]*("
    + word_alternation(
        frozenset(
            verb.capitalize()
            for verb in SPEECH_VERBS
            if verb.endswith(("ed", "s")) or verb in ("said", "wrote", "told")
        )
    )
    + r")[^\S\n]+(?=[A-Z])"
)
