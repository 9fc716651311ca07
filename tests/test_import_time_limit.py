"""An article whose extraction runs too long fails alone; the import goes on."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner

from quotes.cli import cli
from quotes.extract.model import ExtractedQuote
from quotes.services.importing import ImportStatus, import_articles
from quotes.storage.database import Database
from tests.extract.test_long_text import run_on
from tests.import_helpers import PESKOV, counts, stub_extractor


def spinning_on_marker(text: str, published: dt.date | None) -> list[ExtractedQuote]:
    """The stand-in extractor, except that it never ends on a text holding SPIN."""
    while "SPIN" in text:
        pass
    return stub_extractor(text, published)


def test_a_slow_article_fails_alone(database: Database, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"A\nSPIN. {PESKOV}")
    (tmp_path / "b.txt").write_text(f"B\n{PESKOV}")
    results = list(
        import_articles(
            database,
            [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")],
            extractor=spinning_on_marker,
            article_timeout=0.2,
        )
    )
    assert [r.status for r in results] == [ImportStatus.FAILED, ImportStatus.NEW]
    assert results[0].error is not None
    assert results[0].error.startswith("extraction took longer than 0.2 s of CPU time (")
    assert counts(database) == (1, 1, 0)


def test_cli_article_timeout(database_url: str, database: Database, tmp_path: Path) -> None:
    (tmp_path / "endless.txt").write_text(run_on(300_000))
    (tmp_path / "wire.txt").write_text(f"date 2026-03-02 Kremlin rejects draft\n\n{PESKOV}\n")
    result = CliRunner().invoke(
        cli, ["--db", database_url, "import", "--article-timeout", "0.1", str(tmp_path)]
    )
    assert result.exit_code == 1, result.output
    (error,) = result.stderr.splitlines()
    assert error.startswith(
        f"Error: {tmp_path}/endless.txt: extraction took longer than 0.1 s of CPU time"
    )
    assert "--article-timeout" in error
    assert result.stdout.startswith("2 articles read: 1 new,")
    assert counts(database)[0] == 1
