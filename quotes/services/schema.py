"""The one output schema: the JSON shapes every front end prints.

The CLI's ``--json/--nl/--csv`` and the web API print these objects with
these field names, and nothing else: a fact-checker's script written against
``quotes search --json`` works against ``/api/search`` too. Services build
them (``quotes.services.statements``, ``search``, ``speakers`` ...); front
ends only choose which to print and pass them through ``to_json``.

Conventions: an id is ``<entity>_id``; dates are ISO ``YYYY-MM-DD``
(timestamps ISO 8601 with their zone); a missing value is an explicit null.
The README's "JSON schema" section documents each shape; a test checks the
commands' output against ``FIELDS`` so the two cannot drift.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from enum import Enum
from typing import Any, TypedDict


class StatementJSON(TypedDict):
    """One statement: what was said, by whom, first when, and how widely printed."""

    statement_id: int
    speaker_id: int | None
    speaker: str | None
    text: str
    kind: str
    first_said_on: dt.date | None
    date_precision: str
    # Printings: each article that quotes it and each reprint of such an article,
    # once however often the article quotes it; the number of schema.org
    # ``appearance``s of its ``Claim`` (``quotes export``). The statement page's
    # ``appearances`` list each quote in each printing, so an article quoting it
    # twice is one printing there with two wordings.
    appearance_count: int
    outlet_count: int
    outlets: list[str]
    topics: list[str]


class SearchHitJSON(StatementJSON):
    score: float  # 0-1, the blend of wording and full-text similarity
    matched: list[str]  # the query's words found in the statement's text


class AppearanceJSON(TypedDict):
    """One quote as printed: in its article, or in a reprint of the article."""

    quote_id: int
    statement_id: int
    article_id: int
    outlet: str | None
    url: str | None
    origin: str | None  # the file or stream it was read from, where there is no URL
    published_on: dt.date | None
    said_on: dt.date | None
    date_precision: str
    text: str
    speaker_mention: str | None
    match_method: str | None
    match_score: float | None
    reprint: bool


class StanceJSON(TypedDict):
    statement_id: int
    topic: str
    stance: str
    status: str  # "suggested" (a rule's) or "confirmed" (a person's)
    set_by: str | None  # the person, where one confirmed it
    rule: str | None  # the rule's trigger word, where a rule suggested it
    updated_at: dt.datetime | None


class StanceListingJSON(StanceJSON):
    """``stance list``: each stance with the statement it is on."""

    speaker: str | None
    first_said_on: dt.date | None
    text: str


class OperationJSON(TypedDict):
    """One entry of the change log.

    ``id`` is what ``quotes undo`` takes, always a string: the operation's
    number ("12"), or for an automatic join on import, which stays in the
    merge log, "m" and the merge-log row's number ("m34"). Of ``operation_id``
    and ``merge_id`` exactly one is set.
    """

    id: str
    operation_id: int | None
    merge_id: int | None
    action: str
    entity: str
    actor: str  # "rule" or "person"
    who: str | None
    method: str | None
    score: float | None
    summary: str
    created_at: dt.datetime | None
    undone_at: dt.datetime | None


class StatementDetailJSON(StatementJSON):
    appearances: list[AppearanceJSON]
    stances: list[StanceJSON]
    log: list[OperationJSON]


class WhoJSON(StatementDetailJSON):
    """``quotes who``: the best hit, with every appearance."""

    score: float
    matched: list[str]


class RoleJSON(TypedDict):
    role: str
    first_seen: dt.date | None
    last_seen: dt.date | None


class SpeakerJSON(TypedDict):
    speaker_id: int
    name: str
    kind: str
    aliases: list[str]
    roles: list[RoleJSON]
    affiliation: str | None
    authority_id: str | None
    same_as: list[str]
    statement_count: int
    quote_count: int


class SpeakerDetailJSON(SpeakerJSON):
    """``speakers show`` and the speaker page: quotes counted by outlet too."""

    quotes_by_outlet: dict[str, int]


class TimelineEntryJSON(StatementJSON):
    """A statement on one topic in a speaker's timeline (one entry per topic it is on)."""

    topic: str | None
    stance: str | None
    status: str | None
    change: bool  # the position differs from the previous statement's on the topic


class MergeSuggestionJSON(TypedDict):
    suggestion_id: int
    quote_id: int
    statement_id: int
    speaker: str | None
    score: float
    method: str
    quote_text: str
    statement_text: str
    status: str


class TopicJSON(TypedDict):
    topic_id: int
    name: str
    parent: str | None
    keywords: list[str]
    statement_count: int  # tagged with the topic or a topic below it
    tagged_count: int  # tagged with the topic itself


class ImportResultJSON(TypedDict):
    source: str
    status: str
    article_id: int | None
    quote_count: int
    error: str | None


def fields(shape: type) -> list[str]:
    """A shape's field names in order (inherited ones first)."""
    # A TypedDict's annotations hold its bases' fields first, then its own.
    return list(shape.__annotations__)


# Each shape by the name the README gives it.
SHAPES: dict[str, type] = {
    "statement": StatementJSON,
    "search hit": SearchHitJSON,
    "statement detail": StatementDetailJSON,
    "who answer": WhoJSON,
    "appearance": AppearanceJSON,
    "stance": StanceJSON,
    "stance listing": StanceListingJSON,
    "operation": OperationJSON,
    "speaker": SpeakerJSON,
    "speaker detail": SpeakerDetailJSON,
    "role": RoleJSON,
    "timeline entry": TimelineEntryJSON,
    "merge suggestion": MergeSuggestionJSON,
    "topic": TopicJSON,
    "import result": ImportResultJSON,
}
FIELDS: dict[str, list[str]] = {name: fields(shape) for name, shape in SHAPES.items()}


# Values that are JSON as they are; checked by exact type first (a str enum is
# not a str here), as a timeline or an export is hundreds of thousands of them.
_PLAIN = frozenset({str, int, float, bool, type(None)})


def to_json(value: Any) -> Any:
    """A shape (or anything of them) as plain JSON values: ISO dates, enum values."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is dict:
        return {str(k): to_json(v) for k, v in value.items()}
    if kind is list:
        return [to_json(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [to_json(v) for v in value]
    return value


def dumps(value: Any) -> str:
    """``json.dumps(to_json(value))`` in one pass: the encoder (in C) meets a date
    or an enum only where one is, instead of every value being copied first; what
    a web API returns of a timeline is thousands of values."""
    return json.dumps(
        value, default=_plain, ensure_ascii=False, allow_nan=False, separators=(",", ":")
    )


def _plain(value: Any) -> Any:
    """What ``json`` cannot encode by itself, as ``to_json`` gives it."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(k): v for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not part of the JSON schema")
