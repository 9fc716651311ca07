"""``read_sources``: walking folders, stdin, URLs and the size limit, all lazily."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from quotes.errors import SourceError
from quotes.sources import ArticleInput, ReadOptions, count_articles, read_sources
from quotes.sources.walk import expand
from tests.local_http import redirect, serve, slow

BODY = '"We will not sign this agreement," Kremlin spokesman Dmitry Peskov told reporters.'


def _read(paths: list[str], **options: object) -> list[ArticleInput | SourceError]:
    return list(read_sources(paths, ReadOptions(**options)))  # type: ignore[arg-type]


def _origins(items: list[ArticleInput | SourceError]) -> set[str]:
    return {i.origin for i in items if isinstance(i, ArticleInput)}


def _errors(items: list[ArticleInput | SourceError]) -> dict[str, str]:
    return {i.source: i.reason for i in items if isinstance(i, SourceError)}


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "news" / "deep" / "deeper").mkdir(parents=True)
    (tmp_path / "news" / ".git").mkdir()
    (tmp_path / "news" / "a.txt").write_text(f"date 2026-03-02 A\n{BODY}")
    (tmp_path / "news" / "deep" / "b.html").write_text(f"<html><body><p>{BODY}</p></body></html>")
    (tmp_path / "news" / "deep" / "deeper" / "c.jsonl").write_text(
        json.dumps({"text": BODY + " one"}) + "\n" + json.dumps({"text": BODY + " two"}) + "\n"
    )
    (tmp_path / "news" / "notes.md").write_text("not an article type")
    (tmp_path / "news" / ".git" / "x.txt").write_text("hidden")
    return tmp_path / "news"


def test_folders_are_walked_recursively_by_known_extension(tree: Path) -> None:
    items = _read([str(tree)])
    assert _origins(items) == {
        f"{tree}/a.txt",
        f"{tree}/deep/b.html",
        f"{tree}/deep/deeper/c.jsonl:1",
        f"{tree}/deep/deeper/c.jsonl:2",
    }
    assert not _errors(items)
    assert count_articles([str(tree)]) == 4


def test_glob_selects_files(tree: Path) -> None:
    assert _origins(_read([str(tree)], glob="*.html")) == {f"{tree}/deep/b.html"}
    assert _origins(_read([str(tree)], glob="deep/*.html")) == {f"{tree}/deep/b.html"}
    # A file named on the command line is read whatever its extension.
    (note,) = _read([str(tree / "notes.md")])
    assert isinstance(note, ArticleInput) and note.text == "not an article type"


def test_missing_paths_fail_alone(tree: Path) -> None:
    items = _read([str(tree / "nope.txt"), str(tree / "a.txt")])
    assert _errors(items) == {str(tree / "nope.txt"): "no such file or directory"}
    assert _origins(items) == {str(tree / "a.txt")}


def test_expand_is_lazy(tmp_path: Path) -> None:
    for i in range(50):
        (tmp_path / f"{i}.txt").write_text("x")
    walker = expand([str(tmp_path)])
    assert next(walker).endswith(".txt")  # type: ignore[union-attr]


def test_stdin_is_sniffed_and_jsonl_streams() -> None:
    stdin = io.BytesIO(f"date 2026-03-02 Title\n{BODY}".encode())
    (article,) = _read(["-"], stdin=stdin)
    assert isinstance(article, ArticleInput) and article.origin == "<stdin>"
    lines = "".join(json.dumps({"text": f"{BODY} {i}"}) + "\n" for i in range(3000))
    items = _read(["-"], stdin=io.BytesIO(lines.encode()), max_bytes=1000)
    assert len(_origins(items)) == 3000 and not _errors(items)


def test_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Title\n" + BODY * 100)
    (error,) = _read([str(big)], max_bytes=1000)
    assert isinstance(error, SourceError) and "larger than --max-bytes" in error.reason
    # In JSONL the limit is per line: the long line fails, the others import.
    feed = tmp_path / "feed.jsonl"
    lines = [{"text": "short one"}, {"text": BODY * 100}, {"text": "short two"}]
    feed.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    items = _read([str(feed)], max_bytes=1000)
    assert _origins(items) == {f"{feed}:1", f"{feed}:3"}
    assert "larger than --max-bytes" in _errors(items)[f"{feed}:2"]
    stdin = io.BytesIO(("Title\n" + BODY * 100).encode())
    assert "larger" in _errors(_read(["-"], stdin=stdin, max_bytes=1000))["<stdin>"]


PAGE = f"""<html><head><title>Peskov rejects draft</title>
<meta property="og:site_name" content="Local Wire"></head>
<body><article><h1>Peskov rejects draft</h1><p>{BODY}</p></article></body></html>"""


def test_urls_pages_errors_and_timeouts() -> None:
    routes = {
        "/story": (200, "text/html; charset=utf-8", PAGE.encode()),
        "/feed": (200, "application/x-ndjson", b'{"text": "one"}\n{"text": "two"}\n'),
        "/old": redirect("/story"),
        "/slow": slow(3),
        "/big": (200, "text/plain", b"x" * 5000),
    }
    with serve(routes) as base:
        # The server is on this machine: a private host (``test_fetch``).
        items = _read(
            [f"{base}/story", f"{base}/missing", f"{base}/slow", f"{base}/feed"],
            timeout=0.5,
            allow_private_hosts=True,
        )
        (moved,) = _read([f"{base}/old"], allow_private_hosts=True)
        big = _read([f"{base}/big"], max_bytes=1000, allow_private_hosts=True)
    (page,) = [i for i in items if isinstance(i, ArticleInput) and i.origin == f"{base}/story"]
    assert page.outlet == "Local Wire" and page.url == f"{base}/story" and page.text == BODY
    errors = _errors(items)
    assert errors[f"{base}/missing"] == "HTTP 404 Not Found"
    assert errors[f"{base}/slow"] == "timed out"
    assert _origins(items) >= {f"{base}/feed:1", f"{base}/feed:2"}
    assert isinstance(moved, ArticleInput) and moved.url == f"{base}/story"
    assert "larger than --max-bytes" in _errors(big)[f"{base}/big"]


def test_unreachable_url() -> None:
    with serve({}) as base:
        pass  # the port is closed again: nothing listens there now
    (error,) = _read([f"{base}/story"], timeout=2, allow_private_hosts=True)
    assert isinstance(error, SourceError) and error.reason.startswith("cannot fetch")


def test_a_jsonl_feed_on_stdin_yields_each_line_as_it_comes() -> None:
    """``--format jsonl -``: an article is read when its line arrives, not at end of input."""
    import os
    import threading

    read_end, write_end = os.pipe()
    writer = os.fdopen(write_end, "wb", buffering=0)
    writer.write(json.dumps({"text": "The first line of a feed."}).encode() + b"\n")
    arrived = threading.Timer(30, writer.close)  # unblocks the read if the test fails
    arrived.start()
    with os.fdopen(read_end, "rb") as stdin:
        items = read_sources(["-"], ReadOptions(fmt="jsonl", stdin=stdin))
        try:
            first = next(items)
            assert isinstance(first, ArticleInput)
            assert first.text == "The first line of a feed."
            assert not writer.closed  # read while the feed was still open
        finally:
            arrived.cancel()
            writer.close()
        assert list(items) == []
