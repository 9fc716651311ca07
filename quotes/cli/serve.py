"""``quotes serve``: the web app, on this machine only unless told otherwise."""

from __future__ import annotations

import ipaddress
import os

import click

from quotes.cli.context import open_db_from_context


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--edit", is_flag=True, help="Allow review decisions and imports (read-only without)."
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=None,
    help="Processes serving pages side by side, each one page at a time [default: one per "
    "CPU core; with PostgreSQL on another machine, try 2 x cores + 1].",
)
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, edit: bool, workers: int | None) -> None:
    """Search, statements, speakers and review in a browser, over the same library.

    Listens on 127.0.0.1 (this machine only) unless --host says otherwise;
    read-only unless --edit. Each worker process serves its pages one at a
    time, so a page takes its own time; by default there is one per CPU
    core. A worker waiting for a PostgreSQL server on another machine leaves
    its core idle: there more workers (2 x cores + 1) keep the cores busy."""
    import uvicorn

    from quotes.web.app import SERVE_DATABASE, SERVE_EDIT, default_workers

    # Created or upgraded here, once; each worker opens it as it is.
    database = open_db_from_context(ctx)
    os.environ[SERVE_DATABASE] = database.url.render_as_string(hide_password=False)
    os.environ[SERVE_EDIT] = "1" if edit else ""
    if workers is None:
        workers = default_workers()
    mode = "edits allowed (--edit)" if edit else "read-only"
    reach = "this machine only" if _loopback(host) else "REACHABLE FROM OTHER MACHINES"
    processes = f", {workers} worker processes" if workers > 1 else ""
    click.echo(
        f"quotes: serving http://{host}:{port}/ ({mode}{processes}; listening on {host}: {reach})"
    )
    uvicorn.run(
        "quotes.web.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )
