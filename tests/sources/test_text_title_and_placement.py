"""Plain text: which first line is a title, and where the text lies in its file."""

from __future__ import annotations

from pathlib import Path

from quotes.sources import read_sources
from quotes.sources.placement import Placement
from quotes.sources.text import parse_text

STORY = '"The night ferry will run until March," harbour master Ilse Varga said on Tuesday.'


def test_a_headline_without_a_full_stop_is_the_title() -> None:
    article = parse_text(f"Night ferry to run until March\n\n{STORY}\n", "a.txt")
    assert (article.title, article.text) == ("Night ferry to run until March", STORY)


def test_a_first_line_that_ends_as_a_sentence_is_the_story() -> None:
    for first in (
        "Varga: The Night Ferry Will Run Until March.",
        '"We will keep the night ferry running," Varga told the council.',
        "Said Harbour Master Ilse Varga:",
    ):
        article = parse_text(f"{first}\n\n{STORY}\n", "a.txt")
        assert article.title is None
        assert article.text.startswith(first)


def test_offsets_in_the_text_are_placed_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    content = f"date 2031-02-04 Night ferry\r\n\r\n\r\n\r\n{STORY}   \r\nThe board agreed.  \r\n"
    path.write_bytes(content.encode("utf-8"))
    (article,) = read_sources([str(path)])
    assert not isinstance(article, Exception) and article.placement is not None
    as_read = path.read_text(encoding="utf-8")  # line ends as Python reads them
    for words in ("The night ferry", "Varga", "The board agreed."):
        start = article.text.index(words)
        begin, end = article.placement.span_in_document(start, start + len(words))
        assert as_read[begin:end] == words


def test_a_repaired_stretch_keeps_the_rest_in_place() -> None:
    document = "Mayor Jos\u00c3\u00a9 Ferreira said the pier will reopen."
    text = "Mayor José Ferreira said the pier will reopen."
    placement = Placement.of(text, document, 0)
    start = text.index("said")
    assert document[slice(*placement.span_in_document(start, start + 4))] == "said"
    assert placement.in_document(0) == 0
