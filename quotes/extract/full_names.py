"""Reading back from a surname to the given names met before it in the
article ("Prime Minister Giorgia Ferri" ... "Ferri")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quotes.extract.bodies import is_place
from quotes.extract.lexicon import (
    GOVERNMENT_WORDS,
    MONTHS,
    NAME_PARTICLES,
    ORGANISATION_WORDS,
    POST_NOMINALS,
    TITLE_WORDS,
    WEEKDAYS,
)
from quotes.extract.mentions import CAPITALISED_STOPS, TITLE_BEFORE, affiliation_before_given

_BEFORE_SURNAME = 80


_NAME_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*")


def full_name_before(text: str, surname: str, limit: int) -> str | None:
    """The given names of the first "Firstname Surname" before ``limit``.

    Finding the surname with ``str.find`` and reading back from each hit is
    several times faster than a pattern scanning the whole text for names.
    """
    for position in _printed_at(text, surname, limit):
        end = position + len(surname)
        if (
            end <= limit
            and not (end < len(text) and (text[end].isalnum() or text[end] == "_"))
            # "Lula da Silva": the word is no surname where a particle follows
            and _PARTICLE_AFTER.match(text, end) is None
        ):
            given = _given_names(text, position)
            if given is not None:
                return given
    return None


def _printed_at(text: str, surname: str, limit: int) -> Iterator[int]:
    """Where ``surname`` stands in the text before ``limit``, in order."""
    position = text.find(surname, 0, limit)
    while position != -1:
        yield position
        position = text.find(surname, position + 1, limit)


def double_surname(text: str, surname: str, limit: int) -> str | None:
    """The whole name where ``surname`` was printed first of two family
    names, after given names, before ``limit``: "Quiroga" of "María Fernanda
    Quiroga Saavedra" (Spanish and Portuguese names carry both; the story
    then calls the person by the first)."""
    for position in _printed_at(text, surname, limit):
        end = position + len(surname)
        second = _SECOND_SURNAME.match(text, end)
        if second is not None and not _not_a_surname(second[1]) and not _in_headline(text, end):
            given = _given_names(text, position)
            if given is not None:
                return f"{given} {surname} {second[1]}"
    return None


# One more capitalised word after the first surname, ending the name where
# the sentence goes on in lower case or stops (a headline's capitals run on:
# "Ana Ruiz Wins Vote" is no name "Ana Ruiz Wins").
_SECOND_SURNAME = re.compile(r" ([A-ZÀ-Ý][a-zß-ÿ]+(?:-[A-ZÀ-Ý][a-zß-ÿ]+)?)(?=[,;:)]| [a-z])")
_GENERATIONS = frozenset(["jr", "sr", "ii", "iii", "iv"])


def _in_headline(text: str, position: int) -> bool:
    """Whether the line at ``position`` is set in title case, as headlines are."""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    words = text[line_start : line_end if line_end != -1 else len(text)].split()
    capitalised = sum(1 for word in words if word[:1].isupper())
    return len(words) >= 4 and capitalised >= 0.6 * len(words)


def _not_a_surname(word: str) -> bool:
    lower = word.lower()
    return (
        _not_a_name(word, lower)
        or lower in MONTHS
        or lower in WEEKDAYS
        or lower in ORGANISATION_WORDS
        or lower in GOVERNMENT_WORDS
        or lower in POST_NOMINALS
        or lower in _GENERATIONS
    )


_PARTICLE_AFTER = re.compile(
    r"\s+(?:" + "|".join(sorted(NAME_PARTICLES, key=len, reverse=True)) + r")\s+[A-Z]"
)


def given_names_after(text: str, family_name: str, limit: int) -> str | None:
    """The names after a family name printed first, where a title introduced
    the person before ``limit``: "President Li Wenqiang" ... "Li" -> "Wenqiang".

    Only after a title: without one, "Li" followed by a capitalised word is as
    likely a name and the next sentence's first word, or a building.
    """
    position = text.find(family_name, 0, limit)
    while position != -1:
        end = position + len(family_name)
        if text[end : end + 1] == " " and _after_title(text, position):
            given = _names_from(text, end + 1)
            if given is not None:
                return given
        position = text.find(family_name, position + 1, limit)
    return None


def _after_title(text: str, start: int) -> bool:
    """A title word, and one space, right before ``start``."""
    if text[start - 1 : start] != " ":
        return False
    words = _NAME_TOKEN.findall(text[max(0, start - 20) : start - 1])
    return (
        bool(words) and text.endswith(words[-1], 0, start - 1) and words[-1].lower() in TITLE_WORDS
    )


def _names_from(text: str, start: int) -> str | None:
    """At most two capitalised name words from ``start``, one space apart,
    ending where the name does: "Wenqiang said" -> "Wenqiang"."""
    given: list[str] = []
    position = start
    while len(given) < 2:
        token = _NAME_TOKEN.match(text, position)
        if token is None:
            break
        word = token[0].rstrip(".")
        if _not_a_name(word, word.lower()):
            break
        given.append(word)
        if token[0].endswith(".") or text[token.end() : token.end() + 1] != " ":
            break
        position = token.end() + 1
    return " ".join(given) if given else None


def _given_names(text: str, surname_start: int) -> str | None:
    """The capitalised words (and particles) right before a surname, up to a
    title, a sentence opener or a determiner: "Prime Minister Giorgia" -> "Giorgia"."""
    window = text[max(0, surname_start - _BEFORE_SURNAME) : surname_start]
    tokens = list(_NAME_TOKEN.finditer(window))
    given: list[str] = []
    following = len(window)
    for token in reversed(tokens):
        word = token[0]
        lower = word.lower().rstrip(".")
        if window[token.end() : following] != " " or len(given) >= 3:
            break
        particle = lower in NAME_PARTICLES and bool(given)
        if not particle and (lower in _NON_FIRST_NAMES or _not_a_name(word, lower)):
            break
        given.insert(0, word)
        following = token.start()
    while given and given[0].lower() in NAME_PARTICLES:
        given.pop(0)
    while len(given) >= 2 and affiliation_before_given(given[0].lower(), given[1]):
        given.pop(0)  # "Rival Peter": what the person is, then the given name
    if len(given) >= 2:
        last = window.rfind(given[-1])
        if TITLE_BEFORE.search(window, 0, last):
            # "Minister for Trade Eleni Varga": the capitals after "for" name
            # the portfolio up to the given name, which is the last of them.
            given = given[-1:]
    return " ".join(given) if given else None


def _not_a_name(word: str, lower: str) -> bool:
    """A word no person's name has: lower case, a sentence opener, a title or a place."""
    return (
        not word[:1].isupper()
        or lower in CAPITALISED_STOPS
        or lower in TITLE_WORDS
        or is_place(word)
    )


_NON_FIRST_NAMES = frozenset(
    """
        mr mrs ms dr sen rep gov gen president prime minister secretary the a an
        said spokesman spokeswoman chancellor senator governor mayor judge
    """.split()
)
