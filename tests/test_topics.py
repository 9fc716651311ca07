"""Topics, stances, a speaker's timeline and export, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from quotes.cli import cli
from quotes.errors import QuotesError
from quotes.match.stance import Stance
from quotes.services import stance as stances
from quotes.services import topics
from quotes.services.export import export_statements, to_claim
from quotes.services.importing import import_articles
from quotes.services.timeline import timeline
from quotes.storage.database import Database
from quotes.storage.models import Actor, Statement, StatementStance, StatementTopic
from tests.quote_fixtures import Said, publish

PESKOV = "Dmitry Peskov"
OPEN = "Moscow is open to a ceasefire along the current line if the talks in Istanbul go on."
REJECT = "Peskov said the Kremlin rejected the ceasefire proposal as a trick to rearm Kyiv."
NEUTRAL = "The ceasefire question will be discussed by the delegations next week."
GRAIN = "The grain corridor through the Black Sea will stay open for another four months."
FORMULA = "=1+1 is how they count the ceasefire violations, he said, and we are ready to talk."


def day(n: int) -> dt.date:
    return dt.date(2025, 5, 1) + dt.timedelta(days=n)


@pytest.fixture
def positions(database: Database) -> Database:
    """Peskov on the ceasefire: open, neutral, then rejecting; and on grain."""
    with database.session() as session:
        topics.add_topic(session, "war", [])
        topics.add_topic(session, "ceasefire", ["ceasefire", "truce"], parent="war")
        topics.add_topic(session, "grain", ["grain corridor", "grain deal"])
        session.flush()
    publish(database, "Wire One", day(0), Said(OPEN, PESKOV, said_on=day(0)))
    publish(database, "Daily Two", day(3), Said(NEUTRAL, PESKOV, said_on=day(3)))
    publish(database, "Three Times", day(9), Said(REJECT, PESKOV, said_on=day(9)))
    publish(database, "Wire One", day(9), Said(GRAIN, PESKOV, said_on=day(9)))
    publish(database, "Daily Two", day(10), Said(REJECT, "Peskov", said_on=day(9)))
    return database


def statement_id(database: Database, text: str) -> int:
    with database.session() as session:
        return session.scalars(select(Statement.id).where(Statement.canonical_text == text)).one()


def tags_of(database: Database, text: str) -> set[str]:
    """The topics on a statement, as search and timeline see them (untags excluded)."""
    found = statement_id(database, text)
    with database.session() as session:
        rows = session.scalars(
            select(StatementTopic).where(
                StatementTopic.statement_id == found, StatementTopic.excluded.is_(False)
            )
        )
        return {row.topic.name for row in rows}


def test_new_statements_are_tagged_on_import(positions: Database) -> None:
    assert tags_of(positions, OPEN) == {"ceasefire"}
    assert tags_of(positions, GRAIN) == {"grain"}
    with positions.session() as session:
        listed = {row["name"]: row for row in topics.list_topics(session)}
    assert listed["ceasefire"]["parent"] == "war"
    assert listed["ceasefire"]["statements"] == 3


def test_import_of_real_text_tags_and_suggests(database: Database, tmp_path: object) -> None:
    with database.session() as session:
        topics.add_topic(session, "summit", ["summit"])
        session.flush()
    article = (
        "date 2025-06-03 Kremlin cool on summit\n\n"
        "MOSCOW - Kremlin spokesman Dmitry Peskov on Monday dismissed the idea of a summit "
        "between the two presidents before the end of June.\n\n"
        '"A summit in the near future is unlikely," Peskov told reporters.\n'
    )
    results = list(import_articles(database, ["-"], stdin=io.BytesIO(article.encode())))
    assert results[0].status.value == "new"
    with database.session() as session:
        rows = stances.list_stances(session)
    assert rows, "the summit statements are tagged and given a suggested stance"
    assert {row["stance"] for row in rows} == {"opposes (suggested)"}
    assert {row["speaker"] for row in rows} == {PESKOV}


def test_apply_retags_after_a_keyword_change_and_keeps_a_persons_tags(positions: Database) -> None:
    grain, open_id = statement_id(positions, GRAIN), statement_id(positions, OPEN)
    with positions.session() as session:
        topics.untag(session, open_id, "ceasefire")
        topics.tag(session, grain, "ceasefire")
        topics.set_keywords(session, "grain", ["Black Sea"])
        counts = topics.apply_topics(session)
        session.flush()
    assert counts["tags_added"] >= 1
    assert tags_of(positions, OPEN) == set()  # the person's untag stands
    assert tags_of(positions, GRAIN) == {"ceasefire", "grain"}  # person's tag + new keyword
    with positions.session() as session:
        row = session.get(StatementTopic, (grain, topics.get_topic(session, "ceasefire").id))
        assert row is not None and row.assigned_by == Actor.PERSON


def test_rule_stances_are_suggestions_a_person_overrides(positions: Database) -> None:
    reject, open_id = statement_id(positions, REJECT), statement_id(positions, OPEN)
    with positions.session() as session:
        suggested = {
            row["statement"]: row for row in stances.list_stances(session, suggested_only=True)
        }
        assert suggested[reject]["stance"] == "opposes (suggested)"
        assert suggested[reject]["by"] == "rejected"  # the cue that decided it
        assert suggested[open_id]["stance"] == "supports (suggested)"
        stances.set_stance(
            session, open_id, "ceasefire", Stance.NEUTRAL, by="A. Editor", note="hedged"
        )
        stances.confirm_stance(session, reject, "ceasefire", by="A. Editor")
        session.flush()
    with positions.session() as session:
        topics.apply_topics(session)  # rules run again
        session.flush()
        rows = {row["statement"]: row for row in stances.list_stances(session)}
        assert rows[open_id]["stance"] == "neutral" and rows[open_id]["by"] == "A. Editor"
        assert rows[reject]["stance"] == "opposes"
        assert stances.list_stances(session, suggested_only=True) == [
            row for row in stances.list_stances(session) if row["stance"].endswith("(suggested)")
        ]


def test_confirming_without_a_suggestion_is_the_users_error(positions: Database) -> None:
    with positions.session() as session, pytest.raises(QuotesError):
        stances.confirm_stance(session, statement_id(positions, GRAIN), "ceasefire")


def test_timeline_marks_the_change_of_position(positions: Database) -> None:
    with positions.session() as session:
        entries = timeline(session, "Peskov", topic="war")
    assert [e.text for e in entries] == [OPEN, NEUTRAL, REJECT]
    assert [e.said_on for e in entries] == [day(0), day(3), day(9)]
    assert [e.changed for e in entries] == [False, False, True]
    assert entries[2].changes() == ["ceasefire: supports → opposes"]
    assert entries[2].sources == 2
    assert entries[0].positions[0].describe() == "ceasefire: supports (suggested)"


def test_timeline_follows_a_persons_correction(positions: Database) -> None:
    with positions.session() as session:
        stances.set_stance(session, statement_id(positions, OPEN), "ceasefire", "opposes", by="ed")
        session.flush()
        entries = timeline(session, PESKOV, topic="ceasefire", since=day(1))
        assert [e.text for e in entries] == [NEUTRAL, REJECT]
        entries = timeline(session, PESKOV, topic="ceasefire")
    assert not any(e.changed for e in entries)  # opposes all along
    assert entries[0].positions[0].confirmed


def test_export_claims(positions: Database) -> None:
    with positions.session() as session:
        items = list(export_statements(session, speaker="Peskov", topic="ceasefire"))
    claims = [to_claim(item) for item in items]
    assert [c["text"] for c in claims] == [OPEN, NEUTRAL, REJECT]
    reject = claims[2]
    assert reject["@context"] == "https://schema.org" and reject["@type"] == "Claim"
    assert reject["author"] == {"@type": "Person", "name": PESKOV}
    assert reject["datePublished"] == day(9).isoformat()
    urls = [a["url"] for a in reject["appearance"]]
    assert len(urls) == 2 and all(url.startswith("https://") for url in urls)
    assert reject["firstAppearance"] == reject["appearance"][0]
    assert reject["firstAppearance"]["publisher"]["name"] == "Three Times"
    assert reject["firstAppearance"]["datePublished"] == day(9).isoformat()
    assert reject["about"] == [{"@type": "Thing", "name": "ceasefire"}]


def invoke(url: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", url, *args])
    return result.exit_code, result.output


def test_cli_topics_stance_timeline_export(positions: Database, database_url: str) -> None:
    code, out = invoke(database_url, "topics", "add", "energy", "--keywords", "gas, oil")
    assert code == 0 and "energy" in out
    code, out = invoke(database_url, "topics", "add", "energy")
    assert code == 1 and out.strip() == "Error: topic 'energy' exists already"
    code, out = invoke(database_url, "topics", "list", "--json")
    assert {row["name"] for row in json.loads(out)} == {"war", "ceasefire", "grain", "energy"}

    reject = statement_id(positions, REJECT)
    code, _ = invoke(
        database_url, "stance", "set", str(reject), "ceasefire", "opposes", "--by", "ed"
    )
    assert code == 0
    code, out = invoke(database_url, "stance", "list", "--speaker", "Peskov", "--nl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert {"statement": reject, "stance": "opposes", "by": "ed"}.items() <= next(
        r for r in rows if r["statement"] == reject
    ).items()

    code, out = invoke(database_url, "timeline", "--speaker", "Peskov", "--topic", "ceasefire")
    assert code == 0 and "◆" in out
    code, out = invoke(database_url, "timeline", "--speaker", "Peskov", "--json")
    entries = json.loads(out)
    assert [e["change"] for e in entries if e["change"]] == [["ceasefire: supports → opposes"]]

    code, out = invoke(database_url, "export", "--speaker", "Peskov")
    assert code == 0
    claims = json.loads(out)
    assert len(claims) == 4 and all(c["@type"] == "Claim" for c in claims)

    publish(positions, "Daily Two", day(11), Said(FORMULA, PESKOV, said_on=day(11)))
    code, out = invoke(database_url, "export", "--format", "csv", "--topic", "ceasefire")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[-1]["text"] == "'" + FORMULA  # inert in a spreadsheet
    assert rows[-1]["topics"] == "ceasefire"


def test_stance_rows_survive_only_for_tagged_topics(positions: Database) -> None:
    open_id = statement_id(positions, OPEN)
    with positions.session() as session:
        topics.untag(session, open_id, "ceasefire")
        session.flush()
        left = session.scalars(
            select(StatementStance).where(StatementStance.statement_id == open_id)
        ).all()
    assert left == []  # the rule's suggestion went with the rule's tag
