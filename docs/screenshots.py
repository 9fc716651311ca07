"""Make the README's screenshots: the search page and a speaker's timeline.

    python docs/screenshots.py          # writes docs/search.png and docs/speaker-timeline.png

Imports the example articles into a throwaway database, serves the web app
on a free local port and photographs it with the system's chromium (the
same helpers the browser tests use).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotes.storage.database import open_database  # noqa: E402
from tests.browser import chromium, live_server, newsroom  # noqa: E402

QUERY = "a text written without us cannot be the basis"


def take(folder: Path) -> list[Path]:
    """Photograph the search page and the first result's speaker into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        database = open_database(str(Path(scratch) / "quotes.db"))
        try:
            newsroom(database)
            with live_server(database) as base, chromium() as page:
                search, timeline = folder / "search.png", folder / "speaker-timeline.png"
                page.goto(f"{base}/search?q={QUERY.replace(' ', '+')}")
                page.wait_for_selector("li.hit")
                page.screenshot(path=str(search))
                page.click("li.hit a.speaker")
                page.wait_for_selector("svg.timeline")
                page.screenshot(path=str(timeline))
                return [search, timeline]
        finally:
            database.close()


if __name__ == "__main__":
    for path in take(ROOT / "docs"):
        print(path.relative_to(ROOT))
