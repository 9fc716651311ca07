"""What a rule finds: a quote or reported clause, its speaker mention and cue,
before the speaker is resolved to a name."""

from __future__ import annotations

from dataclasses import dataclass

from quotes.extract.mentions import Mention
from quotes.extract.model import QuoteKind


@dataclass(slots=True)
class Found:
    start: int
    end: int
    kind: QuoteKind
    mention: Mention | None
    cue: tuple[int, int] | None
    confidence: float
    pieces: tuple[tuple[int, int], ...] = ()
    continued: bool = False
    rule: str = "unattributed"  # a name from quotes.extract.rules.RULES
