"""A speaker's timeline: date order, stances per topic, and the changes marked."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from sqlalchemy import select, update

from quotes.cli import cli
from quotes.errors import NotFoundError
from quotes.services import stance as stances
from quotes.services.timeline import timeline, timeline_entries
from quotes.storage.database import Database
from quotes.storage.models import Statement
from tests.quote_fixtures import Said, publish
from tests.topic_fixtures import (
    GRAIN,
    NEUTRAL,
    OPEN,
    PESKOV,
    REJECT,
    build_positions,
    day,
    invoke,
    statement_id,
)

WELCOME_AGAIN = "The Kremlin welcomed the new ceasefire plan put forward by Ankara."
UNDATED = "Any ceasefire must be monitored from the air, the spokesman added."


@pytest.fixture
def positions(database: Database) -> Database:
    return build_positions(database)


def test_timeline_marks_the_change_of_position(positions: Database) -> None:
    with positions.session() as session:
        entries = timeline(session, "Peskov", topic="war")
        listed = timeline_entries(session, "Peskov", topic="war")
    assert [e.text for e in entries] == [OPEN, NEUTRAL, REJECT]
    assert [e.said_on for e in entries] == [day(0), day(3), day(9)]
    # The neutral remark in between neither marks nor hides the reversal.
    assert [e.changed for e in entries] == [False, False, True]
    assert entries[2].changes() == ["ceasefire: supports → opposes"]
    assert listed[2]["outlet_count"] == 2  # two outlets carried the rejection
    assert [entry["change"] for entry in listed] == [False, False, True]
    assert entries[0].positions[0].describe() == "ceasefire: supports (suggested)"
    assert entries[1].positions[0].describe() == "ceasefire: neutral (suggested)"


def test_every_reversal_is_marked_and_unknown_is_not_a_side(positions: Database) -> None:
    publish(positions, "Wire One", day(20), Said(WELCOME_AGAIN, PESKOV, said_on=day(20)))
    publish(positions, "Wire One", day(22), Said(UNDATED, PESKOV))
    neutral, undated = statement_id(positions, NEUTRAL), statement_id(positions, UNDATED)
    with positions.session() as session:
        # As if no article gave it a date.
        session.execute(update(Statement).where(Statement.id == undated).values(first_said_on=None))
        stances.set_stance(session, neutral, "ceasefire", "unknown", by="ed")
        entries = timeline(session, PESKOV, topic="ceasefire")
    assert [e.text for e in entries] == [OPEN, NEUTRAL, REJECT, WELCOME_AGAIN, UNDATED]
    assert entries[-1].said_on is None  # undated last, on both backends
    assert [e.changes() for e in entries] == [
        [],
        [],
        ["ceasefire: supports → opposes"],
        ["ceasefire: opposes → supports"],
        [],
    ]
    assert entries[1].positions[0].describe() == "ceasefire: unknown"


def test_timeline_follows_a_persons_correction(positions: Database) -> None:
    with positions.session() as session:
        stances.set_stance(session, statement_id(positions, OPEN), "ceasefire", "opposes", by="ed")
    with positions.session() as session:
        entries = timeline(session, PESKOV, topic="ceasefire", since=day(1), until=day(9))
        assert [e.text for e in entries] == [NEUTRAL, REJECT]
        entries = timeline(session, PESKOV, topic="ceasefire")
    assert not any(e.changed for e in entries)  # opposes all along
    assert entries[0].positions[0].confirmed
    assert not entries[2].positions[0].confirmed


def test_timeline_without_a_topic_shows_every_statement_and_topic(positions: Database) -> None:
    publish(positions, "Wire One", day(5), Said("We have nothing to add today.", PESKOV))
    with positions.session() as session:
        speaker_id = session.scalars(select(Statement.speaker_id).limit(1)).one()
        entries = timeline(session, str(speaker_id))  # by id, too
        listed = timeline_entries(session, str(speaker_id))
    by_text = {entry.text: entry for entry in entries}
    assert len(entries) == 5
    assert [p.describe() for p in by_text[GRAIN].positions] == ["grain: neutral (suggested)"]
    assert by_text["We have nothing to add today."].positions == []
    assert {e["outlet_count"] for e in listed if e["text"] == GRAIN} == {1}


def test_timeline_of_an_unknown_speaker_or_topic(positions: Database) -> None:
    with positions.session() as session:
        with pytest.raises(NotFoundError):
            timeline(session, "Nobody Atall")
        with pytest.raises(NotFoundError):
            timeline(session, PESKOV, topic="fisheries")
        assert timeline(session, PESKOV, since=day(30)) == []


def test_cli_timeline(positions: Database, database_url: str) -> None:
    wide = CliRunner(env={"COLUMNS": "250"})  # a table row a statement, unwrapped
    result = wide.invoke(
        cli,
        [
            "--db",
            database_url,
            "timeline",
            "--speaker",
            "Peskov",
            "--topic",
            "ceasefire",
            "--table",
        ],
    )
    code, out = result.exit_code, result.output
    assert code == 0
    lines = out.splitlines()
    reversal = next(line for line in lines if "◆" in line)
    assert "opposes" in reversal and day(9).isoformat() in reversal
    assert sum("◆" in line for line in lines) == 1
    assert "supports (suggested)" in out

    code, out = invoke(database_url, "timeline", "--speaker", "Peskov", "--json")
    entries = json.loads(out)
    changed = [e for e in entries if e["change"]]
    assert [(e["topic"], e["stance"]) for e in changed] == [("ceasefire", "opposes")]
    assert (entries[0]["topic"], entries[0]["stance"], entries[0]["status"]) == (
        "ceasefire",
        "supports",
        "suggested",
    )
    assert entries[0]["change"] is False
    code, out = invoke(
        database_url, "timeline", "--speaker", "Peskov", "--since", "2025-05-02", "--csv"
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["first_said_on"] for row in rows] == [day(3).isoformat()] + [day(9).isoformat()] * 2
    code, out = invoke(database_url, "timeline", "--speaker", "Peskov", "--since", "May 2")
    assert code == 2
    code, out = invoke(database_url, "timeline", "--speaker", "Nobody Atall")
    assert code == 1 and out.startswith("Error:")
