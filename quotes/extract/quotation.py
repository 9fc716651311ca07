"""Finding direct quotations by their marks.

Wire copy mixes styles: straight and curly double quotes, « », „ “, and the
doubled apostrophes ('') of some archives. A quote may run over several
paragraphs: each continued paragraph opens again and none but the last
closes. Single quotes open a quotation outside double-quoted passages
(inside them they are nested quotes), curly ones always, straight ones
where the story quotes with them (elsewhere they are mostly apostrophes).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# One character class is found much faster than an alternation with "''";
# a doubled apostrophe is told from a single one by the character after it,
# in the pattern (the look-ahead runs only after an apostrophe: a text has
# many, the single ones of "it's" and "Lind's" are passed over in re).
_MARK_CHAR = re.compile(r"[\"“”«»„‟'](?:(?<!')|(?='))")
_FEET_AND_INCHES = re.compile(r"\d['’]\d{1,2}$")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=\s*[\"“«„'])")

# Which closing marks end a quotation opened by each mark.
_CLOSERS = {
    '"': ('"', "”", "“"),
    "''": ("''", "”", '"'),
    "“": ("”", '"', "“"),
    "„": ("“", "”", '"'),
    "‟": ("”", '"'),
    "«": ("»",),
    # A closing mark typed where an opening one belongs (see _reversed_opener).
    "”": ("”", '"'),
}
_OPENERS = frozenset(_CLOSERS)


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quotation from its opening mark to its closing mark (both included)."""

    start: int
    end: int
    # False when the paragraph ended with the quotation still open.
    closed: bool = True


def _paragraph_ends(text: str) -> list[int]:
    return [match.start() for match in _PARAGRAPH_BREAK.finditer(text)] + [len(text)]


def find_quotations(text: str) -> list[QuoteSpan]:
    """Every quotation in the text, in order."""
    spans: list[QuoteSpan] = []
    paragraph_ends = _paragraph_ends(text)
    paragraph = 0
    open_at: int | None = None
    opener = ""
    for position, mark in _marks(text):
        while paragraph_ends[paragraph] < position:
            if open_at is not None and not _continues(text, paragraph_ends[paragraph], opener):
                end = _trim_end(text, open_at, paragraph_ends[paragraph])
                if end > open_at + 1:
                    spans.append(QuoteSpan(open_at, end, closed=False))
                open_at = None
            paragraph += 1
        if open_at is None:
            if (
                mark in _OPENERS
                and not _dangling(text, position, mark)
                and (mark != "”" or _reversed_opener(text, position))
            ):
                open_at, opener = position, mark
            continue
        if mark in _CLOSERS[opener] and position > open_at:
            if _reopens(text, open_at, position, mark):
                # A continued paragraph's opening mark, not a close.
                continue
            spans.append(QuoteSpan(open_at, position + len(mark)))
            open_at = None
    if open_at is not None:
        end = _trim_end(text, open_at, len(text))
        if end > open_at + 1:
            spans.append(QuoteSpan(open_at, end, closed=False))
    if "‘" in text:
        spans = _with_single_quotations(text, spans, _SINGLE_OPENER, "’")
    if "'" in text:
        spans = _with_straight_singles(text, spans)
    return spans


# British style: ‘...,’ she said. An opening mark after a space, a paragraph
# start, a bracket or a dash (or at the very start), before a word. The pattern
# opens with the mark itself, so that it is looked for as a literal: an
# assertion first is tried at every character of the article.
_SINGLE_OPENER = re.compile(r"‘(?<![^\s(\[—–:]‘)(?=[\w“\"])")
# The same typed with straight marks, as plain-text copy of British papers
# has it: an apostrophe after a space, not a doubled one ('') and not an
# elision before a number ("the '90s").
_STRAIGHT_OPENER = re.compile(r"'(?<![^\s(\[—–:]')(?=[A-Za-z\"“])")
# (a double mark too: a quotation nested at the end of a single-quoted one)
_STRONG_CLOSE = frozenset(',.?!;:…—"”')
_AFTER_CLOSE = frozenset(".,;:?!)]—–…")


def _with_straight_singles(text: str, spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Straight single quotes as a story's quotation marks: only where it
    quotes with them twice or more, and at least half as often as with
    double marks (elsewhere they are apostrophes, quotes nested in double
    ones, or a headline's)."""
    singles = _single_quotations(text, spans, _STRAIGHT_OPENER, "'")
    outside = [
        span
        for span in spans
        if not any(single.start < span.start and span.end <= single.end for single in singles)
    ]
    if len(singles) < 2 or 2 * len(singles) < len(outside):
        return spans
    return sorted(outside + singles, key=lambda span: span.start)


def _with_single_quotations(
    text: str, spans: list[QuoteSpan], openers: re.Pattern[str], closer: str
) -> list[QuoteSpan]:
    """Single-quoted passages outside double quotes; a double-quoted passage
    inside one is a quotation nested in it, not one of its own."""
    singles = _single_quotations(text, spans, openers, closer)
    if not singles:
        return spans
    kept = [
        span
        for span in spans
        if not any(single.start < span.start and span.end <= single.end for single in singles)
    ]
    return sorted(kept + singles, key=lambda span: span.start)


def _single_quotations(
    text: str, spans: list[QuoteSpan], openers: re.Pattern[str], closer: str
) -> list[QuoteSpan]:
    """The single-quoted passages that open outside the double-quoted ones."""
    singles: list[QuoteSpan] = []
    for opener in openers.finditer(text):
        start = opener.start()
        if any(span.start < start < span.end for span in spans) or (
            singles and start < singles[-1].end
        ):
            continue
        end = _single_close(text, start, closer)
        if end is not None:
            singles.append(QuoteSpan(start, end))
    return singles


def _single_close(text: str, start: int, closer: str) -> int | None:
    """The end of a single-quoted passage opened at ``start``: a closing mark
    that is no apostrophe (not before a letter: "it’s"; not a plural
    possessive: "workers’ rights"), within the paragraph."""
    paragraph_end = text.find("\n", start)
    if paragraph_end == -1:
        paragraph_end = len(text)
    position = text.find(closer, start + 1, paragraph_end)
    while position != -1:
        before = text[position - 1]
        after = text[position + 1 : position + 2]
        if after.isalpha():
            pass  # a contraction: "it’s", "don’t"
        elif (
            before in _STRONG_CLOSE
            or after in _AFTER_CLOSE
            or not after
            or (after.isspace() and before.isalpha() and before != "s")
        ):
            return position + 1
        position = text.find(closer, position + 1, paragraph_end)
    return None


def _marks(text: str) -> Iterator[tuple[int, str]]:
    """Quotation marks and doubled apostrophes with their positions."""
    skip = -1
    for match in _MARK_CHAR.finditer(text):
        position, mark = match.start(), match[0]
        if mark == "'":
            if position <= skip:
                continue  # the second of a doubled one
            if (
                text[position + 2 : position + 3] == "'"
                and position
                and not text[position - 1].isspace()
            ):
                # A run of three after a word (",''' said Berg"): a nested
                # quote's closing apostrophe, then the doubled one closing the
                # quotation; after a space the doubled one opens first.
                position += 1
            skip = position + 1
            mark = "''"
        elif mark == '"' and _FEET_AND_INCHES.search(text, max(0, position - 6), position):
            continue  # 6'3" tall
        yield position, mark


def _dangling(text: str, position: int, mark: str) -> bool:
    """A straight mark with a space after it opens nothing: it closes a
    quotation whose opening mark was of another style, or is stray markup."""
    return mark == '"' and text[position + 1 : position + 2].isspace()


def _reversed_opener(text: str, position: int) -> bool:
    """A ” that opens: with nothing open, at a paragraph's start before its
    words (”We will rebuild,” or ” … and then we rebuilt,”), or after a space
    right before a word. Elsewhere a stray ” closes nothing and opens nothing."""
    line_start = text.rfind("\n", 0, position) + 1
    if not text[line_start:position].strip():
        return bool(text[position + 1 : position + 3].strip())
    return text[position - 1].isspace() and text[position + 1 : position + 2].isalnum()


def _continues(text: str, paragraph_end: int, opener: str) -> bool:
    """Does the next paragraph open again, continuing an unclosed quotation?"""
    rest = text[paragraph_end : paragraph_end + 12].lstrip()
    return rest.startswith(opener) or (opener in '"“' and rest[:1] in '"“')


def _reopens(text: str, open_at: int, position: int, mark: str) -> bool:
    """A mark at the start of a paragraph inside an open quotation re-opens it."""
    if mark not in '"“«„':
        return False
    line_start = text.rfind("\n", open_at, position)
    return line_start != -1 and not text[line_start:position].strip()


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
