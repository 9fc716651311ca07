"""quotes serve in a real browser: Debian's chromium driven by Playwright.

What a fact-checker does with only a browser: find who said a half-remembered
sentence and open it, read a speaker's timeline, confirm a merge and see it
in the log; and an article of hostile markup stays text. Screenshots of the
three main pages are saved under the test's folder and must not be blank.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quotes.storage.database import Database, open_database
from tests.browser import CHROMIUM, chromium, live_server, newsroom, pixel_spread
from tests.quote_fixtures import Said, publish
from tests.test_statements import DAY, PARAPHRASE, PESKOV, PESKOV_FULL, middle_band
from tests.test_web import HOSTILE_NAME, HOSTILE_OUTLET, HOSTILE_TEXT

pytestmark = pytest.mark.skipif(
    not os.access(CHROMIUM, os.X_OK), reason=f"no chromium at {CHROMIUM} (.ci/run installs it)"
)
# Below this a screenshot is one colour: a blank or failed page.
NOT_BLANK = 8.0


@pytest.fixture
def examples(tmp_path: Path) -> Iterator[Database]:
    database = open_database(str(tmp_path / "quotes.db"))
    newsroom(database)
    yield database
    database.close()


@pytest.fixture
def page() -> Iterator[Any]:
    with chromium() as opened:
        dialogs: list[str] = []
        opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        opened.dialogs = dialogs
        yield opened


def shot(page: Any, folder: Path, name: str) -> Path:
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def test_find_a_half_remembered_sentence_and_read_the_speaker(
    examples: Database, page: Any, tmp_path: Path
) -> None:
    shots: list[Path] = []
    with live_server(examples) as base:
        page.goto(base + "/")
        # Typed, not submitted: the results come as one types (htmx).
        page.fill("#q", "text written without us cannot be the basis")
        page.wait_for_selector("li.hit")
        first = page.locator("li.hit").first
        assert "Dmitry Peskov" in first.inner_text()
        assert first.locator("mark").count() >= 3
        assert "/search?q=" in page.url  # the results have an address anyone can open
        shots.append(shot(page, tmp_path, "search"))

        first.locator("blockquote a").click()
        page.wait_for_selector("table.appearances")
        assert "/statements/" in page.url
        rows = page.locator("table.appearances tbody tr")
        assert rows.count() >= 1 and "written without us" in rows.first.inner_text()
        assert "first said 2026-03-02" in page.locator("p.meta").first.inner_text()
        shots.append(shot(page, tmp_path, "statement"))

        page.locator("p.meta a.speaker").first.click()
        page.wait_for_selector("svg.timeline")
        marks = page.locator("svg.timeline a.mark")
        assert marks.count() >= 3
        box = page.locator("svg.timeline").bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 50
        assert page.locator("svg.timeline text.topic").first.text_content() == "ceasefire"
        shots.append(shot(page, tmp_path, "speaker"))
        # Without JavaScript the same search is a page of its own.
        page.goto(base + "/search?q=written+without+us", wait_until="domcontentloaded")
        assert page.locator("li.hit").count() >= 1
    for path in shots:
        assert pixel_spread(page, path) > NOT_BLANK, f"{path.name} looks blank"
    assert page.dialogs == []


def test_accept_a_suggestion_and_see_it_in_the_log(tmp_path: Path, page: Any) -> None:
    database = open_database(str(tmp_path / "review.db"))
    band = middle_band(PARAPHRASE, PESKOV_FULL)
    publish(database, "Wire One", DAY, Said(PESKOV_FULL, PESKOV))
    publish(database, "Daily Two", DAY, Said(PARAPHRASE, PESKOV), **band)
    try:
        with live_server(database, edit=True) as base:
            page.goto(base + "/review")
            assert page.locator("table.suggestions tbody tr").count() == 1
            page.fill("form.who input[name=who]", "R. Editor")
            page.click("form.who button")
            page.wait_for_load_state()
            page.click("table.suggestions button[value=accept]")
            page.wait_for_selector("p.done")
            assert "accepted by R. Editor" in page.locator("p.done").inner_text()
            assert "No merge waits" in page.content()
            page.goto(base + "/search?q=" + "negotiations Istanbul security")
            page.locator("li.hit blockquote a").first.click()
            page.wait_for_selector("table.log")
            log = page.locator("table.log").inner_text()
            assert "R. Editor" in log and "merge" in log
            assert "Daily Two" in page.locator("table.appearances").inner_text()
            assert "Wire One" in page.locator("table.appearances").inner_text()
    finally:
        database.close()


def test_the_hostile_article_renders_as_text(tmp_path: Path, page: Any) -> None:
    database = open_database(str(tmp_path / "hostile.db"))
    publish(database, HOSTILE_OUTLET, DAY, Said(HOSTILE_TEXT, HOSTILE_NAME))
    try:
        with live_server(database) as base:
            page.goto(base + "/search?q=harbour+meeting+jetty")
            hit = page.locator("li.hit").first
            assert "<script>alert('x')</script>" in hit.inner_text()
            hit.locator("blockquote a").click()
            page.wait_for_selector("table.appearances")
            assert "<img src=x onerror=alert(1)>" in page.locator("blockquote.said").inner_text()
            assert "Gazette <script>" in page.locator("table.appearances").inner_text()
            page.locator("p.meta a.speaker").first.click()
            page.wait_for_selector("svg.timeline")
            assert "Ivo Marsh" in page.locator("h1").inner_text()
            # No element was made from the article: no image, no script but ours.
            assert page.locator("img").count() == 0
            assert page.locator("script").count() == 1
    finally:
        database.close()
    assert page.dialogs == []
