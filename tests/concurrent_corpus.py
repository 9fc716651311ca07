"""Articles for the tests that run several importers at once: invented people
who repeat the same claims in many articles, so that importers meet the same
new speakers and the same new statements at the same moment."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

FIRST = ["Anna", "Tomas", "Liisa", "Oskar", "Maren", "Petra", "Jonas", "Ines", "Karel", "Nadia"]
SURNAMES = [
    "Kowal",
    "Brandt",
    "Ekberg",
    "Varga",
    "Lindqvist",
    "Moreau",
    "Halvorsen",
    "Dufek",
    "Sarkis",
    "Oyelaran",
]
# Two people share each surname (with different given names).
PEOPLE = [f"{FIRST[i]} {SURNAMES[(i + k) % 10]}" for k in (0, 3) for i in range(10)]
PLACES = ["harbour", "valley", "old town", "airport", "north shore", "canal"]
PROJECTS = ["tram line", "ferry pier", "flood wall", "bus depot", "cycle bridge", "water plant"]
VERBS = ["open", "close", "double in size", "be rebuilt", "move inland", "go to tender"]


def claims(person: int) -> list[str]:
    """Six wordings, each only this person's."""
    return [
        f"The {PLACES[(person + c) % 6]} {PROJECTS[c]} will {VERBS[(person * 5 + c) % 6]} "
        f"before the winter of {2030 + person}"
        for c in range(6)
    ]


def write_corpus(folder: Path, articles: int = 120) -> list[Path]:
    """``articles`` text files, each quoting two people; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(articles):
        day = dt.date(2026, 4, 1) + dt.timedelta(days=n % 12)
        first, second = n % len(PEOPLE), (n * 7 + 3) % len(PEOPLE)
        a, b = claims(first)[n % 6], claims(second)[(n // 6) % 6]
        path = folder / f"{n:03d}.txt"
        path.write_text(
            f"date {day.isoformat()} Council update {n}\n\n"
            f"The council met for the {n}th time this spring.\n\n"
            f'"{a}," {PEOPLE[first]} said.\n\n'
            f'"{b}," {PEOPLE[second]} told reporters.\n'
        )
        paths.append(path)
    return paths


def import_command(database_url: str, *paths: Path | str) -> list[str]:
    """``quotes import``, by the installed script when there is one."""
    script = Path(sys.executable).parent / "quotes"
    quotes = [str(script)] if script.exists() else [sys.executable, "-m", "quotes"]
    return [*quotes, "--db", database_url, "import", "--json", *map(str, paths)]
