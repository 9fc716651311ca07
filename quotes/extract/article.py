"""The article as the rules see it: its text with sentence and paragraph
bounds for cheap look-ups, and small helpers for reading back from a position."""

from __future__ import annotations

import bisect
import re

from quotes.extract.cues import (
    CUE,
    CUE_REACH,
    LONGEST_CUE,
    after_possessive,
    is_word_char,
    whole_text_cues,
)
from quotes.extract.patterns import word_alternation

# A full stop ends a sentence unless it closes an initial or a known
# abbreviation; the look-behinds run only where a stop has matched.
ABBREVIATIONS = """
    Mr Mrs Ms Dr St Sen Rep Gov Gen Lt Col Sgt Jr Sr Inc Corp Co No vs Jan Feb
    Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Ft Mt U.S U.K U.N a.m p.m
    Capt Cmdr Cdr Maj Brig Cpl Pvt Det Insp Supt Prof Rev Adm Msgr Fr Atty Hon
""".split()
_SENTENCE_END = re.compile(
    r"[.!?](?<![\s.][A-Z]\.)"
    # One look-behind for all the abbreviations of a length, not one each:
    # fewer assertions to try at every stop.
    + "".join(
        rf"(?<!\b{word_alternation(word for word in ABBREVIATIONS if len(word) == size)}\.)"
        for size in sorted({len(word) for word in ABBREVIATIONS})
    )
    + r"[.!?]*[\"”’')\]]*(?=\s+(?:[\"“‘(\[]|'')?[A-Z0-9])"
)


def _line_starts(text: str) -> list[int]:
    """0 and where each run of line breaks ends; ``str.find`` is several times
    faster here than a ``\n+`` pattern."""
    starts = [0]
    length = len(text)
    position = text.find("\n")
    while position != -1:
        position += 1
        while position < length and text[position] == "\n":
            position += 1
        starts.append(position)
        position = text.find("\n", position)
    return starts


# "GENEVA, March 5 - ", "KYIV (Reuters) — ", "HALIFAX, June 5, 2029 (AP) — ": where
# and when the story was filed, before its first sentence; neither its subject
# nor part of what anyone said.
_DATELINE = re.compile(
    r"[A-Z][A-Z .'-]{1,40}(?:,[^\S\n][A-Z][a-z]+\.?[^\S\n]\d{1,2}(?:,[^\S\n]\d{4})?)?"
    r"(?:[^\S\n]\([A-Za-z .]{2,30}\))?[^\S\n]+[-—–][^\S\n]+"
)


# No sentence of news runs near this long (the longest in a few thousand
# articles is about 1,100 characters). A longer run without a stop is no
# sentence (a scraped list, a hostile input): it is read in pieces of about this
# length, so that every look-up within a sentence is bounded and extraction
# takes time linear in the article's length.
_LONGEST_SENTENCE = 2_000


def _bounded(text: str, ends: list[int], paragraph_starts: list[int]) -> list[int]:
    """``ends`` with a break added, after a space, in every run longer than
    _LONGEST_SENTENCE between two sentence or paragraph bounds."""
    cuts = []
    previous = 0
    for bound in [*sorted(ends + paragraph_starts), len(text)]:
        while bound - previous > _LONGEST_SENTENCE:
            limit = previous + _LONGEST_SENTENCE
            space = text.rfind(" ", previous + _LONGEST_SENTENCE // 2, limit)
            previous = space + 1 if space != -1 else limit
            cuts.append(previous)
        previous = max(previous, bound)
    return sorted(ends + cuts) if cuts else ends


class Article:
    """The text with its sentence and paragraph boundaries, for cheap look-ups."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentence_ends = [match.end() for match in _SENTENCE_END.finditer(text)]
        # Line breaks end sentences too; they are paragraph bounds, applied by
        # sentence_start and sentence_end.
        self.paragraph_starts = _line_starts(text)
        datelines = [
            line.end()
            for start in self.paragraph_starts
            if (line := _DATELINE.match(text, start)) is not None
        ]
        if datelines:
            self.sentence_ends = sorted(self.sentence_ends + datelines)
        self.sentence_ends = _bounded(text, self.sentence_ends, self.paragraph_starts)
        # Both kinds of bound in one list: a sentence starts at the last bound
        # before a position and ends at the first after it, one bisection each.
        self._bounds = sorted(set(self.sentence_ends).union(self.paragraph_starts))
        # Every verb of saying in the text, found on first use: the rules look
        # for them in many stretches of the same sentences.
        self._cues: list[re.Match[str]] | None = None
        self._cue_starts: list[int] = []

    @property
    def cues(self) -> list[re.Match[str]]:
        """``list(CUE.finditer(text))``."""
        if self._cues is None:
            self._cues = whole_text_cues(self.text)
            self._cue_starts = [cue.start() for cue in self._cues]
        return self._cues

    def cues_in(self, start: int, end: int) -> list[re.Match[str]]:
        """``list(CUE.finditer(text, start, end))``, read from ``cues``.

        A scan of the window alone finds what the scan of the whole text
        found there, but for a cue running past ``end`` and, where a word
        character or a hyphen follows ``end``, a cue cut there ("called" of
        "called for", "said" of "said-"): those are scanned again, from the
        start of the cue that runs past, or over the window's last
        LONGEST_CUE + 1 characters. A window that opens inside a cue is
        scanned whole.
        """
        text, cues = self.text, self.cues
        first = bisect.bisect_left(self._cue_starts, start)
        if first > 0 and cues[first - 1].end() > start:
            return list(CUE.finditer(text, start, end))
        cut = 0 <= end < len(text) and (text[end] == "-" or is_word_char(text[end]))
        reliable = end - LONGEST_CUE - 1 if cut else end - 1
        found = cues[first : bisect.bisect_right(self._cue_starts, reliable, first)]
        if found and (
            found[-1].end() > end
            or (found[-1].start() > end - CUE_REACH and after_possessive(text, found[-1].start()))
        ):
            # A cue running past the end, or one after a possessive that the
            # whole scan kept for the " that" after it ("Lind's claim that").
            found.extend(CUE.finditer(text, found.pop().start(), end))
        elif cut:
            rescan = max(start, reliable + 1, found[-1].end() if found else start)
            found.extend(CUE.finditer(text, rescan, end))
        return found

    def sentence_start(self, position: int) -> int:
        if position < 0:  # before the text: the last paragraph's start, as ever
            return self.paragraph_start(position)
        return self._bounds[bisect.bisect_right(self._bounds, position) - 1]

    def sentence_end(self, position: int) -> int:
        index = bisect.bisect_right(self._bounds, position)
        return self._bounds[index] if index < len(self._bounds) else len(self.text)

    def paragraph_start(self, position: int) -> int:
        return self.paragraph_starts[bisect.bisect_right(self.paragraph_starts, position) - 1]

    def paragraph_end(self, position: int) -> int:
        index = bisect.bisect_right(self.paragraph_starts, position)
        if index < len(self.paragraph_starts):
            return self.paragraph_starts[index]
        return len(self.text)


# The text before a position is looked at from its end: copying all of it
# (``text[:position].rstrip()``) for every quote grows with the square of the
# article's length.
def stripped_end(text: str, position: int, chars: str | None = None) -> int:
    """``len(text[:position].rstrip(chars))``."""
    while position > 0 and (
        text[position - 1].isspace() if chars is None else text[position - 1] in chars
    ):
        position -= 1
    return position


def stripped_start(text: str, position: int, end: int) -> int:
    """``end - len(text[position:end].lstrip())``: past the blanks at ``position``."""
    while position < end and text[position].isspace():
        position += 1
    return position


def last_before(text: str, position: int, chars: str | None = None) -> str:
    """``text[:position].rstrip(chars)[-1:]``."""
    end = stripped_end(text, position, chars)
    return text[end - 1] if end else ""


# (\s is what str.isspace and str.strip take for space.)
_NOT_SPACE = re.compile(r"\S")


def blank(text: str, start: int, end: int) -> bool:
    """``not text[start:end].strip()``, stopping at the first character that is
    not space (most often the first of all: a pattern's search starts sooner
    than a generator over the characters)."""
    return _NOT_SPACE.search(text, start, end) is None


def word_count(text: str) -> int:
    return len(text.split())


def fewer_words(text: str, count: int) -> bool:
    """``word_count(text) < count``, splitting off no more words than that
    takes: a quote or a clause may run long."""
    return len(text.split(None, count - 1)) < count


def clause_end(text: str, start: int, end: int) -> int:
    end = min(end, len(text))
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".;:"):
        end -= 1
    return end
