"""The name a quote's speaker is filed under, read from the name printed.

Pure: what ``quotes import`` names a speaker it has not met before, and what
``quotes extract`` prints as the quote's ``speaker``. Metonyms become the body
they stand for (the Kremlin -> Russian government); a person's titles are
dropped (they are a role); a body named by what it is and whose it is
("Russia's defence ministry") is that body; a described speaker ("a senior
official", "the ministry") is no one in particular: None.
"""

from __future__ import annotations

import re

from quotes.extract.model import SpeakerKind
from quotes.match.names import (
    alias_key,
    body_name,
    body_of,
    canonical_body,
    display_case,
    fold,
    looks_like_person,
    name_key,
    name_parts,
)

_THE = re.compile(r"^the\s+(?=\S)", re.IGNORECASE)
_PRONOUNS = frozenset("he she they it we i him her them his hers its their this that who".split())

# Bodies named only by what they are ("Police", "the company").
_GENERIC_BODIES = frozenset(
    """
    police ministry government agency company department office team club district
    council commission committee court army military union party authorities
    """.split()
)


def is_pronoun(printed: str) -> bool:
    """A bare pronoun ("he", "They"): nobody until resolved."""
    return name_key(printed) in _PRONOUNS


def is_generic(printed: str) -> bool:
    """A body named only by what it is ("Police", "the company"): no one in particular."""
    words = alias_key(printed).split()
    return len(words) == 1 and words[0] in _GENERIC_BODIES


def filed_as(printed: str, kind: SpeakerKind) -> tuple[str, SpeakerKind] | None:
    """The name and kind a speaker printed as ``printed`` (typed ``kind`` by the
    extractor) is filed under, or None for a described speaker without a name."""
    body = canonical_body(printed)
    _, titles, proper = name_parts(printed)
    if body is not None:
        return body, SpeakerKind.GOVERNMENT
    if (
        kind != SpeakerKind.PERSON
        and titles
        and looks_like_person(printed)
        and not body_of(printed)
    ):
        # "Secretary of State Marco Rubio", "Finance Minister X" typed a body or a
        # description: a person with a role.
        return proper, SpeakerKind.PERSON
    if kind == SpeakerKind.DESCRIPTION or is_generic(printed):
        named = body_name(printed)
        if named is None:
            return None
        adjective = fold(named.split()[0])
        if canonical_body(adjective + " government"):
            return named, SpeakerKind.GOVERNMENT
        return named, SpeakerKind.ORGANISATION
    if kind in (SpeakerKind.PERSON, SpeakerKind.UNKNOWN):
        return proper, SpeakerKind.PERSON
    return _THE.sub("", printed), kind


def filing_name(printed: str, kind: SpeakerKind) -> str | None:
    """The name itself, as a new speaker of that name is stored (a person's
    name in its display case); None for a described speaker or a pronoun."""
    if not printed.strip() or is_pronoun(printed):
        return None
    filed = filed_as(printed, kind)
    if filed is None:
        return None
    name, filed_kind = filed
    return display_case(name) if filed_kind == SpeakerKind.PERSON else name
