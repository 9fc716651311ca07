"""More corrections that round-trip: link decisions, topic rules applied, authority
loads, unmerges, a split undone after the moves into it (do, undo, every table as
before). Both backends; the names are made up."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from quotes.errors import QuotesError
from quotes.services.authority import (
    accept_link,
    link_speakers,
    list_links,
    load_authority,
    reject_link,
)
from quotes.services.merging import unmerge_quote
from quotes.services.moving import move_quote
from quotes.services.operations import change_log, undo
from quotes.services.speakers import find_speaker, split_speaker
from quotes.services.topics import add_topic, apply_topics, set_keywords, tag
from quotes.storage.database import Database
from quotes.storage.models import AuthorityEntry, Quote, Speaker, Statement
from tests.quote_fixtures import Said, publish
from tests.test_operations import run, snapshot, undo_last

DAY = dt.date(2026, 5, 4)

PEOPLE = [
    {"id": "Q7100001", "name": "Orla Vennick", "description": "Ruritanian minister of ports"},
    {"id": "Q7100002", "name": "Orla Vennick", "description": "Ruritanian folk singer"},
    {"id": "Q7100003", "name": "Bertil Szabo", "aliases": ["Бертил Сабо"]},
]


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    return path


def test_link_accept_and_reject_then_undo(database: Database, tmp_path: Path) -> None:
    with database.session() as session:
        load_authority(session, write_jsonl(tmp_path / "people.jsonl", PEOPLE))
    publish(database, "A", DAY, Said("The ferry pier reopens in June.", "Orla Vennick"))
    unlinked = snapshot(database)
    with database.session() as session:
        link_speakers(session)
        pending = list_links(session)
    assert len(pending) == 2
    before = snapshot(database)
    with database.session() as session:
        reject_link(session, pending[0]["link_id"])
    rejected = snapshot(database)
    assert rejected != before
    with database.session() as session:
        accept_link(session, pending[1]["link_id"])
    assert snapshot(database) != rejected
    with database.session() as session:
        actions = [row["action"] for row in change_log(session)[:2]]
    assert actions == ["accept", "reject"]
    undo_last(database)
    assert snapshot(database) == rejected
    with database.session() as session:
        reject_id = next(r["id"] for r in change_log(session) if r["action"] == "reject")
        undo(session, reject_id)
    assert snapshot(database) == before
    # The linking itself (suggestions made) is an operation of the log too.
    with database.session() as session:
        link_id = next(r["id"] for r in change_log(session) if r["action"] == "link")
        undo(session, link_id)
    assert snapshot(database) == unlinked


def test_automatic_links_then_undo(database: Database, tmp_path: Path) -> None:
    with database.session() as session:
        load_authority(session, write_jsonl(tmp_path / "people.jsonl", PEOPLE))
    publish(database, "A", DAY, Said("The quarry reopens in spring.", "Бертил Сабо"))
    before = snapshot(database)
    with database.session() as session:
        assert link_speakers(session).linked == 1
    assert snapshot(database) != before
    undo_last(database)
    assert snapshot(database) == before


def test_topics_apply_then_undo(database: Database) -> None:
    publish(
        database,
        "A",
        DAY,
        Said("The ferry pier reopens in June, with two more crossings a day.", "Orla Vennick"),
        Said("Harbour dues will not rise while I am minister.", "Orla Vennick"),
        Said("We oppose any new quarry in the valley this decade.", "Bertil Szabo"),
    )
    with database.session() as session:
        add_topic(session, "Ferries", keywords=["ferry"])
        add_topic(session, "Quarries", keywords=["quarry", "quarries"])
        harbour = session.scalar(
            select(Statement.id).where(Statement.canonical_text.like("Harbour dues%"))
        )
        assert harbour is not None
        # A person's tag, which rules leave alone.
        tag(session, harbour, "Ferries")
    before = snapshot(database)
    with database.session() as session:
        assert apply_topics(session) == {"tags_added": 2, "tags_removed": 0}
    applied = snapshot(database)
    assert len(applied["statement_topics"]) == 3
    with database.session() as session:
        assert change_log(session)[0]["action"] == "apply"
    undo_last(database)
    assert snapshot(database) == before
    # Applied again, then a rule taken away: its tags (and their stances) go.
    with database.session() as session:
        apply_topics(session)
        set_keywords(session, "Quarries", ["gravel"])
    with_quarry = snapshot(database)
    with database.session() as session:
        assert apply_topics(session, "Quarries") == {"tags_added": 0, "tags_removed": 1}
    assert snapshot(database) != with_quarry
    undo_last(database)
    assert snapshot(database) == with_quarry


def test_authority_load_then_undo(database: Database, tmp_path: Path) -> None:
    empty = snapshot(database)
    with database.session() as session:
        load_authority(session, write_jsonl(tmp_path / "first.jsonl", PEOPLE))
    first = snapshot(database)
    assert len(first["authority_entries"]) == 3
    # A second file replaces one entry (same id) and adds one.
    second_rows = [
        {"id": "Q7100003", "name": "Bertil Szabo", "description": "Ruritanian harbour master"},
        {"id": "Q7100004", "name": "Ines Marrak"},
    ]
    with database.session() as session:
        load_authority(session, write_jsonl(tmp_path / "second.jsonl", second_rows))
    with database.session() as session:
        described = session.scalar(
            select(AuthorityEntry.description).where(AuthorityEntry.authority_id == "Q7100003")
        )
    assert described == "Ruritanian harbour master"
    with database.session() as session:
        loads = [r["id"] for r in change_log(session) if r["action"] == "load"]
    assert len(loads) == 2
    # The first load's Q7100003 was replaced by the second: undo the second first.
    with database.session() as session, pytest.raises(QuotesError, match="undo it first"):
        undo(session, loads[1])
    undo_last(database)
    assert snapshot(database) == first
    with database.session() as session:
        undo(session, loads[1])
    assert snapshot(database) == empty
    with database.session() as session, pytest.raises(QuotesError, match="load the file again"):
        undo(session, change_log(session)[0]["id"])


def test_undoing_a_load_waits_for_the_links_to_its_entries(
    database: Database, database_url: str, tmp_path: Path
) -> None:
    """Linking is an operation of its own: a load is undone after the links made to
    its entries, never leaving a speaker linked to an entry that is gone."""
    publish(
        database,
        "A",
        DAY,
        Said("The ferry pier reopens in June.", "Orla Vennick"),
        Said("The quarry reopens in spring.", "Бертил Сабо"),
    )
    before = snapshot(database)
    with database.session() as session:
        load_authority(session, write_jsonl(tmp_path / "people.jsonl", PEOPLE))
        (load_id,) = [r["id"] for r in change_log(session) if r["action"] == "load"]
    with database.session() as session:
        assert link_speakers(session).linked == 1
        accept_link(session, list_links(session)[0]["link_id"])
    with database.session() as session:
        accept_id, link_id = [r["id"] for r in change_log(session)[:2]]
        linked = session.scalars(select(Speaker).where(Speaker.authority_id.is_not(None))).all()
        assert len(linked) == 2
    # A second load that replaces a linked entry gives it back under its id when undone.
    second = write_jsonl(tmp_path / "second.jsonl", [{**PEOPLE[2], "description": "mason"}])
    with database.session() as session:
        load_authority(session, second)
    undo_last(database)
    linked_now = snapshot(database)
    code, out = run(database_url, "undo", load_id)
    assert code == 1 and out.count("\n") == 1, out
    assert f"operation {load_id} cannot be undone: operation {accept_id} (accept:" in out
    assert "undo it first" in out
    assert snapshot(database) == linked_now
    with database.session() as session:
        undo(session, accept_id)
    with database.session() as session, pytest.raises(QuotesError) as refused:
        undo(session, load_id)
    assert f"operation {link_id} (link:" in str(refused.value)
    assert "links speakers to entries it loaded (speaker" in str(refused.value)
    with database.session() as session:
        undo(session, link_id)
    with database.session() as session:
        undo(session, load_id)
    assert snapshot(database) == before


GATE = "The lock gates will be rebuilt before the spring floods, whatever it costs."
GATE_SHORT = "The lock gates will be rebuilt before the spring floods"
CANAL = "Canal tolls for barges stay where they are this year."


def test_unmerging_a_quote_and_an_automatic_join_then_undo(database: Database) -> None:
    publish(database, "A", DAY, Said(GATE, "Orla Vennick"))
    publish(database, "B", DAY, Said(GATE_SHORT, "Orla Vennick"))
    publish(database, "C", DAY, Said(GATE.lower(), "Orla Vennick"))
    before = snapshot(database)
    with database.session() as session:
        assert len(session.scalars(select(Statement.id)).all()) == 1
        joins = [r["id"] for r in change_log(session) if r["merge_id"] is not None]
        short = session.scalars(select(Quote.id).where(Quote.text == GATE_SHORT)).one()
        unmerge_quote(session, short)
    assert snapshot(database) != before
    undo_last(database)
    assert snapshot(database) == before
    # Undoing an automatic join ("m<id>") is an unmerge too, and undone the same way.
    with database.session() as session:
        undo(session, joins[0])
    assert snapshot(database) != before
    undo_last(database)
    assert snapshot(database) == before


def test_a_split_is_undone_after_the_moves_into_the_speaker_it_made(database: Database) -> None:
    # An outlet gave Vennick's words to "Commissioner Vennick", someone else; a person
    # splits her off, then moves a deputy's misattributed quote to her.
    publish(database, "A", DAY, Said(GATE, "Orla Vennick"))
    publish(database, "B", DAY, Said(CANAL, "Orla Vennick", mention="Commissioner Vennick"))
    publish(database, "C", DAY, Said("Barges may moor overnight again.", "Bertil Szabo"))
    before = snapshot(database)
    with database.session() as session:
        split_speaker(
            session, find_speaker(session, "Orla Vennick"), ["Commissioner Vennick"], "Ines Vennick"
        )
    with database.session() as session:
        split_id = change_log(session)[0]["id"]
        barges = session.scalars(select(Quote).where(Quote.text.like("Barges%"))).one()
        assert move_quote(session, barges.id, find_speaker(session, "Ines Vennick")).how == "apart"
    with database.session() as session:
        move_id = change_log(session)[0]["id"]
    moved = snapshot(database)
    # Undoing the split alone would leave the moved quote with no speaker.
    with database.session() as session, pytest.raises(QuotesError) as refused:
        undo(session, split_id)
    assert f"operation {move_id} (move:" in str(refused.value)
    assert "uses rows it made; undo it first" in str(refused.value)
    assert snapshot(database) == moved
    with database.session() as session:
        undo(session, move_id)
    with database.session() as session:
        undo(session, split_id)
    assert snapshot(database) == before


def test_a_split_is_not_undone_over_a_quote_an_import_filed_under_its_speaker(
    database: Database,
) -> None:
    publish(database, "A", DAY, Said(GATE, "Orla Vennick"))
    publish(database, "B", DAY, Said(CANAL, "Orla Vennick", mention="Commissioner Vennick"))
    with database.session() as session:
        split_speaker(
            session, find_speaker(session, "Orla Vennick"), ["Commissioner Vennick"], "Ines Vennick"
        )
        split_id = change_log(session)[0]["id"]
    publish(database, "C", DAY, Said("Barges may moor overnight again.", "Ines Vennick"))
    with database.session() as session:
        barges = session.scalars(select(Quote).where(Quote.text.like("Barges%"))).one()
        ines = find_speaker(session, "Ines Vennick").id
        assert barges.speaker_id == ines
    filed = snapshot(database)
    # Undone, the split would leave the imported quote under no one.
    with database.session() as session, pytest.raises(QuotesError) as refused:
        undo(session, split_id)
    assert str(refused.value).startswith(
        f"operation {split_id} cannot be undone: quotes {barges.id} was filed since under "
        f"speakers {ines}, which it made"
    )
    assert snapshot(database) == filed
    with database.session() as session:
        move_quote(session, barges.id, find_speaker(session, "Orla Vennick"))
    with database.session() as session:
        undo(session, split_id)
    with database.session() as session:
        assert session.scalar(select(Speaker.id).where(Speaker.id == ines)) is None
        assert None not in session.scalars(select(Quote.speaker_id)).all()
