"""Four ``quotes import`` processes on overlapping articles, into one database:
every speaker, statement and article is stored once, and the database holds
what one importer alone would have stored (compared by content, not ids)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from quotes.services.importing import import_articles
from quotes.storage.database import Database, open_database
from tests.concurrent_corpus import PEOPLE, import_command, write_corpus
from tests.contents import contents, duplicates

IMPORTERS = 4


def test_four_importers_store_each_speaker_statement_and_article_once(
    database: Database, database_url: str, tmp_path: Path
) -> None:
    paths = write_corpus(tmp_path / "news")
    # Each importer takes three quarters of the articles, from its own starting point.
    share = len(paths) * 3 // 4
    runs = [
        subprocess.Popen(
            import_command(database_url, *(paths * 2)[start : start + share]),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for start in range(0, len(paths), len(paths) // IMPORTERS)
    ]
    summaries = []
    for run in runs:
        out, err = run.communicate(timeout=600)
        assert run.returncode == 0, err
        summaries.append(json.loads(out))
    assert sum(s["new"] for s in summaries) == len(paths)
    assert sum(s["failed"] for s in summaries) == 0

    together = contents(database)
    assert duplicates(together["articles"]) == []
    assert duplicates(together["speakers"]) == []
    assert len(together["speakers"]) == len(PEOPLE)
    same_wording = [(s[0], s[1]) for s in together["statements"]]
    assert duplicates(same_wording) == []

    with open_database(str(tmp_path / "alone.db")) as alone:
        results = list(import_articles(alone, paths))
        assert sum(r.quotes for r in results) == 2 * len(paths)
        assert together == contents(alone)
