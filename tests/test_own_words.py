"""The project's own words: no fixture, comment or string repeats the evaluation data.

Every text file under tests/, examples/, benchmarks/ and quotes/ (for Python
files: their string literals and comments, escapes read as what they stand
for) must share no run of 8 or more consecutive words with the texts in
``../shared/data``: the PolNeAR train and dev articles, the wire dev articles
and the sentences of the claims sets (all of them). Words are runs of word
characters, case-folded, curly quotation marks and apostrophes folded to
straight ones.

The check keeps the 8-word runs of the project's own texts (some tens of
thousands) in a set and reads the shared data once, so memory stays small
whatever the size of the data. Where the checkout has no ``../shared`` the
test is skipped and says so.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
OURS = ("tests", "examples", "benchmarks", "quotes")
RUN = 8
# Every text the shared data holds; the qrels (*.tsv of ids in checkthat) hold
# no words worth checking but cost nothing, so nothing is left out.
SHARED_SUFFIXES = (".txt", ".jsonl", ".tsv", ".csv", ".queries", ".md")

_WORD = re.compile(r"\w+")
_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _words(text: str) -> list[str]:
    return _WORD.findall(text.translate(_FOLD).casefold())


def _runs(words: list[str]) -> Iterator[tuple[str, ...]]:
    """Every run of ``RUN`` consecutive words (built by ``zip``, in C: fast)."""
    return zip(*(words[shift:] for shift in range(RUN)), strict=False)


def _python_texts(source: str) -> Iterator[str]:
    """The string literals (adjacent ones joined, as Python joins them) and the
    comments (consecutive lines joined) of a Python file."""
    pieces: list[str] = []
    kind = ""
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    for token in tokens:
        if token.type in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
            continue
        if token.type == tokenize.COMMENT:
            this, text = "comment", token.string.lstrip("#")
        elif token.type == tokenize.STRING:
            this, text = "string", _literal(token.string)
        elif token.type == getattr(tokenize, "FSTRING_MIDDLE", -1):
            this, text = "string", token.string
        elif token.type in (
            getattr(tokenize, "FSTRING_START", -1),
            getattr(tokenize, "FSTRING_END", -1),
        ):
            this, text = "string", ""
        else:
            # Code between strings (an f-string's {field}) breaks a run.
            this, text = "", ""
        if this != kind and pieces:
            yield " ".join(pieces)
            pieces = []
        kind = this
        if this:
            pieces.append(text)
    if pieces:
        yield " ".join(pieces)


def _literal(token: str) -> str:
    try:
        value = ast.literal_eval(token)
    except (ValueError, SyntaxError):
        return token
    return value.decode("latin-1") if isinstance(value, bytes) else str(value)


def _our_texts() -> Iterator[tuple[Path, str]]:
    for folder in OURS:
        for path in sorted((ROOT / folder).rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts:
                continue
            try:
                source = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue  # not text
            if path.suffix == ".py":
                for text in _python_texts(source):
                    yield path, text
            else:
                yield path, source


def _shared_files() -> list[Path]:
    return sorted(
        path for path in SHARED.rglob("*") if path.is_file() and path.suffix in SHARED_SUFFIXES
    )


def test_no_text_of_ours_repeats_eight_words_of_the_evaluation_data() -> None:
    if not SHARED.is_dir():
        pytest.skip(f"no evaluation data beside the checkout ({SHARED} is absent): not checked")
    ours: dict[tuple[str, ...], set[Path]] = {}
    for path, text in _our_texts():
        for run in _runs(_words(text)):
            ours.setdefault(run, set()).add(path)
    files = _shared_files()
    assert any(path.parent.name == "text" for path in files), f"no article texts in {SHARED}"
    hits: dict[tuple[str, ...], str] = {}
    for shared in files:
        words = _words(shared.read_text(encoding="utf-8", errors="replace"))
        if ours.keys().isdisjoint(_runs(words)):
            continue
        for run in ours.keys() & set(_runs(words)):
            hits[run] = shared.relative_to(SHARED).as_posix()
    found = sorted(
        f"{path.relative_to(ROOT)}: {' '.join(run)!r} (also in {where})"
        for run, where in hits.items()
        for path in ours[run]
    )
    assert not found, "8-word runs shared with the evaluation data:\n" + "\n".join(found)
