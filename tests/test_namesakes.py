"""A surname filed under the one person who had it is looked at again when a
namesake appears; surname particles and transliterations of one surname. Both
backends; the names and sentences are made up."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from quotes import match
from quotes.services.operations import change_log
from quotes.storage.database import Database
from quotes.storage.models import Operation, Quote, Speaker, Statement
from quotes.storage.speakers import mixed_statements
from tests.quote_fixtures import Said, publish
from tests.test_operations import snapshot, undo_last

DAY = dt.date(2026, 4, 2)

CANAL = "The canal locks will be rebuilt before the spring floods arrive."
FOUNDRY = "Nobody at the old foundry will lose a pension over this."
BRIDGE = "The toll on the north bridge goes next year, as promised."
ORCHARD = "Every orchard in the valley gets the new frost nets."
QUARRY = "The quarry stays shut until the inspectors have finished."
MARKET = "The covered market opens on Sundays from May."


def filed(database: Database) -> dict[str, str | None]:
    """Each quote's text -> the name of the speaker it is filed under."""
    with database.session() as session:
        rows = session.execute(
            select(Quote.text, Speaker.name).outerjoin(Speaker, Speaker.id == Quote.speaker_id)
        )
        return {text: name for text, name in rows}


def test_a_surname_filed_before_a_namesake_appeared_is_taken_back(database: Database) -> None:
    publish(database, "A", DAY, Said(CANAL, "Tamsin Oyelaran"))
    # Only one Oyelaran is known: the bare surname and a titled one are hers for now.
    publish(database, "B", DAY, Said(FOUNDRY, "Oyelaran"))
    publish(database, "C", DAY, Said(BRIDGE, "Governor Oyelaran"))
    assert filed(database)[FOUNDRY] == filed(database)[BRIDGE] == "Tamsin Oyelaran"
    before = snapshot(database)
    # Another Oyelaran, the governor, printed in full.
    publish(database, "D", DAY, Said(ORCHARD, "Governor Kwesi Oyelaran"))
    now = filed(database)
    assert now[CANAL] == "Tamsin Oyelaran"
    assert now[ORCHARD] == now[BRIDGE] == "Kwesi Oyelaran"
    # The bare surname names either of them: it goes to neither.
    assert now[FOUNDRY] is None
    with database.session() as session:
        assert mixed_statements(session) == []
        for statement in session.scalars(select(Statement)):
            speakers = {q.speaker_id for q in statement.quotes}
            assert speakers == {statement.speaker_id}
        log = change_log(session)
        refile = next(row for row in log if row["action"] == "refile")
        assert refile["actor"] == "rule" and refile["method"] == "namesake"
    # Undo gives the guesses back, and nothing else changes but the new article.
    undo_last(database)
    after = filed(database)
    assert after[FOUNDRY] == after[BRIDGE] == "Tamsin Oyelaran"
    assert after[ORCHARD] == "Kwesi Oyelaran"
    undone = snapshot(database)
    for table in ("speakers", "statements", "speaker_roles"):
        assert set(before[table]) <= set(undone[table]), table


def test_the_refile_alone_round_trips(database: Database) -> None:
    publish(database, "A", DAY, Said(CANAL, "Tamsin Oyelaran"))
    publish(database, "B", DAY, Said(FOUNDRY, "Oyelaran"), Said(QUARRY, "Oyelaran"))
    publish(database, "C", DAY, Said(MARKET, "Oyelaran"))
    publish(database, "D", DAY, Said(ORCHARD, "Kwesi Oyelaran"))
    refiled = snapshot(database)
    assert {filed(database)[t] for t in (FOUNDRY, QUARRY, MARKET)} == {None}
    undo_last(database)
    assert {filed(database)[t] for t in (FOUNDRY, QUARRY, MARKET)} == {"Tamsin Oyelaran"}
    # Undoing the undo files them under no one again, exactly as before.
    undo_last(database)
    assert snapshot(database) == refiled


def test_a_surname_in_the_article_that_named_the_person_stays(database: Database) -> None:
    publish(
        database,
        "A",
        DAY,
        Said(CANAL, "Tamsin Oyelaran"),
        Said(FOUNDRY, "Tamsin Oyelaran", mention="Oyelaran"),
    )
    publish(database, "B", DAY, Said(ORCHARD, "Kwesi Oyelaran"))
    now = filed(database)
    assert now[CANAL] == now[FOUNDRY] == "Tamsin Oyelaran"
    with database.session() as session:
        assert session.scalar(select(Operation.id).where(Operation.action == "refile")) is None


def test_a_surname_with_particles_is_one_person(database: Database) -> None:
    publish(database, "A", DAY, Said(CANAL, "Ingrid van der Berghe"))
    publish(database, "B", DAY, Said(FOUNDRY, "van der Berghe"))
    publish(database, "C", DAY, Said(BRIDGE, "Mayor Ingrid van der Berghe"))
    assert set(filed(database).values()) == {"Ingrid van der Berghe"}
    assert match.split_name("ingrid van der berghe") == (("ingrid",), "van der berghe")
    assert match.split_name("al qasimi") == ((), "al qasimi")
    assert match.split_name("dieter vogel") == (("dieter",), "vogel")


def test_french_and_russian_endings_of_one_surname() -> None:
    # -off (French) and -ov / -ow, after an i as well.
    keys = {match.skeleton(w) for w in ("kuzmioff", "kuzmiov", "kuzmiow")}
    assert len(keys) == 1
    assert match.skeleton("kuzmiov") != match.skeleton("kuzmin")
