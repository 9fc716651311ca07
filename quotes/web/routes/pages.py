"""The pages a person reads: search, a statement, a speaker."""

from __future__ import annotations

from collections import Counter
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from quotes.errors import NotFoundError
from quotes.services.schema import SearchHitJSON
from quotes.services.search import search_statements
from quotes.services.speakers import find_speaker, speakers_json
from quotes.services.statements import get_statement, list_statements
from quotes.services.timeline import timeline
from quotes.web.common import inline, limit_of, reading, render, search_filters
from quotes.web.svg import legend, timeline_svg


@inline
def search_page(request: Request) -> Response:
    """``/`` and ``/search?q=...``: the results are a page anyone can link to.
    An htmx request (typing in the box) gets the results alone."""
    query = request.query_params.get("q", "")
    filters = search_filters(request)
    hits: list[SearchHitJSON] = []
    problem = None
    status = 200
    if query.strip():
        try:
            with reading(request) as session:
                hits = search_statements(session, query, limit=limit_of(request), **filters)
        except NotFoundError as exc:  # an unknown speaker, topic or outlet in a filter
            problem, status = str(exc), 400
    shown = {k: request.query_params.get(k, "") for k in search_keys()}
    context: dict[str, Any] = {
        "query": query,
        "filters": shown,
        "hits": hits,
        "problem": problem,
        "facets": _facets(hits, {"q": query, **shown}),
    }
    partial = request.headers.get("HX-Request") == "true"
    return render(request, "_results.html" if partial else "search.html", context, status)


def search_keys() -> tuple[str, ...]:
    return ("speaker", "outlet", "topic", "kind", "since", "until")


def _facets(
    hits: list[SearchHitJSON], params: dict[str, str]
) -> dict[str, list[tuple[str, int, str]]]:
    """Speakers and outlets among the hits, most frequent first, each with the
    link that narrows the search to it."""
    counts = {
        "speaker": Counter(hit["speaker"] for hit in hits if hit["speaker"]),
        "outlet": Counter(outlet for hit in hits for outlet in hit["outlets"]),
    }
    return {
        name: [
            (value, count, "/search?" + urlencode({**params, name: value}))
            for value, count in counter.most_common(8)
        ]
        for name, counter in counts.items()
    }


@inline
def statement_page(request: Request) -> Response:
    statement_id = request.path_params["statement_id"]
    with reading(request) as session:
        statement = get_statement(session, statement_id)
    return render(request, "statement.html", {"statement": statement})


@inline
def speaker_page(request: Request) -> Response:
    speaker_id = request.path_params["speaker_id"]
    with reading(request) as session:
        (speaker,) = speakers_json(session, [find_speaker(session, str(speaker_id))])
        # The picture needs each statement's date, wording and positions, not its
        # printings: those are in the listing below, for the statements it shows.
        entries = timeline(session, str(speaker_id))
        statements = list_statements(session, speaker_id=speaker_id, limit=limit_of(request, 50))
    return render(
        request,
        "speaker.html",
        {
            "speaker": speaker,
            "timeline": timeline_svg(entries),
            "legend": legend(),
            "changes": [entry for entry in entries if entry.changed],
            "statements": statements,
        },
    )


routes = [
    Route("/", search_page),
    Route("/search", search_page),
    Route("/statements/{statement_id:int}", statement_page),
    Route("/speakers/{speaker_id:int}", speaker_page),
]
