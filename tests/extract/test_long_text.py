"""Long text without sentence breaks: extraction's work grows with the length.

Times are for benchmarks (``bench_extract.py --scaling``); these tests count
work that does not depend on the machine: the characters read to date each
quote, and the lines of Python run.
"""

from __future__ import annotations

import random
import sys
from types import FrameType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes.extract import article, extract_quotes, resolution

_NAMES = ["Marta Lindqvist", "the harbour master", "Tomas Ekberg", "a council spokeswoman"]
_CUES = ["said", "told reporters", "according to", "said that", "told the board", "added"]
_WORDS = "the ferry would run twice a day and fares would rise while the quay waits".split()


def run_on(size: int) -> str:
    """One line of clauses with speakers and speech verbs, and no full stop."""
    rng = random.Random(11)
    pieces: list[str] = []
    length = 0
    while length < size:
        words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(3, 10)))
        name, cue = rng.choice(_NAMES), rng.choice(_CUES)
        if cue == "according to":
            pieces.append(f"{cue} {name} {words}")
        else:
            pieces.append(f"{name} {cue} {words}")
        length += len(pieces[-1]) + 2
    return ", ".join(pieces)


def one_line_of_prose(size: int) -> str:
    """Sentences with quotes, all on one line (as some feeds send an article)."""
    rng = random.Random(5)
    forms = [
        '"We will open the new quay by spring," {name} said.',
        "{name} told reporters that the board would vote on Thursday.",
        '"The fares are too high." The harbour master disagreed.',
    ]
    sentences: list[str] = []
    length = 0
    while length < size:
        sentences.append(rng.choice(forms).format(name=rng.choice(_NAMES[::2])))
        length += len(sentences[-1]) + 1
    return " ".join(sentences)


def _characters_dated(monkeypatch: pytest.MonkeyPatch, text: str) -> tuple[int, int]:
    """Extract; return the quotes found and the characters read to date them."""
    read = 0
    resolve = resolution.resolve_date

    def counting(clause: str, published: Any) -> Any:
        nonlocal read
        read += len(clause)
        return resolve(clause, published)

    monkeypatch.setattr(resolution, "resolve_date", counting)
    return len(extract_quotes(text)), read


def test_run_on_text_is_read_in_bounded_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    small_quotes, small_read = _characters_dated(monkeypatch, run_on(20_000))
    large_quotes, large_read = _characters_dated(monkeypatch, run_on(80_000))
    assert small_quotes > 100 and large_quotes > 3.5 * small_quotes
    # Four times the text, four times the work; a quote dated from its whole
    # "sentence" (the whole text) would read sixteen times as much.
    assert large_read < 5 * small_read


def _python_lines(text: str) -> tuple[int, int]:
    lines = 0

    def trace(frame: FrameType, event: str, arg: object) -> Any:
        nonlocal lines
        if event == "line":
            lines += 1
        return trace

    sys.settrace(trace)
    try:
        found = extract_quotes(text)
    finally:
        sys.settrace(None)
    return len(found), lines


def test_many_quotes_on_one_line_cost_each_the_same() -> None:
    small_quotes, small_lines = _python_lines(one_line_of_prose(10_000))
    large_quotes, large_lines = _python_lines(one_line_of_prose(40_000))
    assert small_quotes > 100 and large_quotes > 3.5 * small_quotes
    # Comparing every reported clause with every quote grew with the square.
    assert large_lines < 5 * small_lines


def test_a_long_sentence_is_still_one_sentence() -> None:
    # Long for news (about 1,500 characters), but a sentence: read whole.
    clause = ", and ".join(["the ferry would run twice a day in the summer months"] * 26)
    text = f"Marta Lindqvist said that {clause}."
    (quote,) = extract_quotes(text)
    assert quote.speaker == "Marta Lindqvist"
    assert len(clause) > 1_400 and quote.text.endswith("in the summer months")


_SPACEY = st.text(alphabet=st.sampled_from(" ,\"”'\n\tab\u00a0\u2003."), max_size=30)


@given(_SPACEY, st.integers(min_value=0, max_value=30))
def test_looking_back_from_a_position_is_stripping_the_text_before_it(
    text: str, position: int
) -> None:
    position = min(position, len(text))
    assert article.stripped_end(text, position) == len(text[:position].rstrip())
    assert article.last_before(text, position) == text[:position].rstrip()[-1:]
    chars = "\"”' "
    assert article.last_before(text, position, chars) == text[:position].rstrip(chars)[-1:]
    assert article.blank(text, position // 2, position) == (
        not text[position // 2 : position].strip()
    )
