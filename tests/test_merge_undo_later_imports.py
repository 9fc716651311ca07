"""Undoing a speaker merge after later imports: what an import filed since under
the kept speaker by a name the merge had moved to it goes back with that name;
a later import that changed the merge's own rows makes the undo refuse, saying
so. Both backends; the names and sentences are made up."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from quotes.errors import QuotesError
from quotes.services.moving import move_quote
from quotes.services.operations import undo
from quotes.services.speakers import find_speaker, merge_speakers
from quotes.storage.database import Database
from quotes.storage.models import Quote, Statement
from tests.quote_fixtures import Said, publish
from tests.test_namesakes import CANAL, FOUNDRY, MARKET, ORCHARD, QUARRY, filed
from tests.test_operations import assert_no_mixed_statements, last_operation, snapshot, undo_last

DAY = dt.date(2026, 4, 2)


def _merge(database: Database, keep: str, other: str) -> int:
    with database.session() as session:
        return merge_speakers(session, find_speaker(session, keep), find_speaker(session, other))


def test_a_quote_imported_since_under_a_merged_name_goes_back_with_it(
    database: Database,
) -> None:
    publish(database, "A", DAY, Said(CANAL, "Ilona Marsh"))
    publish(database, "B", DAY, Said(FOUNDRY, "Pavel Oduya"), Said(QUARRY, "Pavel Oduya"))
    merge_id = _merge(database, "Ilona Marsh", "Pavel Oduya")
    # Imported after the (mistaken) merge: his name now finds her.
    publish(database, "C", DAY, Said(ORCHARD, "Pavel Oduya"), Said(MARKET, "Ilona Marsh"))
    assert set(filed(database).values()) == {"Ilona Marsh"}
    before_undo = snapshot(database)
    with database.session() as session:
        undo(session, str(merge_id))
    now = filed(database)
    assert now[CANAL] == now[MARKET] == "Ilona Marsh"
    # Everything printed as his is his again, what was imported since too, each
    # in a statement of his.
    assert now[FOUNDRY] == now[QUARRY] == now[ORCHARD] == "Pavel Oduya"
    with database.session() as session:
        orchard = session.scalars(select(Statement).where(Statement.canonical_text == ORCHARD))
        assert [s.speaker.name for s in orchard if s.speaker] == ["Pavel Oduya"]
    assert_no_mixed_statements(database)
    undone = snapshot(database)
    # Undoing the undo merges again, with the later quotes as the import had filed them.
    undo_last(database)
    assert snapshot(database) == before_undo
    undo_last(database)
    assert snapshot(database) == undone


def test_a_quote_a_person_placed_since_stays_where_they_put_it(database: Database) -> None:
    publish(database, "A", DAY, Said(CANAL, "Ilona Marsh"), Said(MARKET, "Rui Castro"))
    publish(database, "B", DAY, Said(FOUNDRY, "Pavel Oduya"))
    merge_id = _merge(database, "Ilona Marsh", "Pavel Oduya")
    publish(database, "C", DAY, Said(ORCHARD, "Pavel Oduya"))
    # A person checks the quote: first given to another, then, on second thought,
    # to her, by hand.
    with database.session() as session:
        quote_id = session.scalars(select(Quote.id).where(Quote.text == ORCHARD)).one()
    for name in ("Rui Castro", "Ilona Marsh"):
        with database.session() as session:
            move_quote(session, quote_id, find_speaker(session, name))
    with database.session() as session:
        undo(session, str(merge_id))
    now = filed(database)
    assert now[FOUNDRY] == "Pavel Oduya"
    assert now[ORCHARD] == "Ilona Marsh"
    assert_no_mixed_statements(database)


def test_an_import_that_changed_the_merge_s_rows_makes_the_undo_refuse(
    database: Database,
) -> None:
    publish(database, "A", DAY, Said(CANAL, "Ilona Marsh"))
    publish(database, "B", DAY, Said(FOUNDRY, "Pavel Oduya"))
    merge_id = _merge(database, "Ilona Marsh", "Pavel Oduya")
    # The same words again: they join the statement the merge gave her.
    publish(database, "C", DAY, Said(FOUNDRY, "Pavel Oduya"))
    merged = snapshot(database)
    with database.session() as session, pytest.raises(QuotesError) as refused:
        undo(session, str(merge_id))
    assert f"operation {merge_id} cannot be undone" in str(refused.value)
    assert "changed since by an import" in str(refused.value)
    assert snapshot(database) == merged
    assert last_operation(database) == merge_id
