"""Articles written for this project in the styles of outlets unlike the
evaluation sets, each with the speaker and the day of every quote it holds.

``tests/fixtures/outlets/NAME.txt`` is an article; ``NAME.expected`` has a line
per quote: words of the quote, the speaker's names that are right (``|``
between spellings, ``-`` where the words are nobody's statement, such as an
interviewer's question) and the days that are right (``|`` between them, ``?``
where the day is not checked). A name is right as the scorer of the project's
data sets reads it: equal after folding case, accents and punctuation, or a
shorter form of it ending in the same word ("Okafor" for "Margaret Okafor").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from quotes.extract import ExtractedQuote
from quotes.services.extracting import article_quotes
from quotes.sources import ReadOptions, read_sources

FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "outlets"


@dataclass(frozen=True)
class Expected:
    article: str
    words: str
    names: tuple[str, ...]  # empty: nobody's statement
    days: tuple[str, ...]  # empty: not checked


def expectations() -> list[Expected]:
    found = []
    for path in sorted(FOLDER.glob("*.expected")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            words, names, days = line.split("\t")
            found.append(
                Expected(
                    path.stem,
                    words,
                    () if names == "-" else tuple(names.split("|")),
                    () if days == "?" else tuple(days.split("|")),
                )
            )
    return found


def quotes_of(article: str) -> list[ExtractedQuote]:
    """The quotes ``quotes extract`` prints for the article."""
    items = list(read_sources([str(FOLDER / f"{article}.txt")], ReadOptions()))
    return [quote for item in items for quote in article_quotes(item)]  # type: ignore[arg-type]


def _fold(name: str | None) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", name or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    words = re.sub(r"[^\w ]+", " ", plain.replace("\u2019", "'").replace("'s ", " 's ")).split()
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return words


def name_is(speaker: str | None, names: tuple[str, ...]) -> bool:
    said = _fold(speaker)
    if not names:
        return not said
    if not said:
        return False
    for name in names:
        right = _fold(name)
        if said == right or (said[-1] == right[-1] and all(w in right for w in said)):
            return True
    return False


def problems(expected: Expected, quotes: list[ExtractedQuote]) -> list[str]:
    """What is wrong with the quotes holding the expected words (nothing: right)."""
    holding = [quote for quote in quotes if expected.words in quote.text]
    if not holding:
        return [] if not expected.names else ["not found"]
    wrong = []
    for quote in holding:
        if not name_is(quote.speaker, expected.names):
            wrong.append(f"speaker {quote.speaker!r} ({quote.speaker_mention!r})")
        day = quote.said_on.isoformat() if quote.said_on else None
        if expected.days and expected.names and day not in expected.days:
            wrong.append(f"said on {day}")
    return wrong


if __name__ == "__main__":  # a listing for people: python -m tests.extract.outlet_fixtures
    cache: dict[str, list[ExtractedQuote]] = {}
    bad = 0
    everything = expectations()
    for item in everything:
        quotes = cache.setdefault(item.article, quotes_of(item.article))
        wrong = problems(item, quotes)
        if wrong:
            bad += 1
            print(f"{item.article}: {item.words!r}: {'; '.join(wrong)}  [want {item.names}]")
    print(f"{len(everything) - bad}/{len(everything)} right")
