"""A resumed import stores what a clean one stores: a quote that fits two
statements equally well joins the same one whether the statements come from
the run's own memory or from the database (the lower statement id)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from sqlalchemy import Engine, create_engine, func, select
from sqlalchemy.orm import Session

from quotes.services.importing import import_articles
from quotes.storage.database import Database, open_database
from quotes.storage.models import Article
from tests.concurrent_corpus import PEOPLE, import_command
from tests.contents import contents
from tests.import_helpers import sigkill_when

PROJECTS = ["tram line", "ferry pier", "flood wall", "bus depot", "cycle bridge", "water plant"]


def write_ties(folder: Path, people: int) -> list[Path]:
    """Per person: a claim "... by 2031" (printed on the 20th), the same claim
    "... by 2032" (printed earlier, on the 10th: the database lists it first),
    and, on the 15th, the claim without its year, which fits both equally.
    Every first claim, then every second, then every fragment."""
    folder.mkdir()
    files: list[list[Path]] = [[], [], []]
    for n in range(people):
        name = PEOPLE[n % len(PEOPLE)]
        claim = f"The new {PROJECTS[n % 6]} over the river will carry the trains of {n + 3} towns"
        for part, (day, wording) in enumerate(
            [(20, f"{claim} by 2031"), (10, f"{claim} by 2032"), (15, claim)]
        ):
            path = folder / f"{part}-{n:03d}.txt"
            path.write_text(f'date 2026-05-{day} Plans {part} {n}\n\n"{wording}," {name} said.\n')
            files[part].append(path)
    return [path for part in files for path in part]


def clean_run(tmp_path: Path, paths: list[Path]) -> dict[str, object]:
    with open_database(str(tmp_path / "clean.db")) as clean:
        list(import_articles(clean, paths))
        return contents(clean)


def test_a_resumed_import_breaks_ties_as_a_clean_one(database: Database, tmp_path: Path) -> None:
    paths = write_ties(tmp_path / "news", 6)
    expected = clean_run(tmp_path, paths)
    # Each fragment joined one statement, with it its earlier first date.
    joined = [s for s in expected["statements"] if len(s[3]) == 2]  # type: ignore[attr-defined]
    assert len(joined) == 6 and all(s[1].endswith('2031,"') for s in joined)
    # Stopped after the claims, run again: the fragments now meet statements
    # read from the database, not held since they were made.
    list(import_articles(database, paths[:12]))
    list(import_articles(database, paths))
    assert contents(database) == expected


def _articles(reader: Engine) -> int:
    with Session(reader) as session:
        return session.scalar(select(func.count()).select_from(Article)) or 0


def test_sigkill_then_resume_stores_what_a_clean_run_stores(
    database: Database, database_url: str, tmp_path: Path
) -> None:
    # The claims fill the first two groups of the run (50 articles a group),
    # and the run is killed once they are stored, as the fragments are read.
    people = 50
    paths = write_ties(tmp_path / "news", people)
    command = import_command(database_url, *paths)
    reader = create_engine(database.url)  # a plain reader, never waiting for the importer
    sigkill_when(command, lambda: _articles(reader), 2 * people, within=300)
    assert _articles(reader) < len(paths), "the run was not interrupted"
    reader.dispose()
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert contents(database) == clean_run(tmp_path, paths)
