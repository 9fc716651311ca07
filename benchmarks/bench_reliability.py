"""Holding under faults, load and hostile input: ``python benchmarks/bench_reliability.py``.

Prints one table:

- kill and resume: ``quotes import`` of a generated corpus (``bench_import``'s
  wire copy) killed with SIGKILL once a quarter, a half and three quarters of
  the articles are stored, then run again; duplicates (articles, speakers,
  statements of one speaker with one wording), orphans (articles without
  their extraction, statements without quotes, quotes without a statement)
  and statements that differ from a clean run (by content: speaker, wording,
  and the quotes with their articles);
- four ``quotes import`` processes at once on the same corpus: the same checks;
- searches while an import writes: latency (p50, p95, max) and failures; on
  SQLite no search may wait for the writer's lock;
- extraction of run-on text (``bench_extract.py --scaling``): CPU ms per KB,
  which must not grow with the size;
- hostile inputs, each imported once: what happened to each kind.

SQLite always; PostgreSQL through ``--postgres URL`` (an admin URL, default
``$QUOTES_TEST_POSTGRES_URL``; 'none' to skip), a throwaway database per run.
Sizes are options; the defaults run in a few minutes on one core.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_extract import scaling
from bench_import import DEFAULT_POSTGRES, postgres_database, write_corpus
from sqlalchemy import create_engine, text

from quotes.services.candidates import DATE_WINDOW
from quotes.services.importing import ImportStatus, import_articles
from quotes.services.search import search_statements
from quotes.storage.database import open_database, resolve_url

Row = tuple[str, str, str, bool]
QUERIES = ["ceasefire draft", "grain corridor", "sanctions package", "Geneva summit", "talks"]


# --- what a database holds ----------------------------------------------------------


def _rows(url: str, query: str) -> list[Any]:
    engine = create_engine(resolve_url(url))  # plain: never waits for an import on SQLite
    try:
        with engine.connect() as connection:
            return list(connection.execute(text(query)))
    finally:
        engine.dispose()


def census(url: str) -> dict[str, Any]:
    """Duplicates, orphans, and the statements by content."""
    articles = _rows(url, "SELECT content_hash, extracted_at FROM articles")
    speakers = _rows(url, "SELECT name FROM speakers")
    statements = _rows(
        url,
        "SELECT s.id, coalesce(p.name, ''), s.canonical_text, s.first_said_on FROM statements s "
        "LEFT JOIN speakers p ON p.id = s.speaker_id",
    )
    quotes = _rows(
        url,
        "SELECT q.statement_id, a.origin, q.span_start, q.text FROM quotes q "
        "JOIN articles a ON a.id = q.article_id",
    )
    members: dict[int, list[tuple[str, int, str]]] = {}
    for statement_id, origin, start, wording in quotes:
        members.setdefault(statement_id, []).append((Path(origin).name, start, wording))
    # One speaker's statements of one wording first said within the matching
    # window of each other: one statement made twice (or a clean run's pair
    # whose dates moved closer as quotes joined them, hence the comparison).
    days: dict[tuple[str, str], list[dt.date]] = {}
    for _, who, wording, said in statements:
        if who and said is not None:
            days.setdefault((who, wording), []).append(_day(said))
    twice = sum(
        later - earlier <= DATE_WINDOW
        for dates in days.values()
        for earlier, later in itertools.pairwise(sorted(dates))
    )
    return {
        "articles": len(articles),
        "duplicates": sum(n - 1 for n in Counter(a[0] for a in articles).values() if n > 1)
        + sum(n - 1 for n in Counter(s[0] for s in speakers).values() if n > 1)
        + twice,
        "orphans": sum(1 for a in articles if a[1] is None)
        + sum(1 for s in statements if s[0] not in members)
        + len(members.get(None, [])),  # type: ignore[call-overload]
        "content": Counter(
            (who, wording, tuple(sorted(members.get(sid, []))))
            for sid, who, wording, _ in statements
        ),
    }


def _day(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def difference(a: dict[str, Any], b: dict[str, Any]) -> int:
    """Statements (by content) in one database and not the other."""
    return sum(((a["content"] - b["content"]) + (b["content"] - a["content"])).values())


# --- runs -----------------------------------------------------------------------------


def import_command(url: str, corpus: Path) -> list[str]:
    return [sys.executable, "-m", "quotes", "--db", url, "import", "--json", str(corpus)]


def stored(url: str) -> int:
    return int(_rows(url, "SELECT count(*) FROM articles")[0][0])


def killed_at(url: str, corpus: Path, at: int) -> int:
    """Start an import, SIGKILL it once ``at`` articles are stored; how many were."""
    process = subprocess.Popen(
        import_command(url, corpus), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        while stored(url) < at and process.poll() is None:
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)
        process.wait()
    finally:
        if process.poll() is None:
            process.kill()
    return stored(url)


def run_import(url: str, corpus: Path) -> None:
    subprocess.run(import_command(url, corpus), check=True, capture_output=True)


class Databases:
    """Fresh databases of one backend, dropped at the end."""

    def __init__(self, backend: str, admin: str, scratch: Path) -> None:
        self.backend, self.admin, self.scratch = backend, admin, scratch
        self.drops: list[Callable[[], None]] = []
        self.count = 0

    def new(self) -> str:
        """A new database, created and upgraded (before any importer races to)."""
        self.count += 1
        if self.backend == "sqlite":
            url = str(self.scratch / f"run-{self.count}.db")
        else:
            url, drop = postgres_database(self.admin)
            self.drops.append(drop)
        open_database(url).close()
        return url

    def close(self) -> None:
        for drop in self.drops:
            drop()


def kill_and_resume(dbs: Databases, corpus: Path, size: int, clean: dict[str, Any]) -> list[Row]:
    rows = []
    for fraction in (0.25, 0.5, 0.75):
        url = dbs.new()
        at = killed_at(url, corpus, int(size * fraction))
        run_import(url, corpus)
        after = census(url)
        diff = difference(after, clean)
        ok = after["articles"] == size and _no_more_duplicates(after, clean)
        rows.append(
            (
                f"kill at {fraction:.0%} ({at} stored), resume",
                dbs.backend,
                f"{after['articles']} articles, {_duplicates(after, clean)}, "
                f"{after['orphans']} orphans, {diff} statements differ from a clean run",
                ok and not after["orphans"] and diff == 0,
            )
        )
    return rows


def concurrent(dbs: Databases, corpus: Path, size: int, clean: dict[str, Any], n: int) -> Row:
    url = dbs.new()
    started = time.perf_counter()
    runs = [
        subprocess.Popen(import_command(url, corpus), stdout=subprocess.DEVNULL) for _ in range(n)
    ]
    failed = sum(run.wait() != 0 for run in runs)
    seconds = time.perf_counter() - started
    after = census(url)
    diff = difference(after, clean)
    return (
        f"{n} importers at once",
        dbs.backend,
        f"{after['articles']} articles, {_duplicates(after, clean)}, {after['orphans']} "
        f"orphans, {diff} statements differ from one importer, {failed} failed runs, "
        f"{seconds:.0f} s",
        after["articles"] == size
        and _no_more_duplicates(after, clean)
        and not after["orphans"]
        and not diff
        and not failed,
    )


def _duplicates(after: dict[str, Any], clean: dict[str, Any]) -> str:
    return f"{after['duplicates']} duplicates ({clean['duplicates']} in a clean run)"


def _no_more_duplicates(after: dict[str, Any], clean: dict[str, Any]) -> bool:
    """A clean run may keep one wording twice a window apart; nothing more is allowed."""
    return bool(after["duplicates"] <= clean["duplicates"])


def searches_during_import(dbs: Databases, corpus: Path) -> Row:
    url = dbs.new()
    run_import(url, corpus)  # something to find
    more = corpus.parent / "more"
    if not more.exists():
        write_corpus(more, max(200, len(list(corpus.rglob("*.txt")))), seed=99)
    times: list[float] = []
    failures = 0
    importer = subprocess.Popen(
        import_command(url, more), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    with open_database(url, read_only=True) as database:
        while importer.poll() is None:
            started = time.perf_counter()
            try:
                with database.session(read_only=True) as session:
                    search_statements(session, QUERIES[len(times) % len(QUERIES)])
            except Exception:
                failures += 1
            times.append(time.perf_counter() - started)
    times.sort()
    p95 = times[int(len(times) * 0.95)] if times else 0.0
    return (
        "searches during an import",
        dbs.backend,
        f"{len(times)} searches, p50 {statistics.median(times) * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms, max {times[-1] * 1000:.0f} ms, {failures} failed",
        failures == 0 and times[-1] < 5.0,
    )


# --- hostile input ---------------------------------------------------------------------


def hostile_inputs(folder: Path) -> dict[str, str | bytes]:
    """Files of every kind of bad input, by name."""
    quote = '"We will not close the ferry," Marta Lindqvist said on Monday.'
    nested = "<div>" * 5000 + f"<p>{quote} The council agreed.</p>" + "</div>" * 5000
    return {
        "stray-0xff.txt": f"date 2026-03-02 Ferries\n\n{quote} D\xe9fense".encode() + b"\xff",
        "undeclared-cp1251.txt": "Песков заявил, что переговоры продолжатся.".encode("cp1251"),
        "mojibake.txt": "â€œWe will not sign,â€\x9d the minister said on Monday.".encode(),
        "binary.txt": bytes(range(256)) * 40,
        "png.html": b"\x89PNG\r\n\x1a\n" + bytes(2000),
        "huge.txt": b"word " * 1_000_000,  # over --max-bytes below
        "empty.txt": b"",
        "broken.json": b'{"text": "unterminated',
        "broken.jsonl": b'{"text": "fine line. \\"Yes,\\" he said."}\n{nope\n',
        "broken.html": f"<html><body><p>{quote}<div><span>".encode(),
        "deep.html": f"<html><body>{nested}</body></html>".encode(),
        "run-on.txt": (", ".join(["Marta Lindqvist said the fares would rise"] * 20_000)).encode(),
    }


PRIVATE_URLS = [
    "http://127.0.0.1:9/story",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::1]:6379/",
    "http://localhost/",
    "http://10.0.0.1/",
]


def hostile(scratch: Path) -> list[Row]:
    folder = scratch / "hostile"
    folder.mkdir()
    for name, content in hostile_inputs(folder).items():
        (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode())
    url = str(scratch / "hostile.db")
    outcomes: Counter[str] = Counter()
    tried = 0
    internal = 0
    with open_database(url) as database:
        for result in import_articles(
            database, [str(folder), *PRIVATE_URLS], max_bytes=3_000_000, timeout=2
        ):
            tried += 1
            if result.status is ImportStatus.FAILED:
                reason = (result.error or "").split(":")[0].split("(")[0].strip()[:40]
                outcomes[f"failed ({reason})"] += 1
                internal += (result.error or "").startswith("internal error")
            else:
                outcomes[f"{result.status.value}"] += 1
        stored_now = stored(url)
    summary = ", ".join(f"{n} {what}" for what, n in sorted(outcomes.items()))
    return [
        (
            f"hostile inputs ({tried} tried)",
            "sqlite",
            f"{summary}; {stored_now} stored, {internal} internal errors",
            internal == 0,
        )
    ]


# --- the table ------------------------------------------------------------------------


def run_on_scaling(sizes: str) -> list[Row]:
    rows = scaling([int(kb) for kb in sizes.split(",")])
    per_kb = [row["seconds"] * 1e6 / row["size"] for row in rows]
    series = ", ".join(
        f"{row['size'] / 1000:.0f} KB {row['seconds']:.2f} s ({ms:.1f} ms/KB, "
        f"{row['peak_mb']:.0f} MB)"
        for row, ms in zip(rows, per_kb, strict=True)
    )
    return [("run-on text extraction", "-", series, max(per_kb) < 2 * min(per_kb))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300, help="corpus size")
    parser.add_argument("--importers", type=int, default=4)
    parser.add_argument("--scaling-sizes", default="25,100,400,1600", help="KB of run-on text")
    parser.add_argument(
        "--postgres",
        default=os.environ.get("QUOTES_TEST_POSTGRES_URL", DEFAULT_POSTGRES),
        help="admin URL of a PostgreSQL server; 'none' to skip PostgreSQL",
    )
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    backends = ["sqlite"] + ([] if args.postgres == "none" else ["postgresql"])
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="quotes-reliability-") as scratch_name:
        scratch = Path(scratch_name)
        corpus = scratch / "corpus"
        write_corpus(corpus, args.articles, args.seed)
        for backend in backends:
            dbs = Databases(backend, args.postgres, scratch)
            try:
                clean_url = dbs.new()
                run_import(clean_url, corpus)
                clean = census(clean_url)
                rows += kill_and_resume(dbs, corpus, args.articles, clean)
                rows.append(concurrent(dbs, corpus, args.articles, clean, args.importers))
                rows.append(searches_during_import(dbs, corpus))
            finally:
                dbs.close()
            for row in rows[-5:]:
                print(f"  {row[0]} [{row[1]}]: {row[2]}", file=sys.stderr, flush=True)
        rows += run_on_scaling(args.scaling_sizes)
        rows += hostile(scratch)
    print("| check | backend | result | holds |")
    print("|---|---|---|---|")
    for check, backend, result, ok in rows:
        print(f"| {check} | {backend} | {result} | {'yes' if ok else 'NO'} |")


if __name__ == "__main__":
    main()
