"""Offices: what a title printed before a name and a role printed with it are compared by.

"General Roe" and "the army chief, Jim Roe" name one office; so do "Sen. Roe"
and "senator Roe", "Premier Roe" and "prime minister Roe". Two namesakes are
told apart by their offices (``quotes.services.speaker_directory``), so a
title that shares no word with the role it stands for would make one person
look like two, and a missing equivalence here costs a quote its speaker.

``office_words`` reduces a title or a role to the base forms of its words,
by ``OFFICES`` (base form -> the words that name it, in one place). Words
that only say how senior or how past an office is ("deputy", "former") and
courtesies ("Mr", "Dr", "Sir": ``HONORIFICS``) say nothing about which office
it is and are dropped.
"""

from __future__ import annotations

from functools import lru_cache

from quotes.extract.lexicon import HONORIFICS
from quotes.match.normalize import normalize

# Base form -> the words, abbreviations and spellings that name it.
OFFICES: dict[str, frozenset[str]] = {
    base: frozenset(words.split())
    for base, words in {
        "military": "gen army military",
        "navy": "admiral adm navy naval",
        "senator": "senator sen senate",
        "representative": "representative rep congressman congresswoman congressperson",
        "governor": "governor gov",
        "president": "president pres",
        "prime": "prime premier pm",
        "ambassador": "ambassador amb",
        "judge": "judge",
        "chair": "chair chairman chairwoman chairperson",
        "spokesperson": "spokesperson spokesman spokeswoman",
        "councillor": "councillor councilor councilman councilwoman cllr",
        "colonel": "colonel col",
        "lieutenant": "lieutenant lt",
        "professor": "professor prof",
        "defence": "defence defense",
        "labour": "labour labor",
    }.items()
}

# A title that names an office only as the whole title: "General Roe" is an
# army officer, but an attorney general or a secretary general is not;
# "Justice Roe" sits on a court, a justice minister does not.
_ALONE = {"general": "military", "justice": "judge"}

_NOT_OFFICE = frozenset({"the", "of", "a", "an", "and", "for", "s", "former", "deputy", "chief"})

_BASE = {word: base for base, words in OFFICES.items() for word in words}


@lru_cache(maxsize=16384)
def office_words(role: str) -> frozenset[str]:
    """The base forms of what a title or role says the office is: "Sen." -> {"senator"};
    "army chief" and "General" -> {"military"}; "Mr" -> {}."""
    words = [w for w in normalize(role).split() if w not in _NOT_OFFICE and w not in HONORIFICS]
    if len(words) == 1 and words[0] in _ALONE:
        return frozenset({_ALONE[words[0]]})
    return frozenset(_BASE.get(word, word) for word in words)
