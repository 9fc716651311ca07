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
    default=1,
    show_default=True,
    help="Processes serving pages side by side; one per CPU core serves a newsroom.",
)
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, edit: bool, workers: int) -> None:
    """Search, statements, speakers and review in a browser, over the same library.

    Listens on 127.0.0.1 (this machine only) unless --host says otherwise;
    read-only unless --edit. A page costs CPU time and one Python process
    uses one core: --workers starts several (one per core)."""
    import uvicorn

    from quotes.web.app import SERVE_DATABASE, SERVE_EDIT

    # Created or upgraded here, once; each worker opens it as it is.
    database = open_db_from_context(ctx)
    os.environ[SERVE_DATABASE] = database.url.render_as_string(hide_password=False)
    os.environ[SERVE_EDIT] = "1" if edit else ""
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
