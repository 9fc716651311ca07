"""Speaker names: keys that survive titles, diacritics and transliteration.

"Kremlin spokesman Dmitry Peskov", "Dmitri Peskov" and "Peskov" must find one
person, Zelensky / Zelenskyy / Zelenskiy too, while Hillary and Bill Clinton
stay two people; a metonym ("the Kremlin") stands for a body.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

_NON_WORD = re.compile(r"[^\w\s]", re.UNICODE)

_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "dame",
        "president",
        "prime",
        "minister",
        "chancellor",
        "senator",
        "sen",
        "rep",
        "gov",
        "governor",
        "general",
        "gen",
        "secretary",
        "spokesman",
        "spokeswoman",
        "spokesperson",
    ]
)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

# A metonym used as a speaker stands for a body; what was printed stays an alias.
METONYMS: dict[str, str] = {
    "kremlin": "Russian government",
    "moscow": "Russian government",
    "russian government": "Russian government",
    "kyiv": "Ukrainian government",
    "kiev": "Ukrainian government",
    "ukrainian government": "Ukrainian government",
    "white house": "US administration",
    "washington": "US administration",
    "us administration": "US administration",
    "downing street": "UK government",
    "beijing": "Chinese government",
}


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The lookup key of a name: casefolded, no diacritics, punctuation or titles."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    words = _NON_WORD.sub(" ", text.replace("’", "'").replace("'s ", " ")).split()
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[0] in _TITLES:
        words = words[1:]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def canonical_body(mention: str) -> str | None:
    """The body a metonym stands for ("the Kremlin" -> "Russian government"), else None."""
    return METONYMS.get(name_key(mention))


_SKELETON_RULES = [(re.compile(r"[yj]"), "i"), (re.compile(r"(.)\1+"), r"\1")]


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """A transliteration-blind key: Zelensky, Zelenskyy, Zelenskiy -> "zelenski"."""
    for pattern, replacement in _SKELETON_RULES:
        word = pattern.sub(replacement, word)
    return word.replace("ks", "x").replace("kh", "h")


def given_names_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two lists of given names can be one person's (empty is compatible).

    "Dmitry" and "Dmitri", "D" and "Dmitry" are; "Hillary" and "Bill" are not.
    """
    if not a or not b:
        return True
    first_a, first_b = a[0], b[0]
    if len(first_a) == 1 or len(first_b) == 1:
        return first_a[0] == first_b[0]
    if skeleton(first_a) == skeleton(first_b):
        return True
    return bool(fuzz.ratio(first_a, first_b) >= 80 and first_a[0] == first_b[0])


def surnames_match(a: str, b: str) -> bool:
    """Same surname up to transliteration (Zelensky / Zelenskyy / Zelenskiy)."""
    if a == b or skeleton(a) == skeleton(b):
        return True
    return bool(len(a) >= 5 and a[0] == b[0] and fuzz.ratio(a, b) >= 88)
