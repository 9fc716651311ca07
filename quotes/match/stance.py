"""A suggested stance from the words of a statement: pure, no database.

Rules, not a model: a fact-checker must be able to see why a statement was
marked "opposes" (the cue is kept) and a person confirms every suggestion
before it counts. Rejection cues (dismissed, ruled out, unlikely, refused)
suggest "opposes"; support cues (open to, backed, welcomed, ready to)
suggest "supports"; a negation just before a support cue ("not ready to")
turns it round. No cue: "neutral".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Stance(StrEnum):
    SUPPORTS = "supports"
    OPPOSES = "opposes"
    NEUTRAL = "neutral"
    UNKNOWN = "unknown"


OPPOSING_CUES = (
    "dismissed",
    "dismisses",
    "rejected",
    "rejects",
    "refused",
    "refuses",
    "denied",
    "denies",
    "ruled out",
    "rules out",
    "unlikely",
    "impossible",
    "unacceptable",
    "not acceptable",
    "no plans",
    "no intention",
    "condemned",
    "condemns",
    "opposed",
    "opposes",
    "against",
    "will never",
    "would never",
    "cannot accept",
    "can't accept",
    "won't accept",
    "will not accept",
    "will not sign",
    "won't sign",
    "no basis",
    "out of the question",
    "a mistake",
    "nonsense",
    "warned against",
    "blocked",
    "vetoed",
)
SUPPORTING_CUES = (
    "open to",
    "backed",
    "backs",
    "supports",
    "supported",
    "support",
    "welcomed",
    "welcomes",
    "agreed",
    "agrees",
    "ready to",
    "prepared to",
    "willing to",
    "in favour of",
    "in favor of",
    "endorsed",
    "endorses",
    "proposed",
    "proposes",
    "called for",
    "calls for",
    "committed to",
    "will sign",
    "possible",
    "hopes for",
    "wants",
)
# A negation up to two words before a support cue: "not ready to", "don't really support".
_NEGATION = re.compile(
    r"(?:\b(?:not|never|no|cannot|hardly)|n't)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)


def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(cues, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in ordered) + r")\b", re.IGNORECASE)


_OPPOSING = _cue_pattern(OPPOSING_CUES)
_SUPPORTING = _cue_pattern(SUPPORTING_CUES)


@dataclass(frozen=True)
class StanceSuggestion:
    stance: Stance
    cue: str | None


def suggest_stance(text: str, cues: Iterable[str] = ()) -> StanceSuggestion:
    """The stance the words suggest, and the cue that decided it.

    ``cues`` are the reporting verbs outlets used ("dismissed", "welcomed"):
    in indirect speech the stance is often in the verb, not in the words
    reported, so a cue that takes a side decides first. Opposing cues win
    over supporting ones in the same statement ("we support talks but a
    summit is unlikely" reads as a refusal), and a negated support cue is
    itself opposing.
    """
    for cue in cues:
        found = _side_of(cue)
        if found.stance is not Stance.NEUTRAL:
            return found
    return _side_of(text)


def _side_of(text: str) -> StanceSuggestion:
    text = text.replace("’", "'")
    opposing = _OPPOSING.search(text)
    if opposing is not None:
        return StanceSuggestion(Stance.OPPOSES, opposing.group(0).lower())
    for found in _SUPPORTING.finditer(text):
        if _NEGATION.search(text[: found.start()]):
            return StanceSuggestion(Stance.OPPOSES, f"not {found.group(0).lower()}")
        return StanceSuggestion(Stance.SUPPORTS, found.group(0).lower())
    return StanceSuggestion(Stance.NEUTRAL, None)
