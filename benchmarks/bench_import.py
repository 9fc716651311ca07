"""Import throughput and memory: ``python benchmarks/bench_import.py``.

Generates a seeded corpus of news-style articles (wire copy with direct,
indirect and partial quotes from a cast of speakers) into a temporary folder,
then imports it with ``quotes import``'s library API, in a fresh process per
run so that peak memory (``ru_maxrss``) is that run's own. It reports
articles per second and peak RSS for each size on SQLite and PostgreSQL.
"CPU art/s" counts the importing process's own CPU time only: steadier than
the wall clock on a shared machine, and on PostgreSQL it leaves out the server.

PostgreSQL: ``--postgres URL`` is an admin URL (default
``$QUOTES_TEST_POSTGRES_URL``, else the local test server); a throwaway
database is created for each run and dropped after. ``--profile`` prints the
top of a cProfile of the largest SQLite run.

Target: >= 300 articles/s on one core into SQLite with extraction on, and
the same peak memory at 1k and 10k articles.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"

SPEAKERS = [
    ("Kremlin spokesman", "Dmitry Peskov", "Peskov", "he"),
    ("Ukrainian President", "Volodymyr Zelensky", "Zelensky", "he"),
    ("White House spokesman", "Daniel Brooks", "Brooks", "he"),
    ("EU foreign policy chief", "Kaja Kallas", "Kallas", "she"),
    ("Turkish Foreign Minister", "Hakan Fidan", "Fidan", "he"),
    ("NATO Secretary General", "Mark Rutte", "Rutte", "he"),
    ("German Chancellor", "Friedrich Merz", "Merz", "he"),
    ("Polish Prime Minister", "Donald Tusk", "Tusk", "he"),
    ("Russian Foreign Minister", "Sergei Lavrov", "Lavrov", "he"),
    ("Ukrainian Foreign Minister", "Andrii Sybiha", "Sybiha", "he"),
    ("UN Secretary-General", "Antonio Guterres", "Guterres", "he"),
    ("French President", "Emmanuel Macron", "Macron", "he"),
]
CITIES = ["MOSCOW", "KYIV", "WASHINGTON", "BRUSSELS", "GENEVA", "ANKARA", "BERLIN", "WARSAW"]
TOPICS = [
    "the ceasefire draft",
    "the Geneva summit",
    "the grain corridor",
    "prisoner exchanges",
    "energy infrastructure",
    "the sanctions package",
    "security guarantees",
    "the Black Sea talks",
]
VERBS = ["said", "told reporters", "said in a statement", "told a news conference", "wrote"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "last week"]
CLAIMS = [
    "we will not sign {t} in its current form",
    "{t} must be agreed before any meeting of leaders",
    "there is no alternative to {t}",
    "the other side has rejected {t} again",
    "we are ready to discuss {t} at any moment",
    "nobody should expect quick results on {t}",
    "{t} is a matter for the negotiators, not for television",
    "the proposals on {t} were written without us",
]
FILLER = [
    "Officials in {c} did not comment further.",
    "Talks on {t} have stalled since the autumn.",
    "Diplomats said a new round on {t} could start within weeks.",
    "The two sides last met in person in the spring.",
    "Analysts said the remarks on {t} were aimed at domestic audiences.",
]


def generate_article(rng: random.Random, index: int) -> str:
    """One wire story: a header, a lead, and direct, indirect and partial quotes."""
    day = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(120))
    topic = rng.choice(TOPICS)
    cast = rng.sample(SPEAKERS, 3)
    city = rng.choice(CITIES)
    role, name, surname, pronoun = cast[0]
    paragraphs = [
        f"{city}, {day:%B} {day.day} - {role} {name} {rng.choice(DAYS)} commented on {topic} "
        f"as pressure grew on both sides (story {index}).",
    ]
    for role, name, surname, pronoun in cast:
        claim = rng.choice(CLAIMS).format(t=topic)
        second = rng.choice(CLAIMS).format(t=rng.choice(TOPICS))
        paragraphs.append(
            f'"{_upper(claim)}," {role} {name} {rng.choice(VERBS)} {rng.choice(DAYS)}. '
            f'"{_upper(second)}," {pronoun} added.'
        )
        paragraphs.append(
            f"{surname} said that {rng.choice(CLAIMS).format(t=topic)}, and described the latest "
            f'proposal as "{rng.choice(["unserious", "a step forward", "theatre", "a trap"])}".'
        )
        paragraphs.append(rng.choice(FILLER).format(c=city.title(), t=topic))
    title = f"{cast[0][2]} speaks on {topic} ({index})"
    return f"date {day.isoformat()} {title}\n\n" + "\n\n".join(paragraphs) + "\n"


def _upper(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def write_corpus(folder: Path, count: int, seed: int) -> None:
    rng = random.Random(seed)
    for index in range(count):
        sub = folder / f"{index // 1000:03d}"
        if index % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{index:06d}.txt").write_text(generate_article(rng, index))


# --- one run, in its own process ---------------------------------------------------


def child(args: argparse.Namespace) -> None:
    from quotes.services.importing import ImportSummary, import_articles
    from quotes.storage.database import open_database

    extractor = {"real": None, "none": _no_quotes, "stub": _stub_quotes}[args.extractor]
    database = open_database(args.db)
    summary = ImportSummary()
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    start, cpu_start = time.perf_counter(), time.process_time()
    for result in import_articles(database, [args.corpus], extractor=extractor):
        summary.add(result)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    if profiler is not None:
        import pstats

        profiler.disable()
        stats = pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative")
        stats.print_stats(args.profile_lines)
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(25)
    database.close()
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "articles": summary.read,
                "failed": summary.failed,
                "quotes": summary.quotes,
                "speakers": summary.new_speakers,
                "seconds": round(elapsed, 2),
                "rate": round(summary.read / elapsed, 1),
                "cpu_rate": round(summary.read / cpu, 1),
                "peak_rss_mb": round(rss_kb / 1024, 1),
            }
        )
    )


def _no_quotes(text: str, published: dt.date | None) -> list[Any]:
    return []


def _stub_quotes(text: str, published: dt.date | None) -> list[Any]:
    """Every quoted span, said by the speaker named right after it: a stand-in
    that gives ``record_quotes`` realistic work without the real extractor."""
    import re

    from quotes.extract.model import DatePrecision, ExtractedQuote, QuoteKind, SpeakerKind

    names = {full for _, full, _, _ in SPEAKERS}
    found = []
    current = None
    for match in re.finditer(r'"([^"]+?),?"(?: ([A-Z][^.]*?(?:said|told|wrote|added)))?', text):
        after = match.group(2) or ""
        current = next((n for n in names if n in after), current)
        found.append(
            ExtractedQuote(
                text=match.group(1),
                start=match.start(1),
                end=match.end(1),
                kind=QuoteKind.DIRECT,
                speaker=current,
                speaker_kind=SpeakerKind.PERSON if current else SpeakerKind.UNKNOWN,
                said_on=published,
                date_precision=DatePrecision.REPORTED,
                confidence=0.9,
            )
        )
    return found


# --- the driver -------------------------------------------------------------------


def run_child(
    corpus: Path, db: str, extractor: str, profile: bool = False, lines: int = 40
) -> dict[str, Any]:
    command = [
        sys.executable,
        __file__,
        "--child",
        "--corpus",
        str(corpus),
        "--db",
        db,
        "--extractor",
        extractor,
    ]
    if profile:
        command += ["--profile", "--profile-lines", str(lines)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"benchmark run failed:\n{done.stderr}")
    if profile:
        sys.stderr.write(done.stderr)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def postgres_database(admin_url: str) -> tuple[str, Any]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    url = make_url(admin_url).set(drivername="postgresql+psycopg")
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"quotes_bench_{uuid.uuid4().hex[:10]}"
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()

    return url.set(database=name).render_as_string(hide_password=False), drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="corpus sizes (default 1000,10000)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--postgres",
        default=os.environ.get("QUOTES_TEST_POSTGRES_URL", DEFAULT_POSTGRES),
        help="admin URL of a PostgreSQL server; 'none' to skip PostgreSQL",
    )
    parser.add_argument(
        "--extractor",
        choices=["real", "stub", "none"],
        default="real",
        help="'none' stores articles without quotes (the importer's own cost); "
        "'stub' records regex-found quotes (record_quotes' cost without extraction)",
    )
    parser.add_argument("--profile", action="store_true", help="profile the largest SQLite run")
    parser.add_argument("--profile-lines", type=int, default=40)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return

    sizes = [int(s) for s in args.sizes.split(",")]
    backends = ["sqlite"] + ([] if args.postgres == "none" else ["postgresql"])
    print(
        f"{'backend':<11}{'articles':>9}{'quotes':>9}{'seconds':>9}{'art/s':>9}"
        f"{'CPU art/s':>11}{'peak RSS':>11}"
    )
    with tempfile.TemporaryDirectory(prefix="quotes-bench-") as scratch:
        for size in sizes:
            corpus = Path(scratch) / f"corpus-{size}"
            write_corpus(corpus, size, args.seed)
            for backend in backends:
                profile = args.profile and backend == "sqlite" and size == max(sizes)
                if backend == "sqlite":
                    db, drop = str(Path(scratch) / f"bench-{size}.db"), None
                else:
                    db, drop = postgres_database(args.postgres)
                try:
                    r = run_child(corpus, db, args.extractor, profile, args.profile_lines)
                finally:
                    if drop is not None:
                        drop()
                print(
                    f"{backend:<11}{r['articles']:>9}{r['quotes']:>9}{r['seconds']:>9}"
                    f"{r['rate']:>9}{r['cpu_rate']:>11}{r['peak_rss_mb']:>8} MB",
                    flush=True,
                )
                if r["failed"]:
                    print(f"  ({r['failed']} articles failed)")


if __name__ == "__main__":
    main()
