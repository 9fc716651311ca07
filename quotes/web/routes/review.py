"""Review: what the machine suggests, confirmed or refused by a person.

Merge suggestions side by side, stance suggestions, speaker merge and split.
Writes only on a server started with ``--edit``; each POST carries the CSRF
token and the name of the person, and goes through the library's logged
functions.
"""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from quotes.errors import QuotesError
from quotes.services.merging import accept_suggestion, list_suggestions, reject_suggestion
from quotes.services.speakers import find_speaker, merge_speakers, split_speaker
from quotes.services.stance import confirm_stance, list_stances
from quotes.web.common import WHO_COOKIE, check_csrf, reading, render, require_edit, who, writing

_SHOWN = 100


def review_page(request: Request) -> Response:
    with reading(request) as session:
        suggestions = list_suggestions(session, limit=_SHOWN)
        stances = list_stances(session, suggested_only=True, limit=_SHOWN)
    return render(
        request,
        "review.html",
        {
            "suggestions": suggestions,
            "stances": stances,
            "done": request.query_params.get("done", ""),
        },
    )


def _back(message: str) -> Response:
    return RedirectResponse("/review?" + urlencode({"done": message}), status_code=303)


async def _form(request: Request) -> dict[str, str]:
    require_edit(request)
    form = await request.form(max_files=0, max_fields=20, max_part_size=64 * 1024)
    check_csrf(request, form)
    return {key: value for key, value in form.items() if isinstance(value, str)}


async def set_who(request: Request) -> Response:
    """The person's name, typed once and kept in a cookie; every change records it."""
    form = await _form(request)
    name = form.get("who", "").strip()[:200]
    if not name:
        raise HTTPException(400, "who: type your name")
    back = form.get("next", "")
    # Only a path of this site: "//host" or "/\\host" would send the person elsewhere.
    if not back.startswith("/") or back.startswith(("//", "/\\")):
        back = "/review"
    response = RedirectResponse(back, status_code=303)
    response.set_cookie(WHO_COOKIE, name, httponly=True, samesite="strict")
    return response


async def accept(request: Request) -> Response:
    await _form(request)
    person = who(request)
    suggestion_id = request.path_params["suggestion_id"]
    with writing(request) as session:
        done = accept_suggestion(session, suggestion_id)
    moved = len(done.moved_quotes)
    return _back(
        f"Suggestion {suggestion_id} accepted by {person}: "
        f"{moved} {'quote' if moved == 1 else 'quotes'} merged into statement {done.statement_id}."
    )


async def reject(request: Request) -> Response:
    await _form(request)
    person = who(request)
    suggestion_id = request.path_params["suggestion_id"]
    with writing(request) as session:
        reject_suggestion(session, suggestion_id)
    return _back(f"Suggestion {suggestion_id} rejected by {person}.")


async def confirm(request: Request) -> Response:
    form = await _form(request)
    person = who(request)
    statement_id = request.path_params["statement_id"]
    topic = form.get("topic", "")
    with writing(request) as session:
        row = confirm_stance(session, statement_id, topic, by=person)
        stance = row.stance.value
    return _back(f"Statement {statement_id} {stance} ({topic}) confirmed by {person}.")


async def merge(request: Request) -> Response:
    form = await _form(request)
    person = who(request)
    with writing(request) as session:
        keep = find_speaker(session, form.get("keep", ""))
        other = find_speaker(session, form.get("other", ""))
        name = other.name
        operation = merge_speakers(session, keep, other)
        message = f"{name} merged into {keep.name} by {person} (operation {operation})."
    return _back(message)


async def split(request: Request) -> Response:
    form = await _form(request)
    person = who(request)
    aliases = [a.strip() for a in form.get("aliases", "").split(",") if a.strip()]
    if not aliases:
        raise QuotesError("aliases: name at least one alias to move")
    with writing(request) as session:
        source = find_speaker(session, form.get("speaker", ""))
        new = split_speaker(session, source, aliases, form.get("name", "").strip() or None)
        message = f"{new.name} (speaker {new.id}) split from {source.name} by {person}."
    return _back(message)


routes = [
    Route("/review", review_page),
    Route("/who", set_who, methods=["POST"]),
    Route("/review/suggestions/{suggestion_id:int}/accept", accept, methods=["POST"]),
    Route("/review/suggestions/{suggestion_id:int}/reject", reject, methods=["POST"]),
    Route("/review/stances/{statement_id:int}/confirm", confirm, methods=["POST"]),
    Route("/review/speakers/merge", merge, methods=["POST"]),
    Route("/review/speakers/split", split, methods=["POST"]),
]
