"""Search latency on a large database: word queries and misremembered wordings.

    python benchmarks/bench_search_latency.py                  # 1,000,000 statements, SQLite
    python benchmarks/bench_search_latency.py -n 100000
    python benchmarks/bench_search_latency.py --postgres postgresql://postgres@127.0.0.1/postgres
    python benchmarks/bench_search_latency.py --db /tmp/latency.db   # keep and reuse the file
    python benchmarks/bench_search_latency.py --postgres postgresql://postgres@127.0.0.1/big --reuse

Fills a new database with N synthetic news-wire sentences (a vocabulary of
real news words followed by a long tail of made-up names, drawn with a
Zipf-like law, stop words in between as in prose), then times
``search_statements`` exactly as ``quotes search`` calls it:

- word queries: two or three words of a stored sentence ("gas transit");
- fuzzy queries: a stored sentence remembered badly (a third of its words
  dropped, the rest partly reordered, one word wrong).

Prints p50/p95 per kind and how often the sentence a fuzzy query came from
ranks first. Targets at 1,000,000 statements: p95 < 50 ms (word) and
< 200 ms (fuzzy).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import statistics
import time
from collections.abc import Iterator
from pathlib import Path

from scratch import scratch_database
from sqlalchemy import insert, select, text
from sqlalchemy.engine import URL, make_url

from quotes.extract.model import DatePrecision, QuoteKind, SpeakerKind
from quotes.match import match_key
from quotes.services.search import search_statements
from quotes.storage.bulk import table_of
from quotes.storage.database import Database, open_database
from quotes.storage.fulltext import STOP_WORDS
from quotes.storage.models import Speaker, Statement

NEWS_WORDS = """
government minister president ministry parliament election vote voters campaign party
opposition coalition budget tax taxes spending deficit debt economy inflation prices
growth recession jobs unemployment wages workers union strike pension pensions health
hospital hospitals doctors nurses patients vaccine vaccines virus pandemic schools
teachers students university education police crime prison court judge trial law laws
bill reform policy security defence army military troops war ceasefire peace talks
summit treaty sanctions border migrants asylum refugees energy gas oil electricity
power nuclear coal wind solar climate emissions carbon weather flood floods drought
fire fires farmers food water transport rail railway trains airport flights roads
housing homes rent mortgage banks bank rates interest markets shares investors company
companies industry factory factories exports imports trade tariffs deal agreement
negotiations partners allies neighbours region city cities capital country nation
people families children women men citizens public private national local federal
state states council mayor governor senator senators congress committee inquiry report
investigation evidence witnesses allegations corruption fraud scandal resignation
leader leaders spokesman spokeswoman officials official statement interview speech
press conference announcement plan plans proposal strategy programme support funding
billion million thousand percent year years month months week weeks today yesterday
tomorrow future past history decision decisions action response crisis emergency risk
threat attack attacks missile missiles drones defence systems protect protection
pipeline pipelines contract contracts transit supply supplies shortage shortages
increase decrease rise fall cut cuts raise raised double half record highest lowest
new old first last next major minor serious clear strong weak fair unfair wrong
right safe dangerous legal illegal open closed free independent foreign domestic
international european american african asian russian chinese ukrainian british french
german agree agreed reject rejected deny denied warn warned promise promised expect
expected announce announced continue continued stop stopped start started build built
pay paid lose lost win won need needs want wants call called says told added
""".split()


def vocabulary(size: int, seed: int) -> list[str]:
    """Real news words first (the frequent ones), then made-up names for the long tail."""
    rng = random.Random(seed)
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"] + ["ar", "el", "on", "is"]
    words = [w for w in NEWS_WORDS if w not in STOP_WORDS]
    seen = set(words)
    while len(words) < size:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


# Zipf-Mandelbrot: p(rank) ~ 1 / (rank + OFFSET). The offset flattens the head,
# as prose does once its stop words are set apart.
OFFSET = 50
FILLERS = ["the", "a", "of", "to", "in", "and", "that", "on", "for", "is", "was", "with"]


def sentences(count: int, words: list[str], seed: int) -> Iterator[str]:
    rng = random.Random(seed)
    weights = list(itertools.accumulate(1.0 / (rank + OFFSET) for rank in range(len(words))))
    for _ in range(count):
        content = rng.choices(words, cum_weights=weights, k=rng.randint(8, 16))
        tokens = []
        for word in content:
            if rng.random() < 0.6:
                tokens.append(rng.choice(FILLERS))
            tokens.append(word)
        yield tokens[0].capitalize() + " " + " ".join(tokens[1:]) + "."


def fill(database: Database, count: int, seed: int) -> None:
    """``count`` statements of 2,000 speakers; the FTS triggers (SQLite) or the GIN
    index, dropped during the load and built again after it (PostgreSQL), index them."""
    words = vocabulary(60_000, seed)
    started = time.perf_counter()
    postgres = database.engine.dialect.name == "postgresql"
    with database.engine.begin() as connection:
        speakers = [
            {"name": f"Speaker {i} {words[i % len(words)].title()}", "kind": SpeakerKind.PERSON}
            for i in range(2000)
        ]
        connection.execute(insert(table_of(Speaker)), speakers)
        speaker_ids = list(connection.scalars(select(Speaker.id)))
        index = None
        if postgres:
            index = connection.scalar(
                text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_fts_statements'")
            )
            connection.execute(text("DROP INDEX ix_fts_statements"))
        rng = random.Random(seed + 1)
        start = dt.date(2015, 1, 1)
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        batch: list[dict[str, object]] = []
        for number, sentence in enumerate(sentences(count, words, seed), 1):
            said_on = start + dt.timedelta(days=rng.randrange(3650))
            batch.append(
                {
                    "speaker_id": rng.choice(speaker_ids),
                    "canonical_text": sentence,
                    "match_key": match_key(sentence),
                    "kind": QuoteKind.DIRECT,
                    "first_said_on": said_on,
                    "date_precision": DatePrecision.DAY,
                    "quote_count": 1,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            if len(batch) == 20_000 or number == count:
                connection.execute(insert(table_of(Statement)), batch)
                batch = []
                if number % 200_000 == 0:
                    print(f"  {number:,} statements, {time.perf_counter() - started:.0f} s")
        if index is not None:
            connection.execute(text(index))
    if postgres:
        with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.execute(text("VACUUM ANALYZE statements"))
    print(f"filled {count:,} statements in {time.perf_counter() - started:.0f} s")


def queries(database: Database, count: int, seed: int) -> tuple[list[str], list[tuple[str, int]]]:
    """Word queries and (misremembered wording, id of the sentence it came from)."""
    rng = random.Random(seed + 2)
    with database.session() as session:
        highest = session.scalar(select(Statement.id).order_by(Statement.id.desc()).limit(1)) or 0
        ids = sorted({rng.randint(1, highest) for _ in range(2 * count + 50)})
        rows = [
            (row[0], row[1])
            for row in session.execute(
                select(Statement.id, Statement.canonical_text).where(Statement.id.in_(ids))
            )
        ]
    rng.shuffle(rows)
    vocabulary_words = vocabulary(60_000, seed)
    word_queries = []
    for _, sentence in rows[:count]:
        content = [w for w in sentence.rstrip(".").lower().split() if w not in STOP_WORDS]
        word_queries.append(" ".join(rng.sample(content, k=min(len(content), rng.randint(2, 3)))))
    fuzzy_queries = []
    for statement_id, sentence in rows[count : 2 * count]:
        tokens = sentence.rstrip(".").lower().split()
        kept = [t for t in tokens if rng.random() > 0.33]
        for _ in range(2):  # a couple of neighbours swapped
            if len(kept) > 2:
                i = rng.randrange(len(kept) - 1)
                kept[i], kept[i + 1] = kept[i + 1], kept[i]
        if kept:
            kept[rng.randrange(len(kept))] = rng.choice(vocabulary_words[:2000])
        fuzzy_queries.append((" ".join(kept), statement_id))
    return word_queries, fuzzy_queries


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(database: Database, count: int, seed: int) -> None:
    word_queries, fuzzy_queries = queries(database, count, seed)
    with database.session() as session:
        for query in word_queries[:10]:  # warm the caches and the page cache
            search_statements(session, query)
        word_times = []
        for query in word_queries:
            started = time.perf_counter()
            search_statements(session, query)
            word_times.append(time.perf_counter() - started)
        fuzzy_times = []
        first = 0
        for query, wanted in fuzzy_queries:
            started = time.perf_counter()
            hits = search_statements(session, query)
            fuzzy_times.append(time.perf_counter() - started)
            first += bool(hits) and hits[0]["statement_id"] == wanted
    for name, times in (("word", word_times), ("fuzzy", fuzzy_times)):
        print(
            f"{name:5} queries: {len(times)}  p50 {percentile(times, 0.5) * 1000:.1f} ms  "
            f"p95 {percentile(times, 0.95) * 1000:.1f} ms  "
            f"mean {statistics.fmean(times) * 1000:.1f} ms  max {max(times) * 1000:.1f} ms"
        )
    print(f"fuzzy queries whose sentence ranks first: {first}/{len(fuzzy_queries)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", "--statements", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200, help="of each kind")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--postgres", metavar="URL", help="run on a new database on this server")
    parser.add_argument("--db", type=Path, help="SQLite file to fill, or reuse if it exists")
    parser.add_argument(
        "--reuse", action="store_true", help="use the --postgres database as is (fill if empty)"
    )
    args = parser.parse_args()
    if args.postgres and args.reuse:
        run(make_url(args.postgres), args)
    elif args.db and not args.postgres:
        run(make_url(f"sqlite:///{args.db}"), args)
    else:
        with scratch_database(args.postgres, "quotes_latency") as url:
            run(url, args)


def run(url: URL, args: argparse.Namespace) -> None:
    database = open_database(url)
    with database.session() as session:
        stored = session.scalar(select(Statement.id).limit(1)) is not None
    if not stored:
        fill(database, args.statements, args.seed)
    measure(database, args.queries, args.seed)
    database.engine.dispose()


if __name__ == "__main__":
    main()
