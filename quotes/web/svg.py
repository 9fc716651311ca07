"""A speaker's timeline as a picture: one row per topic, a mark per statement.

Rendered on the server as SVG text, so the page needs no script to show it.
Every piece of text that comes from the database (topic names, wordings) is
escaped here: the picture is inlined in the page and an SVG ``<title>`` is
markup like any other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from markupsafe import Markup, escape

from quotes.services.timeline import TimelineEntry, TopicPosition

COLOURS = {
    "supports": "#1a7f37",
    "opposes": "#cf222e",
    "neutral": "#6e7781",
    "unknown": "#9a6700",
    None: "#8c959f",
}
NO_TOPIC = "(no topic)"
_LABEL = 150  # the left column, for topic names
_ROW = 34
_TOP = 26
_AXIS = 30
_RADIUS = 6


def timeline_svg(entries: Sequence[TimelineEntry], *, width: int = 800) -> Markup:
    """The statements as an SVG element, a mark per statement and topic it is on;
    undated ones are left out."""
    dated = [entry for entry in entries if entry.said_on is not None]
    topics = sorted(
        {p.topic for e in dated for p in e.positions}
        | ({NO_TOPIC} if any(not e.positions for e in dated) else set()),
        key=_topic_order,
    )
    height = _TOP + _ROW * max(len(topics), 1) + _AXIS
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
        "<title>Statements by topic over time, coloured by stance</title>",
    ]
    if not dated:
        parts.append(f'<text x="10" y="{_TOP + 10}">No dated statements.</text></svg>')
        return Markup("".join(parts))
    days = [entry.said_on for entry in dated if entry.said_on is not None]
    first, last = min(days), max(days)
    if first == last:
        first, last = first - dt.timedelta(days=1), last + dt.timedelta(days=1)
    span = (last - first).days
    left, right = _LABEL + 10, width - 16

    def x_of(day: dt.date) -> float:
        return left + (right - left) * (day - first).days / span

    rows = {topic: _TOP + _ROW * index + _ROW / 2 for index, topic in enumerate(topics)}
    for topic, y in rows.items():
        parts.append(
            f'<text class="topic" x="{_LABEL}" y="{y + 4:.1f}" text-anchor="end">'
            f"{escape(_shorten(topic, 22))}</text>"
            f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="#d0d7de"/>'
        )
    axis = _TOP + _ROW * len(topics) + 8
    ticks = _ticks(first, last)
    for index, tick in enumerate(ticks):
        x = x_of(tick)
        # The last date's label ends at its tick, so that it is not cut off.
        anchor = "end" if index == len(ticks) - 1 else "middle"
        parts.append(
            f'<line x1="{x:.1f}" y1="{_TOP - 6}" x2="{x:.1f}" y2="{axis}" stroke="#eaeef2"/>'
            f'<text class="tick" x="{x:.1f}" y="{axis + 14}" text-anchor="{anchor}">'
            f"{tick.isoformat()}</text>"
        )
    for entry in dated:
        assert entry.said_on is not None
        x = x_of(entry.said_on)
        # The wording is escaped once for all of the statement's marks.
        text = escape(_shorten(entry.text, 160))
        positions: list[TopicPosition | None] = [*entry.positions] or [None]
        for position in positions:
            y = rows[position.topic if position else NO_TOPIC]
            parts.append(_mark(entry, position, text, x, y))
    parts.append("</svg>")
    return Markup("".join(parts))


def _mark(
    entry: TimelineEntry, position: TopicPosition | None, text: Markup, x: float, y: float
) -> str:
    stance = position.stance.value if position and position.stance else None
    colour = COLOURS.get(stance, COLOURS[None])
    confirmed = position is not None and position.confirmed
    # A person's stance is a filled mark; a rule's suggestion an open one.
    fill = colour if confirmed else "#ffffff"
    label = f"{entry.said_on}: {stance or 'no stance'}"
    if stance:
        label += " (confirmed)" if confirmed else " (suggested)"
    changed = position is not None and position.changed
    if changed:
        label += ", a change of position"
    shapes = (
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{_RADIUS}" fill="{fill}" '
        f'stroke="{colour}" stroke-width="2.5"/>'
    )
    if changed:
        size = _RADIUS + 5
        shapes += (
            f'<rect class="change" x="{x - size:.1f}" y="{y - size:.1f}" width="{2 * size}" '
            f'height="{2 * size}" fill="none" stroke="#0969da" stroke-width="2" '
            f'transform="rotate(45 {x:.1f} {y:.1f})"/>'
        )
    # stance is one of Stance's values or None: nothing in it needs escaping.
    return (
        f'<a href="/statements/{int(entry.statement_id)}" class="mark" '
        f'data-stance="{stance or "none"}"><title>{escape(label)} — {text}</title>'
        f"{shapes}</a>"
    )


def _ticks(first: dt.date, last: dt.date, count: int = 5) -> list[dt.date]:
    span = (last - first).days
    steps = min(count - 1, span)
    return [first + dt.timedelta(days=round(span * i / steps)) for i in range(steps + 1)]


def _topic_order(topic: str) -> tuple[bool, str]:
    return (topic == NO_TOPIC, topic.casefold())


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def legend() -> Markup:
    """The key to the colours and shapes, as HTML."""
    items = [
        f'<span class="key"><svg width="14" height="14"><circle cx="7" cy="7" r="5" '
        f'fill="{colour}" stroke="{colour}" stroke-width="2"/></svg> {name}</span>'
        for name, colour in COLOURS.items()
        if name is not None
    ]
    items.append(
        '<span class="key"><svg width="14" height="14"><circle cx="7" cy="7" r="5" '
        'fill="#fff" stroke="#6e7781" stroke-width="2"/></svg> suggested by a rule</span>'
    )
    items.append(
        '<span class="key"><svg width="16" height="16"><rect x="3" y="3" width="10" height="10" '
        'fill="none" stroke="#0969da" stroke-width="2" transform="rotate(45 8 8)"/></svg> '
        "change of position</span>"
    )
    return Markup(" ".join(items))
