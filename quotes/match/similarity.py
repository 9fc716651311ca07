"""Scoring two wordings of a quote, and what a score decides.

Exact first, then containment (a truncated or partial quote inside a longer
one), then rapidfuzz's token-set ratio for reworded versions. Never WRatio:
it scores unrelated sentences high. Guards keep apart what looks alike but
says something else: a different number, a negation on one side only, and
fragments too short to tell one statement from another.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz import fuzz

# Scores are in [0, 1]. Above AUTO a quote is attached by the rule; between
# SUGGEST and AUTO a person is asked (``quotes review``); below, it stays apart.
AUTO_THRESHOLD = 0.90
SUGGEST_THRESHOLD = 0.75


@dataclass(frozen=True, slots=True)
class Scored:
    """How two wordings compare: the method that matched and its score."""

    method: str
    score: float


# "a good thing we did" inside "a good thing we did not", or "..., not by its
# partners" cut from the end: the same words, and only a reader can tell
# whether the cut changed the meaning. A person is asked.
_NEGATION_AT_EDGE = Scored("negation-edge", SUGGEST_THRESHOLD)

# Fewer words than this and containment says little ("we are ready").
MIN_FRAGMENT_WORDS = 5
# Normalised text has no apostrophes, so contractions arrive as "dont", "isnt".
# Each negation maps to the word it negates when dropped ("" for a bare "not").
_CONTRACTED = {
    "cannot": "can",
    "cant": "can",
    "dont": "do",
    "doesnt": "does",
    "didnt": "did",
    "isnt": "is",
    "arent": "are",
    "wasnt": "was",
    "werent": "were",
    "wont": "will",
    "wouldnt": "would",
    "couldnt": "could",
    "shouldnt": "should",
    "hasnt": "has",
    "havent": "have",
    "hadnt": "had",
    "aint": "is",
}
_NEGATORS = {"not": "", "no": "", "never": "", "nothing": "", "none": "", "nor": ""}
_NEGATED_BASE = _NEGATORS | _CONTRACTED
_NEGATIONS = frozenset(_NEGATED_BASE)
_NUMBER = re.compile(r"\d+")


def _numbers_agree(short: str, long: str) -> bool:
    """Every number of the shorter wording appears in the longer, as often.

    Counted, not as sets: "from 33 to 100 percent" and "from 100 to 100
    percent" share the set {100} yet say different things.
    """
    counts_short, counts_long = Counter(_NUMBER.findall(short)), Counter(_NUMBER.findall(long))
    return not counts_short - counts_long


def _negations(text: str) -> frozenset[str]:
    return frozenset(text.split()) & _NEGATIONS


def _negations_agree(short: str, long: str) -> bool | None:
    """The same negations, within the part of the longer wording the shorter covers.

    An outlet that cut "..., not because of X" from the end dropped a negation
    without changing what the rest says; one that dropped it mid-sentence did.
    None when a negation sits just outside the covered part: undecidable
    without the sentence's structure.
    """
    negations_short = _negations(short)
    if negations_short == _negations(long):
        return True
    aligned = fuzz.partial_ratio_alignment(short, long)
    if aligned is None:  # only for empty strings, which never get here
        return False
    start = long.rfind(" ", 0, aligned.dest_start) + 1
    end = long.find(" ", aligned.dest_end)
    end = len(long) if end < 0 else end
    if negations_short != _negations(long[start:end]):
        return False
    # As for a contained fragment: "a good thing we did" is not "... we did not".
    before, after = long[:start].split()[-1:], long[end:].split()[:1]
    return None if any(word in _NEGATIONS for word in (*before, *after)) else True


def _negation_flipped(a: str, b: str) -> bool:
    """One wording negates what the other says plainly, in the same words.

    "are not here" against "are here", or "isnt ready" against "is ready": the
    negation's neighbours appear side by side in the other wording with no
    negation between them. Reworded sentences rarely keep both neighbours, so
    this catches the flips that token-set ratio scores near 1.
    """
    for x, y in ((a.split(), b.split()), (b.split(), a.split())):
        pairs = set(pairwise(y))
        triples = set(zip(y, y[1:], y[2:], strict=False))
        for i in range(1, len(x) - 1):
            base = _NEGATED_BASE.get(x[i])
            if base is None:
                continue
            if base == "" and (x[i - 1], x[i + 1]) in pairs:
                return True
            if base and (x[i - 1], base, x[i + 1]) in triples:
                return True
    return False


# Words nearly every sentence has: sharing them says nothing about two wordings.
# Negations are not here; numbers and names never are.
_FUNCTION_WORDS = frozenset(
    "a an the and or but if of to in on at by for with from as into about than "
    "that this these those it its is are was were be been being has have had do does "
    "did will would shall should can could may might must we our us you your he his "
    "him she her they their them i me my there here so".split()
)


def telling_words(normalized: str) -> set[str]:
    """The words of a *normalised* wording that can tell it apart: all but function words.

    A wording of function words only ("it is what it is") keeps them all.
    """
    words = set(normalized.split())
    return words - _FUNCTION_WORDS or words


def words_needed(words: int, suggest: float = SUGGEST_THRESHOLD) -> int:
    """How many of a wording's ``telling_words`` another must share to be scored at all.

    Reaching the suggest band takes most words in common (containment takes
    all of the fragment's), so this bound is loose on purpose: it skips only
    wordings that share too little to score. Online matching and ``cluster``
    both use it, so importing and ``quotes dedupe`` compare the same pairs.
    """
    return max(1, int(words * suggest * 0.5))


def score(a: str, b: str) -> Scored:
    """Compare two *normalised* wordings: exact, containment, then token-set ratio.

    Guards: different numbers or a negation on one side only never match, and a
    fragment of fewer than ``MIN_FRAGMENT_WORDS`` words never reaches the auto band.
    """
    if a == b:
        return Scored("exact", 1.0)
    if not a or not b:
        return Scored("none", 0.0)
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if not _numbers_agree(short, long):
        return Scored("guard", 0.0)
    words = short.count(" ") + 1
    padded = f" {long} "
    at = padded.find(f" {short} ")
    if at >= 0:
        # The longer wording may negate the fragment just outside it.
        before = padded[:at].split()[-1:]
        after = padded[at + len(short) + 2 :].split()[:1]
        if (before and before[0] in _NEGATIONS) or (after and after[0] in _NEGATIONS):
            return _NEGATION_AT_EDGE
        value = 0.97 if words >= MIN_FRAGMENT_WORDS else AUTO_THRESHOLD - 0.01
        return Scored("containment", value)
    agreement = _negations_agree(short, long)
    if agreement is False or _negation_flipped(short, long):
        return Scored("guard", 0.0)
    ratio = fuzz.token_set_ratio(a, b) / 100.0
    if words < MIN_FRAGMENT_WORDS:
        # A short fragment can sit inside many statements: never above the auto band.
        ratio = min(ratio, AUTO_THRESHOLD - 0.01)
    value = round(ratio * _length_factor(short, long), 4)
    if agreement is None:
        # Never above the review band, and no higher than the wordings' likeness.
        return Scored(_NEGATION_AT_EDGE.method, min(value, _NEGATION_AT_EDGE.score))
    return Scored("fuzzy", value)


def _length_factor(short: str, long: str) -> float:
    """token_set_ratio is 100 for any subset; damp it when the subset is a small part."""
    share = len(short) / max(len(long), 1)
    return 1.0 if share >= 0.5 else 0.85 + 0.3 * share


def decide(value: float, auto: float = AUTO_THRESHOLD, suggest: float = SUGGEST_THRESHOLD) -> str:
    """ "auto", "suggest" or "apart" for a score."""
    if value >= auto:
        return "auto"
    if value >= suggest:
        return "suggest"
    return "apart"
