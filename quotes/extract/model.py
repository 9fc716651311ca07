"""What the extractor returns: plain data, no database.

Offsets are Python ``str`` indices into the text given to the extractor, so
``text[q.start:q.end] == q.text`` always holds, and likewise for the speaker
mention and the cue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any


class QuoteKind(StrEnum):
    DIRECT = "direct"  # a full quotation in quotation marks
    INDIRECT = "indirect"  # reported speech: "Moscow demanded that Ukraine ..."
    PARTIAL = (
        "partial"  # a quoted fragment inside reported speech: accused Russia of "deliberately" ...
    )


class SpeakerKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    GOVERNMENT = "government"  # a government body or a metonym for one: the Kremlin, Kyiv
    DESCRIPTION = (
        "description"  # "its top negotiator", "a senior official": kept as printed, not guessed
    )
    UNKNOWN = "unknown"


class DatePrecision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    # No cue in the attribution: a day the story told for it (story_days), else
    # the publication date, stands in.
    REPORTED = "reported"
    UNKNOWN = "unknown"


# Not frozen: a frozen dataclass sets each field through object.__setattr__,
# and building its 19 fields cost several times the plain record's build, for
# every quote of every article. The extractor hands each quote out once and
# never changes it after.
@dataclass(slots=True)
class ExtractedQuote:
    text: str
    start: int
    end: int
    kind: QuoteKind
    cue: str | None = None  # "told reporters", "said", "according to"
    cue_start: int | None = None
    cue_end: int | None = None
    speaker: str | None = None  # resolved name within the article: "Dmitry Peskov"
    speaker_mention: str | None = None  # as printed at this quote: "he", "Peskov"
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_kind: SpeakerKind = SpeakerKind.UNKNOWN
    speaker_role: str | None = None  # "Kremlin spokesman", when the article gives one
    said_on: dt.date | None = None
    date_precision: DatePrecision = DatePrecision.UNKNOWN
    confidence: float = 0.5
    rule: str = "unattributed"  # the attribution rule that found the speaker (extract.rules)
    # How the mention became the speaker's name, step by step:
    # ("pronoun 'he' -> Dmitry Peskov (nearest agreeing subject)",)
    resolution: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form; the keys are those of ``quotes extract --format jsonl``."""
        data = asdict(self)
        data["kind"] = str(self.kind)
        data["speaker_kind"] = str(self.speaker_kind)
        data["date_precision"] = str(self.date_precision)
        data["said_on"] = self.said_on.isoformat() if self.said_on else None
        data["resolution"] = list(self.resolution)
        return data
