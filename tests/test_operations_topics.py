"""Topic corrections round-trip: adding a topic, changing its keywords and removing
it (with its tags, stances and sub-topics) are logged operations, and undoing
each gives back every table as it was. Both backends; the wording is made up."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from quotes.errors import QuotesError
from quotes.services.operations import change_log, undo
from quotes.services.stance import set_stance
from quotes.services.topics import add_topic, apply_topics, remove_topic, set_keywords, tag, untag
from quotes.storage.database import Database
from quotes.storage.models import Statement, StatementStance, StatementTopic, Topic
from quotes.storage.operations import acting_as
from tests.quote_fixtures import Said, publish
from tests.test_operations import run, snapshot, undo_last

DAY = dt.date(2026, 6, 2)
PIER = "The new pier will take cruise ships from the spring, we are sure of it."
DREDGING = "Dredging the harbour mouth is a waste of public money and we reject it."
LIGHTHOUSE = "The old lighthouse stays a museum; nobody will turn it into flats."


def quayside(database: Database) -> None:
    publish(
        database,
        "Quay Courier",
        DAY,
        Said(PIER, "Agnete Vollan"),
        Said(DREDGING, "Agnete Vollan"),
        Said(LIGHTHOUSE, "Rasmus Tindel"),
    )


def statement(database: Database, text: str) -> int:
    with database.session() as session:
        return session.scalars(select(Statement.id).where(Statement.canonical_text == text)).one()


def operation_ids(database: Database, action: str) -> list[str]:
    with database.session() as session:
        return [r["id"] for r in change_log(session) if r["action"] == action]


def test_add_and_keywords_are_logged_and_undone(database: Database) -> None:
    quayside(database)
    before = snapshot(database)
    with database.session() as session:
        acting_as(session, "H. Desk")
        add_topic(session, "coast", [])
        add_topic(session, "harbour", ["pier", "harbour"], parent="coast")
    added = snapshot(database)
    assert [t[1] for t in sorted(added["topics"])] == ["coast", "harbour"]
    with database.session() as session:
        set_keywords(session, "harbour", ["dredging"])
    with database.session() as session:
        set_keywords(session, "Harbour", ["pier", "dredging"])
    with database.session() as session:
        log = change_log(session)
    assert [r["action"] for r in log] == ["keywords", "keywords", "add", "add"]
    assert log[-1]["who"] == "H. Desk" and log[-1]["entity"] == "topic"
    assert "'harbour'" in log[0]["summary"] and "dredging" in log[0]["summary"]
    first_keywords = log[1]["id"]
    # The second change of keywords wrote over the first: undo it first.
    with database.session() as session, pytest.raises(QuotesError) as refused:
        undo(session, first_keywords)
    assert f"operation {log[0]['id']} (keywords" in str(refused.value)
    undo_last(database)
    with database.session() as session:
        undo(session, first_keywords)
    assert snapshot(database) == added
    for add in operation_ids(database, "add"):
        with database.session() as session:
            undo(session, add)
    assert snapshot(database) == before


def positions(database: Database) -> dict[str, int]:
    """Topics "coast" > "harbour" > "piers", rule tags and suggested stances from
    applying them, a person's tag, untag and stance: all that hangs on "harbour"."""
    quayside(database)
    with database.session() as session:
        add_topic(session, "coast", ["lighthouse"])
        add_topic(session, "harbour", ["harbour", "pier"], parent="coast")
        add_topic(session, "piers", ["pier"], parent="harbour")
        apply_topics(session)
    ids = {text: statement(database, text) for text in (PIER, DREDGING, LIGHTHOUSE)}
    with database.session() as session:
        tag(session, ids[LIGHTHOUSE], "harbour")
        untag(session, ids[PIER], "harbour")
        set_stance(session, ids[DREDGING], "harbour", "opposes", by="H. Desk")
    return ids


def test_removing_a_topic_with_tags_stances_and_subtopics_then_undo(database: Database) -> None:
    positions(database)
    before = snapshot(database)
    with database.session() as session:
        harbour = session.scalars(select(Topic.id).where(Topic.name == "harbour")).one()
        on_it = session.scalars(
            select(StatementTopic.statement_id).where(StatementTopic.topic_id == harbour)
        ).all()
        stances = session.scalars(
            select(StatementStance.id).where(StatementStance.topic_id == harbour)
        ).all()
    # A rule tag, a person's tag and a person's untag; a person's stance.
    assert len(on_it) == 3 and stances
    with database.session() as session:
        remove_topic(session, "harbour")
    removed = snapshot(database)
    with database.session() as session:
        assert session.get(Topic, harbour) is None
        piers = session.scalars(select(Topic).where(Topic.name == "piers")).one()
        assert piers.parent is not None and piers.parent.name == "coast"
        assert not session.scalars(
            select(StatementStance).where(StatementStance.topic_id == harbour)
        ).all()
        entry = change_log(session)[0]
    assert entry["action"] == "remove" and "'harbour'" in entry["summary"]
    undo_last(database)
    assert snapshot(database) == before
    # Undoing the undo removes it again, and undoing that gives it all back once more.
    undo_last(database)
    assert snapshot(database) == removed
    undo_last(database)
    assert snapshot(database) == before


def test_undoing_an_add_waits_for_the_corrections_that_use_the_topic(database: Database) -> None:
    quayside(database)
    with database.session() as session:
        add_topic(session, "lighthouses", ["lighthouse"])
    (add_id,) = operation_ids(database, "add")
    added = snapshot(database)
    with database.session() as session:
        tag(session, statement(database, DREDGING), "lighthouses")
    (tag_id,) = operation_ids(database, "tag")
    tagged = snapshot(database)
    with database.session() as session, pytest.raises(QuotesError) as refused:
        undo(session, add_id)
    assert str(refused.value) == (
        f"operation {add_id} cannot be undone: operation {tag_id} (tag: statement "
        f"{statement(database, DREDGING)} tagged 'lighthouses') uses rows it made; "
        "undo it first"
    )
    assert snapshot(database) == tagged
    with database.session() as session:
        undo(session, tag_id)
    assert snapshot(database) == added
    # An import tags by the topic's rules on arrival: no one's correction, so the
    # undo takes those tags (and their stances) with the topic, and its own undo
    # gives them back.
    cottage = Said("The lighthouse keeper's cottage is for sale.", "Rasmus Tindel")
    publish(database, "Quay Courier", DAY, cottage)
    imported = snapshot(database)
    assert len(imported["statement_topics"]) == 1
    with database.session() as session:
        undo(session, add_id)
    gone = snapshot(database)
    hanging = ("topics", "statement_topics", "statement_stances")
    assert all(not gone[name] for name in hanging)
    assert {k: v for k, v in gone.items() if k not in hanging} == {
        k: v for k, v in imported.items() if k not in hanging
    }
    undo_last(database)
    assert snapshot(database) == imported
    undo_last(database)
    assert snapshot(database) == gone


def test_undoing_a_removal_whose_name_was_taken_since_is_refused(database: Database) -> None:
    quayside(database)
    with database.session() as session:
        add_topic(session, "harbour", ["harbour"])
        add_topic(session, "coast", ["coast"])
    with database.session() as session:
        remove_topic(session, "harbour")
    (remove_id,) = operation_ids(database, "remove")
    with database.session() as session:
        add_topic(session, "Harbour", ["pier"])
    taken = snapshot(database)
    with (
        database.session() as session,
        pytest.raises(
            QuotesError, match="the topic name 'harbour' it gives back is topic 'Harbour''s since"
        ),
    ):
        undo(session, remove_id)
    assert snapshot(database) == taken


def test_cli_topic_corrections_are_logged_with_who_and_undone(
    database: Database, database_url: str
) -> None:
    quayside(database)
    before = snapshot(database)
    by = {"QUOTES_USER": "M. Sub"}
    assert run(database_url, "topics", "add", "harbour", "--keywords", "pier", env=by)[0] == 0
    code, out = run(database_url, "topics", "keywords", "harbour", "pier, dredging", env=by)
    assert code == 0 and "pier, dredging" in out, out
    assert run(database_url, "topics", "apply", "--by", "N. Other")[0] == 0
    assert run(database_url, "topics", "remove", "harbour", env=by)[0] == 0
    code, out = run(database_url, "log", "--json")
    assert code == 0, out
    rows = json.loads(out)
    assert [(r["action"], r["entity"], r["who"]) for r in rows] == [
        ("remove", "topic", "M. Sub"),
        ("apply", "topic", "N. Other"),
        ("keywords", "topic", "M. Sub"),
        ("add", "topic", "M. Sub"),
    ]
    for row in rows:
        code, out = run(database_url, "undo", row["id"])
        assert code == 0, out
    assert snapshot(database) == before
