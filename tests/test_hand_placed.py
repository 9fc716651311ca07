"""A quote a person filed stays where they put it when a later import refiles by
name; a quote a rule refiles joins its new speaker's statement. Both backends;
the names and sentences are made up."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from quotes.services.moving import move_quote
from quotes.services.speakers import find_speaker, split_speaker
from quotes.storage.database import Database
from quotes.storage.models import Operation, Quote, Statement
from tests.quote_fixtures import Said, publish
from tests.test_namesakes import BRIDGE, CANAL, FOUNDRY, MARKET, ORCHARD, QUARRY, filed
from tests.test_operations import assert_no_mixed_statements, snapshot, undo_last

DAY = dt.date(2026, 4, 2)


def _quote_id(database: Database, text: str) -> int:
    with database.session() as session:
        return session.scalars(select(Quote.id).where(Quote.text == text)).one()


def _refiles(database: Database) -> int:
    with database.session() as session:
        return len(session.scalars(select(Operation.id).where(Operation.action == "refile")).all())


def test_a_quote_moved_by_hand_is_not_refiled_by_a_later_import(database: Database) -> None:
    publish(database, "A", DAY, Said(CANAL, "Nadia Kemboi"))
    publish(database, "B", DAY, Said(FOUNDRY, "Otieno Kemboi"))
    # Two Kembois known: neither the bare surname nor the title says which.
    publish(database, "C", DAY, Said(QUARRY, "Kemboi"), Said(BRIDGE, "Senator Kemboi"))
    assert filed(database)[QUARRY] is filed(database)[BRIDGE] is None
    unmoved = snapshot(database)
    # A person who knows the story files the bare surname's quote.
    with database.session() as session:
        move_quote(session, _quote_id(database, QUARRY), find_speaker(session, "Nadia Kemboi"))
    moved = snapshot(database)
    # Undone and done again, the move gives back exactly each state, the mark too.
    undo_last(database)
    assert snapshot(database) == unmoved
    undo_last(database)
    assert snapshot(database) == moved
    # She is seen as the senator: the rule refiles what the office tells apart ...
    publish(database, "D", DAY, Said(MARKET, "Nadia Kemboi", role="senator"))
    assert _refiles(database) == 1
    now = filed(database)
    assert now[BRIDGE] == now[MARKET] == "Nadia Kemboi"
    # ... and leaves the quote a person placed where they put it.
    assert now[QUARRY] == "Nadia Kemboi"
    assert_no_mixed_statements(database)


def test_quotes_split_off_by_hand_are_not_refiled(database: Database) -> None:
    publish(database, "A", DAY, Said(CANAL, "Tamsin Oyelaran"))
    publish(database, "B", DAY, Said(FOUNDRY, "Oyelaran"), Said(QUARRY, "Oyelaran"))
    before = snapshot(database)
    # A person knows the bare surname there was another Oyelaran's: Ama's.
    with database.session() as session:
        tamsin = find_speaker(session, "Tamsin Oyelaran")
        split_speaker(session, tamsin, ["Oyelaran"], "Ama Oyelaran")
    split = snapshot(database)
    with database.session() as session:
        marks = session.execute(select(Quote.text, Quote.hand_placed)).all()
    assert dict(marks) == {CANAL: False, FOUNDRY: True, QUARRY: True}
    undo_last(database)
    assert snapshot(database) == before
    undo_last(database)
    assert snapshot(database) == split
    # A third Oyelaran appears: the bare surname could be any of them, but a
    # person said whose it was.
    publish(database, "C", DAY, Said(ORCHARD, "Kwesi Oyelaran"))
    now = filed(database)
    assert now[FOUNDRY] == now[QUARRY] == "Ama Oyelaran"
    assert now[CANAL] == "Tamsin Oyelaran" and now[ORCHARD] == "Kwesi Oyelaran"


def test_a_refiled_quote_joins_the_statement_of_its_new_speaker(database: Database) -> None:
    publish(database, "A", DAY, Said(CANAL, "Tamsin Oyelaran"))
    # Filed under the only Oyelaran known.
    publish(database, "B", DAY, Said(BRIDGE, "Governor Oyelaran"))
    assert filed(database)[BRIDGE] == "Tamsin Oyelaran"
    # The governor, named in full, said the same words elsewhere.
    publish(database, "C", DAY, Said(BRIDGE, "Governor Kwesi Oyelaran"))
    refiled = snapshot(database)
    with database.session() as session:
        statements = session.scalars(select(Statement).where(Statement.canonical_text == BRIDGE))
        (statement,) = statements.all()
        assert statement.quote_count == 2
        assert statement.speaker is not None and statement.speaker.name == "Kwesi Oyelaran"
        assert {q.speaker_id for q in statement.quotes} == {statement.speaker_id}
    # Undo gives the guess back, in a statement of its own; undoing that refiles again.
    undo_last(database)
    assert filed(database)[BRIDGE] is not None
    with database.session() as session:
        names = session.scalars(
            select(Statement.speaker_id).where(Statement.canonical_text == BRIDGE)
        ).all()
        assert len(names) == 2
    assert_no_mixed_statements(database)
    undo_last(database)
    assert snapshot(database) == refiled
