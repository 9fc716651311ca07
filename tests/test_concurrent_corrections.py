"""Corrections while an import runs: a ``quotes import`` process stores articles
while this process merges speakers, moves quotes and undoes both, over and over.

Afterwards nothing is lost or half-written (every article with both its
quotes, every statement's count and speaker those of its quotes), no statement
holds quotes of two speakers, and each correction is either in force or
undone. On SQLite the writers take turns; on PostgreSQL they meet on row and
advisory locks.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select, text

from quotes.errors import QuotesError
from quotes.services.importing import import_articles
from quotes.services.moving import move_quote
from quotes.services.operations import undo
from quotes.services.speakers import find_speaker, merge_speakers
from quotes.storage.database import Database
from quotes.storage.locks import identity_lock, lock_key
from quotes.storage.models import Article, Operation, Quote, Statement
from quotes.storage.speakers import mixed_statements
from tests.concurrent_corpus import PEOPLE, import_command, write_corpus
from tests.quote_fixtures import Said, publish

# Each round of corrections is a few transactions; the import outlasts many.
ROUNDS = 400
LIMIT_SECONDS = 240


def _correct_once(database: Database, round_number: int) -> tuple[int, int]:
    """Merge one person into another, move a quote, and undo both (newest first):
    (operations done, undos refused)."""
    keep_name = PEOPLE[round_number % len(PEOPLE)]
    other_name = PEOPLE[(round_number + 7) % len(PEOPLE)]
    done: list[int] = []
    with database.session() as session:
        keep, other = find_speaker(session, keep_name), find_speaker(session, other_name)
        quote_id = (
            None
            if keep.id == other.id
            else session.scalar(
                select(Quote.id).where(Quote.speaker_id == other.id).order_by(Quote.id.desc())
            )
        )
        if quote_id is not None:
            done.append(move_quote(session, quote_id, keep).operation_id)
    with database.session() as session:
        keep, other = find_speaker(session, keep_name), find_speaker(session, other_name)
        # (Once merged for good, an undo having been refused, the name finds ``keep``.)
        if keep.id != other.id:
            done.append(merge_speakers(session, keep, other))
    refused = 0
    for operation_id in reversed(done):
        with database.session() as session:
            try:
                undo(session, str(operation_id))
            except QuotesError as exc:
                # An import that wrote to the same rows since: the undo must say so.
                assert "cannot be undone" in str(exc), exc
                refused += 1
    return len(done), refused


def test_corrections_while_an_import_runs(
    database: Database, database_url: str, tmp_path: Path
) -> None:
    paths = write_corpus(tmp_path / "news", articles=360)
    first, rest = paths[:60], paths[60:]
    assert all(r.status != "error" for r in import_articles(database, first))
    run = subprocess.Popen(
        import_command(database_url, *rest),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    operations = refused = rounds = 0
    started = time.monotonic()
    try:
        while rounds < ROUNDS and time.monotonic() - started < LIMIT_SECONDS:
            finished = run.poll() is not None
            made, not_undone = _correct_once(database, rounds)
            operations, refused, rounds = operations + made, refused + not_undone, rounds + 1
            if finished:
                break
        out, err = run.communicate(timeout=LIMIT_SECONDS)
    finally:
        if run.poll() is None:
            run.kill()
    assert run.returncode == 0, err
    summary = json.loads(out)
    assert summary["new"] == len(rest) and summary["failed"] == 0
    # The corrections ran while the import did, not only after it.
    assert rounds > 1 and operations > 2

    with database.session() as session:
        assert session.scalar(select(Article.id).order_by(Article.id.desc())) is not None
        per_article = Counter(session.scalars(select(Quote.article_id)))
        assert len(per_article) == len(paths)
        assert set(per_article.values()) == {2}
        assert mixed_statements(session) == []
        held: dict[int, list[int | None]] = {}
        for statement_id, speaker_id in session.execute(
            select(Quote.statement_id, Quote.speaker_id)
        ):
            assert statement_id is not None
            held.setdefault(statement_id, []).append(speaker_id)
        for statement in session.scalars(select(Statement)):
            assert statement.quote_count == len(held.get(statement.id, [])), statement.id
            assert set(held[statement.id]) == {statement.speaker_id}, statement.id
        # Every correction is in force or undone; every undo names what it undid.
        logged = list(session.scalars(select(Operation)))
        undos = {op.details["undoes"]: op.id for op in logged if op.action == "undo"}
        for op in logged:
            if op.action in ("move", "merge"):
                assert (op.undone_by is not None) == (op.id in undos), op.id
                if op.undone_by is not None:
                    assert undos[op.id] == op.undone_by
        assert sum(1 for op in logged if op.action in ("move", "merge")) == operations
        assert sum(1 for op in logged if op.undone_by is not None) == operations - refused


def test_an_undo_of_a_merge_holds_the_names_it_gives_back(database: Database) -> None:
    """Until an undo that brings a merged speaker back commits, an importer may not
    look that name up: it would find the name's aliases without their speaker and
    create the person again (the import waits on the identity lock instead)."""
    if database.engine.dialect.name != "postgresql":
        pytest.skip("advisory locks are PostgreSQL's; SQLite writers take turns")
    day = dt.date(2026, 5, 4)
    publish(database, "Lake Courier", day, Said("The ferry pier opens in June.", "Edda Morrow"))
    publish(database, "Hill Post", day, Said("The bus depot stays shut.", "Rufus Quayle"))
    with database.session() as session:
        merged = merge_speakers(
            session, find_speaker(session, "Edda Morrow"), find_speaker(session, "Rufus Quayle")
        )
    free = text("SELECT pg_try_advisory_xact_lock(:key)")
    key = lock_key(identity_lock("Rufus Quayle") or "")
    with database.session() as session:
        undo(session, str(merged))
        with database.engine.connect() as importer:
            assert importer.scalar(free, {"key": key}) is False
    with database.engine.connect() as importer:
        assert importer.scalar(free, {"key": key}) is True
