"""Extraction throughput: articles per second on one core, extraction alone.

    python benchmarks/bench_extract.py                       # generated wire copy
    python benchmarks/bench_extract.py ../shared/data/polnear/dev/text
    python benchmarks/bench_extract.py --scaling              # run-on text, 25 KB to 5 MB
    python benchmarks/bench_extract.py --scaling --sizes 25,100,400

``--scaling`` times one article of run-on text (names, "said", "told",
"according to", quotation marks, commas, and no sentence break) at each size,
each in a fresh process so that its peak memory is its own: CPU seconds, CPU
milliseconds per KB (which must not grow with the size: extraction is linear)
and the peak resident memory.

Generated articles are news-style text made here from templates (speakers,
roles, cues, dates, direct, interrupted and indirect quotes), about the
length of a wire story. A folder is read as UTF-8 ``.txt`` files. The first
pass warms caches; the figure is the median of the timed passes.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from quotes.extract import extract_quotes

SPEAKERS = [
    ("Kremlin spokesman", "Dmitry Peskov"),
    ("Ukrainian President", "Volodymyr Zelensky"),
    ("Foreign Minister", "Sergei Lavrov"),
    ("White House press secretary", "Karine Jean-Pierre"),
    ("NATO Secretary General", "Mark Rutte"),
]
CUES = ["said", "told reporters", "added", "said in a statement", "told a news conference"]
WHEN = ["on Monday", "on Tuesday", "last week", "on May 28", "", ""]
CLAIMS = [
    "a summit in the near future is unlikely",
    "the ceasefire must hold before any talks can begin",
    "sanctions will stay in place until the troops withdraw",
    "the grain corridor will reopen next month",
    "there is no plan to send more troops to the border",
    "the negotiations had stalled over security guarantees",
]


def generated_article(rng: random.Random) -> str:
    role, name = rng.choice(SPEAKERS)
    surname = name.split()[-1]
    paragraphs = [f"{role} {name} said {rng.choice(WHEN)} that {rng.choice(CLAIMS)}."]
    for _ in range(rng.randint(6, 10)):
        claim = rng.choice(CLAIMS)
        form = rng.randrange(5)
        if form == 0:
            paragraphs.append(f'"{claim.capitalize()}," {surname} {rng.choice(CUES)}.')
        elif form == 1:
            paragraphs.append(f'"In our view," he said, "{claim}."')
        elif form == 2:
            paragraphs.append(f"The talks resumed in Geneva after {claim}, officials said.")
        elif form == 3:
            paragraphs.append(f"According to the Kremlin, {claim}.")
        else:
            paragraphs.append(
                f"Analysts noted that the two sides met twice in the spring, "
                f"and that {claim} remained the main obstacle to an agreement."
            )
    return "\n\n".join(paragraphs)


RUN_ON_NAMES = ["Marta Lindqvist", "the harbour master", "Tomas Ekberg", "a council spokeswoman"]
RUN_ON_CUES = ["said", "told reporters", "according to", "said that", "told the board", "added"]
RUN_ON_WORDS = (
    "the ferry would run twice a day and the fares would rise in the spring while "
    "the new quay waits for money from the region"
).split()


def run_on_text(size: int, seed: int = 3) -> str:
    """About ``size`` characters of one line with no sentence break: clauses with
    speakers and speech verbs, some in quotation marks, joined by commas."""
    rng = random.Random(seed)
    pieces: list[str] = []
    length = 0
    while length < size:
        words = " ".join(rng.choice(RUN_ON_WORDS) for _ in range(rng.randint(3, 12)))
        name, cue = rng.choice(RUN_ON_NAMES), rng.choice(RUN_ON_CUES)
        form = rng.randrange(4)
        if form == 0:
            piece = f'"{words}," {name} {cue}'
        elif cue == "according to":
            piece = f"{cue} {name} {words}"
        else:
            piece = f"{name} {cue} {words}"
        pieces.append(piece)
        length += len(piece) + 2
    return ", ".join(pieces)[:size]


def measure_one(size: int) -> dict[str, float]:
    """Extract one run-on article of ``size`` characters; CPU time and peak memory."""
    text = run_on_text(size)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.process_time()
    found = extract_quotes(text)
    seconds = time.process_time() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {
        "size": size,
        "seconds": seconds,
        "quotes": len(found),
        "peak_mb": peak / 1024,
        "grown_mb": (peak - before) / 1024,
    }


def scaling(sizes_kb: list[int]) -> list[dict[str, float]]:
    rows = []
    for kb in sizes_kb:
        child = subprocess.run(
            [sys.executable, __file__, "--one-size", str(kb * 1000)],
            check=True,
            capture_output=True,
            text=True,
        )
        rows.append(json.loads(child.stdout))
    return rows


def print_scaling(rows: list[dict[str, float]]) -> None:
    print(f"{'size':>8} {'quotes':>7} {'CPU s':>8} {'ms/KB':>7} {'peak MB':>8} {'grown MB':>9}")
    for row in rows:
        per_kb = row["seconds"] * 1000 / (row["size"] / 1000)
        print(
            f"{row['size'] / 1000:>6.0f}KB {row['quotes']:>7.0f} {row['seconds']:>8.2f} "
            f"{per_kb:>7.2f} {row['peak_mb']:>8.0f} {row['grown_mb']:>9.0f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", help="a folder of .txt articles")
    parser.add_argument("--articles", type=int, default=2000, help="generated articles")
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--scaling", action="store_true", help="time run-on text by size")
    parser.add_argument(
        "--sizes", default="25,50,100,200,400,1000,5000", help="KB, comma-separated (--scaling)"
    )
    parser.add_argument("--one-size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_size:
        print(json.dumps(measure_one(args.one_size)))
        return
    if args.scaling:
        print_scaling(scaling([int(kb) for kb in args.sizes.split(",")]))
        return
    if args.folder:
        texts = [p.read_text(encoding="utf-8") for p in sorted(Path(args.folder).glob("*.txt"))]
    else:
        rng = random.Random(7)
        texts = [generated_article(rng) for _ in range(args.articles)]
    for text in texts:  # warm-up
        extract_quotes(text)
    rates, cpu_rates = [], []
    quotes = 0
    for _ in range(args.passes):
        started, cpu_started = time.perf_counter(), time.process_time()
        quotes = sum(len(extract_quotes(text)) for text in texts)
        rates.append(len(texts) / (time.perf_counter() - started))
        cpu_rates.append(len(texts) / (time.process_time() - cpu_started))
    size = sum(map(len, texts)) / len(texts)
    # Both clocks: on a quiet machine they agree; on a shared one the wall clock
    # counts time the process waited for the core, and the CPU clock is what
    # one core does.
    print(
        f"{len(texts)} articles, {size:.0f} characters each on average, {quotes} quotes: "
        f"{statistics.median(rates):.0f} articles/s (median of {args.passes} passes, one core); "
        f"{statistics.median(cpu_rates):.0f} articles/s of CPU time"
    )


if __name__ == "__main__":
    main()
