"""Extraction throughput: articles per second on one core, extraction alone.

    python benchmarks/bench_extract.py                       # generated wire copy
    python benchmarks/bench_extract.py ../shared/data/polnear/dev/text

Generated articles are news-style text made here from templates (speakers,
roles, cues, dates, direct, interrupted and indirect quotes), about the
length of a wire story. A folder is read as UTF-8 ``.txt`` files. The first
pass warms caches; the figure is the median of the timed passes.
"""

from __future__ import annotations

import argparse
import random
import statistics
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", help="a folder of .txt articles")
    parser.add_argument("--articles", type=int, default=2000, help="generated articles")
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args()
    if args.folder:
        texts = [p.read_text(encoding="utf-8") for p in sorted(Path(args.folder).glob("*.txt"))]
    else:
        rng = random.Random(7)
        texts = [generated_article(rng) for _ in range(args.articles)]
    for text in texts:  # warm-up
        extract_quotes(text)
    rates = []
    quotes = 0
    for _ in range(args.passes):
        started = time.perf_counter()
        quotes = sum(len(extract_quotes(text)) for text in texts)
        rates.append(len(texts) / (time.perf_counter() - started))
    size = sum(map(len, texts)) / len(texts)
    print(
        f"{len(texts)} articles, {size:.0f} characters each on average, {quotes} quotes: "
        f"{statistics.median(rates):.0f} articles/s (median of {args.passes} passes, one core)"
    )


if __name__ == "__main__":
    main()
