"""Made-up wire copy of one speaker's positions, for the topic, stance,
timeline and export tests.

Dmitry Peskov on the ceasefire: open to it (day 0), a neutral remark
(day 3), then rejecting it (day 9, carried by two outlets); and one
statement on the grain corridor. "ceasefire" is a sub-topic of "war".
"""

from __future__ import annotations

import datetime as dt

from click.testing import CliRunner
from sqlalchemy import select

from quotes.cli import cli
from quotes.services import topics
from quotes.storage.database import Database
from quotes.storage.models import Statement, StatementTopic
from tests.quote_fixtures import Said, publish

PESKOV = "Dmitry Peskov"
OPEN = "Moscow is open to a ceasefire along the current line if the talks in Istanbul go on."
NEUTRAL = "The ceasefire question will be discussed by the delegations next week."
REJECT = "Peskov said the Kremlin rejected the ceasefire proposal as a trick to rearm Kyiv."
GRAIN = "The grain corridor through the Black Sea will stay open for another four months."


def day(n: int) -> dt.date:
    return dt.date(2025, 5, 1) + dt.timedelta(days=n)


def build_positions(database: Database) -> Database:
    with database.session() as session:
        topics.add_topic(session, "war", [])
        topics.add_topic(session, "ceasefire", ["ceasefire", "truce"], parent="war")
        topics.add_topic(session, "grain", ["grain corridor", "grain deal"])
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
    """The topics on a statement, as search and timeline see them (untags left out)."""
    found = statement_id(database, text)
    with database.session() as session:
        rows = session.scalars(
            select(StatementTopic).where(
                StatementTopic.statement_id == found, StatementTopic.excluded.is_(False)
            )
        )
        return {row.topic.name for row in rows}


def invoke(url: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", url, *args])
    return result.exit_code, result.output
