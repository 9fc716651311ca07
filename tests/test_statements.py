"""One statement, many sources: online attach, review, unmerge, dedupe, on both backends."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from quotes import match
from quotes.cli import cli
from quotes.errors import NotFoundError, QuotesError
from quotes.extract.model import SpeakerKind
from quotes.services.dedupe import dedupe_statements
from quotes.services.merging import (
    accept_suggestion,
    list_suggestions,
    reject_suggestion,
    undo_merge,
    unmerge_quote,
)
from quotes.services.recording import forget_article_quotes
from quotes.services.statements import get_statement, list_statements
from quotes.storage.database import Database
from quotes.storage.models import (
    Article,
    MergeAction,
    MergeLog,
    MergeSuggestion,
    Operation,
    Quote,
    Statement,
    SuggestionStatus,
)
from tests.quote_fixtures import (
    PESKOV_ELLIPSIS,
    PESKOV_FULL,
    PESKOV_OTHER,
    PESKOV_RECASED,
    PESKOV_TRUNCATED,
    Said,
    publish,
)

PESKOV = "Dmitry Peskov"
ROLE = "Kremlin spokesman"
PARAPHRASE = (
    "We are prepared to keep negotiating in Istanbul provided that our security "
    "concerns are considered."
)
DAY = dt.date(2025, 5, 12)


def middle_band(text: str, other: str) -> dict[str, float]:
    """Thresholds that put this pair between them, whatever the scorer gives it."""
    value = match.score(match.normalize(text), match.normalize(other)).score
    assert 0.3 < value < 1.0
    return {"auto": value + 0.01, "suggest": value - 0.01}


def ten_outlets(database: Database) -> None:
    publish(database, "Wire One", DAY + dt.timedelta(days=1), Said(PESKOV_TRUNCATED, "Peskov"))
    publish(database, "Daily Two", DAY, Said(PESKOV_FULL, PESKOV, role=ROLE))
    publish(database, "Three Times", DAY + dt.timedelta(days=2), Said(PESKOV_ELLIPSIS, PESKOV))
    publish(
        database, "Four Post", DAY + dt.timedelta(days=1), Said(PESKOV_RECASED, "Dmitri Peskov")
    )
    publish(database, "Wire One", DAY + dt.timedelta(days=3), Said(PESKOV_OTHER, PESKOV))


def statements_of(database: Database) -> list[Statement]:
    with database.session() as session:
        return list(session.scalars(select(Statement).order_by(Statement.id)))


def test_one_statement_from_many_outlets_with_every_source(database: Database) -> None:
    ten_outlets(database)
    found = statements_of(database)
    assert len(found) == 2
    merged, other = sorted(found, key=lambda s: -s.quote_count)
    assert merged.quote_count == 4
    assert merged.canonical_text == PESKOV_FULL  # the longest faithful wording
    assert merged.first_said_on == DAY  # the earliest
    assert other.canonical_text == PESKOV_OTHER and other.quote_count == 1
    with database.session() as session:
        view = get_statement(session, merged.id)
        assert {s.outlet for s in view.sources} == {
            "Wire One",
            "Daily Two",
            "Three Times",
            "Four Post",
        }
        assert {s.text for s in view.sources} == {
            PESKOV_FULL,
            PESKOV_TRUNCATED,
            PESKOV_ELLIPSIS,
            PESKOV_RECASED,
        }
        methods = {s.method for s in view.sources}
        assert None in methods and methods - {None} <= {"exact", "containment", "fuzzy"}
        logged = session.scalar(select(func.count()).select_from(MergeLog))
        assert logged == 3  # one row per automatic attach, with method and score
        assert all(m.score is not None for m in session.scalars(select(MergeLog)))


def test_a_fragment_joins_the_longest_statement_that_contains_it(database: Database) -> None:
    # Another statement that begins with the same words as the fragment.
    short = (
        "We are ready to continue the negotiations in Istanbul, "
        "and our delegation will again be led by the same adviser."
    )
    publish(database, "A", DAY, Said(short, PESKOV))
    publish(database, "B", DAY, Said(PESKOV_FULL + " Nothing else will do.", PESKOV))
    publish(database, "C", DAY, Said(PESKOV_TRUNCATED, PESKOV))
    found = {s.canonical_text: s.quote_count for s in statements_of(database)}
    assert found[PESKOV_FULL + " Nothing else will do."] == 2
    assert found[short] == 1


def test_the_same_words_of_another_speaker_are_another_statement(database: Database) -> None:
    publish(database, "A", DAY, Said(PESKOV_FULL, PESKOV))
    publish(database, "B", DAY, Said(PESKOV_FULL, "Sergei Lavrov"))
    assert [s.quote_count for s in statements_of(database)] == [1, 1]


def test_described_speakers_are_not_merged_or_named(database: Database) -> None:
    first = publish(
        database, "A", DAY, Said(PESKOV_FULL, "a senior official", kind=SpeakerKind.DESCRIPTION)
    )
    second = publish(
        database, "B", DAY, Said(PESKOV_FULL, "a senior official", kind=SpeakerKind.DESCRIPTION)
    )
    assert first.new_speakers == second.new_speakers == 0
    with database.session() as session:
        quotes = list(session.scalars(select(Quote)))
        assert all(q.speaker_id is None for q in quotes)
        assert {q.speaker_mention for q in quotes} == {"a senior official"}
    assert len(statements_of(database)) == 2


def test_a_middle_band_match_is_suggested_then_accepted(database: Database) -> None:
    publish(database, "A", DAY, Said(PESKOV_FULL, PESKOV))
    result = publish(
        database, "B", DAY, Said(PARAPHRASE, PESKOV), **middle_band(PARAPHRASE, PESKOV_FULL)
    )
    assert result.suggested == 1 and result.new_statements == 1
    with database.session() as session:
        (pending,) = list_suggestions(session)
        assert pending["quote_text"] == PARAPHRASE
        accepted = accept_suggestion(session, pending["id"])
    found = statements_of(database)
    assert len(found) == 1 and found[0].id == accepted.statement_id
    assert found[0].quote_count == 2 and found[0].canonical_text == PESKOV_FULL
    with database.session() as session:
        status = session.scalar(select(MergeSuggestion.status))
        assert status == SuggestionStatus.ACCEPTED
        with pytest.raises(QuotesError):
            accept_suggestion(session, pending["id"])


def test_a_rejected_suggestion_keeps_them_apart_even_after_dedupe(database: Database) -> None:
    publish(database, "A", DAY, Said(PESKOV_FULL, PESKOV))
    band = middle_band(PARAPHRASE, PESKOV_FULL)
    publish(database, "B", DAY, Said(PARAPHRASE, PESKOV), **band)
    with database.session() as session:
        (pending,) = list_suggestions(session)
        reject_suggestion(session, pending["id"])
    assert len(statements_of(database)) == 2
    with database.session() as session:
        result = dedupe_statements(session, **band)
        assert result.suggestions == 0  # the rejected pair is not asked again
        assert list_suggestions(session) == []
    assert len(statements_of(database)) == 2


def test_unmerge_puts_a_quote_on_its_own_and_recomputes(database: Database) -> None:
    publish(database, "A", DAY + dt.timedelta(days=1), Said(PESKOV_TRUNCATED, PESKOV))
    publish(database, "B", DAY, Said(PESKOV_FULL, PESKOV))
    (statement,) = statements_of(database)
    assert statement.canonical_text == PESKOV_FULL and statement.first_said_on == DAY
    with database.session() as session:
        full_quote = session.scalar(select(Quote.id).where(Quote.text == PESKOV_FULL))
        assert full_quote is not None
        done = unmerge_quote(session, full_quote)
        assert done.undid is not None
    kept, alone = statements_of(database)
    assert kept.canonical_text == PESKOV_TRUNCATED and kept.quote_count == 1
    assert kept.first_said_on == DAY + dt.timedelta(days=1)
    assert alone.canonical_text == PESKOV_FULL and alone.quote_count == 1
    with database.session() as session:
        # The automatic join is marked undone; the unmerge is an operation of the change log.
        actions = [m.action for m in session.scalars(select(MergeLog).order_by(MergeLog.id))]
        assert actions == [MergeAction.MERGE]
        assert session.scalar(select(MergeLog.undone_at).where(MergeLog.id == done.undid))
        logged = session.scalars(select(Operation.action)).all()
        assert logged == ["unmerge"]
        with pytest.raises(QuotesError):
            unmerge_quote(session, full_quote)  # now the only source of its statement
        with pytest.raises(NotFoundError):
            unmerge_quote(session, 999_999)
        # dedupe respects a person's decision
        dedupe_statements(session)
    assert len(statements_of(database)) == 2


def test_undo_by_merge_log_id(database: Database) -> None:
    publish(database, "A", DAY, Said(PESKOV_FULL, PESKOV))
    publish(database, "B", DAY, Said(PESKOV_RECASED, PESKOV))
    with database.session() as session:
        log_id = session.scalar(select(MergeLog.id))
        assert log_id is not None
        assert "moved" in undo_merge(session, log_id)
        with pytest.raises(QuotesError):
            undo_merge(session, log_id)
    assert [s.quote_count for s in statements_of(database)] == [1, 1]


def test_dedupe_after_a_threshold_change(database: Database) -> None:
    publish(database, "A", DAY, Said(PESKOV_FULL, PESKOV))
    band = middle_band(PARAPHRASE, PESKOV_FULL)
    publish(database, "B", DAY, Said(PARAPHRASE, PESKOV), **band)
    publish(database, "C", DAY, Said(PESKOV_OTHER, PESKOV), **band)
    ids_before = {s.id for s in statements_of(database)}
    assert len(ids_before) == 3
    with database.session() as session:
        result = dedupe_statements(session, auto=band["suggest"], suggest=band["suggest"] - 0.1)
    assert result.quotes == 3 and result.moved == 1 and result.deleted == 1
    found = statements_of(database)
    assert len(found) == 2
    assert {s.id for s in found} < ids_before  # ids are kept where they can be
    merged = max(found, key=lambda s: s.quote_count)
    assert merged.canonical_text == PESKOV_FULL and merged.quote_count == 2
    with database.session() as session:
        again = dedupe_statements(session, auto=band["suggest"], suggest=band["suggest"] - 0.1)
    assert again.moved == 0 and again.created == 0 and again.deleted == 0


@pytest.mark.parametrize("parallel", [False, True], ids=["in-process", "forked-clusterer"])
def test_dedupe_rebuilds_statements_from_scratch(
    database: Database, parallel: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    import quotes.services.dedupe

    if parallel:  # a big database clusters in a forked process; so does this small one now
        monkeypatch.setattr(quotes.services.dedupe, "PARALLEL_FROM", 0)
        monkeypatch.setattr(quotes.services.dedupe, "BATCH_QUOTES", 2)
    ten_outlets(database)
    publish(database, "Wire Two", DAY, Said(PESKOV_FULL, "Sergei Lavrov"))
    with database.session() as session:
        session.execute(Quote.__table__.update().values(statement_id=None, match_method=None))
        session.execute(Statement.__table__.delete())
    with database.session() as session:
        result = dedupe_statements(session)
    assert result.created == 3 and result.speakers == 2
    counts = sorted(s.quote_count for s in statements_of(database))
    assert counts == [1, 1, 4]


def test_forget_article_quotes_repairs_statements(database: Database) -> None:
    publish(database, "A", DAY + dt.timedelta(days=1), Said(PESKOV_TRUNCATED, PESKOV))
    publish(database, "B", DAY, Said(PESKOV_FULL, PESKOV), Said(PESKOV_OTHER, PESKOV))
    with database.session() as session:
        article = session.scalars(select(Article).order_by(Article.id.desc())).first()
        assert article is not None
        forget_article_quotes(session, article)
    (statement,) = statements_of(database)
    assert statement.canonical_text == PESKOV_TRUNCATED and statement.quote_count == 1
    assert statement.first_said_on == DAY + dt.timedelta(days=1)


def test_statement_listing(database: Database) -> None:
    ten_outlets(database)
    with database.session() as session:
        rows = list_statements(session)
        assert [r["sources"] for r in rows] == [4, 1]
        with pytest.raises(NotFoundError):
            get_statement(session, 12345)


def run(database_url: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", database_url, *args], env={"COLUMNS": "300"})
    return result.exit_code, result.output


def test_cli_statements_review_unmerge_dedupe(database: Database, database_url: str) -> None:
    ten_outlets(database)
    code, out = run(database_url, "statements", "list", "--json")
    assert code == 0, out
    rows = json.loads(out)
    assert rows[0]["sources"] == 4 and rows[0]["speaker"] == PESKOV
    code, out = run(database_url, "statements", "list", "--speaker", "Peskov", "--csv")
    assert code == 0 and out.count("\n") == 3
    code, out = run(database_url, "statements", "show", str(rows[0]["id"]), "--json")
    assert code == 0, out
    shown = json.loads(out)[0]
    assert len(shown["sources"]) == 4 and {"outlet", "score", "text"} <= set(shown["sources"][0])
    code, out = run(database_url, "statements", "show", str(rows[0]["id"]))
    assert code == 0 and "Four Post" in out
    code, out = run(database_url, "statements", "show", "4242")
    assert code == 1 and out.strip() == "Error: statement 4242: no such statement"
    code, out = run(database_url, "review", "--json")
    assert code == 0 and json.loads(out) == []
    code, out = run(database_url, "review", "accept", "77")
    assert code == 1 and "no such suggestion" in out
    quote = shown["sources"][-1]["quote"]
    code, out = run(database_url, "unmerge", str(quote))
    assert code == 0 and f"quote {quote} moved" in out
    code, out = run(database_url, "unmerge")
    assert code == 2
    code, out = run(database_url, "dedupe", "--checkpoint")
    assert code == 0 and "4 quotes of 1 speakers: 2 statements" in out, out
    assert "1 statements decided by a person kept" in out
    code, out = run(database_url, "dedupe", "--speaker", "Nobody Atall")
    assert code == 1 and "no such speaker" in out


def test_cli_review_accept_and_reject(database: Database, database_url: str) -> None:
    band = middle_band(PARAPHRASE, PESKOV_FULL)
    publish(database, "A", DAY, Said(PESKOV_FULL, PESKOV))
    publish(database, "B", DAY, Said(PARAPHRASE, PESKOV), **band)
    publish(database, "C", DAY, Said(PESKOV_FULL, "Sergei Lavrov"))
    publish(database, "D", DAY, Said(PARAPHRASE, "Sergei Lavrov"), **band)
    code, out = run(database_url, "review", "--json")
    pending = json.loads(out)
    assert code == 0 and [p["speaker"] for p in pending] == [PESKOV, "Sergei Lavrov"]
    first, second = pending[0]["id"], pending[1]["id"]
    code, out = run(database_url, "review")
    assert code == 0 and PARAPHRASE[:20] in out
    code, out = run(database_url, "review", "accept", str(first))
    assert code == 0 and "merged into statement" in out
    code, out = run(database_url, "review", "reject", str(second))
    assert code == 0 and "rejected" in out
    code, out = run(database_url, "review", "reject", str(first))
    assert code == 1 and "already accepted" in out
    assert sorted(s.quote_count for s in statements_of(database)) == [1, 1, 2]


def test_recording_articles_in_one_batch_matches_one_at_a_time(database: Database) -> None:
    from quotes.services.recording import record_articles
    from tests.quote_fixtures import extracted

    reports = [
        (DAY + dt.timedelta(days=1), [Said(PESKOV_TRUNCATED, "Peskov")]),
        (DAY, [Said(PESKOV_FULL, PESKOV, role=ROLE), Said(PESKOV_OTHER, PESKOV)]),
        (DAY + dt.timedelta(days=2), [Said(PESKOV_ELLIPSIS, "Dmitri Peskov")]),
    ]
    with database.session() as session:
        articles = []
        for index, (day, _) in enumerate(reports):
            article = Article(text="(text)", content_hash=f"batch-{index}", published_on=day)
            session.add(article)
            articles.append(article)
        session.flush()
        results = record_articles(
            session, [(a, extracted(said)) for a, (_, said) in zip(articles, reports, strict=True)]
        )
    assert [r.quotes for r in results] == [1, 2, 1]
    assert [r.new_speakers for r in results] == [1, 0, 0]
    assert [r.attached for r in results] == [0, 1, 1]
    assert results[0].statements == results[2].statements
    merged = max(statements_of(database), key=lambda s: s.quote_count)
    assert merged.quote_count == 3 and merged.canonical_text == PESKOV_FULL
    assert merged.first_said_on == DAY


def test_checkpoint_after_a_bulk_rewrite_is_safe_on_both_backends(database: Database) -> None:
    from quotes.storage.bulk import checkpoint

    ten_outlets(database)
    with database.session():  # another connection of the pool stays open meanwhile
        checkpoint(database.engine)
    assert len(statements_of(database)) == 2
