"""The change log: every correction round-trips (do, undo, the database as before).

Each test takes a snapshot of every table (all rows, all columns) but the log's
own, makes a correction, undoes it, and compares. The sentences are made up.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from quotes.cli import cli
from quotes.errors import QuotesError
from quotes.services.dedupe import dedupe_statements
from quotes.services.merging import accept_suggestion, list_suggestions, reject_suggestion
from quotes.services.moving import move_quote
from quotes.services.operations import change_log, undo
from quotes.services.speakers import (
    add_alias,
    find_speaker,
    merge_speakers,
    rename_speaker,
    split_speaker,
)
from quotes.services.stance import confirm_stance, set_stance
from quotes.services.topics import add_topic, apply_topics, tag, untag
from quotes.storage.database import Database
from quotes.storage.models import Base, Operation, OperationRow, Quote, Speaker, Statement
from quotes.storage.operations import acting_as
from quotes.storage.speakers import mixed_statements
from tests.quote_fixtures import Said, publish

DAY = dt.date(2026, 3, 9)
LOG_TABLES = {"operations", "operation_rows", "operation_speakers"}

HARBOUR = "The harbour will stay open through the winter, whatever the storms bring."
HARBOUR_SHORT = "The harbour will stay open through the winter"
HARBOUR_LOWER = "the harbour will stay open through the winter - whatever the storms bring"
HARBOUR_LOOSE = "We shall keep the harbour open all winter, whatever storms may come."
FERRY = "Ferry fares will not rise before the autumn vote, I promise you that."
TAX = "A tourist tax is not on the table this year."


def snapshot(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the change log's, as sorted tuples."""
    with database.engine.connect() as connection:
        return {
            table.name: sorted((tuple(row) for row in connection.execute(select(table))), key=repr)
            for table in Base.metadata.sorted_tables
            if table.name not in LOG_TABLES
        }


def last_operation(database: Database) -> int:
    with database.session() as session:
        found = session.scalar(select(Operation.id).order_by(Operation.id.desc()).limit(1))
        assert found is not None
        return found


def undo_last(database: Database) -> str:
    with database.session() as session:
        return undo(session, str(last_operation(database)))


def assert_no_mixed_statements(database: Database) -> None:
    with database.session() as session:
        assert mixed_statements(session) == []


def harbour_quotes(database: Database, **thresholds: float) -> None:
    """One speaker, four printings of one statement and one of another; kept apart
    on import (an auto threshold no pair reaches) so that dedupe has work to do."""
    apart = thresholds or {"auto": 1.01, "suggest": 0.5}
    publish(database, "Coast Herald", DAY, Said(HARBOUR, "Ilona Marsh", role="mayor"), **apart)
    publish(database, "Bay Times", DAY, Said(HARBOUR_SHORT, "Marsh"), **apart)
    publish(database, "Port Daily", DAY, Said(HARBOUR_LOWER, "Ilona Marsh"), **apart)
    publish(database, "Port Daily", DAY, Said(HARBOUR_LOOSE, "Ilona Marsh"), **apart)
    publish(database, "Bay Times", DAY, Said(FERRY, "Ilona Marsh"), **apart)


def statements_of(database: Database, name: str) -> int:
    with database.session() as session:
        speaker = find_speaker(session, name)
        return len(
            session.scalars(select(Statement.id).where(Statement.speaker_id == speaker.id)).all()
        )


def test_dedupe_of_one_speaker_then_undo_gives_back_everything(database: Database) -> None:
    harbour_quotes(database)
    with database.session() as session:
        pending = len(list_suggestions(session))
    assert pending > 0
    before = snapshot(database)
    statements = statements_of(database, "Ilona Marsh")
    with database.session() as session:
        speaker = find_speaker(session, "Ilona Marsh")
        result = dedupe_statements(session, speaker_id=speaker.id)
    assert result.moved > 0 and statements_of(database, "Ilona Marsh") < statements
    assert snapshot(database) != before
    undo_last(database)
    assert snapshot(database) == before
    with database.session() as session:
        assert len(list_suggestions(session)) == pending


def test_a_whole_dedupe_in_batches_then_undo(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Batch by batch, the row images are written as the batches are (bounded memory)."""
    import quotes.services.dedupe

    monkeypatch.setattr(quotes.services.dedupe, "BATCH_QUOTES", 2)
    harbour_quotes(database)
    apart = {"auto": 1.01, "suggest": 0.5}
    publish(database, "Bay Times", DAY, Said(FERRY, "Pavel Oduya"), **apart)
    publish(database, "Coast Herald", DAY, Said(FERRY.lower(), "Pavel Oduya"), **apart)
    before = snapshot(database)
    with database.session() as session:
        result = dedupe_statements(session)
    assert result.speakers == 2 and result.moved >= 3
    with database.session() as session:
        operation_id = last_operation(database)
        rows = session.scalars(
            select(OperationRow.table_name).where(OperationRow.operation_id == operation_id)
        ).all()
        assert rows.count("quotes") == result.moved
    undo_last(database)
    assert snapshot(database) == before


def test_speaker_merge_then_split_then_both_undone(database: Database) -> None:
    # "Marsz" is a spelling the identity key does not fold into "Marsh" (as it
    # does "Marsch"), so only a person can say the two are one speaker.
    publish(database, "Coast Herald", DAY, Said(HARBOUR, "Ilona Marsh", role="mayor"))
    publish(
        database,
        "Bay Times",
        DAY,
        Said(HARBOUR_SHORT, "Ilona Marsz", role="harbour commissioner"),
    )
    publish(database, "Bay Times", DAY, Said(TAX, "Ilona Marsz", mention="Commissioner Marsz"))
    before = snapshot(database)
    with database.session() as session:
        keep, other = find_speaker(session, "Ilona Marsh"), find_speaker(session, "Ilona Marsz")
        merge_speakers(session, keep, other)
    merged = snapshot(database)
    assert len(merged["speakers"]) == 1
    # The same statement under both speakers became one.
    assert len(merged["statements"]) == 2
    assert_no_mixed_statements(database)
    with database.session() as session:
        speaker = find_speaker(session, "Ilona Marsh")
        split_speaker(session, speaker, ["Commissioner Marsz"], "Ilona Marsz")
    assert_no_mixed_statements(database)
    with database.session() as session:
        moved = session.scalars(select(Quote.speaker_id).where(Quote.text == TAX)).one()
        assert session.get(Speaker, moved).name == "Ilona Marsz"  # type: ignore[union-attr]
    split_id = last_operation(database)
    undo_last(database)
    assert snapshot(database) == merged
    # Undoing the undo does the split again; undoing that gives the merge back.
    undo_last(database)
    assert snapshot(database) != merged
    undo_last(database)
    assert snapshot(database) == merged
    with database.session() as session:
        merge_id, again = session.scalars(
            select(Operation.id)
            .where(Operation.action.in_(["merge", "split"]))
            .order_by(Operation.id)
        ).all()
        assert again == split_id
        undo(session, str(merge_id))
    assert snapshot(database) == before


def test_review_accept_and_reject_then_undo(database: Database) -> None:
    harbour_quotes(database)
    before = snapshot(database)
    with database.session() as session:
        first, second = list_suggestions(session)[:2]
        accept_suggestion(session, first["suggestion_id"])
    assert snapshot(database) != before
    undo_last(database)
    assert snapshot(database) == before
    with database.session() as session:
        reject_suggestion(session, second["suggestion_id"])
    undo_last(database)
    assert snapshot(database) == before


def test_rename_and_alias_then_undo(database: Database) -> None:
    publish(database, "Coast Herald", DAY, Said(HARBOUR, "Ilona Marsh", role="mayor"))
    publish(database, "Bay Times", DAY, Said(FERRY, "Tomas Brink"))
    before = snapshot(database)
    with database.session() as session:
        rename_speaker(session, find_speaker(session, "Ilona Marsh"), "Mayor Ilona Marsh-Vey")
    rename_id = last_operation(database)
    with database.session() as session:
        add_alias(session, find_speaker(session, "Ilona Marsh"), "I. Marsh-Vey")
        assert find_speaker(session, "I. Marsh-Vey").name == "Mayor Ilona Marsh-Vey"
    alias_id = last_operation(database)
    with database.session() as session:
        undo(session, str(alias_id))
    with database.session() as session:
        undo(session, str(rename_id))
    assert snapshot(database) == before
    with database.session() as session:
        ops = session.scalars(select(Operation).order_by(Operation.id)).all()
        assert [o.action for o in ops] == ["rename", "alias", "undo", "undo"]
        assert ops[0].undone_by == ops[3].id and ops[1].undone_by == ops[2].id


def test_rename_to_a_name_another_speaker_holds_is_refused(database: Database) -> None:
    publish(database, "Coast Herald", DAY, Said(HARBOUR, "Ilona Marsh"))
    publish(database, "Bay Times", DAY, Said(FERRY, "Tomas Brink"))
    before = snapshot(database)
    with database.session() as session, pytest.raises(QuotesError, match="merge them instead"):
        rename_speaker(session, find_speaker(session, "Tomas Brink"), "Ilona Marsh")
    assert snapshot(database) == before


def test_stance_set_and_confirm_then_undo(database: Database) -> None:
    publish(database, "Coast Herald", DAY, Said(TAX, "Ilona Marsh"))
    with database.session() as session:
        add_topic(session, "tourism", ["tourist tax"])
        add_topic(session, "ferries", ["ferry"])
        apply_topics(session)
    before = snapshot(database)
    with database.session() as session:
        statement_id = session.scalars(select(Statement.id)).one()
        confirm_stance(session, statement_id, "tourism", by="R. Editor")
    undo_last(database)
    assert snapshot(database) == before
    with database.session() as session:
        set_stance(session, statement_id, "ferries", "opposes", by="R. Editor")
    undo_last(database)
    assert snapshot(database) == before
    with database.session() as session:
        untag(session, statement_id, "tourism")
    with database.session() as session:
        tag(session, statement_id, "ferries")
    undo_last(database)
    with database.session() as session:
        undo(session, str(last_operation(database) - 2))
    assert snapshot(database) == before


def test_quotes_move_then_undo(database: Database) -> None:
    # Two outlets gave the mayor's words to her deputy; one of them printed them alone.
    publish(database, "Coast Herald", DAY, Said(HARBOUR, "Ilona Marsh"))
    publish(
        database, "Bay Times", DAY, Said(HARBOUR_SHORT, "Pavel Oduya"), Said(TAX, "Pavel Oduya")
    )
    publish(database, "Port Daily", DAY, Said(HARBOUR_LOWER, "Pavel Oduya"))
    before = snapshot(database)
    with database.session() as session:
        wrong = session.scalars(select(Quote).where(Quote.text == HARBOUR_LOWER)).one()
        quote_id, old_statement = wrong.id, wrong.statement_id
        others = session.scalars(
            select(Quote.id).where(Quote.statement_id == old_statement, Quote.id != quote_id)
        ).all()
        assert others  # its statement has another quote, which stays
        done = move_quote(session, quote_id, find_speaker(session, "Ilona Marsh"))
        assert done.how == "joined"
    assert_no_mixed_statements(database)
    with database.session() as session:
        moved = session.get(Quote, quote_id)
        assert moved is not None and moved.statement_id != old_statement
        assert moved.speaker.name == "Ilona Marsh"  # type: ignore[union-attr]
        target = session.get(Statement, moved.statement_id)
        assert target is not None and target.quote_count == 2
        assert target.canonical_text == HARBOUR
        left = session.get(Statement, old_statement)
        assert left is not None and left.quote_count == 1
    undo_last(database)
    assert snapshot(database) == before
    # A quote alone in its statement takes the statement (with its tags) along.
    with database.session() as session:
        alone = session.scalars(select(Quote).where(Quote.text == TAX)).one()
        statement_id = alone.statement_id
        done = move_quote(session, alone.id, find_speaker(session, "Ilona Marsh"))
        assert done.how == "apart" and done.to_statement == statement_id
    with database.session() as session:
        statement = session.get(Statement, statement_id)
        assert statement is not None and statement.speaker.name == "Ilona Marsh"  # type: ignore[union-attr]
    assert_no_mixed_statements(database)
    undo_last(database)
    assert snapshot(database) == before


def test_undoing_a_move_into_a_speaker_merged_away_since_is_refused(database: Database) -> None:
    # A quote moved from the deputy to the mayor, then the deputy merged into her:
    # undoing the move alone would give the quote back to a speaker that is gone.
    publish(database, "Coast Herald", DAY, Said(HARBOUR, "Ilona Marsh"))
    publish(database, "Bay Times", DAY, Said(TAX, "Pavel Oduya"))
    publish(database, "Port Daily", DAY, Said(FERRY, "Pavel Oduya"))
    with database.session() as session:
        alone = session.scalars(select(Quote).where(Quote.text == TAX)).one()
        assert move_quote(session, alone.id, find_speaker(session, "Ilona Marsh")).how == "apart"
    move_id = last_operation(database)
    with database.session() as session:
        merge_speakers(
            session, find_speaker(session, "Ilona Marsh"), find_speaker(session, "Pavel Oduya")
        )
    merge_id = last_operation(database)
    merged = snapshot(database)
    with database.session() as session, pytest.raises(QuotesError) as refused:
        undo(session, str(move_id))
    assert f"operation {move_id} cannot be undone: operation {merge_id} (merge" in str(
        refused.value
    )
    assert snapshot(database) == merged
    # Undone in order, both go.
    for operation_id in (merge_id, move_id):
        with database.session() as session:
            undo(session, str(operation_id))
    with database.session() as session:
        assert find_speaker(session, "Pavel Oduya").name == "Pavel Oduya"
    assert_no_mixed_statements(database)


def test_a_suggestion_across_speakers_is_not_accepted(database: Database) -> None:
    harbour_quotes(database)
    publish(database, "Bay Times", DAY, Said(TAX, "Pavel Oduya"))
    with database.session() as session:
        suggestion = list_suggestions(session)[0]
        move_quote(session, suggestion["quote_id"], find_speaker(session, "Pavel Oduya"))
    before = snapshot(database)
    with database.session() as session, pytest.raises(QuotesError, match="different speakers"):
        accept_suggestion(session, suggestion["suggestion_id"])
    assert snapshot(database) == before
    assert_no_mixed_statements(database)


def test_split_by_the_name_a_quote_was_printed_under(database: Database) -> None:
    # The rule filed a second Marsh under the first; her quote was printed as "Dr. Vera Marsh".
    publish(database, "Coast Herald", DAY, Said(HARBOUR, "Marsh"))
    publish(database, "Bay Times", DAY, Said(TAX, "Marsh", mention="Dr. Vera Marsh"))
    before = snapshot(database)
    with database.session() as session:
        speaker = find_speaker(session, "Marsh")
        new = split_speaker(session, speaker, ["Dr. Vera Marsh"], "Vera Marsh")
        new_id = new.id
    with database.session() as session:
        moved = session.scalars(select(Quote).where(Quote.text == TAX)).one()
        assert moved.speaker_id == new_id
        stayed = session.scalars(select(Quote).where(Quote.text == HARBOUR)).one()
        assert stayed.speaker_id != new_id
    assert_no_mixed_statements(database)
    undo_last(database)
    assert snapshot(database) == before


def test_an_undo_is_refused_when_a_later_operation_changed_the_rows(database: Database) -> None:
    harbour_quotes(database)
    before = snapshot(database)
    with database.session() as session:
        speaker = find_speaker(session, "Ilona Marsh")
        dedupe_statements(session, speaker_id=speaker.id, auto=0.99, suggest=0.3)
    dedupe_id = last_operation(database)
    with database.session() as session:
        suggestion = list_suggestions(session)[0]
        accept_suggestion(session, suggestion["suggestion_id"])
    accept_id = last_operation(database)
    after_both = snapshot(database)
    with database.session() as session, pytest.raises(QuotesError) as refused:
        undo(session, str(dedupe_id))
    assert f"operation {accept_id} (accept" in str(refused.value)
    assert "undo it first" in str(refused.value)
    assert snapshot(database) == after_both
    with database.session() as session:
        undo(session, str(accept_id))
    with database.session() as session:
        undo(session, str(dedupe_id))
    assert snapshot(database) == before
    with database.session() as session, pytest.raises(QuotesError, match="undone already"):
        undo(session, str(dedupe_id))


def test_merge_accept_unmerge_never_mixes_speakers(database: Database) -> None:
    """The reported sequence: a speaker merge, a review decision, then undoing the merge."""
    publish(database, "Coast Herald", DAY, Said(HARBOUR, "Ilona Marsh"))
    publish(database, "Bay Times", DAY, Said(HARBOUR_SHORT, "Ilona Marsz"))
    publish(
        database,
        "Port Daily",
        DAY,
        Said(HARBOUR_LOOSE, "Ilona Marsh"),
        **{"auto": 1.01, "suggest": 0.01},
    )
    with database.session() as session:
        merge_speakers(
            session, find_speaker(session, "Ilona Marsh"), find_speaker(session, "Ilona Marsz")
        )
    merge_id = last_operation(database)
    assert_no_mixed_statements(database)
    with database.session() as session:
        suggestions = list_suggestions(session)
        assert suggestions
        for suggestion in suggestions:
            accept_suggestion(session, suggestion["suggestion_id"])
    assert_no_mixed_statements(database)
    with database.session() as session, pytest.raises(QuotesError, match="undo it first"):
        undo(session, str(merge_id))
    assert_no_mixed_statements(database)
    with database.session() as session:
        joins = [r for r in change_log(session) if r["merge_id"] is not None]
    assert joins
    # One id kind in the log: a string for every entry, "m<merge id>" for a join.
    assert all(j["id"] == f"m{j['merge_id']}" and j["operation_id"] is None for j in joins)
    undone = 0
    for join in joins:
        with database.session() as session:
            try:
                undo(session, join["id"])
                undone += 1
            except QuotesError as refused:
                assert "has moved since" in str(refused)
        assert_no_mixed_statements(database)
    assert undone


def run(database_url: str, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(
        cli, ["--db", database_url, *args], env={"COLUMNS": "300", **(env or {})}
    )
    return result.exit_code, result.output


def test_cli_dedupe_log_and_undo(database: Database, database_url: str) -> None:
    harbour_quotes(database)
    before = snapshot(database)
    code, out = run(database_url, "dedupe", "--speaker", "Ilona Marsh", "--by", "K. Checker")
    assert code == 0, out
    code, out = run(database_url, "log", "--json")
    assert code == 0, out
    rows = json.loads(out)
    dedupe = [r for r in rows if r["action"] == "dedupe"]
    assert len(dedupe) == 1
    assert set(dedupe[0]) == {
        "id",
        "operation_id",
        "merge_id",
        "action",
        "entity",
        "actor",
        "who",
        "method",
        "score",
        "summary",
        "created_at",
        "undone_at",
    }
    assert dedupe[0]["who"] == "K. Checker" and dedupe[0]["actor"] == "rule"
    assert dedupe[0]["id"] == str(dedupe[0]["operation_id"]) and dedupe[0]["merge_id"] is None
    assert all(isinstance(r["id"], str) for r in rows)
    assert dedupe[0]["undone_at"] is None
    code, out = run(database_url, "log", "--speaker", "Tomas Brink")
    assert code == 1  # no such speaker
    code, out = run(database_url, "log", "--speaker", "Marsh", "--csv")
    assert code == 0 and "dedupe" in out
    code, out = run(database_url, "undo", dedupe[0]["id"], env={"QUOTES_USER": "L. Second"})
    assert code == 0, out
    assert snapshot(database) == before
    rows = json.loads(run(database_url, "log", "--json", "--since", DAY.isoformat())[1])
    assert rows[0]["action"] == "undo" and rows[0]["who"] == "L. Second"
    assert next(r for r in rows if r["action"] == "dedupe")["undone_at"] is not None
    code, out = run(database_url, "undo", "nonsense")
    assert code == 1 and "not an operation id" in out


def test_who_defaults_to_the_session_name(database: Database) -> None:
    publish(database, "Coast Herald", DAY, Said(HARBOUR, "Ilona Marsh"))
    with database.session() as session:
        acting_as(session, "Web User")
        add_alias(session, find_speaker(session, "Ilona Marsh"), "The Mayor of Vey")
    with database.session() as session:
        (row,) = change_log(session)
        assert row["who"] == "Web User" and row["action"] == "alias"
        assert "The Mayor of Vey" in row["summary"]
