"""Search quality on CheckThat! 2021 task 2B: debate sentences -> the claims they repeat.

    python benchmarks/bench_search_quality.py ../shared/data/claims/checkthat2021_task2b
    python benchmarks/bench_search_quality.py DIR --postgres postgresql://postgres@127.0.0.1/test

All 19,250 PolitiFact claims are stored as statements (with their speakers and
dates) in a new database; each query sentence goes through
``search_statements`` exactly as ``quotes search`` runs it. Reported: recall
at 1, 5 and 10 and MRR, on the test queries (``queries.tsv`` with
``task2b-test.tsv``) and the dev and train queries (``v1_iclaims.queries``
with ``v1_dev.tsv`` / ``v1_train.tsv``). Tune on train and dev; test is for
the report; "all" pools the three, the set as a whole. ``--window DAYS`` adds
the figures of the same searches limited to DAYS around the day of the debate
(taken from the query id), as a fact-checker who knows when the sentence was
said would run them.

The issue quotes about 0.41 at 1 and 0.54 at 5 for character n-gram TF-IDF
alone on this set; ``baseline_char_tfidf.py`` measures that baseline the same
way, split by split and pooled.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import dateparser
from scratch import scratch_database
from sqlalchemy import insert

from quotes.extract.model import DatePrecision, QuoteKind, SpeakerKind
from quotes.match import match_key
from quotes.services import search
from quotes.storage.database import Database, open_database
from quotes.storage.models import Speaker, Statement


def claim_date(stated: str) -> dt.date | None:
    """ "stated on March 3, 2031 in a radio debate.:" -> 2031-03-03."""
    words = stated.removeprefix("stated on ").split(" in ")[0].strip(" .:")
    try:
        return dt.datetime.strptime(words, "%B %d, %Y").date()
    except ValueError:
        parsed = dateparser.parse(words, languages=["en"])
        return parsed.date() if parsed else None


def load_claims(database: Database, path: Path) -> dict[str, int]:
    """Store every claim as a statement; vclaim id -> statement id."""
    claims = [json.loads(line) for line in path.open(encoding="utf-8")]
    with database.session() as session:
        speakers: dict[str, int] = {}
        for name in sorted({c.get("speaker") or "Unknown" for c in claims}):
            speakers[name] = session.execute(
                insert(Speaker)
                .values(name=name[:300], kind=SpeakerKind.PERSON)
                .returning(Speaker.id)
            ).scalar_one()
        ids: dict[str, int] = {}
        for claim in claims:
            said_on = claim_date(claim.get("date") or "")
            ids[claim["vclaim_id"]] = session.execute(
                insert(Statement)
                .values(
                    speaker_id=speakers[claim.get("speaker") or "Unknown"],
                    canonical_text=claim["vclaim"],
                    match_key=match_key(claim["vclaim"]),
                    kind=QuoteKind.DIRECT,
                    first_said_on=said_on,
                    date_precision=DatePrecision.DAY if said_on else DatePrecision.UNKNOWN,
                    quote_count=1,
                )
                .returning(Statement.id)
            ).scalar_one()
        session.commit()
    return ids


Split = list[tuple[str, set[str], dt.date | None]]


def read_split(queries: Path, qrels: Path) -> Split:
    """(query sentence, claim ids, day the sentence was said) of every judged query."""
    texts = dict(row[:2] for row in csv.reader(queries.open(encoding="utf-8"), delimiter="\t"))
    gold: dict[str, set[str]] = defaultdict(set)
    for row in csv.reader(qrels.open(encoding="utf-8"), delimiter="\t"):
        gold[row[0]].add(row[2])
    return [
        (texts[query_id], claims, query_date(query_id))
        for query_id, claims in gold.items()
        if query_id in texts
    ]


def judged_splits(folder: Path) -> dict[str, Split]:
    """The test, dev and train queries, and "all" of them pooled: the whole set."""
    splits = {
        "test": read_split(folder / "queries.tsv", folder / "task2b-test.tsv"),
        "dev": read_split(folder / "v1_iclaims.queries", folder / "v1_dev.tsv"),
        "train": read_split(folder / "v1_iclaims.queries", folder / "v1_train.tsv"),
    }
    return {**splits, "all": [query for split in splits.values() for query in split]}


def query_date(query_id: str) -> dt.date | None:
    """The debate or speech day in a query id: "20170822_Trump_phoenix_0204", "2019_oct_03_221"."""
    for length, layout in ((8, "%Y%m%d"), (11, "%Y_%b_%d")):
        try:
            return dt.datetime.strptime(query_id[:length], layout).date()
        except ValueError:
            continue
    return None


def evaluate(
    database: Database, ids: dict[str, int], split: Split, window: int | None = None
) -> dict[str, float]:
    rankings: list[tuple[list[int], set[int]]] = []
    timings = []
    with database.session() as session:
        for query, claims, said_on in split:
            since = until = None
            if window is not None and said_on is not None:
                since = said_on - dt.timedelta(days=window)
                until = said_on + dt.timedelta(days=window)
            started = time.perf_counter()
            hits = search.search_statements(session, query, limit=10, since=since, until=until)
            timings.append(time.perf_counter() - started)
            rankings.append(
                ([hit["statement_id"] for hit in hits], {ids[c] for c in claims if c in ids})
            )
    timings.sort()
    return {
        **recall_figures(rankings),
        "p95_ms": round(timings[int(0.95 * (len(timings) - 1))] * 1000, 1),
    }


def recall_figures(rankings: Sequence[tuple[Sequence[Any], set[Any]]]) -> dict[str, float]:
    """Recall at 1, 5 and 10 and MRR (within the top 10) of (ranked ids, wanted ids) pairs."""
    hits_at = {1: 0, 5: 0, 10: 0}
    reciprocal = 0.0
    for found, wanted in rankings:
        ranks = [found.index(i) + 1 for i in wanted if i in found[:10]]
        if ranks:
            best = min(ranks)
            reciprocal += 1 / best
            for k in hits_at:
                hits_at[k] += best <= k
    n = len(rankings)
    return {
        "queries": n,
        **{f"recall@{k}": round(v / n, 4) for k, v in hits_at.items()},
        "mrr": round(reciprocal / n, 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--postgres", metavar="URL", help="run on a new database on this server")
    parser.add_argument("--candidates", type=int, help="override search.CANDIDATES")
    parser.add_argument(
        "--window",
        type=int,
        metavar="DAYS",
        help="also search as a fact-checker who knows the day: --since/--until this many "
        "days around the date in the query id",
    )
    parser.add_argument(
        "--weights", help="override the blend: characters,token_set,fulltext,numbers"
    )
    args = parser.parse_args()
    if args.candidates:
        search.CANDIDATES = args.candidates
    if args.weights:
        (
            search.WEIGHT_CHARACTERS,
            search.WEIGHT_TOKEN_SET,
            search.WEIGHT_FULLTEXT,
            search.WEIGHT_NUMBERS,
        ) = (float(w) for w in args.weights.split(","))
    with scratch_database(args.postgres, "quotes_bench") as url:
        database = open_database(url)
        started = time.perf_counter()
        ids = load_claims(database, args.folder / "politifact_vclaims.jsonl")
        print(f"loaded {len(ids)} claims in {time.perf_counter() - started:.1f} s")
        splits = judged_splits(args.folder)
        for split, queries in splits.items():
            print(split, json.dumps(evaluate(database, ids, queries)))
        if args.window is not None:
            for split, queries in splits.items():
                figures = evaluate(database, ids, queries, args.window)
                print(f"{split} within {args.window} days", json.dumps(figures))
        database.engine.dispose()


if __name__ == "__main__":
    main()
