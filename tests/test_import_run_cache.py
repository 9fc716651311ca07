"""What an import keeps between its transactions: candidate statements, by month.

The cache must give the answers a fresh read would give: it sees what other
writers stored during the run, follows statements whose date moves to
another month, and stays bounded. ``SoleWriter`` is what tells it that
nobody else wrote.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import URL

from quotes.services import importing
from quotes.services.candidates import Candidate, CandidateCache, Pool, month_of
from quotes.services.importing import ImportStatus, import_articles, import_inputs
from quotes.services.read_ahead import IDLE, ReadAhead
from quotes.sources import ArticleInput, read_sources
from quotes.storage.database import Database, create_database_engine, open_database
from quotes.storage.migrate import upgrade
from quotes.storage.models import Quote, Statement
from quotes.storage.sole_writer import SoleWriter
from tests.conftest import BACKENDS
from tests.import_helpers import stub_extractor
from tests.quote_fixtures import Said, publish

ISTANBUL = '"Talks in Istanbul can resume next week if the guarantees are written down," he said.'


def _article(name: str, day: dt.date, body: str) -> ArticleInput:
    return ArticleInput(text=f"{name}. {body}", origin=name, title=name, published=day)


def _statements(database: Database) -> list[tuple[str, dt.date | None, int]]:
    with database.session() as session:
        rows = session.execute(
            select(
                Statement.canonical_text, Statement.first_said_on, Statement.quote_count
            ).order_by(Statement.id)
        ).all()
    return [tuple(row) for row in rows]  # type: ignore[misc]


# --- SoleWriter -------------------------------------------------------------------


def test_sole_writer_vouches_only_when_nobody_else_wrote(database: Database) -> None:
    watch = SoleWriter()
    other = create_database_engine(database.url)
    try:
        with database.engine.connect() as connection:
            with connection.begin():
                assert watch.check(connection) is False  # nothing known yet
            with connection.begin():
                assert watch.check(connection) is True
                connection.execute(
                    text(
                        "INSERT INTO outlets (name, created_at) VALUES ('ours', CURRENT_TIMESTAMP)"
                    )
                )
            with connection.begin():
                assert watch.check(connection) is True  # our own commit
            with other.begin() as elsewhere:
                elsewhere.execute(
                    text(
                        "INSERT INTO outlets (name, created_at) VALUES ('theirs', CURRENT_TIMESTAMP)"
                    )
                )
            with connection.begin():
                assert watch.check(connection) is False
            watch.forget()
            with connection.begin():
                assert watch.check(connection) is False
    finally:
        other.dispose()


@pytest.mark.parametrize("empty_database_url", BACKENDS[1:], indirect=True)
def test_sole_writer_distrusts_a_writer_still_in_progress(empty_database_url: URL) -> None:
    """A transaction older than ours may commit after we read: trust nothing until it ends."""
    engine = create_database_engine(empty_database_url)
    upgrade(engine, "head")
    watch = SoleWriter()
    try:
        with engine.connect() as ours, engine.connect() as theirs:
            with ours.begin():
                watch.check(ours)
            slow = theirs.begin()
            theirs.execute(
                text("INSERT INTO outlets (name, created_at) VALUES ('slow', CURRENT_TIMESTAMP)")
            )
            with ours.begin():
                assert watch.check(ours) is False
            slow.commit()
            with ours.begin():
                # Its rows may have been missed by the transaction before.
                assert watch.check(ours) is False
            with ours.begin():
                assert watch.check(ours) is True
    finally:
        engine.dispose()


# --- the cache in an import -----------------------------------------------------


@pytest.fixture
def one_article_groups(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each article committed before the next is read, as in a slow run."""
    monkeypatch.setattr(importing._Group, "MAX_ARTICLES", 1)


@pytest.mark.usefixtures("one_article_groups")
def test_an_import_joins_a_statement_another_writer_stored_during_its_run(
    database: Database,
) -> None:
    march = dt.date(2026, 3, 2)
    other = open_database(database.url, upgrade=False)

    def articles() -> Iterator[ArticleInput]:
        yield _article("first", march, '"We will not sign this agreement," he said.')
        # Another importer stores a statement of the same speaker meanwhile.
        done = list(
            import_inputs(other, [_article("theirs", march, ISTANBUL)], extractor=stub_extractor)
        )
        assert [r.status for r in done] == [ImportStatus.NEW]
        yield _article("second", march + dt.timedelta(days=1), ISTANBUL)

    try:
        results = list(import_inputs(database, articles(), extractor=stub_extractor))
    finally:
        other.close()
    assert [r.status for r in results] == [ImportStatus.NEW, ImportStatus.NEW]
    statements = _statements(database)
    assert len(statements) == 2
    assert statements[1][2] == 2  # "theirs" and "second": one statement


@pytest.mark.usefixtures("one_article_groups")
def test_a_statement_whose_date_moves_a_month_back_is_found_there(database: Database) -> None:
    """Reports arrive latest first: each is 31 days before the one before it."""
    days = [dt.date(2026, 3, 31), dt.date(2026, 2, 28), dt.date(2026, 1, 28)]
    results = list(
        import_inputs(
            database,
            [_article(f"report {n}", day, ISTANBUL) for n, day in enumerate(days)],
            extractor=stub_extractor,
        )
    )
    assert [r.status for r in results] == [ImportStatus.NEW] * 3
    [(_, first_said_on, count)] = _statements(database)
    assert (first_said_on, count) == (dt.date(2026, 1, 28), 3)


def test_a_failed_group_leaves_no_statement_behind_for_the_next(
    database: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    """A rolled-back group's statements were held by the cache: they must not be joined."""
    march = dt.date(2026, 3, 2)
    real_record = importing._record

    def record_then_fail_on_lost(session: Any, items: Any, cache: Any) -> Any:
        recorded = real_record(session, items, cache)
        if any(article.title == "lost" for article, _ in items):
            raise RuntimeError("disk on fire")
        return recorded

    monkeypatch.setattr(importing, "_record", record_then_fail_on_lost)
    monkeypatch.setattr(importing._Group, "MAX_ARTICLES", 1)
    results = list(
        import_inputs(
            database,
            [_article("lost", march, ISTANBUL), _article("kept", march, ISTANBUL)],
            extractor=stub_extractor,
        )
    )
    assert [r.status for r in results] == [ImportStatus.FAILED, ImportStatus.NEW]
    [(_, _, count)] = _statements(database)
    assert count == 1
    with database.session() as session:
        statement_ids = set(session.scalars(select(Quote.statement_id)))
        assert statement_ids == set(session.scalars(select(Statement.id)))


def test_import_in_groups_stores_the_same_as_one_by_one(
    database: Database, tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Grouping is a matter of commits only: every article and statement comes out the same."""
    bodies = [
        ISTANBUL,
        '"We will not sign this agreement," he said.',
        '"Talks in Istanbul can resume next week," he said.',
        ISTANBUL.replace("next week", "next month"),
    ]
    articles = [
        _article(f"copy {n}", dt.date(2026, 3, 1) + dt.timedelta(days=n % 9), body)
        for n, body in enumerate(bodies * 5)
    ]
    grouped = list(import_inputs(database, articles, extractor=stub_extractor))
    together = _statements(database)
    other = open_database(database.url, upgrade=False)
    try:
        with other.session() as session:
            session.execute(text("DELETE FROM merge_suggestions"))
            session.execute(text("DELETE FROM merge_log"))
            session.execute(text("DELETE FROM quotes"))
            session.execute(text("DELETE FROM statements"))
            session.execute(text("DELETE FROM articles"))
    finally:
        other.close()
    monkeypatch.setattr(importing._Group, "MAX_ARTICLES", 1)
    alone = list(import_inputs(database, articles, extractor=stub_extractor))
    assert [r.status for r in grouped] == [r.status for r in alone] == [ImportStatus.NEW] * 20
    assert [(r.quotes, r.source) for r in grouped] == [(r.quotes, r.source) for r in alone]
    assert _statements(database) == together
    assert len(together) < len(articles)


def test_import_articles_groups_files_and_keeps_their_order(
    database: Database, tmp_path: object
) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path)) / "news"
    folder.mkdir()
    for n in range(7):
        (folder / f"{n}.txt").write_text(f"date 2026-03-0{n + 1} Report {n}\n\n{n}. {ISTANBUL}\n")
    (folder / "3.txt").write_bytes(b"\x00\x01\x02 binary")
    read = [
        item.origin if isinstance(item, ArticleInput) else item.source
        for item in read_sources([folder])
    ]
    results = list(import_articles(database, [str(folder)], extractor=stub_extractor))
    assert [r.source for r in results] == read
    failed = [Path(r.source).name for r in results if r.status is ImportStatus.FAILED]
    assert failed == ["3.txt"]
    [(_, first_said_on, count)] = _statements(database)
    assert (first_said_on, count) == (dt.date(2026, 3, 1), 6)


# --- the cache itself -------------------------------------------------------------


def test_the_cache_drops_months_least_recently_used_and_reads_them_again(
    database: Database,
) -> None:
    days = [dt.date(2026, month, 10) for month in (1, 2, 3, 4)]
    for n, day in enumerate(days):
        said = Said(f"Statement number {n} on the talks", "Dmitry Peskov", said_on=day)
        publish(database, "Wire", day, said)
    with database.session() as session:
        speaker_id = session.scalar(select(Statement.speaker_id))
        assert speaker_id is not None
        months = [month_of(day) for day in days]
        cache = CandidateCache(limit=2)
        connection = session.connection()
        cache.load(connection, [(speaker_id, months[0]), (speaker_id, months[1])])
        assert len(cache) == 2
        cache.load(connection, [(speaker_id, months[1])])  # February is now the most recent
        cache.load(connection, [(speaker_id, months[2]), (speaker_id, months[3])])
        assert len(cache) == 3  # January went; the two asked for are held whatever the limit
        held = {
            c.text
            for day in days
            for pool in cache.pools(speaker_id, day)
            for c in pool.candidates
            if c is not None
        }
        assert held == {f"Statement number {n} on the talks" for n in (1, 2, 3)}
        cache.load(connection, [(speaker_id, months[0])])
        [january] = [
            c.text
            for pool in cache.pools(speaker_id, dt.date(2026, 1, 1))
            for c in pool.candidates
            if c is not None and c.first_said_on == days[0]
        ]
        assert january == "Statement number 0 on the talks"


def test_a_pool_finds_wordings_by_shared_words_as_they_change_and_leave() -> None:
    pool = Pool()
    talks = Candidate(None, "talks can resume", "talks can resume")
    truce = Candidate(None, "no truce now", "no truce now")
    for candidate in (talks, truce):
        pool.append(candidate)
    assert pool.sharing({"talks", "resume", "soon"}, 2) == [0]
    assert pool.sharing({"talks", "truce"}, 1) == [0, 1]
    talks.normalized = "talks can resume in istanbul"
    pool.reword(talks, "talks can resume")
    assert pool.sharing({"istanbul"}, 1) == [0]
    assert pool.exact["talks can resume in istanbul"] == [0]
    assert not pool.exact["talks can resume"]
    pool.remove(talks)
    assert (len(pool), pool.sharing({"talks", "truce"}, 1)) == (1, [1])
    assert pool.found(1) is truce


# --- reading ahead ----------------------------------------------------------------


def test_an_article_read_is_stored_while_the_next_source_keeps_it_waiting(
    database: Database,
) -> None:
    """A feed on stdin writes now and then: what came is stored before what is to come."""

    def stored() -> int:
        with database.session(read_only=True) as session:
            return len(session.scalars(select(Statement.id)).all())

    def feed() -> Iterator[ArticleInput]:
        yield _article("first", dt.date(2026, 3, 2), ISTANBUL)
        deadline = time.monotonic() + 20
        while stored() == 0:
            assert time.monotonic() < deadline, "the first article waited for the second"
            time.sleep(0.02)
        yield _article("second", dt.date(2026, 3, 3), ISTANBUL)

    results = list(import_inputs(database, feed(), extractor=stub_extractor, read_ahead=True))
    assert [r.status for r in results] == [ImportStatus.NEW, ImportStatus.NEW]
    [(_, _, count)] = _statements(database)
    assert count == 2


def test_read_ahead_hands_over_items_idle_waits_and_errors_in_order() -> None:
    def source() -> Iterator[int]:
        yield 1
        time.sleep(0.3)
        yield 2
        raise ValueError("unreadable")

    ahead = ReadAhead(source())
    seen: list[object] = []
    try:
        with pytest.raises(ValueError, match="unreadable"):
            for item in ahead.wait(lambda: 0.05):
                seen.append(item)
    finally:
        ahead.close()
    assert seen[0] == 1 and seen[-1] == 2
    assert IDLE in seen[1:-1]


def test_a_jsonl_feed_on_stdin_is_stored_line_by_line(database: Database) -> None:
    """``quotes import --format jsonl -`` fed now and then by another program."""
    import json
    import os
    import threading

    read_end, write_end = os.pipe()
    writer = os.fdopen(write_end, "wb", buffering=0)
    line = {"text": f"first. {ISTANBUL}", "published": "2026-03-02"}
    writer.write(json.dumps(line).encode() + b"\n")

    def feed_later() -> None:
        """The second line once the first is stored (or after 20 s, failing the test)."""
        deadline = time.monotonic() + 20
        while not _statements(database) and time.monotonic() < deadline:
            time.sleep(0.02)
        later = {"text": f"second. {ISTANBUL}", "published": "2026-03-03"}
        writer.write(json.dumps(later).encode() + b"\n")
        writer.close()

    started = time.monotonic()
    feeder = threading.Thread(target=feed_later)
    feeder.start()
    with os.fdopen(read_end, "rb") as stdin:
        results = list(
            import_articles(database, ["-"], fmt="jsonl", stdin=stdin, extractor=stub_extractor)
        )
    feeder.join()
    assert time.monotonic() - started < 15
    assert [r.status for r in results] == [ImportStatus.NEW, ImportStatus.NEW]
    [(_, _, count)] = _statements(database)
    assert count == 2


def test_an_import_folds_the_log_less_often_and_leaves_the_default_behind(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite: each fold of the write-ahead log ends in an fsync; an import folds every
    ``IMPORT_CHECKPOINT_PAGES`` pages, and its pooled connection goes back as it was."""
    database = open_database(str(tmp_path / "log.db"))
    seen: list[int] = []
    real_record = importing._record

    def record_and_look(session: Any, items: Any, cache: Any) -> Any:
        pages = session.connection().exec_driver_sql("PRAGMA wal_autocheckpoint").scalar_one()
        seen.append(pages)
        return real_record(session, items, cache)

    monkeypatch.setattr(importing, "_record", record_and_look)
    results = list(
        import_inputs(
            database, [_article("one", dt.date(2026, 3, 2), ISTANBUL)], extractor=stub_extractor
        )
    )
    assert [r.status for r in results] == [ImportStatus.NEW]
    assert seen == [importing.IMPORT_CHECKPOINT_PAGES]
    try:
        with database.engine.connect() as connection:
            pages = connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar_one()
            assert pages == 1000
    finally:
        database.close()
