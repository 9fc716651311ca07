"""Scoring two wordings of a quote, and what a score decides.

Exact first, then containment (a truncated or partial quote inside a longer
one), then rapidfuzz's token-set ratio for reworded versions. Never WRatio:
it scores unrelated sentences high. Guards keep apart what looks alike but
says something else: a different number, a negation on one side only, and
fragments too short to tell one statement from another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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


# Fewer words than this and containment says little ("we are ready").
MIN_FRAGMENT_WORDS = 5
_NEGATIONS = frozenset({"not", "no", "never", "nothing", "none", "nor", "cannot", "dont", "wont"})
_NUMBER = re.compile(r"\d+")


def _numbers_agree(a: str, b: str) -> bool:
    numbers_a, numbers_b = set(_NUMBER.findall(a)), set(_NUMBER.findall(b))
    return numbers_a <= numbers_b or numbers_b <= numbers_a


def _negations(text: str) -> frozenset[str]:
    return frozenset(text.split()) & _NEGATIONS


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
        before = padded[:at].split()[-1:]
        if before and before[0] in _NEGATIONS:
            return Scored("guard", 0.0)
        value = 0.97 if words >= MIN_FRAGMENT_WORDS else AUTO_THRESHOLD - 0.01
        return Scored("containment", value)
    if _negations(short) != _negations(long):
        return Scored("guard", 0.0)
    ratio = fuzz.token_set_ratio(a, b) / 100.0
    if words < MIN_FRAGMENT_WORDS:
        # A short fragment can sit inside many statements: never above the auto band.
        ratio = min(ratio, AUTO_THRESHOLD - 0.01)
    return Scored("fuzzy", round(ratio * _length_factor(short, long), 4))


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
