"""A speaker's positions over time, with the points where they change.

Statements come in the order they were first said (undated ones last, on
every backend). On each topic, a change
is marked where the stance turns between "supports" and "opposes" from the
last statement that took a side on that topic; neutral or unknown
statements neither make nor break a change (a fact-checker asks "did they
reverse?", and a neutral remark in between is not a position).
Suggested stances count, and say so, until a person confirms them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from quotes.match.stance import Stance
from quotes.services.schema import TimelineEntryJSON
from quotes.services.search import topic_with_descendants
from quotes.services.speakers import find_speaker
from quotes.services.statements import summaries_of
from quotes.storage.listings import StatementRow, speaker_statement_rows
from quotes.storage.models import Actor
from quotes.storage.speaker_statements import speaker_positions

_SIDES = (Stance.SUPPORTS, Stance.OPPOSES)


@dataclass
class TopicPosition:
    topic: str
    stance: Stance | None
    confirmed: bool
    previous: Stance | None = None
    changed: bool = False

    def describe(self) -> str:
        if self.stance is None:
            return f"{self.topic}: no stance"
        marker = "" if self.confirmed else " (suggested)"
        return f"{self.topic}: {self.stance.value}{marker}"


@dataclass
class TimelineEntry:
    """One statement with its position on each topic it is on (how widely it was
    printed is in its summary: ``timeline_entries``)."""

    statement_id: int
    said_on: dt.date | None
    text: str
    positions: list[TopicPosition] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(position.changed for position in self.positions)

    def changes(self) -> list[str]:
        return [
            f"{p.topic}: {p.previous.value} → {p.stance.value}"
            for p in self.positions
            if p.changed and p.previous is not None and p.stance is not None
        ]


def timeline(
    session: Session,
    speaker: str,
    *,
    topic: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[TimelineEntry]:
    """The speaker's statements (on ``topic`` and its sub-topics, if given) in date order."""
    return _timeline(session, speaker, topic, since, until)[0]


def _timeline(
    session: Session,
    speaker: str,
    topic: str | None,
    since: dt.date | None,
    until: dt.date | None,
) -> tuple[list[TimelineEntry], list[StatementRow]]:
    speaker_id = find_speaker(session, speaker).id
    topic_ids = topic_with_descendants(session, topic) if topic else None
    rows = speaker_statement_rows(
        session, speaker_id, since=since, until=until, topic_ids=topic_ids
    )
    entries = [TimelineEntry(row.statement_id, row.first_said_on, row.text) for row in rows]
    _attach_positions(session, speaker_id, entries, topic_ids)
    return entries, rows


def timeline_entries(
    session: Session,
    speaker: str,
    *,
    topic: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[TimelineEntryJSON]:
    """The timeline as the schema's entries: one per statement and topic it is
    on (one with a null topic for a statement on none), in date order."""
    entries, rows = _timeline(session, speaker, topic, since, until)
    found: list[TimelineEntryJSON] = []
    for entry, summary in zip(entries, summaries_of(session, rows), strict=True):
        positions: list[TopicPosition | None] = [*entry.positions] or [None]
        for position in positions:
            found.append(
                TimelineEntryJSON(
                    **summary,
                    topic=position.topic if position else None,
                    stance=position.stance.value if position and position.stance else None,
                    status=_status(position),
                    change=bool(position and position.changed),
                )
            )
    return found


def _status(position: TopicPosition | None) -> str | None:
    if position is None or position.stance is None:
        return None
    return "confirmed" if position.confirmed else "suggested"


def _attach_positions(
    session: Session, speaker_id: int, entries: list[TimelineEntry], topic_ids: list[int] | None
) -> None:
    if not entries:
        return
    by_statement: dict[int, list[tuple[str, int, Stance | None, bool]]] = defaultdict(list)
    for statement_id, topic_id, name, stance, set_by in speaker_positions(
        session, speaker_id, topic_ids
    ):
        by_statement[statement_id].append((name, topic_id, stance, set_by == Actor.PERSON))
    last_side: dict[int, Stance] = {}
    for entry in entries:
        for name, topic_id, stance, confirmed in sorted(by_statement.get(entry.statement_id, ())):
            position = TopicPosition(topic=name, stance=stance, confirmed=confirmed)
            if stance in _SIDES:
                previous = last_side.get(topic_id)
                if previous is not None and previous != stance:
                    position.previous, position.changed = previous, True
                last_side[topic_id] = stance
            entry.positions.append(position)
