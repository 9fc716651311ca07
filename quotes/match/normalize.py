"""Normal forms of quotes: what outlets' punctuation, case and cuts cannot change.

Two outlets print the same words with different quotation marks, dashes,
case, diacritics and ellipses; matching compares what is left when all of
that is folded away. ``match_key`` is a stable hash of that form, stored on
each statement so that an exact repeat is found by an index look-up.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_ELLIPSIS = re.compile(r"\.\s*\.\s*\.|…|\[\s*\.\.\.\s*\]")
_NON_WORD = re.compile(r"[^\w\s]", re.UNICODE)
_SPACES = re.compile(r"\s+")


# Combining marks left by NFKD (diacritics): dropped, so "Zelenskyi" and "Zelenskyĭ" agree.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Casefolded words only: what two outlets' punctuation and case cannot change."""
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    text = _ELLIPSIS.sub(" ", text.casefold()).replace("’", "").replace("'", "")
    return " ".join(_NON_WORD.sub(" ", text).split())


def match_key(text: str) -> str:
    """The exact-match key stored on a statement (fits ``statements.match_key``)."""
    return hashlib.sha1(normalize(text).encode()).hexdigest()[:32]


def has_ellipsis(text: str) -> bool:
    return _ELLIPSIS.search(text) is not None
