"""One output schema: every listing command prints the shapes of quotes.services.schema.

The fixture is imported with the real extractor (a story printed at three
URLs, and the same words in a second outlet's own article), so counts go
through reprints as a user would meet them. Both backends.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from quotes.cli import cli
from quotes.match.stance import Stance
from quotes.services import stance, topics
from quotes.services.schema import FIELDS
from quotes.services.search import search_statements
from quotes.storage.database import Database
from tests.quote_fixtures import Said, publish
from tests.test_statements import DAY, PARAPHRASE, PESKOV, PESKOV_FULL, middle_band

STORY = (
    "The lighthouse board will close the eastern jetty on Sunday, its chair said.\n\n"
    '"No boat will leave the eastern jetty until the divers have checked the hull," '
    "board chair Ilse Varga told reporters on Thursday."
)
OWN_STORY = (
    "Ilse Varga, who chairs the lighthouse board, spoke after the storm.\n\n"
    '"No boat will leave the eastern jetty until the divers have checked the hull," '
    "Varga said on Thursday."
)
SAID = "No boat will leave the eastern jetty until the divers have checked the hull"


def run(database_url: str, *args: str, input: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", database_url, *args], input=input)
    return result.exit_code, result.output


@pytest.fixture
def harbour(database: Database, database_url: str, tmp_path: Path) -> Database:
    feed = tmp_path / "feed.jsonl"
    rows = [
        {"text": STORY, "url": "https://coast.example/jetty", "outlet": "Coast Wire"},
        {"text": STORY, "url": "https://bay.example/jetty", "outlet": "Bay Daily"},
        {"text": STORY, "url": "https://port.example/jetty", "outlet": "Port Times"},
        {"text": OWN_STORY, "url": "https://gazette.example/storm", "outlet": "Gazette"},
    ]
    feed.write_text("".join(json.dumps({**row, "published": "2026-04-03"}) + "\n" for row in rows))
    code, out = run(database_url, "import", "-v", "--json", str(feed))
    assert code == 0, out
    with database.session() as session:
        topics.add_topic(session, "harbour", ["jetty", "boat"])
        topics.apply_topics(session)
    # A merge suggestion to review, between the thresholds.
    band = middle_band(PARAPHRASE, PESKOV_FULL)
    publish(database, "A", DAY, Said(PESKOV_FULL, PESKOV))
    publish(database, "B", DAY, Said(PARAPHRASE, PESKOV), **band)
    return database


def _statement_id(database: Database) -> int:
    with database.session() as session:
        (hit,) = search_statements(session, "no boat will leave the jetty", limit=1)
    return hit["statement_id"]


def _check(row: dict[str, Any], shape: str) -> None:
    assert list(row) == FIELDS[shape], f"{shape}: {sorted(set(row) ^ set(FIELDS[shape]))}"


def _json(database_url: str, *args: str) -> list[dict[str, Any]]:
    code, out = run(database_url, *args, "--json")
    assert code == 0, out
    rows = json.loads(out)
    assert rows, f"{args}: nothing listed"
    return rows  # type: ignore[no-any-return]


def test_every_listing_prints_the_schema_field_names(
    harbour: Database, database_url: str, tmp_path: Path
) -> None:
    statement_id = _statement_id(harbour)
    with harbour.session() as session:
        stance.set_stance(session, statement_id, "harbour", Stance.OPPOSES, by="R. Editor")

    for row in _json(database_url, "search", "boat jetty"):
        _check(row, "search hit")
    for row in _json(database_url, "statements", "list"):
        _check(row, "statement")
    (shown,) = _json(database_url, "statements", "show", str(statement_id))
    _check(shown, "statement detail")
    for appearance in shown["appearances"]:
        _check(appearance, "appearance")
    (confirmed,) = shown["stances"]
    _check(confirmed, "stance")
    assert (confirmed["stance"], confirmed["status"], confirmed["set_by"]) == (
        "opposes",
        "confirmed",
        "R. Editor",
    )
    (answer,) = _json(database_url, "who", "no boat will leave the jetty")
    _check(answer, "who answer")
    for row in _json(database_url, "speakers", "list"):
        _check(row, "speaker")
        for role in row["roles"]:
            _check(role, "role")
    (speaker,) = _json(database_url, "speakers", "show", "Ilse Varga")
    _check(speaker, "speaker detail")
    assert speaker["roles"] and speaker["statement_count"] >= 1
    for row in _json(database_url, "stance", "list"):
        _check(row, "stance listing")
    for row in _json(database_url, "timeline", "--speaker", "Ilse Varga"):
        _check(row, "timeline entry")
    (suggestion,) = _json(database_url, "review")
    _check(suggestion, "merge suggestion")
    assert suggestion["status"] == "pending"
    for row in _json(database_url, "topics", "list"):
        _check(row, "topic")

    # The log of a statement a person merged, as the schema's operations.
    code, out = run(database_url, "review", "accept", str(suggestion["suggestion_id"]))
    assert code == 0 and "1 quote merged" in out, out
    (merged,) = _json(database_url, "statements", "show", str(suggestion["statement_id"]))
    (operation,) = merged["log"]
    _check(operation, "operation")
    assert (operation["action"], operation["actor"]) == ("accept", "person")

    # Each article's import result, then the summary.
    again = tmp_path / "again.txt"
    again.write_text("date 2026-04-05 Jetty\n\n" + OWN_STORY.replace("Thursday", "Friday"))
    code, out = run(database_url, "import", "-v", "--json", str(again))
    lines = [json.loads(line) for line in out.splitlines()]
    _check(lines[0], "import result")
    assert lines[0]["status"] == "new" and lines[0]["quote_count"] == 1
    assert lines[-1]["read"] == 1  # the summary comes last

    code, out = run(database_url, "export", "--format", "csv")
    header = next(csv.reader(io.StringIO(out)))
    shared = set(header) & set(FIELDS["statement"])
    assert {"statement_id", "first_said_on", "appearance_count", "outlets"} <= shared
    assert "id" not in header and "sources" not in header


def test_list_and_show_count_the_same_appearances(harbour: Database, database_url: str) -> None:
    statement_id = _statement_id(harbour)
    listed = {row["statement_id"]: row for row in _json(database_url, "statements", "list")}
    (shown,) = _json(database_url, "statements", "show", str(statement_id))
    # One article printed at three URLs, and the same words in a fourth article.
    assert len(shown["appearances"]) == 4
    assert [a["reprint"] for a in shown["appearances"]].count(True) == 2
    assert listed[statement_id]["appearance_count"] == len(shown["appearances"]) == 4
    assert shown["appearance_count"] == 4
    assert listed[statement_id]["outlets"] == ["Bay Daily", "Coast Wire", "Gazette", "Port Times"]
    assert listed[statement_id]["outlet_count"] == 4
    (hit,) = _json(database_url, "search", SAID, "--limit", "1")
    assert hit["appearance_count"] == 4 and hit["first_said_on"] == shown["first_said_on"]
    assert set(hit["matched"]) >= {"boat", "jetty", "divers", "hull"}
    (timeline,) = _json(database_url, "timeline", "--speaker", "Ilse Varga")
    assert timeline["appearance_count"] == 4 and timeline["topic"] == "harbour"
