"""One quote per span: where two verbs read the same words (run-on text, or a
that-clause after two verbs), the better-attributed quote is kept, since an
article stores one quote per span (a second would fail the whole article)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from quotes.extract import extract_quotes
from quotes.services.importing import ImportStatus, import_articles
from quotes.storage.database import Database
from quotes.storage.models import Quote

# No full stop anywhere: two asides ("Piet Moen said", "Anja Lind said") in one
# run, and each would take the whole run for what its speaker said.
RUN_ON = "the tram fares would rise, Piet Moen said, the tram fares, Anja Lind said, would rise"


def _spans(text: str) -> list[tuple[int, int]]:
    return [(quote.start, quote.end) for quote in extract_quotes(text)]


def test_run_on_text_gives_each_span_one_quote_and_one_speaker() -> None:
    quotes = extract_quotes(RUN_ON)
    assert len({(q.start, q.end) for q in quotes}) == len(quotes) >= 1
    (whole,) = [q for q in quotes if (q.start, q.end) == (0, len(RUN_ON))]
    assert whole.rule == "parenthetical_said"
    assert whole.speaker in ("Piet Moen", "Anja Lind")


def test_a_long_run_on_text_never_repeats_a_span() -> None:
    pieces = [
        "Piet Moen said Anja Lind said the tram fares would rise",
        "the tram fares, Anja Lind said, would rise",
        "the tram fares would rise, said Anja Lind, Piet Moen said",
        "according to Sara Dahl the depot is shut",
    ]
    text = ", ".join(pieces * 6)
    spans = _spans(text)
    assert spans and len(set(spans)) == len(spans)


def test_of_two_verbs_before_one_that_clause_the_verb_of_saying_reports_it() -> None:
    # "hopes" is a verb of belief: what Wik said is the better attribution.
    (quote,) = extract_quotes(
        "Tomas Wik said Ilse Brandt hopes that the new ferry will sail before the storms."
    )
    assert (quote.rule, quote.speaker) == ("said_that", "Tomas Wik")
    assert quote.text == "that the new ferry will sail before the storms"


def test_a_run_on_article_is_stored_whole(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "run-on.txt"
    path.write_text(RUN_ON + "\n", encoding="utf-8")
    (result,) = import_articles(database, [str(path)])
    assert result.status is ImportStatus.NEW, result.error
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Quote)) == len(_spans(RUN_ON))
