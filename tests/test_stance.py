"""Stances: rules suggest, a person sets or confirms, rules never overwrite a person."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy import select

from quotes.errors import QuotesError
from quotes.match.stance import Stance, suggest_stance
from quotes.services import stance as stances
from quotes.services import topics
from quotes.storage.database import Database
from quotes.storage.models import Actor, StatementStance, StatementTopic
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


@pytest.fixture
def positions(database: Database) -> Database:
    return build_positions(database)


@pytest.mark.parametrize(
    ("text", "stance", "cue"),
    [
        ("The minister dismissed talk of a truce as premature.", Stance.OPPOSES, "dismissed"),
        ("There are no plans for a summit with Kyiv this year.", Stance.OPPOSES, "no plans"),
        ("Such a deal is simply not acceptable to Warsaw.", Stance.OPPOSES, "not acceptable"),
        ("Ankara refused to host the next round of talks.", Stance.OPPOSES, "refused"),
        ("Hungary will never sign up to the oil embargo.", Stance.OPPOSES, "will never"),
        ("Paris is in favour of a monitoring mission.", Stance.SUPPORTS, "in favour of"),
        ("The party endorsed the draft agreement on Sunday.", Stance.SUPPORTS, "endorsed"),
        ("Oslo called for an immediate halt to the fighting.", Stance.SUPPORTS, "called for"),
        ("We are not ready to freeze the conflict.", Stance.OPPOSES, "not ready to"),
        ("Rome is hardly in favour of new tariffs.", Stance.OPPOSES, "not in favour of"),
        ("Kyiv did not rule out a partial ceasefire.", Stance.SUPPORTS, "not rule out"),
        ("We are not against a truce at sea.", Stance.SUPPORTS, "not against"),
        ("Not only did we reject the plan, we condemned it.", Stance.OPPOSES, "reject"),
        ("The talks resume in Geneva on Thursday.", Stance.NEUTRAL, None),
    ],
)
def test_stance_rules_on_wire_sentences(text: str, stance: Stance, cue: str | None) -> None:
    found = suggest_stance(text)
    assert (found.stance, found.cue) == (stance, cue)


def test_opposition_outweighs_support_and_a_reporting_verb_decides_first() -> None:
    assert suggest_stance("We welcomed the talks, but a summit is impossible.").cue == "impossible"
    # Indirect speech: the side is in the outlet's verb, not in the words reported.
    found = suggest_stance("a summit with the Ukrainian leader in June", ["dismissed"])
    assert (found.stance, found.cue) == (Stance.OPPOSES, "dismissed")
    found = suggest_stance("we are ready to talk", ["said"])  # a verb without a side
    assert (found.stance, found.cue) == (Stance.SUPPORTS, "ready to")


def test_rule_stances_are_suggestions_a_person_overrides(positions: Database) -> None:
    reject, open_id = statement_id(positions, REJECT), statement_id(positions, OPEN)
    neutral, grain = statement_id(positions, NEUTRAL), statement_id(positions, GRAIN)
    with positions.session() as session:
        suggested = {
            row["statement_id"]: row for row in stances.list_stances(session, suggested_only=True)
        }
        assert (suggested[reject]["stance"], suggested[reject]["status"]) == (
            "opposes",
            "suggested",
        )
        assert suggested[reject]["rule"] == "rejected"  # the cue that decided it
        assert suggested[reject]["set_by"] is None
        assert suggested[open_id]["stance"] == "supports"
        assert suggested[neutral]["stance"] == "neutral"
        assert {row["status"] for row in suggested.values()} == {"suggested"}
        stances.set_stance(
            session, open_id, "ceasefire", Stance.NEUTRAL, by="A. Editor", note="hedged"
        )
        stances.confirm_stance(session, reject, "ceasefire", by="B. Editor")
    with positions.session() as session:
        topics.apply_topics(session)  # the rules run again ...
    publish(positions, "Late Wire", day(12), Said(OPEN, PESKOV, said_on=day(0)))  # ... and again
    with positions.session() as session:
        rows = {row["statement_id"]: row for row in stances.list_stances(session)}
        assert (rows[open_id]["stance"], rows[open_id]["set_by"]) == ("neutral", "A. Editor")
        assert (rows[reject]["stance"], rows[reject]["set_by"]) == ("opposes", "B. Editor")
        assert rows[reject]["status"] == "confirmed" and rows[reject]["rule"] is None
        assert (rows[neutral]["stance"], rows[neutral]["status"]) == ("neutral", "suggested")
        row = session.scalars(
            select(StatementStance).where(StatementStance.statement_id == open_id)
        ).one()
        assert (row.set_by, row.note) == (Actor.PERSON, "hedged")
        assert {r["statement_id"] for r in stances.list_stances(session, suggested_only=True)} == {
            neutral,
            grain,
        }


def test_a_persons_stance_tags_the_topic_for_the_person(positions: Database) -> None:
    grain = statement_id(positions, GRAIN)
    with positions.session() as session:
        stances.set_stance(session, grain, "ceasefire", "opposes", by="ed")
        ceasefire = topics.get_topic(session, "ceasefire").id
        tag = session.get(StatementTopic, (grain, ceasefire))
        assert tag is not None and (tag.assigned_by, tag.excluded) == (Actor.PERSON, False)
    with positions.session() as session:
        topics.apply_topics(session)
        rows = stances.list_stances(session, topic_ids=[ceasefire])
    assert {row["statement_id"]: row["stance"] for row in rows}[grain] == "opposes"


def test_confirming_or_setting_nonsense_is_the_users_error(positions: Database) -> None:
    grain = statement_id(positions, GRAIN)
    with positions.session() as session:
        with pytest.raises(QuotesError, match="no stance on 'ceasefire' to confirm"):
            stances.confirm_stance(session, grain, "ceasefire")
        with pytest.raises(QuotesError, match="no such statement"):
            stances.set_stance(session, 9999, "ceasefire", "supports")
        with pytest.raises(QuotesError, match="'maybe' is not a stance"):
            stances.set_stance(session, grain, "grain", "maybe")


def test_untagging_drops_the_suggestion_with_the_tag(positions: Database) -> None:
    open_id = statement_id(positions, OPEN)
    with positions.session() as session:
        topics.untag(session, open_id, "ceasefire")
        session.flush()
        left = session.scalars(
            select(StatementStance).where(StatementStance.statement_id == open_id)
        ).all()
    assert left == []


def test_cli_stance(positions: Database, database_url: str) -> None:
    reject, open_id = statement_id(positions, REJECT), statement_id(positions, OPEN)
    code, _ = invoke(
        database_url, "stance", "set", str(reject), "ceasefire", "opposes", "--by", "ed"
    )
    assert code == 0
    code, out = invoke(database_url, "stance", "set", str(reject), "ceasefire", "maybe")
    assert code == 2 and "maybe" in out
    code, out = invoke(database_url, "stance", "confirm", str(open_id), "ceasefire", "--by", "jo")
    assert code == 0 and out.strip() == f"Statement {open_id} supports (ceasefire), confirmed."
    code, out = invoke(database_url, "stance", "confirm", "9999", "ceasefire")
    assert code == 1 and out.startswith("Error:")

    code, out = invoke(database_url, "stance", "list", "--speaker", "Peskov", "--nl")
    rows = {row["statement_id"]: row for row in map(json.loads, out.splitlines())}
    assert (rows[reject]["stance"], rows[reject]["set_by"]) == ("opposes", "ed")
    assert (rows[open_id]["stance"], rows[open_id]["set_by"]) == ("supports", "jo")
    assert rows[open_id]["status"] == "confirmed"
    assert rows[open_id]["first_said_on"] == day(0).isoformat()

    code, out = invoke(database_url, "stance", "list", "--topic", "war", "--suggested", "--csv")
    table = list(csv.DictReader(io.StringIO(out)))
    assert [row["text"] for row in table] == [NEUTRAL]
    assert (table[0]["stance"], table[0]["status"]) == ("neutral", "suggested")
    code, out = invoke(database_url, "stance", "list", "--csv")
    listed = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and ("supports", "suggested") not in {
        (r["stance"], r["status"]) for r in listed
    }
    assert "opposes" in {r["stance"] for r in listed}
