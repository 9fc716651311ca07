"""What every route shares: the database, templates, CSRF tokens, filters.

Routes are thin: they read the request, call the library (``quotes.services``)
inside one transaction (read-only for pages), and render. Nothing here
builds a query.
"""

from __future__ import annotations

import datetime as dt
import functools
import hmac
import re
import secrets
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from quotes.extract.model import QuoteKind
from quotes.match.wording_diff import word_diff
from quotes.storage.database import Database
from quotes.storage.operations import acting_as

HERE = Path(__file__).parent
CSRF_COOKIE = "quotes_csrf"
CSRF_FIELD = "csrf_token"
WHO_COOKIE = "quotes_who"
FILTERS = ("speaker", "outlet", "topic", "kind", "since", "until")


def mark_words(text: str, matched: Sequence[str]) -> Markup:
    """``text`` escaped, with the matched query words in ``<mark>``."""
    words = [w for w in matched if w]
    if not words:
        return escape(text)
    alternatives = "|".join(
        rf"\b{re.escape(w)}\b" if w.isalnum() else re.escape(w)
        for w in sorted(words, key=len, reverse=True)
    )
    pieces = re.split(f"({alternatives})", text, flags=re.IGNORECASE)
    return Markup("").join(
        Markup("<mark>{}</mark>").format(piece) if index % 2 else escape(piece)
        for index, piece in enumerate(pieces)
    )


def diff_markup(base: str, other: str) -> Markup:
    """``other`` against ``base`` word by word: dropped words struck, added ones marked."""
    tags = {"same": "span", "del": "del", "ins": "ins"}
    return Markup("").join(
        Markup("<{0}>{1}</{0}>").format(Markup(tags[op]), text)
        for op, text in word_diff(base, other)
    )


# Autoescape everything (HTML and the inlined SVG): names, wordings and URLs
# come from articles anyone could have written.
templates = Jinja2Templates(
    env=Environment(
        loader=FileSystemLoader(str(HERE / "templates")), autoescape=True, auto_reload=False
    )
)
templates.env.filters["mark_words"] = mark_words
templates.env.globals["diff_markup"] = diff_markup


def inline(
    endpoint: Callable[[Request], Response],
) -> Callable[[Request], Awaitable[Response]]:
    """A page that only reads, run start to finish in the worker's event loop,
    one at a time, on either backend.

    Python runs one thread at a time: pages in threads take turns, so eight
    at once each take as long as all eight (and the switching costs CPU
    besides), and what a page's reader waits for is no longer its own work.
    One at a time, each takes its own time and the next waits its turn; the
    throughput comes from worker processes, not from threads sharing one
    (``default_workers`` in ``quotes.web.app`` says how many, and when more
    are worth it on PostgreSQL). Pages that write or stream (review, import)
    run in threads."""

    @functools.wraps(endpoint)
    async def run(request: Request) -> Response:
        return endpoint(request)

    return run


def database(request: Request) -> Database:
    found: Database = request.app.state.database
    return found


@contextmanager
def reading(request: Request) -> Iterator[Session]:
    """A read-only transaction: pages never write, and on SQLite never wait for a writer."""
    with database(request).session(read_only=True) as session:
        yield session


@contextmanager
def writing(request: Request) -> Iterator[Session]:
    """A write transaction, only on a server started with ``--edit``, its changes
    logged as made by the person named in the page."""
    require_edit(request)
    person = who(request)
    with database(request).session() as session:
        acting_as(session, person)
        yield session


def require_edit(request: Request) -> None:
    if not request.app.state.edit:
        raise HTTPException(403, "This server is read-only: start it with quotes serve --edit.")


def render(
    request: Request, template: str, context: dict[str, Any], status_code: int = 200
) -> Response:
    """A page, with the CSRF cookie set on first visit (double-submit: the
    same token is in the cookie and in each form)."""
    token = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)
    response: Response = templates.TemplateResponse(
        request,
        template,
        {
            "edit": request.app.state.edit,
            "who": request.cookies.get(WHO_COOKIE, ""),
            "csrf_token": token,
            **context,
        },
        status_code=status_code,
    )
    if request.cookies.get(CSRF_COOKIE) != token:
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict")
    return response


def check_csrf(request: Request, form: Any) -> None:
    """A POST must carry the token of its cookie: another site's form cannot read it."""
    cookie = request.cookies.get(CSRF_COOKIE, "")
    sent = form.get(CSRF_FIELD, "")
    if not cookie or not isinstance(sent, str) or not hmac.compare_digest(cookie, sent):
        raise HTTPException(403, "The form has expired or came from elsewhere: reload the page.")


def who(request: Request) -> str:
    """The person making a change, as they typed their name once."""
    name = request.cookies.get(WHO_COOKIE, "").strip()
    if not name:
        raise HTTPException(400, "Say who you are first (the name box at the top of the page).")
    return name


def parse_date(value: str | None, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(400, f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def search_filters(request: Request) -> dict[str, Any]:
    """The CLI's search filters from the query string; empty ones left out."""
    params = request.query_params
    found: dict[str, Any] = {}
    for name in ("speaker", "outlet", "topic"):
        value = params.get(name, "").strip()
        if value:
            found[name] = value
    kind = params.get("kind", "").strip()
    if kind:
        if kind not in {k.value for k in QuoteKind}:
            raise HTTPException(400, f"kind: {kind!r} is not direct or indirect")
        found["kind"] = kind
    for name in ("since", "until"):
        day = parse_date(params.get(name, "").strip(), name)
        if day is not None:
            found[name] = day
    return found


def limit_of(request: Request, default: int = 20, most: int = 100) -> int:
    raw = request.query_params.get("limit", "")
    if not raw:
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= most:
        raise HTTPException(400, f"limit: give a number from 1 to {most}")
    return int(raw)
