"""Shared by the browser tests and docs/screenshots.py: a live ``quotes serve``
app on a free local port, the system's chromium driven by Playwright, and a
check that a screenshot shows something.

No browser is downloaded: Playwright drives Debian's ``chromium`` package
(``.ci/run`` installs it where it is missing).
"""

from __future__ import annotations

import base64
import datetime as dt
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn

from quotes.match.stance import Stance
from quotes.services import stance, topics
from quotes.services.importing import import_articles
from quotes.storage.database import Database
from quotes.web.app import create_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def live_server(database: Database, *, edit: bool = False) -> Iterator[str]:
    """The web app served on 127.0.0.1 in a thread; yields its base URL."""
    port = free_port()
    config = uvicorn.Config(
        create_app(database, edit=edit), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless chromium page (Playwright's sync API)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 800})
            yield page
        finally:
            browser.close()


def pixel_spread(page: Any, png: Path) -> float:
    """The standard deviation of the picture's grey levels (0-255): near 0 for a blank page.

    The browser decodes the PNG (a canvas reads its pixels), so no image
    library is needed.
    """
    encoded = base64.b64encode(png.read_bytes()).decode("ascii")
    page.set_content("<canvas></canvas>")
    spread: float = page.evaluate(
        """async (data) => {
            const image = new Image();
            image.src = "data:image/png;base64," + data;
            await image.decode();
            const canvas = document.querySelector("canvas");
            canvas.width = image.width; canvas.height = image.height;
            const context = canvas.getContext("2d");
            context.drawImage(image, 0, 0);
            const pixels = context.getImageData(0, 0, image.width, image.height).data;
            let sum = 0, squares = 0, n = 0;
            for (let i = 0; i < pixels.length; i += 4) {
                const grey = (pixels[i] + pixels[i + 1] + pixels[i + 2]) / 3;
                sum += grey; squares += grey * grey; n += 1;
            }
            const mean = sum / n;
            return Math.sqrt(squares / n - mean * mean);
        }""",
        encoded,
    )
    return spread


def newsroom(database: Database) -> None:
    """The example articles, a topic tagged by the rules and one stance a person set."""
    results = list(import_articles(database, [str(EXAMPLES)]))
    assert results and all(r.status.value == "new" for r in results), results
    with database.session() as session:
        topics.add_topic(session, "ceasefire", ["ceasefire", "truce", "draft", "agreement"])
        topics.apply_topics(session)
    with database.session() as session:
        rows = stance.list_stances(session)
        if rows:
            first = rows[0]
            stance.set_stance(
                session, first["statement_id"], first["topic"], Stance.OPPOSES, by="A. Editor"
            )


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
