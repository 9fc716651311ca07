"""Importers on PostgreSQL commit speakers out of id order: one takes id 21, another
22 and commits first. The speaker directory of a third, refreshed in between, must
still see 21 once it is committed, or it would create that person again.

The order is forced with three sessions of three engines (as three processes
would hold them): A writes and waits, C writes and commits, B refreshes, A
commits, B refreshes. The names are made up."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from quotes.extract.model import SpeakerKind
from quotes.services.speaker_directory import Hole, _join_nearest, directory_for
from quotes.storage.database import Database, open_database
from quotes.storage.models import Speaker
from tests.quote_fixtures import Said, publish, publish_in

DAY = dt.date(2026, 4, 20)


@pytest.fixture
def others(database: Database) -> list[Database]:
    if database.backend != "postgresql":
        pytest.skip("SQLite's writers take turns: ids are committed in order")
    opened = [open_database(database.url, upgrade=False) for _ in range(2)]
    yield opened
    for other in opened:
        other.close()


def known(database: Database, name: str) -> bool:
    with database.session() as session:
        return directory_for(session).find(name, SpeakerKind.PERSON) is not None


def test_a_speaker_committed_after_a_higher_id_is_seen(
    database: Database, others: list[Database]
) -> None:
    a, c = others
    publish(database, "Fjord Post", DAY, Said("The tunnel toll ends in May.", "Hedda Arnfinn"))
    assert known(database, "Hedda Arnfinn")
    with a.session() as first:
        publish_in(first, "Fjord Post", DAY, Said("Our ferries run all night.", "Kasimir Oddvar"))
        publish(c, "Fjord Post", DAY, Said("The bridge opens on time.", "Liv Sandmo"))
        # B: C's speaker (the higher id) is there, A's is not committed yet.
        assert known(database, "Liv Sandmo")
        assert not known(database, "Kasimir Oddvar")
        with database.session() as session:
            assert directory_for(session).holes["speakers"]
    # A has committed its lower id after C's higher one.
    assert known(database, "Kasimir Oddvar")
    publish(database, "Valley News", DAY, Said("Night ferries cost too much.", "Kasimir Oddvar"))
    with database.session() as session:
        assert session.scalar(select(func.count()).where(Speaker.name == "Kasimir Oddvar")) == 1
        assert directory_for(session).holes == {"speakers": [], "aliases": [], "roles": []}


def test_a_hole_left_by_a_rollback_is_let_go(database: Database, others: list[Database]) -> None:
    a, c = others
    publish(database, "Fjord Post", DAY, Said("The tunnel toll ends in May.", "Hedda Arnfinn"))
    assert known(database, "Hedda Arnfinn")
    with pytest.raises(RuntimeError), a.session() as first:
        publish_in(first, "Fjord Post", DAY, Said("Our ferries run all night.", "Kasimir Oddvar"))
        publish(c, "Fjord Post", DAY, Said("The bridge opens on time.", "Liv Sandmo"))
        assert known(database, "Liv Sandmo")
        with database.session() as session:
            assert directory_for(session).holes["speakers"]
        raise RuntimeError("the article failed")
    # No one can fill the hole any more: the next refresh reads it once and forgets it.
    assert not known(database, "Kasimir Oddvar")
    with database.session() as session:
        assert not any(directory_for(session).holes.values())


def test_many_holes_are_read_as_fewer_wider_spans() -> None:
    """A full load of an old database finds a gap for every rolled-back id: the nearest
    are joined, so each refresh reads a bounded number of spans, and none is lost."""
    found = dt.datetime(2026, 4, 20, 9, 0, tzinfo=dt.UTC)
    holes = [Hole(i, i + (i % 3), found + dt.timedelta(seconds=i)) for i in range(10, 400, 7)]
    holes.append(Hole(5000, 5001, found))
    joined = _join_nearest(holes, 8)
    assert len(joined) <= 8
    for hole in holes:
        assert any(j.first <= hole.first and hole.last <= j.last for j in joined)
    # The lone hole far from the others stays as narrow as it was, and a joined span
    # is as old as the oldest hole in it.
    assert Hole(5000, 5001, found) in joined
    assert min(j.since for j in joined) == found
