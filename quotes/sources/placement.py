"""Where an article's text lies in the document it was read from.

A plain-text article is its file with a header or title line cut, line ends
unified and some whitespace trimmed (``clean_text``). Quote offsets index the
article's text (that is what ``quotes import`` stores); ``quotes extract``
prints them as positions in the file, as a scorer or an editor counts them.
"""

from __future__ import annotations

import bisect
import difflib
from dataclasses import dataclass

# What reading may cut out of a document (besides a header line): whitespace
# (``clean_text``), NULs and a byte-order mark.
_CUTTABLE = frozenset(" \t\f\v\n\x00\ufeff")


@dataclass(frozen=True, slots=True)
class Placement:
    """From each of ``starts`` (a position in the text) on, a text position
    plus the matching ``shifts`` entry is the position in the document."""

    starts: tuple[int, ...]
    shifts: tuple[int, ...]

    def in_document(self, position: int) -> int:
        index = bisect.bisect_right(self.starts, position) - 1
        return position + self.shifts[max(index, 0)]

    def span_in_document(self, start: int, end: int) -> tuple[int, int]:
        """A span's bounds in the document: its end is after its last character
        (not at whatever was cut after it)."""
        if end <= start:
            position = self.in_document(start)
            return position, position
        return self.in_document(start), self.in_document(end - 1) + 1

    def after(self, offset: int) -> Placement:
        """The placement of the text from ``offset`` on."""
        index = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        return Placement(
            (0, *(start - offset for start in self.starts[index + 1 :])),
            tuple(shift + offset for shift in self.shifts[index:]),
        )

    @classmethod
    def of(cls, text: str, document: str, start: int) -> Placement:
        """Where ``text`` lies in ``document`` from ``start`` on. Where only
        whitespace (and NULs) were cut, every position maps exactly; where
        the text was repaired too (mojibake fixed), its unchanged stretches map
        exactly and a repaired one maps to where the original stretch starts."""
        if document.startswith(text, start):
            return cls((0,), (start,))
        return _cut(text, document, start) or _aligned(text, document, start)


def _cut(text: str, document: str, start: int) -> Placement | None:
    """The placement where ``text`` is ``document`` with whitespace cut, else None."""
    starts: list[int] = []
    shifts: list[int] = []
    position = start
    length = len(document)
    for index, char in enumerate(text):
        while position < length and document[position] != char:
            if document[position] not in _CUTTABLE:
                return None
            position += 1
        if position >= length:
            return None
        if not shifts or position - index != shifts[-1]:
            starts.append(index)
            shifts.append(position - index)
        position += 1
    return Placement(tuple(starts), tuple(shifts))


def _aligned(text: str, document: str, start: int) -> Placement:
    """The placement by the stretches the two have in common (difflib)."""
    blocks = difflib.SequenceMatcher(None, text, document[start:], autojunk=False)
    starts: list[int] = [0]
    shifts: list[int] = [start]
    for a, b, size in blocks.get_matching_blocks():
        if size and b + start - a != shifts[-1]:
            starts.append(a)
            shifts.append(b + start - a)
    return Placement(tuple(starts), tuple(shifts))
