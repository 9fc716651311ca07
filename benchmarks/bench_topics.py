"""Topics on a large database: apply the rules, tag on import, timeline, export.

    python benchmarks/bench_topics.py                     # 50,000 statements, SQLite
    python benchmarks/bench_topics.py -n 200000
    python benchmarks/bench_topics.py --postgres postgresql://postgres@127.0.0.1/postgres

Fills a new database with N synthetic statements of 100 speakers (one quote
each, one article a quote), adds 20 keyword topics (five of them sub-topics)
and prints:

- ``quotes topics apply``: every statement re-tagged, stances suggested;
- tagging on import: ``tag_statement_ids`` for the 5 statements an article
  touches, as the importer calls it once per article (p50, p95);
- ``quotes timeline`` of one speaker (N/100 statements) on one topic;
- ``quotes export`` of everything as JSON-LD: time, and the peak of Python
  memory (tracemalloc) against the size written, to show it streams.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import time
import tracemalloc

from scratch import scratch_database
from sqlalchemy import insert, select

from quotes.extract.model import DatePrecision, QuoteKind, SpeakerKind
from quotes.match import match_key
from quotes.services import topics
from quotes.services.export import export_statements, to_claim
from quotes.services.timeline import timeline
from quotes.storage.bulk import table_of
from quotes.storage.database import Database, open_database
from quotes.storage.models import Article, Outlet, Quote, Speaker, Statement

TOPICS = {
    "war": ["war", "troops", "front line"],
    "ceasefire": ["ceasefire", "truce"],
    "sanctions": ["sanction", "embargo"],
    "energy": ["gas", "oil", "pipeline", "electricity"],
    "grain": ["grain corridor", "grain deal", "wheat"],
    "nuclear": ["nuclear plant", "reactor"],
    "elections": ["election", "ballot", "vote"],
    "budget": ["budget", "deficit"],
    "migration": ["migrant", "asylum", "border crossing"],
    "health": ["hospital", "vaccine"],
    "climate": ["emissions", "carbon"],
    "trade": ["tariff", "export"],
    "housing": ["rent", "mortgage"],
    "courts": ["court", "judge", "verdict"],
    "police": ["police", "arrest"],
}
SUB_TOPICS = {
    "prisoner swaps": ("war", ["prisoner swap", "prisoner exchange"]),
    "oil price cap": ("sanctions", ["price cap"]),
    "gas transit": ("energy", ["gas transit", "transit deal"]),
    "runoff": ("elections", ["runoff", "second round"]),
    "wheat exports": ("grain", ["wheat exports"]),
}
OPENERS = [
    "We are ready to discuss",
    "The government rejected",
    "Nobody here is against",
    "The minister dismissed talk of",
    "We welcomed the plan on",
    "There are no plans for",
    "The talks will cover",
    "It is unlikely that we agree on",
]
SUBJECTS = [
    "a ceasefire along the front line",
    "new sanctions on oil",
    "the gas transit deal",
    "the grain corridor through the strait",
    "a prisoner exchange before winter",
    "the budget deficit next year",
    "asylum rules at the border crossing",
    "a price cap on crude",
    "the second round of the election",
    "the repair of the nuclear plant",
    "rent controls in the capital",
    "the verdict of the supreme court",
    "the schedule of the football league",
    "the weather in the mountains",
]


def fill(database: Database, count: int, seed: int) -> None:
    rng = random.Random(seed)
    start = dt.date(2020, 1, 1)
    with database.engine.begin() as connection:
        connection.execute(insert(table_of(Outlet)), [{"id": 1, "name": "Bench Wire"}])
        connection.execute(
            insert(table_of(Speaker)),
            [{"id": i, "name": f"Speaker {i}", "kind": SpeakerKind.PERSON} for i in range(1, 101)],
        )
        for offset in range(0, count, 5000):
            ids = range(offset + 1, min(count, offset + 5000) + 1)
            texts = {
                i: f"{rng.choice(OPENERS)} {rng.choice(SUBJECTS)}, he said ({i})." for i in ids
            }
            days = {i: start + dt.timedelta(days=rng.randrange(2000)) for i in ids}
            connection.execute(
                insert(table_of(Statement)),
                [
                    {
                        "id": i,
                        "speaker_id": i % 100 + 1,
                        "canonical_text": texts[i],
                        "match_key": match_key(texts[i]),
                        "kind": QuoteKind.DIRECT,
                        "first_said_on": days[i],
                        "date_precision": DatePrecision.DAY,
                        "quote_count": 1,
                    }
                    for i in ids
                ],
            )
            connection.execute(
                insert(table_of(Article)),
                [
                    {
                        "id": i,
                        "outlet_id": 1,
                        "url": f"https://bench.example/{i}",
                        "published_on": days[i],
                        "text": texts[i],
                        "content_hash": f"bench-{i}",
                    }
                    for i in ids
                ],
            )
            connection.execute(
                insert(table_of(Quote)),
                [
                    {
                        "id": i,
                        "article_id": i,
                        "statement_id": i,
                        "speaker_id": i % 100 + 1,
                        "text": texts[i],
                        "span_start": 0,
                        "span_end": len(texts[i]),
                        "kind": QuoteKind.DIRECT,
                        "cue": "said",
                        "said_on": days[i],
                        "date_precision": DatePrecision.DAY,
                        "confidence": 0.9,
                    }
                    for i in ids
                ],
            )
    with database.session() as session:
        for name, keywords in TOPICS.items():
            topics.add_topic(session, name, keywords)
        for name, (parent, keywords) in SUB_TOPICS.items():
            topics.add_topic(session, name, keywords, parent=parent)


def measure(database: Database, count: int, seed: int) -> None:
    started = time.perf_counter()
    with database.session() as session:
        counts = topics.apply_topics(session)
    print(
        f"apply, {count:,} statements: {time.perf_counter() - started:.1f} s "
        f"({counts['tags_added']:,} tags)"
    )

    rng = random.Random(seed)
    timings = []
    for _ in range(200):
        ids = [rng.randrange(1, count + 1) for _ in range(5)]
        with database.session() as session:
            started = time.perf_counter()
            topics.tag_statement_ids(session, ids)
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    print(
        f"tag on import, 5 statements an article: p50 {statistics.median(timings):.1f} ms, "
        f"p95 {timings[int(len(timings) * 0.95)]:.1f} ms"
    )

    with database.session() as session:
        started = time.perf_counter()
        entries = timeline(session, "Speaker 7", topic="war")
        print(
            f"timeline, one speaker on war: {len(entries):,} entries, "
            f"{sum(e.changed for e in entries):,} changes, "
            f"{(time.perf_counter() - started) * 1000:.0f} ms"
        )
        started = time.perf_counter()
        size = sum(len(json.dumps(to_claim(item))) + 1 for item in export_statements(session))
        elapsed = time.perf_counter() - started
        tracemalloc.start()  # a second pass: tracing slows the first down
        for item in export_statements(session):
            json.dumps(to_claim(item))  # written and dropped, as by the CLI
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    print(
        f"export JSON-LD: {elapsed:.1f} s, {size / 1e6:.1f} MB, "
        f"peak Python memory {peak / 1e6:.1f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--statements", type=int, default=50_000)
    parser.add_argument("--postgres", help="admin URL of a PostgreSQL server (default: SQLite)")
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args()
    with scratch_database(args.postgres, "bench_topics") as url:
        database = open_database(url)
        try:
            started = time.perf_counter()
            fill(database, args.statements, args.seed)
            print(f"filled {args.statements:,} statements in {time.perf_counter() - started:.1f} s")
            with database.session() as session:
                assert session.scalar(select(Statement.id).limit(1)) is not None
            measure(database, args.statements, args.seed)
        finally:
            database.close()


if __name__ == "__main__":
    main()
