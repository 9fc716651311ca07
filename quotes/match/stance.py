"""A suggested stance from the words of a statement: pure, no database.

Rules, not a model: a fact-checker must be able to see why a statement was
marked "opposes" (the cue is kept) and a person confirms every suggestion
before it counts. Rejection cues (dismissed, ruled out, unlikely, refused)
suggest "opposes"; support cues (open to, backed, welcomed, ready to)
suggest "supports"; a negation just before a support cue ("not ready to")
turns it round, and a negated rejection ("did not rule out", "not against")
leans towards support. No cue: "neutral".

Cues read the statement, not the topic: "we are against this war" is
marked "opposes" on every topic the statement is tagged with, which is
one reason a rule's stance is only ever a suggestion.
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
    "dismiss",
    "dismissed",
    "dismisses",
    "reject",
    "rejected",
    "rejects",
    "refuse",
    "refused",
    "refuses",
    "deny",
    "denied",
    "denies",
    "rule out",
    "ruled out",
    "rules out",
    "unlikely",
    "impossible",
    "unacceptable",
    "not acceptable",
    "no plans",
    "no intention",
    "condemn",
    "condemned",
    "condemns",
    "oppose",
    "opposed",
    "opposes",
    "against",
    "will never",
    "would never",
    "never",
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
    "welcome",
    "welcomed",
    "welcomes",
    "agree",
    "agreed",
    "agrees",
    "ready to",
    "prepared to",
    "willing to",
    "in favour of",
    "in favor of",
    "endorse",
    "endorsed",
    "endorses",
    "propose",
    "proposed",
    "proposes",
    "call for",
    "called for",
    "calls for",
    "committed to",
    "will sign",
    "possible",
    "hopes for",
    "wants",
)
# A negation up to two words before a cue: "not ready to", "don't really support",
# "did not rule out"; "not only" and "not just" add rather than deny.
_NEGATION = re.compile(
    r"(?:\b(?:not|never|no|cannot|hardly)|n't)\s+(?!only\b|just\b)(?:\w+\s+){0,2}$",
    re.IGNORECASE,
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
    reported, so a cue that takes a side decides first. Opposing readings
    win over supporting ones in the same statement ("we support talks but a
    summit is impossible" reads as a refusal); a negated support cue is
    itself opposing, a negated opposing cue supporting.
    """
    for cue in cues:
        found = _side_of(cue)
        if found.stance is not Stance.NEUTRAL:
            return found
    return _side_of(text)


def _side_of(text: str) -> StanceSuggestion:
    text = text.replace("\u2019", "'")
    readings = sorted(
        [(m.start(), m.group(0).lower(), Stance.OPPOSES) for m in _OPPOSING.finditer(text)]
        + [(m.start(), m.group(0).lower(), Stance.SUPPORTS) for m in _SUPPORTING.finditer(text)]
    )
    first_support: StanceSuggestion | None = None
    for start, cue, side in readings:
        if _NEGATION.search(text[:start]):
            cue = f"not {cue}"
            side = Stance.SUPPORTS if side is Stance.OPPOSES else Stance.OPPOSES
        if side is Stance.OPPOSES:
            return StanceSuggestion(side, cue)
        first_support = first_support or StanceSuggestion(side, cue)
    return first_support or StanceSuggestion(Stance.NEUTRAL, None)
