"""``quotes serve``: the web app, on this machine only unless told otherwise."""

from __future__ import annotations

import ipaddress

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
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, edit: bool) -> None:
    """Search, statements, speakers and review in a browser, over the same library.

    Listens on 127.0.0.1 (this machine only) unless --host says otherwise;
    read-only unless --edit."""
    import uvicorn

    from quotes.web.app import create_app

    app = create_app(open_db_from_context(ctx), edit=edit)
    mode = "edits allowed (--edit)" if edit else "read-only"
    reach = "this machine only" if _loopback(host) else "REACHABLE FROM OTHER MACHINES"
    click.echo(f"quotes: serving http://{host}:{port}/ ({mode}; listening on {host}: {reach})")
    uvicorn.run(app, host=host, port=port, log_level="warning")
