"""Word-by-word differences between two wordings of one statement.

Outlets trim, re-case and re-punctuate what was said; a fact-checker wants
to see exactly which words one printing adds or drops. Pure: strings in,
pieces out.
"""

from __future__ import annotations

import difflib
import re
from typing import Literal

Piece = tuple[Literal["same", "del", "ins"], str]
# Words with the spaces and marks after them, so that joining the pieces
# gives the texts back.
_TOKEN = re.compile(r"\S+\s*")


def word_diff(base: str, other: str) -> list[Piece]:
    """``other`` against ``base``: runs of words kept, dropped (``del``) and added (``ins``).

    Words are compared case-folded without their punctuation, so "Summit," and
    "summit" are the same word; what is shown is each text's own spelling.
    """
    left, right = _TOKEN.findall(base), _TOKEN.findall(other)
    matcher = difflib.SequenceMatcher(a=[_key(w) for w in left], b=[_key(w) for w in right])
    pieces: list[Piece] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(("same", "".join(right[j1:j2])))
            continue
        if i2 > i1:
            pieces.append(("del", "".join(left[i1:i2])))
        if j2 > j1:
            pieces.append(("ins", "".join(right[j1:j2])))
    return pieces


def _key(word: str) -> str:
    return re.sub(r"\W+", "", word.casefold()) or word
