"""Importing articles on SQLite and PostgreSQL: every format, idempotence,
``--update``, bad input failing alone, outlets, and the CLI around it."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quotes.cli import cli
from quotes.services import importing
from quotes.services.importing import (
    ImportResult,
    ImportStatus,
    ImportSummary,
    get_or_create_outlet,
    import_articles,
)
from quotes.storage.database import Database
from quotes.storage.models import Article, Outlet, Quote, Speaker, Statement
from tests.import_helpers import PESKOV, ZELENSKY, counts, stub_extractor, write_corpus
from tests.local_http import serve, slow


def _run(database: Database | object, paths: list[str], **options: object) -> list[ImportResult]:
    options.setdefault("extractor", stub_extractor)
    return list(import_articles(database, paths, **options))  # type: ignore[arg-type]


def _statuses(results: list[ImportResult]) -> dict[str, ImportStatus]:
    return {r.source: r.status for r in results}


def test_every_format_is_imported_with_its_quotes(database: Database, tmp_path: Path) -> None:
    files = write_corpus(tmp_path / "news")
    results = _run(database, [str(tmp_path / "news")])
    assert {r.status for r in results} == {ImportStatus.NEW}
    assert len(results) == 8
    with database.session() as session:
        articles = {a.origin: a for a in session.scalars(select(Article))}
        wire = articles[str(files["text"])]
        assert (wire.title, wire.published_on, wire.outlet) == (
            "Kremlin rejects draft",
            dt.date(2026, 3, 2),
            None,
        )
        assert wire.text == PESKOV
        page = articles[str(files["html"])]
        assert page.outlet is not None and page.outlet.name == "Northwind Daily"
        assert page.outlet.domain == "northwind.example"
        assert (page.author, page.url) == (
            "Maria Lindqvist",
            "https://www.northwind.example/peskov",
        )
        one = articles[str(files["json"])]
        assert one.outlet is not None and one.outlet.name == "balticledger.example"
        assert (one.language, one.published_on) == ("en", dt.date(2026, 3, 3))
        assert articles[f"{files['array']}[1]"].outlet.name == "Wire Desk"  # type: ignore[union-attr]
        assert f"{files['jsonl']}:3" in articles
        # Every article was stored with its quotes and marked extracted in one go.
        assert all(a.extracted_at is not None and a.extractor_version for a in articles.values())
        quotes = session.scalars(select(Quote).order_by(Quote.id)).all()
        assert len(quotes) == sum(r.quotes for r in results) == 8
        assert all(q.article.text[q.span_start : q.span_end] == q.text for q in quotes)
        assert session.scalar(select(func.count()).select_from(Speaker)) == 1
    assert sum(r.new_speakers for r in results) == 1


def test_reimport_changes_nothing(database: Database, tmp_path: Path) -> None:
    write_corpus(tmp_path / "news")
    first = _run(database, [str(tmp_path / "news")])
    before = counts(database)
    second = _run(database, [str(tmp_path / "news")])
    assert {r.status for r in second} == {ImportStatus.UNCHANGED}
    assert [r.article_id for r in second] == [r.article_id for r in first]
    assert sum(r.quotes for r in second) == 0
    assert counts(database) == before


def test_same_text_elsewhere_or_same_url_is_the_same_article(
    database: Database, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text(f"Title\n{PESKOV}\n")
    # The same text, wrapped differently and with another title: same content hash.
    (tmp_path / "b.json").write_text(json.dumps({"text": PESKOV.replace(" told ", "\ntold  ")}))
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"text": "First version.", "url": "https://x.example/1"})
        + "\n"
        + json.dumps({"text": "Second version.", "url": "https://x.example/1"})
        + "\n"
    )
    results = _run(database, [str(tmp_path / n) for n in ("a.txt", "b.json", "c.jsonl")])
    assert [r.status.value for r in results] == ["new", "unchanged", "new", "unchanged"]
    assert results[1].article_id == results[0].article_id
    assert counts(database)[0] == 2


def test_update_reextracts_in_place(database: Database, tmp_path: Path) -> None:
    write_corpus(tmp_path / "news")
    first = _run(database, [str(tmp_path / "news")], extractor=lambda text, published: [])
    assert counts(database)[1] == 0
    updated = _run(database, [str(tmp_path / "news")], update=True)
    assert {r.status for r in updated} == {ImportStatus.UPDATED}
    assert [r.article_id for r in updated] == [r.article_id for r in first]
    articles, quotes, _ = counts(database)
    assert (articles, quotes) == (8, 8)
    again = _run(database, [str(tmp_path / "news")], update=True)
    assert sum(r.quotes for r in again) == 8
    assert counts(database)[:2] == (8, 8)  # replaced, not added


def test_update_takes_the_new_text_of_the_same_url(database: Database, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": f"Old. {PESKOV}", "url": "https://x.example/1"}))
    (old,) = _run(database, [str(feed)])
    feed.write_text(json.dumps({"text": f"New. {ZELENSKY}", "url": "https://x.example/1"}))
    (same,) = _run(database, [str(feed)])
    assert same.status is ImportStatus.UNCHANGED
    (new,) = _run(database, [str(feed)], update=True)
    assert (new.status, new.article_id) == (ImportStatus.UPDATED, old.article_id)
    with database.session() as session:
        article = session.get_one(Article, old.article_id)
        assert article.text.startswith("New.")
        assert [q.text for q in article.quotes] == ["at any moment"]


def test_bad_inputs_fail_alone_and_store_nothing(database: Database, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "junk.txt").write_bytes(random.Random(1).randbytes(2000))
    (bad / "login.html").write_text("<html><head><title>Sign in</title></head><body></body></html>")
    (bad / "big.txt").write_text("Title\n" + PESKOV * 100)
    (bad / "feed.jsonl").write_text(
        json.dumps({"text": f"Good one. {PESKOV}"})
        + "\n{not json\n"
        + json.dumps({"title": "no text"})
        + "\n"
        + json.dumps({"text": f"Good two. {PESKOV}"})
        + "\n"
    )
    (bad / "latin1.txt").write_bytes(f"Caf\xe9 news\n{PESKOV}".encode("latin-1"))
    (bad / "utf16.txt").write_bytes(f"Kyiv news\n{ZELENSKY}".encode("utf-16"))
    results = _run(database, [str(bad), str(tmp_path / "missing.txt")], max_bytes=2000)
    failed = {r.source: r.error for r in results if r.status is ImportStatus.FAILED}
    assert failed == {
        f"{bad}/empty.txt": "empty: no article text found",
        f"{bad}/junk.txt": "binary data, not text",
        f"{bad}/login.html": "no article text found",
        f"{bad}/big.txt": "larger than --max-bytes (9.2 kB > 2.0 kB)",
        f"{bad}/feed.jsonl:2": "not valid JSON: Expecting property name enclosed in double "
        "quotes (column 2)",
        f"{bad}/feed.jsonl:3": 'no "text"',
        str(tmp_path / "missing.txt"): "no such file or directory",
    }
    stored = {r.source for r in results if r.status is ImportStatus.NEW}
    assert stored == {
        f"{bad}/feed.jsonl:1",
        f"{bad}/feed.jsonl:4",
        f"{bad}/latin1.txt",
        f"{bad}/utf16.txt",
    }
    assert counts(database)[0] == 4
    with database.session() as session:
        titles = set(session.scalars(select(Article.title)))
    assert {"Café news", "Kyiv news"} <= titles


def test_an_article_whose_storage_fails_is_rolled_back_whole(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(f"A\n{PESKOV}")
    (tmp_path / "b.txt").write_text(f"B\nOther words. {PESKOV}")

    def record_then_fail(session: Session, items: Any, cache: Any) -> Any:
        from quotes.services.recording import record_articles

        recorded = record_articles(session, items, cache=cache)
        if any(article.title == "A" for article, _ in items):
            raise RuntimeError("disk on fire")
        return recorded

    monkeypatch.setattr(importing, "_record", record_then_fail)
    results = _run(database, [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert [r.status for r in results] == [ImportStatus.FAILED, ImportStatus.NEW]
    assert results[0].error == "internal error: RuntimeError: disk on fire"
    with database.session() as session:
        assert session.scalars(select(Article.title)).all() == ["B"]
        assert session.scalar(select(func.count()).select_from(Quote)) == 1


def test_extraction_failure_fails_that_article(database: Database, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"A\n{PESKOV}")

    def broken(text: str, published: dt.date | None) -> list[object]:
        raise ValueError("no")

    (result,) = _run(database, [str(tmp_path / "a.txt")], extractor=broken)
    assert result.status is ImportStatus.FAILED and "ValueError" in (result.error or "")
    assert counts(database) == (0, 0, 0)


def test_outlet_and_date_overrides(database: Database, tmp_path: Path) -> None:
    write_corpus(tmp_path / "news")
    results = _run(database, [str(tmp_path / "news")], outlet="Desk", published=dt.date(2026, 1, 5))
    assert len(results) == 8
    with database.session() as session:
        assert session.scalars(select(Outlet.name)).all() == ["Desk"]
        assert set(session.scalars(select(Article.published_on))) == {dt.date(2026, 1, 5)}


def test_outlets_are_found_by_name_then_domain(database: Database) -> None:
    with database.session() as session:
        wire = get_or_create_outlet(session, "Wire Desk", "wire.example")
        assert get_or_create_outlet(session, "Wire Desk", None) == wire
        assert get_or_create_outlet(session, None, "wire.example") == wire
        # A new name on a domain that is taken: created without the domain.
        other = get_or_create_outlet(session, "Wire Desk Weekend", "wire.example")
        assert other != wire
        assert session.get_one(Outlet, other).domain is None  # type: ignore[arg-type]
        # A domain whose name is taken by a name-only outlet: that outlet.
        named = get_or_create_outlet(session, "ledger.example", None)
        assert get_or_create_outlet(session, None, "ledger.example") == named
        assert get_or_create_outlet(session, None, None) is None


def test_a_session_gets_savepoints_and_the_caller_commits(
    database: Database, tmp_path: Path
) -> None:
    write_corpus(tmp_path / "news")
    (tmp_path / "news" / "junk.txt").write_bytes(b"\x00\x01\x02" * 100)
    with database.sessionmaker() as session:
        results = _run(session, [str(tmp_path / "news")])
        assert sum(r.status is ImportStatus.NEW for r in results) == 8
        session.rollback()
    assert counts(database) == (0, 0, 0)
    with database.sessionmaker() as session:
        _run(session, [str(tmp_path / "news")])
        session.commit()
    assert counts(database)[0] == 8


def test_summary_adds_up() -> None:
    summary = ImportSummary()
    for status in ("new", "new", "unchanged", "failed", "updated"):
        summary.add(ImportResult("x", ImportStatus(status), quotes=2, new_speakers=1))
    assert summary.to_dict() == {
        "read": 5,
        "new": 2,
        "unchanged": 1,
        "reprint": 0,
        "updated": 1,
        "failed": 1,
        "quotes": 10,
        "new_speakers": 5,
    }


# --- the command line ------------------------------------------------------------


@pytest.fixture
def stubbed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI with the stand-in extractor (the real one is tested below)."""
    monkeypatch.setattr(importing, "_default_extractor", lambda: stub_extractor)


def _cli(database_url: str, *args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", database_url, "import", *args], input=stdin)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.usefixtures("stubbed")
def test_cli_summary_errors_and_exit_status(database_url: str, tmp_path: Path) -> None:
    write_corpus(tmp_path / "news")
    (tmp_path / "news" / "a.html").write_text("<html><body></body></html>")
    code, out, err = _cli(database_url, str(tmp_path / "news"))
    assert code == 1
    assert err == f"Error: {tmp_path}/news/a.html: no article text found\n"
    assert out == (
        "9 articles read: 8 new, 0 unchanged, 0 reprints, 0 updated, 1 failed; "
        "8 quotes found, 1 new speaker.\n"
    )
    (tmp_path / "news" / "a.html").unlink()
    code, out, err = _cli(database_url, "--json", str(tmp_path / "news"))
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "read": 8,
        "new": 0,
        "unchanged": 8,
        "reprint": 0,
        "updated": 0,
        "failed": 0,
        "quotes": 0,
        "new_speakers": 0,
    }
    code, out, _ = _cli(database_url, "--update", "-v", str(tmp_path / "news" / "wire.txt"))
    assert code == 0 and out.startswith(f"updated   {tmp_path}/news/wire.txt  article ")


@pytest.mark.usefixtures("stubbed")
def test_cli_stdin_with_format_and_date(database_url: str, database: Database) -> None:
    code, out, _ = _cli(
        database_url, "--date", "2026-03-04", "--outlet", "Desk", "-", stdin=PESKOV.encode()
    )
    assert code == 0 and "1 new" in out
    with database.session() as session:
        article = session.scalars(select(Article)).one()
        assert (article.origin, article.published_on) == ("<stdin>", dt.date(2026, 3, 4))
        assert article.outlet is not None and article.outlet.name == "Desk"
    feed = b'{"text": "One. \\"Yes,\\" he said."}\n{"text": "Two."}\n'
    code, out, _ = _cli(database_url, "--format", "jsonl", "-", stdin=feed)
    assert code == 0 and "2 new" in out


@pytest.mark.usefixtures("stubbed")
def test_cli_urls(database_url: str, database: Database, tmp_path: Path) -> None:
    page = (
        "<html><head><title>Peskov rejects draft</title>"
        '<meta property="og:site_name" content="Local Wire"></head>'
        f"<body><article><p>Moscow said no on Monday. {PESKOV}</p></article></body></html>"
    )
    routes = {"/story": (200, "text/html; charset=utf-8", page.encode()), "/slow": slow(3)}
    with serve(routes) as base:
        urls = (f"{base}/story", f"{base}/gone", f"{base}/slow")
        # Refused by default (a local address), and the run goes on with the file.
        (tmp_path / "desk.txt").write_text(f"Desk note\n{PESKOV}")
        code, out, err = _cli(database_url, "--timeout", "0.5", *urls, str(tmp_path / "desk.txt"))
        assert code == 1 and "1 new" in out and "3 failed" in out
        hint = "use --allow-private-hosts for an intranet"
        refused = f"refused: 127.0.0.1 is a loopback address; {hint}"
        assert err.splitlines() == [f"Error: {url}: {refused}" for url in urls]
        code, out, err = _cli(database_url, "--timeout", "0.5", "--allow-private-hosts", *urls)
    assert code == 1
    assert err.splitlines() == [
        f"Error: {base}/gone: HTTP 404 Not Found",
        f"Error: {base}/slow: timed out",
    ]
    assert "1 new" in out and "2 failed" in out
    with database.session() as session:
        article = session.scalars(select(Article).where(Article.url.is_not(None))).one()
        assert article.url == f"{base}/story"
        assert article.outlet is not None and article.outlet.name == "Local Wire"
        assert article.outlet.domain == "127.0.0.1"


def test_cli_without_paths_is_a_usage_error(database_url: str) -> None:
    code, _, err = _cli(database_url)
    assert code == 2 and "Missing argument" in err


def test_concurrent_importers_store_each_article_once(database: Database, tmp_path: Path) -> None:
    """Two importers (two engines, as two processes would have) on the same files."""
    from concurrent.futures import ThreadPoolExecutor

    from quotes.storage.database import open_database

    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(40):
        outlet = f"Outlet {i % 3}"
        url = f"https://outlet{i % 3}.example/{i}"
        (folder / f"{i:02d}.json").write_text(
            json.dumps({"text": f"Story {i}. {PESKOV}", "outlet": outlet, "url": url})
        )

    def run() -> list[ImportResult]:
        with open_database(database.url, upgrade=False) as own:
            return _run(own, [str(folder)])

    with ThreadPoolExecutor(2) as pool:
        results = [r for rs in pool.map(lambda _: run(), range(2)) for r in rs]
    assert not [r for r in results if r.status is ImportStatus.FAILED]
    assert sum(r.status is ImportStatus.NEW for r in results) == 40
    assert sum(r.status is ImportStatus.UNCHANGED for r in results) == 40
    assert counts(database) == (40, 40, 3)
    if database.backend == "sqlite":
        # Writes take turns there, and each importer sees the other's statements.
        with database.session() as session:
            assert session.scalar(select(func.count()).select_from(Statement)) == 1


# --- with the real extractor ---------------------------------------------------------

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


def test_quotes_are_extracted_and_stored(database: Database, tmp_path: Path) -> None:
    (tmp_path / "peskov.txt").write_text(f"date 2026-03-02 Kremlin rejects draft\n\n{PESKOV}\n")
    (result,) = import_articles(database, [str(tmp_path / "peskov.txt")])
    assert result.status is ImportStatus.NEW and result.quotes >= 1 and result.new_speakers >= 1
    with database.session() as session:
        quote = session.scalars(select(Quote).where(Quote.text.contains("will not sign"))).one()
        assert quote.speaker is not None and quote.speaker.name == "Dmitry Peskov"
        assert quote.said_on == dt.date(2026, 3, 2)
        assert quote.article.extracted_at is not None


def test_paths_may_be_path_objects(database: Database) -> None:
    # The library takes what Python code has at hand: pathlib paths as well as strings.
    results = list(import_articles(database, [EXAMPLES]))
    assert len(results) == 6
    assert all(r.status is ImportStatus.NEW for r in results)


def test_the_examples_import(database_url: str, database: Database) -> None:
    code, out, err = _cli(database_url, "--json", str(EXAMPLES))
    assert (code, err) == (0, "")
    summary = json.loads(out)
    assert summary["read"] == summary["new"] == 6
    assert summary["quotes"] >= 10
    with database.session() as session:
        names = set(session.scalars(select(Speaker.name)))
    assert {"Dmitry Peskov", "Volodymyr Zelensky"} <= names
    code, out, _ = _cli(database_url, "--json", str(EXAMPLES))
    assert json.loads(out)["unchanged"] == 6


@pytest.mark.usefixtures("stubbed")
def test_cli_progress_bar_keeps_errors_to_one_line_each(database_url: str, tmp_path: Path) -> None:
    write_corpus(tmp_path / "news")
    (tmp_path / "news" / "junk.txt").write_bytes(random.Random(3).randbytes(600))
    code, out, err = _cli(database_url, "--progress", str(tmp_path / "news"))
    assert code == 1 and "8 new" in out
    assert [line for line in err.splitlines() if line.startswith("Error:")] == [
        f"Error: {tmp_path}/news/junk.txt: binary data, not text"
    ]
