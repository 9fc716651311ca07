"""A page nested deeper than the HTML parser's limit is read, whole, and nothing more."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from quotes.services.importing import ImportStatus, import_articles
from quotes.sources.deep_html import MAX_DEPTH, flatten, too_deep
from quotes.sources.html import parse_html
from quotes.storage.database import Database
from quotes.storage.models import Quote

FERRY = "“The ferry to Sandvik will run all winter,” the port director Mira Holst told reporters."
FARES = "She said the new timetable would start in March and that fares would not rise."
STORY = (
    f"<p>{FERRY}</p>"
    "<script>var tracker = 'this script is no part of the story';</script>"
    f"<p>{FARES}</p>"
)


def _page(depth: int, wrapper: str = "div", closed: bool = True) -> str:
    ends = f"</{wrapper}>" * depth if closed else ""
    return (
        "<html><head><title>Winter ferry</title></head><body>"
        f"{f'<{wrapper}>' * depth}{STORY}{ends}</body></html>"
    )


@pytest.mark.parametrize("depth", [255, 5_000])
def test_a_story_below_the_parsers_depth_limit_is_read(depth: int) -> None:
    article = parse_html(_page(depth), "deep.html")
    assert article.text == f"{FERRY}\n{FARES}"
    assert article.title == "Winter ferry"


@pytest.mark.parametrize(
    ("wrapper", "closed"), [("div", False), ("section", True), ("td", True), ("span", True)]
)
def test_other_deep_shapes_are_read(wrapper: str, closed: bool) -> None:
    article = parse_html(_page(3_000, wrapper, closed), "deep.html")
    assert FERRY in article.text and FARES in article.text
    assert "script" not in article.text


def test_only_pages_beyond_the_limit_are_rewritten() -> None:
    assert not too_deep(_page(200)) and too_deep(_page(255))
    flat = flatten(_page(5_000))
    assert not too_deep(flat)
    assert flat.count("<div>") == MAX_DEPTH - 2  # html and body are two of the levels
    assert f"<p>{FERRY}</p>" in flat and "<script>var tracker" in flat  # tags kept as tags
    # Entities and the text around tags come out as they went in.
    assert flatten("<p>A &amp; B &#8212; C</p>") == "<p>A &amp; B &#8212; C</p>"


def test_a_deep_page_is_imported_with_its_speaker(database: Database, tmp_path: Path) -> None:
    (tmp_path / "ferry.html").write_text(_page(255), encoding="utf-8")
    (result,) = import_articles(database, [tmp_path / "ferry.html"])
    assert result.status is ImportStatus.NEW and result.quotes >= 1, result.error
    with database.session() as session:
        quote = session.scalars(select(Quote).where(Quote.text.contains("Sandvik"))).one()
        assert quote.speaker is not None and quote.speaker.name == "Mira Holst"
