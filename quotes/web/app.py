"""``quotes serve``: the newsroom in a browser, over the same library as the CLI.

``create_app`` builds the Starlette application for one open database.
Pages run in read-only transactions; the review and import pages write only
when the app is made with ``edit=True``. No error reaches a page as a stack
trace: unknown ids are 404, bad input 400 with the reason, anything else a
plain 500 page (the trace goes to the server's log).
"""

from __future__ import annotations

import logging
import os

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from quotes.errors import NotFoundError, QuotesError
from quotes.storage.database import Database, open_database
from quotes.web.common import HERE, render
from quotes.web.routes import api, imports, pages, review

log = logging.getLogger("quotes.web")
# How ``quotes serve`` tells each worker process what to serve.
SERVE_DATABASE = "QUOTES_SERVE_DATABASE"
SERVE_EDIT = "QUOTES_SERVE_EDIT"


def default_workers() -> int:
    """How many worker processes ``quotes serve`` starts unless told: one per core.

    Each worker runs its pages one at a time (``quotes.web.common.inline``),
    so a page's server time is its own work. On SQLite that work is Python's,
    and one worker a core keeps every core busy. On PostgreSQL a worker also
    waits for the server's answers; when the server runs on the same cores,
    that wait is its work on them, and more workers only share them more
    finely: measured with ``benchmarks/bench_web.py`` at 1,000,000
    statements on 2 cores, 3 or 5 workers served fewer pages a second than 2,
    each page slower and dearer in CPU. A PostgreSQL server on a machine of
    its own leaves the cores idle while pages wait; there ``--workers`` twice
    the cores and one more is worth trying."""
    return os.cpu_count() or 1


def create_app(database: Database, *, edit: bool = False) -> Starlette:
    app = Starlette(
        routes=[
            *pages.routes,
            *api.routes,
            *review.routes,
            *imports.routes,
            Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
        ],
        exception_handlers={
            HTTPException: _http_error,
            NotFoundError: _not_found,
            QuotesError: _bad_request,
            Exception: _server_error,
        },
    )
    app.state.database = database
    app.state.edit = edit
    return app


def app_from_environment() -> Starlette:
    """The application of one worker process of ``quotes serve``: the database
    the command opened (and created or upgraded, once) before starting them,
    named in the environment it gave them. Each worker has its own connections."""
    database = open_database(os.environ[SERVE_DATABASE], upgrade=False)
    return create_app(database, edit=os.environ.get(SERVE_EDIT) == "1")


def _error(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message}, status_code=status)
    return render(request, "error.html", {"status": status, "message": message}, status)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = exc.detail if exc.status_code != 404 else "No such page."
    return _error(request, exc.status_code, message)


async def _not_found(request: Request, exc: Exception) -> Response:
    return _error(request, 404, str(exc))


async def _bad_request(request: Request, exc: Exception) -> Response:
    return _error(request, 400, str(exc))


async def _server_error(request: Request, exc: Exception) -> Response:
    log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    return _error(request, 500, "Something went wrong on the server; it is in the server's log.")
