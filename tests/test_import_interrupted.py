"""A ``quotes import`` killed with SIGKILL half way leaves a consistent
database, and running it again completes the job without duplicates."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, func, select, text

from quotes.services.importing import import_articles
from quotes.storage.database import Database, open_database
from quotes.storage.models import Article, Quote
from tests.import_helpers import sigkill_when

ARTICLES = 400
SPEAKERS = [
    ("Kremlin spokesman Dmitry Peskov", "Peskov"),
    ("Ukrainian President Volodymyr Zelensky", "Zelensky"),
    ("White House spokesman Daniel Brooks", "Brooks"),
    ("EU foreign policy chief Kaja Kallas", "Kallas"),
]
TOPICS = ["the ceasefire", "the Geneva summit", "the grain corridor", "prisoner exchanges"]


def write_articles(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        full, short = SPEAKERS[i % len(SPEAKERS)]
        topic = TOPICS[(i // len(SPEAKERS)) % len(TOPICS)]
        (folder / f"{i:04d}.txt").write_text(
            f"date 2026-03-{1 + i % 28:02d} Talks on {topic}, update {i}\n\n"
            f'"We discussed {topic} for the {i}th time and we will not give up," '
            f"{full} told reporters on Monday.\n\n"
            f"{short} said the next round on {topic} would start in week {i}.\n"
        )


def _import_command(database_url: str, folder: Path) -> list[str]:
    """``quotes import``, by the installed script when there is one."""
    script = Path(sys.executable).parent / "quotes"
    quotes = [str(script)] if script.exists() else [sys.executable, "-m", "quotes"]
    return [*quotes, "--db", database_url, "import", "--json", str(folder)]


def _plain_engine(database: Database):  # type: ignore[no-untyped-def]
    """An engine without the importer's BEGIN IMMEDIATE: a reader that never waits."""
    return create_engine(database.url)


def _count(engine, table: str) -> int:  # type: ignore[no-untyped-def]
    with engine.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_sigkill_mid_run_then_rerun(database: Database, database_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    write_articles(folder, ARTICLES)
    reader = _plain_engine(database)
    sigkill_when(
        _import_command(database_url, folder),
        lambda: _count(reader, "articles"),
        25,
        within=120,
    )
    killed_at = _count(reader, "articles")
    assert 0 < killed_at < ARTICLES, "the run was not interrupted half way"

    # Consistent: every stored article is complete, quotes and all.
    with database.session() as session:
        incomplete = session.scalar(
            select(func.count()).select_from(Article).where(Article.extracted_at.is_(None))
        )
        without_quotes = session.scalar(
            select(func.count())
            .select_from(Article)
            .where(~select(Quote.id).where(Quote.article_id == Article.id).exists())
        )
    assert (incomplete, without_quotes) == (0, 0)

    # Running it again completes the job; nothing is stored twice.
    rerun = subprocess.run(
        _import_command(database_url, folder), capture_output=True, text=True, timeout=300
    )
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert summary["read"] == ARTICLES and summary["failed"] == 0
    assert summary["unchanged"] == killed_at
    assert summary["new"] == ARTICLES - killed_at
    with database.session() as session:
        origins = session.scalars(select(Article.origin)).all()
        quotes = session.scalar(select(func.count()).select_from(Quote))
    assert len(origins) == len(set(origins)) == ARTICLES
    reader.dispose()

    # The same quotes as an import that was never interrupted.
    with open_database(str(tmp_path / "reference.db")) as reference:
        results = list(import_articles(reference, [str(folder)]))
    assert quotes == sum(r.quotes for r in results)
