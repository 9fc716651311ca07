"""``quotes extract FILE`` and ``quotes import FILE`` read a file the same way
(``quotes.sources``): the same quotes, at the same places, under the same name.

Extract prints offsets in the file where the text lies there whole (plain
text: the header or title line counts) and in the article's text otherwise;
import stores them in the article's text. The article's ``placement`` maps one
to the other.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import func, select

from quotes.cli import cli
from quotes.services.importing import import_articles
from quotes.sources import read_sources
from quotes.storage.database import open_database
from quotes.storage.models import Quote, Speaker
from tests.extract.test_rules_table import CASES
from tests.import_helpers import write_corpus

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


def _fixture_files(folder: Path) -> list[Path]:
    """The files of examples/, the import tests' corpus, and the rule cases as files."""
    files = sorted(EXAMPLES.iterdir())
    files += sorted(write_corpus(folder / "corpus").values())
    cases = folder / "cases"
    cases.mkdir()
    for number, (rule, text, _, _) in enumerate(CASES):
        path = cases / f"{number:02d}-{rule}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        files.append(path)
    return files


def _extracted(path: Path) -> list[tuple[int, int, str, str | None]]:
    result = CliRunner().invoke(cli, ["extract", "--format", "jsonl", str(path)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    return [(row["start"], row["end"], row["text"], row["speaker"]) for row in rows]


def _imported(tmp_path: Path, path: Path) -> list[tuple[int, int, str, str | None]]:
    """The quotes import stores, with their offsets placed in the file, and
    the name of the speaker each is filed under (a described speaker, filed
    under no one, keeps the name printed)."""
    (article, *more) = [
        item for item in read_sources([str(path)]) if not isinstance(item, Exception)
    ]
    database = open_database(str(tmp_path / f"{path.name}.db"))
    try:
        results = list(import_articles(database, [str(path)]))
        assert all(result.error is None for result in results), results
        with database.session() as session:
            rows = session.execute(
                select(
                    Quote.span_start,
                    Quote.span_end,
                    Quote.text,
                    func.coalesce(Speaker.name, Quote.speaker_name),
                )
                .outerjoin(Speaker, Quote.speaker_id == Speaker.id)
                .order_by(Quote.span_start, Quote.id)
            ).all()
    finally:
        database.close()
    placed = []
    for start, end, text, name in rows:
        if article.placement is not None and not more:
            start, end = article.placement.span_in_document(start, end)
        placed.append((start, end, text, name))
    return placed


def test_extract_and_import_agree_on_every_example_and_fixture(tmp_path: Path) -> None:
    files = _fixture_files(tmp_path)
    assert len(files) > len(CASES) + 5
    for path in files:
        extracted, imported = sorted(_extracted(path)), sorted(_imported(tmp_path, path))
        if len(list(read_sources([str(path)]))) > 1:
            # A feed: import names a later article's "Peskov" after the Dmitry
            # Peskov of an earlier one; extract reads each article on its own.
            extracted = [(*row[:3], None) for row in extracted]
            imported = [(*row[:3], None) for row in imported]
        assert extracted == imported, path.name
    # The rule cases are text files without a header: each quote's offsets
    # are where its words stand in the file.
    for path in files[-len(CASES) :]:
        content = path.read_text(encoding="utf-8")
        for start, end, text, _ in _extracted(path):
            # (a quote in pieces is their words joined: its ends are the file's)
            assert content[start : start + 8] == text[:8], (path.name, text)
            assert content[end - 4 : end] == text[-4:], (path.name, text)
