"""Statement merging at scale: dedupe of a whole database, and online attach at that size.

Generates (seeded) QUOTES quote occurrences of SPEAKERS speakers, as outlets
would print them: each statement is reported several times, whole,
truncated, cut with an ellipsis, re-cased and re-punctuated, or with a word
changed; loads them with bulk inserts (quotes without statements, as if
imported with matching off), then

1. times ``quotes dedupe`` of the whole database, run as its own process so
   that its peak RSS is its own (targets: < 2 minutes, < 2 GB), and
2. times ``record_quotes`` of one article carrying one new quote (a report
   of a stored statement), a few hundred times, each committed (target < 5 ms),
   and of import-like articles of ten quotes of four speakers (half reports of
   stored statements, half new), the per-article cost of import, one article
   per call (``record_quotes``) and twenty (``record_articles``).

    .venv/bin/python benchmarks/bench_dedupe_db.py                      # 1,000,000 quotes, SQLite
    .venv/bin/python benchmarks/bench_dedupe_db.py --quotes 50000       # a quick run
    .venv/bin/python benchmarks/bench_dedupe_db.py --db postgresql://postgres@127.0.0.1:5432/bench
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, text

from quotes.extract.model import DatePrecision, ExtractedQuote, QuoteKind, SpeakerKind
from quotes.services.recording import record_articles, record_quotes
from quotes.storage.bulk import table_of
from quotes.storage.database import Database, open_database
from quotes.storage.models import Article, Outlet, Quote, Speaker, SpeakerAlias, Statement

START = dt.date(2024, 1, 1)
DAYS = 730
OUTLETS = 60
QUOTES_PER_ARTICLE = 10
BATCH = 20_000


def words(rng: random.Random, count: int) -> list[str]:
    syllables = [
        "ka",
        "lo",
        "mi",
        "ren",
        "to",
        "sa",
        "vi",
        "dor",
        "pe",
        "nu",
        "tra",
        "zel",
        "ob",
        "is",
    ]
    found: set[str] = set()
    while len(found) < count:
        found.add("".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))))
    return sorted(found)


class Generator:
    """Speakers, statements and their reports, deterministic for a seed."""

    def __init__(self, seed: int, speakers: int, quotes: int) -> None:
        self.rng = random.Random(seed)
        self.vocabulary = words(self.rng, 3000)
        self.speakers = speakers
        self.quotes = quotes
        given = words(self.rng, 400)
        family = words(self.rng, 4000)
        names: set[str] = set()
        while len(names) < speakers:
            names.add(f"{self.rng.choice(given).title()} {self.rng.choice(family).title()}ov")
        self.names = sorted(names)

    def sentence(self) -> str:
        count = self.rng.randint(10, 28)
        body = " ".join(self.rng.choice(self.vocabulary) for _ in range(count))
        return body[0].upper() + body[1:] + "."

    def variant(self, sentence: str) -> str:
        """How one outlet prints it."""
        choice = self.rng.random()
        words_ = sentence.rstrip(".").split()
        if choice < 0.45:
            return sentence
        if choice < 0.60:  # truncated
            return " ".join(words_[: max(6, len(words_) * 2 // 3)])
        if choice < 0.72:  # cut with an ellipsis
            cut = len(words_) // 3
            return " ".join(words_[:cut]) + " … " + " ".join(words_[cut + 2 :]) + "."
        if choice < 0.86:  # re-cased, re-punctuated
            return sentence.lower().replace(".", "").replace(" ", ", ", 1)
        index = self.rng.randrange(len(words_))  # a word changed (translation)
        words_[index] = self.rng.choice(self.vocabulary)
        return " ".join(words_) + "."

    def reports(self) -> Iterator[tuple[int, str, int]]:
        """(speaker index, wording, day) for every quote occurrence."""
        per_speaker = self.quotes // self.speakers
        extra = self.quotes - per_speaker * self.speakers
        for speaker in range(self.speakers):
            remaining = per_speaker + (1 if speaker < extra else 0)
            while remaining > 0:
                sentence = self.sentence()
                day = self.rng.randrange(DAYS - 5)
                for _ in range(min(remaining, max(1, int(self.rng.expovariate(1 / 5))))):
                    yield speaker, self.variant(sentence), day + self.rng.randint(0, 3)
                    remaining -= 1


def load(database: Database, generator: Generator) -> dict[str, float]:
    """Bulk-insert outlets, articles, speakers (with an alias) and quotes."""
    started = time.perf_counter()
    articles_per_day = max(1, generator.quotes // QUOTES_PER_ARTICLE // DAYS)
    with database.engine.begin() as connection:
        connection.execute(
            insert(table_of(Outlet)),
            [{"id": i + 1, "name": f"Outlet {i + 1}", "domain": None} for i in range(OUTLETS)],
        )
        for chunk in _chunks(range(DAYS * articles_per_day), BATCH):
            connection.execute(
                insert(table_of(Article)),
                [
                    {
                        "id": i + 1,
                        "outlet_id": i % OUTLETS + 1,
                        "url": None,
                        "published_on": START + dt.timedelta(days=i // articles_per_day),
                        "text": "(generated)",
                        "content_hash": f"{i:064d}",
                    }
                    for i in chunk
                ],
            )
        connection.execute(
            insert(table_of(Speaker)),
            [
                {"id": i + 1, "name": name, "kind": SpeakerKind.PERSON}
                for i, name in enumerate(generator.names)
            ],
        )
        connection.execute(
            insert(table_of(SpeakerAlias)),
            [
                {"speaker_id": i + 1, "alias": name, "normalized": name.lower()}
                for i, name in enumerate(generator.names)
            ],
        )
    articles = time.perf_counter()
    rng = random.Random(1)
    count = 0
    with database.engine.begin() as connection:
        batch: list[dict[str, Any]] = []
        for speaker, wording, day in generator.reports():
            count += 1
            batch.append(
                {
                    "id": count,
                    "article_id": day * articles_per_day + rng.randrange(articles_per_day) + 1,
                    "speaker_id": speaker + 1,
                    "statement_id": None,
                    "text": wording,
                    "span_start": count,
                    "span_end": count + len(wording),
                    "kind": QuoteKind.DIRECT,
                    "speaker_name": generator.names[speaker],
                    "said_on": None,
                    "date_precision": DatePrecision.UNKNOWN,
                    "confidence": 0.9,
                }
            )
            if len(batch) >= BATCH:
                connection.execute(insert(table_of(Quote)), batch)
                batch = []
        if batch:
            connection.execute(insert(table_of(Quote)), batch)
        if connection.dialect.name == "postgresql":
            for table in ("outlets", "articles", "speakers", "speaker_aliases", "quotes"):
                connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT max(id) FROM {table}))"
                    )
                )
    return {
        "load_articles_speakers_s": round(articles - started, 1),
        "load_quotes_s": round(time.perf_counter() - articles, 1),
        "quotes": count,
    }


def _chunks(values: range, size: int) -> Iterator[range]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def dedupe_in_child(url: str) -> dict[str, Any]:
    """``quotes dedupe`` in its own process: wall time and its own peak RSS."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "quotes", "--db", url, "dedupe"],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"dedupe failed: {done.stderr or done.stdout}")
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "dedupe_s": round(elapsed, 1),
        "dedupe_peak_rss_mb": round(peak_kb / 1024),
        "dedupe_output": done.stdout.strip(),
    }


def online_attach(database: Database, generator: Generator, runs: int) -> dict[str, Any]:
    """record_quotes of one article with one new report of a stored statement."""
    rng = random.Random(7)
    timings: list[float] = []
    commits: list[float] = []
    attached = 0
    with database.session() as session:
        top = session.scalar(select(func.max(Statement.id))) or 0
        outlet_id = session.scalar(select(Outlet.id).limit(1))
    for run in range(runs):
        with database.session() as session:
            statement = None
            while statement is None:
                statement = session.get(Statement, rng.randint(1, top))
            speaker = session.get(Speaker, statement.speaker_id)
            assert speaker is not None
            day = statement.first_said_on or START
            article = Article(
                outlet_id=outlet_id,
                published_on=day + dt.timedelta(days=1),
                text="(online)",
                content_hash=f"online-{run}-{time.time_ns()}",
            )
            session.add(article)
            session.flush()
            wording = statement.canonical_text.rstrip(".") + ", he said"
            quote = ExtractedQuote(
                text=wording,
                start=0,
                end=len(wording),
                kind=QuoteKind.DIRECT,
                speaker=speaker.name,
                speaker_mention=speaker.name.split()[-1],
                speaker_kind=SpeakerKind.PERSON,
                confidence=0.9,
            )
            started = time.perf_counter()
            result = record_quotes(session, article, [quote])
            timings.append(time.perf_counter() - started)
            attached += result.attached
            started = time.perf_counter()
        commits.append(time.perf_counter() - started)
    timings_ms = sorted(t * 1000 for t in timings[5:])  # the first calls load the directory
    return {
        "attach_runs": runs,
        "attached": attached,
        "attach_p50_ms": round(statistics.median(timings_ms), 2),
        "attach_p95_ms": round(timings_ms[int(len(timings_ms) * 0.95) - 1], 2),
        "attach_first_ms": round(timings[0] * 1000, 1),
        "commit_p50_ms": round(statistics.median(commits) * 1000, 2),
    }


def online_articles(
    database: Database, generator: Generator, runs: int, batch: int = 1
) -> dict[str, Any]:
    """record_quotes of import-like articles: 10 quotes of 4 speakers, half of them
    reports of stored statements, half new sentences (the importer's load); with
    ``batch`` > 1, ``record_articles`` of that many articles per call."""
    rng = random.Random(11 + batch)
    timings: list[float] = []
    with database.session() as session:
        top = session.scalar(select(func.max(Statement.id))) or 0
        outlet_id = session.scalar(select(Outlet.id).limit(1))
    for run in range(max(1, runs // batch)):
        with database.session() as session:
            items = []
            # A batch is a few days of news, as an importer reads a feed.
            anchor = None
            while anchor is None or anchor.first_said_on is None:
                anchor = session.get(Statement, rng.randint(1, top))
            nearby = list(
                session.scalars(
                    select(Statement)
                    .where(
                        Statement.first_said_on.between(
                            anchor.first_said_on - dt.timedelta(days=2),
                            anchor.first_said_on + dt.timedelta(days=2),
                        ),
                        Statement.speaker_id.is_not(None),
                    )
                    .limit(400)
                )
            )
            for member in range(batch):
                stored = rng.sample(nearby, 4)
                names = {
                    s.speaker_id: session.scalar(
                        select(Speaker.name).where(Speaker.id == s.speaker_id)
                    )
                    for s in stored
                }
                article = Article(
                    outlet_id=outlet_id,
                    published_on=(stored[0].first_said_on or START) + dt.timedelta(days=1),
                    text="(online)",
                    content_hash=f"article-{batch}-{run}-{member}-{time.time_ns()}",
                )
                session.add(article)
                quotes = []
                for index in range(QUOTES_PER_ARTICLE):
                    statement = stored[index % len(stored)]
                    wording = (
                        generator.variant(statement.canonical_text)
                        if index % 2 == 0
                        else generator.sentence()
                    )
                    name = names[statement.speaker_id] or "Unknown Speaker"
                    quotes.append(
                        ExtractedQuote(
                            text=wording,
                            start=index * 1000,
                            end=index * 1000 + len(wording),
                            kind=QuoteKind.DIRECT,
                            speaker=name,
                            speaker_mention=name.split()[-1],
                            speaker_kind=SpeakerKind.PERSON,
                            speaker_role="minister",
                            confidence=0.9,
                        )
                    )
                items.append((article, quotes))
            session.flush()
            started = time.perf_counter()
            record_articles(session, items)
            timings.append((time.perf_counter() - started) / batch)
    timings_ms = sorted(t * 1000 for t in timings[len(timings) // 20 :])
    return {
        f"article_batch{batch}_p50_ms": round(statistics.median(timings_ms), 2),
        f"article_batch{batch}_p95_ms": round(timings_ms[int(len(timings_ms) * 0.95) - 1], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--speakers", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--attach-runs", type=int, default=300)
    parser.add_argument("--db", help="Database URL (default: a new SQLite file in a temp folder).")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="bench-dedupe-")
    url = args.db or str(Path(folder) / "bench.db")
    database = open_database(url)
    with database.engine.connect() as connection:
        if connection.execute(select(func.count()).select_from(Quote)).scalar():
            raise SystemExit(f"{url}: not empty; give an empty database")
    generator = Generator(args.seed, min(args.speakers, args.quotes), args.quotes)
    report: dict[str, Any] = {"backend": database.backend, "speakers": generator.speakers}
    report |= load(database, generator)
    report |= dedupe_in_child(database.url.render_as_string(hide_password=False))
    with database.session() as session:
        report["statements"] = session.scalar(select(func.count()).select_from(Statement))
    report |= online_attach(database, generator, args.attach_runs)
    report |= online_articles(database, generator, args.attach_runs)
    report |= online_articles(database, generator, args.attach_runs, batch=20)
    database.close()
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
