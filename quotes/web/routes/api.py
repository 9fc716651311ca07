"""JSON for scripts: the same objects, with the same field names, as the CLI's ``--json``."""

from __future__ import annotations

from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from quotes.services.export import export_statement, to_claim
from quotes.services.schema import dumps
from quotes.services.search import search_statements
from quotes.services.speakers import find_speaker, speaker_json
from quotes.services.statements import get_statement
from quotes.services.timeline import timeline_entries
from quotes.web.common import inline, limit_of, parse_date, reading, search_filters


def _json(value: Any, media_type: str = "application/json") -> Response:
    return Response(dumps(value), media_type=media_type)


@inline
def api_search(request: Request) -> Response:
    query = request.query_params.get("q", "")
    if not query.strip():
        raise HTTPException(400, "q: the search text is empty")
    filters = search_filters(request)
    with reading(request) as session:
        return _json(search_statements(session, query, limit=limit_of(request), **filters))


@inline
def api_statement(request: Request) -> Response:
    with reading(request) as session:
        return _json(get_statement(session, request.path_params["statement_id"]))


@inline
def api_claim(request: Request) -> Response:
    """The statement as a schema.org ``Claim`` in JSON-LD, as ``quotes export`` writes it."""
    with reading(request) as session:
        claim = to_claim(export_statement(session, request.path_params["statement_id"]))
    return _json(claim, media_type="application/ld+json")


@inline
def api_speaker(request: Request) -> Response:
    with reading(request) as session:
        speaker = find_speaker(session, str(request.path_params["speaker_id"]))
        return _json(speaker_json(session, speaker))


@inline
def api_timeline(request: Request) -> Response:
    params = request.query_params
    speaker = params.get("speaker", "").strip()
    if not speaker:
        raise HTTPException(400, "speaker: give a speaker's id or name")
    with reading(request) as session:
        entries = timeline_entries(
            session,
            speaker,
            topic=params.get("topic", "").strip() or None,
            since=parse_date(params.get("since"), "since"),
            until=parse_date(params.get("until"), "until"),
        )
    return _json(entries)


routes = [
    Route("/api/search", api_search),
    Route("/api/statements/{statement_id:int}.jsonld", api_claim),
    Route("/api/statements/{statement_id:int}", api_statement),
    Route("/api/speakers/{speaker_id:int}", api_speaker),
    Route("/api/timeline", api_timeline),
]
