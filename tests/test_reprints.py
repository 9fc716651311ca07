"""Wire copy printed by several outlets: one article, every place it was printed a source.

Runs on SQLite and PostgreSQL, with the real extractor.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import func, select

from quotes.services.dedupe import dedupe_statements
from quotes.services.export import export_statements, to_claim
from quotes.services.importing import ImportStatus, import_articles
from quotes.services.search import search_statements, who_said
from quotes.services.speakers import find_speaker, speaker_profile
from quotes.storage.database import Database
from quotes.storage.models import Article, Quote, Reprint

STORY = (
    "The harbour authority will reopen the northern pier on Friday, its director said.\n\n"
    '"Nobody will fish from the northern pier before the inspectors sign off," '
    "harbour director Mira Szabo told reporters on Tuesday."
)
SAID = "Nobody will fish from the northern pier before the inspectors sign off"


def _feed(path: Path, *items: dict[str, str]) -> str:
    path.write_text("".join(json.dumps({"text": STORY, **item}) + "\n" for item in items))
    return str(path)


def _count(database: Database, model: type) -> int:
    with database.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_the_same_story_at_other_urls_is_kept_as_reprints(
    database: Database, tmp_path: Path
) -> None:
    feed = _feed(
        tmp_path / "feed.jsonl",
        {"url": "https://wire.example/pier", "outlet": "Wire One", "published": "2026-03-03"},
        {"url": "https://daily.example/pier", "outlet": "Daily Two", "published": "2026-03-04"},
        {"url": "https://times.example/pier", "published": "2026-03-05"},
    )
    results = list(import_articles(database, [feed]))
    assert [r.status for r in results] == [
        ImportStatus.NEW,
        ImportStatus.REPRINT,
        ImportStatus.REPRINT,
    ]
    assert len({r.article_id for r in results}) == 1
    # The quotes are stored once; the places it was printed, three times.
    assert (_count(database, Article), _count(database, Reprint)) == (1, 2)
    assert _count(database, Quote) == results[0].quotes

    with database.session() as session:
        answer = who_said(session, "nobody will fish from the pier")
        assert answer is not None and answer["speaker"] == "Mira Szabo"
        assert [
            (s["outlet"], str(s["published_on"]), s["url"], s["reprint"])
            for s in answer["appearances"]
        ] == [
            ("Wire One", "2026-03-03", "https://wire.example/pier", False),
            ("Daily Two", "2026-03-04", "https://daily.example/pier", True),
            ("times.example", "2026-03-05", "https://times.example/pier", True),
        ]
        hits = search_statements(session, "nobody will fish from the pier")
        assert hits[0]["outlets"] == ["Daily Two", "Wire One", "times.example"]
        assert hits[0]["appearance_count"] == 3
        # Filtering by an outlet that only reprinted the story finds it too.
        assert (
            search_statements(session, "fish from the pier", outlet="Daily Two")[0]["statement_id"]
            == answer["statement_id"]
        )
        profile = speaker_profile(session, find_speaker(session, "Mira Szabo"))
        assert profile.quotes_by_outlet == {"Wire One": 1, "Daily Two": 1, "times.example": 1}
        (item,) = [i for i in export_statements(session) if SAID in i["text"]]
    claim = to_claim(item)
    assert [a["url"] for a in claim["appearance"]] == [
        "https://wire.example/pier",
        "https://daily.example/pier",
        "https://times.example/pier",
    ]
    assert claim["firstAppearance"]["url"] == "https://wire.example/pier"


def test_reimporting_reprints_changes_nothing(database: Database, tmp_path: Path) -> None:
    feed = _feed(
        tmp_path / "feed.jsonl",
        {"url": "https://wire.example/pier"},
        {"url": "https://daily.example/pier"},
    )
    list(import_articles(database, [feed]))
    again = list(import_articles(database, [feed]))
    assert [r.status for r in again] == [ImportStatus.UNCHANGED, ImportStatus.UNCHANGED]
    assert (_count(database, Article), _count(database, Reprint)) == (1, 1)


def test_files_without_urls_are_reprints_by_outlet(database: Database, tmp_path: Path) -> None:
    (tmp_path / "pier.txt").write_text(f"date 2026-03-03 Pier\n\n{STORY}\n")
    path = str(tmp_path / "pier.txt")
    statuses = [
        next(iter(import_articles(database, [path], outlet=outlet))).status
        for outlet in ("Wire One", "Wire One", "Daily Two", "Daily Two", None)
    ]
    assert statuses == [
        ImportStatus.NEW,
        ImportStatus.UNCHANGED,
        ImportStatus.REPRINT,
        ImportStatus.UNCHANGED,
        ImportStatus.UNCHANGED,
    ]
    assert _count(database, Reprint) == 1


def test_a_reprint_goes_with_its_article(database: Database, tmp_path: Path) -> None:
    feed = _feed(
        tmp_path / "feed.jsonl",
        {"url": "https://wire.example/pier"},
        {"url": "https://daily.example/pier"},
    )
    list(import_articles(database, [feed]))
    with database.session() as session:
        session.delete(session.scalars(select(Article)).one())
        session.commit()
    assert (_count(database, Article), _count(database, Reprint)) == (0, 0)


def test_update_reextracts_an_article_from_its_own_source_only(
    database: Database, tmp_path: Path
) -> None:
    feed = _feed(
        tmp_path / "feed.jsonl",
        {"url": "https://wire.example/pier", "outlet": "Wire One"},
        {"url": "https://daily.example/pier", "outlet": "Daily Two"},
    )
    list(import_articles(database, [feed]))
    again = list(import_articles(database, [feed], update=True))
    assert [r.status for r in again] == [ImportStatus.UPDATED, ImportStatus.UNCHANGED]
    with database.session() as session:
        article = session.scalars(select(Article)).one()
        # The copy did not overwrite what the article's own source said.
        assert article.url == "https://wire.example/pier"
        assert article.outlet is not None and article.outlet.name == "Wire One"
    assert _count(database, Reprint) == 1
    # A file read again with the outlet it was stored under is re-extracted, not a reprint.
    (tmp_path / "pier.txt").write_text(f"date 2026-03-03 Pier\n\n{STORY} Later.\n")
    path = str(tmp_path / "pier.txt")
    statuses = [
        next(iter(import_articles(database, [path], outlet="Wire One", update=update))).status
        for update in (False, True)
    ]
    assert statuses == [ImportStatus.NEW, ImportStatus.UPDATED]


def test_a_reprint_page_that_changed_becomes_its_own_article_on_update(
    database: Database, tmp_path: Path
) -> None:
    feed = _feed(
        tmp_path / "feed.jsonl",
        {"url": "https://wire.example/pier"},
        {"url": "https://daily.example/pier"},
    )
    list(import_articles(database, [feed]))
    changed = tmp_path / "changed.jsonl"
    changed.write_text(
        json.dumps({"text": STORY + " The pier reopened.", "url": "https://daily.example/pier"})
        + "\n"
    )
    (kept,) = import_articles(database, [str(changed)])
    assert kept.status is ImportStatus.UNCHANGED
    (updated,) = import_articles(database, [str(changed)], update=True)
    assert updated.status is ImportStatus.NEW
    assert (_count(database, Article), _count(database, Reprint)) == (2, 0)


def test_a_reprint_printed_earlier_moves_the_first_date(database: Database, tmp_path: Path) -> None:
    story = "The northern pier will stay shut until the inspectors sign off, Mira Szabo said."
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"text": story, "url": "https://daily.example/pier", "published": "2026-03-05"})
        + "\n"
        + json.dumps({"text": story, "url": "https://wire.example/pier", "published": "2026-03-02"})
        + "\n"
    )
    results = list(import_articles(database, [str(feed)]))
    assert [r.status for r in results] == [ImportStatus.NEW, ImportStatus.REPRINT]
    # The statement has no date of its own: it was said by the day it was
    # first printed, which the later import (a wire copy) shows is earlier.
    with database.session() as session:
        answer = who_said(session, "pier will stay shut until the inspectors sign off")
        assert answer is not None and answer["speaker"] == "Mira Szabo"
        assert (str(answer["first_said_on"]), answer["date_precision"]) == (
            "2026-03-02",
            "reported",
        )
        dedupe_statements(session)
    with database.session() as session:
        answer = who_said(session, "pier will stay shut until the inspectors sign off")
        assert answer is not None and str(answer["first_said_on"]) == "2026-03-02"
    # Re-extracting the stored copy keeps what its reprint showed.
    original = tmp_path / "original.jsonl"
    original.write_text(feed.read_text().splitlines()[0] + "\n")
    (updated,) = import_articles(database, [str(original)], update=True)
    assert updated.status is ImportStatus.UPDATED
    with database.session() as session:
        answer = who_said(session, "pier will stay shut until the inspectors sign off")
        assert answer is not None and str(answer["first_said_on"]) == "2026-03-02"
