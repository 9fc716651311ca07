"""Bodies a description names without naming them: "the team said" after the
article named "Team Korvel-Nord", "the interior ministry said" in a story
filed from a country's capital.

Two readings, each taken only where it is unique (a quote given to the wrong
body does more harm than one left to its description):

- ``named_body``: the article named, before the description, exactly one
  organisation whose own name has the description's head as a capitalised
  word ("the bank" -> "Ostria Savings Bank", "the team" -> "Team Korvel-Nord",
  "the ministry" -> "Ministry of Fisheries"); a qualifier printed with the head
  must be in the name too ("the fisheries ministry" is not the Ministry of
  Transport).
- ``national_body``: a country's own institution printed without its country
  ("the interior ministry", "parliament"), where the article named no body of
  that kind, is that of the country the article is about: its dateline's
  ("VALMERA, Latvia -" or a capital: "RIGA -"), else the one country it names
  at all (by name, capital or adjective, twice or more).
"""

from __future__ import annotations

import re
from collections import Counter

from quotes.extract.bodies import adjective_of, country_of, country_of_adjective
from quotes.extract.given_names import gender_of_given_name

# Heads of a description that an organisation's own name carries ("the bank",
# "the ministry"). Not "government", "union", "court" or "party": the bodies a
# story names with those words (the European Union, the Supreme Court, two
# parties) are seldom the one meant by the bare word.
_HEADS = frozenset(
    """
    team club bank ministry department agency commission company firm federation
    league association council committee board authority institute foundation
    """.split()
)
# What follows a body's word in a person's title ("Team Principal", "Ministry spokesman").
_PEOPLE = frozenset(
    """
    principal manager director chief head spokesman spokeswoman spokesperson chairman
    chairwoman chair president secretary governor official officer executive coach
    captain leader member
    """.split()
)
# A qualifier before the head: "the interior ministry", "the ethics committee".
_MOST_QUALIFIERS = 2
# What a country's government is made of, printed without the country.
_PORTFOLIOS = frozenset(
    """
    interior foreign defence defense finance health justice economy economic
    education energy transport agriculture environment labour labor trade culture
    emergencies emergency home
    """.split()
)
_NATIONAL = frozenset(["parliament"])
# A capitalised word; a dot only inside one ("U.S"), so that a run stops at a full stop.
_WORD = r"[A-Z][\w'’&-]*(?:\.[A-Z][\w'’&-]*)*"
# "VALMERA, Latvia, May 3 (Agency) -", "RIGA (Agency) —", "HOMS, Syria —".
_DATELINE = re.compile(
    r"\s*(?P<city>[A-Z][A-Z .'’-]{1,40}?)(?:,[^\S\n]*(?P<country>[A-Z][A-Za-z .'’-]{1,30}?))?"
    r"(?:,[^\S\n]*[A-Z][a-z]+\.?[^\S\n]+\d{1,2}(?:,[^\S\n]*\d{4})?)?"
    r"(?:[^\S\n]*\([^()\n]{2,30}\))?[^\S\n]+[-—–][^\S\n]"
)
_CAPITALISED = re.compile(rf"{_WORD}(?:[^\S\n]+(?:of[^\S\n]+|for[^\S\n]+)?{_WORD})*")


def _description(phrase: str, definite: bool = True) -> tuple[list[str], str] | None:
    """(qualifiers, head) of "the interior ministry", "the team" ("parliament"
    too where ``definite`` is False); None otherwise."""
    words = phrase.lower().split()
    if words and words[0] == "the":
        words = words[1:]
    elif definite:
        return None  # "committee members": a word of a phrase, not a body named
    if not words or len(words) > _MOST_QUALIFIERS + 1:
        return None
    if not all(w.isalpha() for w in words):
        return None
    return words[:-1], words[-1]


def named_body(text: str, phrase: str, before: int) -> str | None:
    """The one organisation named in ``text`` before ``before`` whose name has the
    head of ``phrase`` (and its qualifiers), else None."""
    parsed = _description(phrase)
    if parsed is None or parsed[1] not in _HEADS:
        return None
    qualifiers, head = parsed
    found: set[str] = set()
    for run in _CAPITALISED.finditer(text, 0, before):
        words = run[0].split()
        lower = [w.lower() for w in words]
        if head not in lower[1:] and (head != lower[0] or len(words) == 1):
            continue  # the head itself opening a sentence ("Team talks ...") is no name
        if not all(q in lower for q in qualifiers):
            continue
        if any(w in _PEOPLE for w in lower[lower.index(head) + 1 :]):
            continue  # "Team Principal", "Bank Governor": a person's title
        name = " ".join(words[1:] if lower[0] == "the" else words)
        name = re.sub(r"['’]s$", "", name)
        found.add(name)
    names = {n for n in found if not any(n != other and n in other for other in found)}
    return names.pop() if len(names) == 1 else None


def national_body(text: str, phrase: str, before: int) -> str | None:
    """ "the interior ministry" -> "Latvian Interior Ministry" in a story about
    Latvia; None when the phrase is no national institution, the country is not
    unique, or the story named such a body of someone else before ``before``
    ("Estonia's interior ministry")."""
    parsed = _description(phrase, definite=False)
    if parsed is None:
        return None
    qualifiers, head = parsed
    if head != "parliament" and not phrase.lower().startswith("the "):
        return None
    national = head in _NATIONAL and not qualifiers
    ministry = head == "ministry" and len(qualifiers) == 1 and qualifiers[0] in _PORTFOLIOS
    if not (national or ministry):
        return None
    country = article_country(text)
    adjective = adjective_of(country) if country else None
    if adjective is None:
        return None
    kind = r"[^\S\n]+".join(map(re.escape, [*qualifiers, head]))
    for owned in re.finditer(rf"(\S+)[^\S\n]+{kind}\b", text[:before], re.IGNORECASE):
        owner = owned[1]
        whose = country_of(owner) or country_of_adjective(owner)
        if whose != country and (whose is not None or re.search(r"['’]s?$", owner)):
            return None  # another's ministry named before: not a guess to make
    return " ".join([adjective, *(w.capitalize() for w in [*qualifiers, head])])


def article_country(text: str) -> str | None:
    """The country a story is about: its dateline's, else the only country it
    names (twice or more, by name, capital or adjective)."""
    dateline = _DATELINE.match(text, 0, 200)
    if dateline is not None:
        for place in (dateline["country"], dateline["city"]):
            if place and (country := country_of(place.strip())):
                return country
    named: Counter[str] = Counter()
    for run in _CAPITALISED.finditer(text):
        words = run[0].split()
        start = 0
        while start < len(words):
            for size in (3, 2, 1):
                phrase = " ".join(words[start : start + size])
                country = (
                    country_of(phrase) or country_of(phrase + ".") or country_of_adjective(phrase)
                )
                if country is not None and len(words[start : start + size]) == size:
                    if start and gender_of_given_name(words[start - 1]):
                        start += size  # "Jim Jordan": a person's surname
                        break
                    named[country] += 1
                    start += size
                    break
            else:
                start += 1
    if len(named) == 1:
        country, times = named.popitem()
        return country if times >= 2 else None
    return None
