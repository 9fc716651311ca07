"""Topics: keyword rules, the hierarchy, tagging on import, a person's tags; both backends."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from quotes.errors import NotFoundError, QuotesError
from quotes.services import stance as stances
from quotes.services import topics
from quotes.services.importing import import_articles
from quotes.storage.database import Database
from quotes.storage.models import Actor, Statement, StatementStance, StatementTopic, Topic
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
    tags_of,
)

SANCTIONS_WIRE = (
    "BRUSSELS, June 3 - Hungary and the European Union clashed again over Russian oil.\n\n"
    '"A new sanction on Russian oil is not acceptable to us," Hungarian Foreign Minister '
    "Peter Szijjarto told reporters in Luxembourg.\n\n"
    "EU foreign policy chief Kaja Kallas said the bloc was ready to adopt a further "
    "sanctions package within weeks.\n\n"
    "The ministers also discussed the weather in Luxembourg.\n"
)
# One statement as two wires printed it: the canonical (longest) wording says
# "ceasefire", the other "truce".
LONG_CEASEFIRE = (
    "We are ready to discuss a ceasefire along the whole front line as soon as Kyiv "
    "withdraws its troops from the four regions."
)
SHORT_TRUCE = (
    "We are ready to discuss a truce along the whole front line as soon as Kyiv "
    "withdraws its troops from the four regions."
)


@pytest.fixture
def positions(database: Database) -> Database:
    return build_positions(database)


def listed(database: Database) -> dict[str, dict[str, object]]:
    with database.session() as session:
        return {row["name"]: row for row in topics.list_topics(session)}


def test_new_statements_are_tagged_on_import_with_the_hierarchy_counted(
    positions: Database,
) -> None:
    assert tags_of(positions, OPEN) == {"ceasefire"}
    assert tags_of(positions, GRAIN) == {"grain"}
    assert tags_of(positions, NEUTRAL) == {"ceasefire"}
    rows = listed(positions)
    assert rows["ceasefire"]["parent"] == "war"
    assert (rows["ceasefire"]["statement_count"], rows["ceasefire"]["tagged_count"]) == (3, 3)
    # Only the matching topic is stored; the parent counts its sub-topics' statements.
    assert (rows["war"]["statement_count"], rows["war"]["tagged_count"]) == (3, 0)
    assert rows["grain"]["statement_count"] == 1


def test_a_statement_on_two_sub_topics_counts_once_for_the_parent(positions: Database) -> None:
    with positions.session() as session:
        topics.add_topic(session, "black sea", ["Black Sea"], parent="war")
        topics.apply_topics(session, "black sea")
    rows = listed(positions)
    assert rows["black sea"]["statement_count"] == 1
    assert rows["war"]["statement_count"] == 4  # three ceasefire statements and the grain one


def test_import_of_real_wire_copy_tags_plurals_and_suggests_stances(
    database: Database, tmp_path: Path
) -> None:
    with database.session() as session:
        topics.add_topic(session, "sanctions", ["sanction"])
        topics.add_topic(session, "weather", ["rainfall"])
    source = tmp_path / "wire.jsonl"
    source.write_text(
        json.dumps(
            {
                "text": SANCTIONS_WIRE,
                "url": "https://wire.example/eu-oil",
                "outlet": "Wire One",
                "published": "2025-06-03",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    results = list(import_articles(database, [str(source)]))
    assert [r.status.value for r in results] == ["new"]
    with database.session() as session:
        rows = {row["speaker"]: row for row in stances.list_stances(session)}
    assert listed(database)["weather"]["statement_count"] == 0
    # "sanction" tags "sanctions" too, in the canonical text of each statement.
    assert set(rows) == {"Peter Szijjarto", "Kaja Kallas"}
    assert {row["topic"] for row in rows.values()} == {"sanctions"}
    assert (rows["Peter Szijjarto"]["stance"], rows["Peter Szijjarto"]["status"]) == (
        "opposes",
        "suggested",
    )
    assert rows["Peter Szijjarto"]["rule"] == "not acceptable"
    assert (rows["Kaja Kallas"]["stance"], rows["Kaja Kallas"]["status"]) == (
        "supports",
        "suggested",
    )


def test_a_keyword_in_another_outlets_wording_tags_the_statement(database: Database) -> None:
    with database.session() as session:
        topics.add_topic(session, "truce talk", ["truce"])
    publish(database, "Wire One", day(0), Said(LONG_CEASEFIRE, PESKOV))
    assert tags_of(database, LONG_CEASEFIRE) == set()
    publish(database, "Wire Two", day(1), Said(SHORT_TRUCE, PESKOV))
    with database.session() as session:
        assert session.scalars(select(Statement.canonical_text)).all() == [LONG_CEASEFIRE]
    assert tags_of(database, LONG_CEASEFIRE) == {"truce talk"}


def test_tag_statements_takes_statement_objects(positions: Database) -> None:
    with positions.session() as session:
        topics.add_topic(session, "istanbul", ["Istanbul"])
        found = session.scalars(select(Statement).order_by(Statement.id)).all()
        assert topics.tag_statements(session, found) == 1
        assert topics.tag_statements(session, found) == 0  # already tagged
        assert topics.tag_statements(session, []) == 0
    assert tags_of(positions, OPEN) == {"ceasefire", "istanbul"}


def test_apply_retags_after_a_keyword_change_and_keeps_a_persons_tags(positions: Database) -> None:
    grain, open_id = statement_id(positions, GRAIN), statement_id(positions, OPEN)
    with positions.session() as session:
        topics.untag(session, open_id, "ceasefire")
        topics.tag(session, grain, "ceasefire")
        topics.set_keywords(session, "grain", ["Black Sea", "Istanbul"])
        topics.set_keywords(session, "ceasefire", ["rearm"])
        counts = topics.apply_topics(session)
    assert counts == {"tags_added": 1, "tags_removed": 1}
    assert tags_of(positions, OPEN) == {"grain"}  # the person's untag of ceasefire stands
    assert tags_of(positions, NEUTRAL) == set()  # a rule tag that no longer matches
    assert tags_of(positions, REJECT) == {"ceasefire"}
    assert tags_of(positions, GRAIN) == {"ceasefire", "grain"}  # person's tag + new keyword
    neutral = statement_id(positions, NEUTRAL)
    with positions.session() as session:
        # ... and its suggested stance went with it.
        assert not session.scalars(
            select(StatementStance).where(StatementStance.statement_id == neutral)
        ).all()
        row = session.get(StatementTopic, (grain, topics.get_topic(session, "ceasefire").id))
        assert row is not None and row.assigned_by == Actor.PERSON


def test_apply_one_topic_leaves_the_others_alone(positions: Database) -> None:
    with positions.session() as session:
        topics.set_keywords(session, "grain", ["Istanbul"])
        topics.set_keywords(session, "ceasefire", ["nothing of the kind"])
        counts = topics.apply_topics(session, "grain")
    assert counts == {"tags_added": 1, "tags_removed": 1}
    assert tags_of(positions, OPEN) == {"ceasefire", "grain"}
    assert tags_of(positions, GRAIN) == set()
    assert tags_of(positions, REJECT) == {"ceasefire"}  # its rules were not applied


def test_an_untag_sticks_through_apply_and_a_later_import(positions: Database) -> None:
    open_id = statement_id(positions, OPEN)
    with positions.session() as session:
        topics.untag(session, open_id, "ceasefire")
        topics.apply_topics(session)
    publish(positions, "Late Wire", day(12), Said(OPEN, PESKOV, said_on=day(0)))
    assert statement_id(positions, OPEN) == open_id
    assert tags_of(positions, OPEN) == set()
    assert listed(positions)["ceasefire"]["statement_count"] == 2
    with positions.session() as session:  # and the person can put it back
        topics.tag(session, open_id, "ceasefire")
    assert tags_of(positions, OPEN) == {"ceasefire"}


def test_removing_a_topic_drops_its_tags_and_lifts_its_sub_topics(positions: Database) -> None:
    with positions.session() as session:
        topics.add_topic(session, "truce", ["truce"], parent="ceasefire")
        topics.remove_topic(session, "CEASEFIRE")
    assert tags_of(positions, OPEN) == set()
    rows = listed(positions)
    assert set(rows) == {"war", "truce", "grain"}
    assert rows["truce"]["parent"] == "war"
    with positions.session() as session:
        assert session.scalars(select(StatementStance.topic_id)).all() == [
            topics.get_topic(session, "grain").id
        ]


def test_topic_mistakes_are_the_users_errors(positions: Database) -> None:
    open_id = statement_id(positions, OPEN)
    with positions.session() as session:
        with pytest.raises(QuotesError, match="exists already"):
            topics.add_topic(session, "Grain", ["wheat"])
        with pytest.raises(NotFoundError):
            topics.add_topic(session, "wheat", ["wheat"], parent="agriculture")
        with pytest.raises(NotFoundError):
            topics.tag(session, 9999, "grain")
        with pytest.raises(NotFoundError):
            topics.untag(session, open_id, "agriculture")
        with pytest.raises(QuotesError, match="needs a name"):
            topics.add_topic(session, "  ", [])


def test_cli_topics(positions: Database, database_url: str) -> None:
    code, out = invoke(database_url, "topics", "add", "energy", "--keywords", "gas, oil;pipeline")
    assert code == 0 and "'energy'" in out and "gas, oil, pipeline" in out
    code, out = invoke(database_url, "topics", "add", "energy")
    assert code == 1 and out.strip() == "Error: topic 'energy' exists already"
    code, out = invoke(database_url, "topics", "add", "wheat", "--parent", "farming")
    assert code == 1 and "no such topic" in out

    code, out = invoke(database_url, "topics", "apply", "energy")
    assert code == 0 and out.strip() == "0 tags added, 0 rule tags removed."
    code, out = invoke(database_url, "topics", "keywords", "energy", "Black Sea")
    assert code == 0
    code, out = invoke(database_url, "topics", "apply", "energy")
    assert code == 0 and out.strip() == "1 tags added, 0 rule tags removed."
    code, out = invoke(database_url, "topics", "keywords", "energy", "pipeline")
    code, out = invoke(database_url, "topics", "apply")
    assert code == 0 and out.strip() == "0 tags added, 1 rule tags removed."

    open_id = statement_id(positions, OPEN)
    assert invoke(database_url, "topics", "untag", str(open_id), "ceasefire")[0] == 0
    assert invoke(database_url, "topics", "tag", str(open_id), "grain")[0] == 0
    assert invoke(database_url, "topics", "apply")[0] == 0
    assert tags_of(positions, OPEN) == {"grain"}
    code, out = invoke(database_url, "topics", "tag", "9999", "grain")
    assert code == 1 and "no such statement" in out

    code, out = invoke(database_url, "topics", "list", "--json")
    rows = {row["name"]: row for row in json.loads(out)}
    assert rows["energy"]["keywords"] == ["pipeline"]
    assert (rows["war"]["statement_count"], rows["ceasefire"]["statement_count"]) == (2, 2)
    code, out = invoke(database_url, "topics", "list", "--csv")
    table = list(csv.DictReader(io.StringIO(out)))
    assert [row["name"] for row in table] == ["ceasefire", "energy", "grain", "war"]
    assert table[0]["keywords"] == "ceasefire; truce" and table[0]["parent"] == "war"
    code, out = invoke(database_url, "topics", "list", "--table")
    assert code == 0 and "ceasefire" in out and "statement" in out.lower()

    assert invoke(database_url, "topics", "remove", "energy")[0] == 0
    with positions.session() as session:
        assert session.scalars(select(Topic.name).where(Topic.name == "energy")).first() is None
