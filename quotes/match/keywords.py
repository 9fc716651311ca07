"""Topic keyword rules: which topics a text is about. Pure, no database.

A keyword matches as a whole word or phrase, in any case, with the plural
and possessive endings news text adds ("truces", "NATO's"); the words of a
phrase may be split by any spacing or a hyphen ("cease-fire" for
"ceasefire" is a keyword of its own: say both).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache


def _keyword_pattern(keyword: str) -> str:
    words = [re.escape(word) for word in keyword.split()]
    return r"[\s\-]+".join(words) + r"(?:s|es|'s|’s)?"


@dataclass(frozen=True)
class KeywordMatcher:
    """Compiled rules of a set of topics."""

    rules: tuple[tuple[int, re.Pattern[str]], ...]

    def topics_in(self, text: str) -> set[int]:
        return {topic_id for topic_id, pattern in self.rules if pattern.search(text)}


def parse_keywords(text: str) -> list[str]:
    """ "ceasefire, truce;  cessation of hostilities" -> three keywords, cleaned."""
    seen: dict[str, None] = {}
    for part in re.split(r"[,;\n]", text):
        keyword = " ".join(part.split())
        if keyword:
            seen.setdefault(keyword, None)
    return list(seen)


@lru_cache(maxsize=32)
def _compile(topics: tuple[tuple[int, tuple[str, ...]], ...]) -> KeywordMatcher:
    rules = []
    for topic_id, keywords in topics:
        usable = [k for k in keywords if k.strip()]
        if usable:
            alternatives = "|".join(
                _keyword_pattern(k) for k in sorted(usable, key=len, reverse=True)
            )
            rules.append((topic_id, re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)))
    return KeywordMatcher(tuple(rules))


def keyword_matcher(topics: Iterable[tuple[int, Sequence[str]]]) -> KeywordMatcher:
    """A matcher for (topic id, keywords) pairs; compiled once per distinct set."""
    return _compile(tuple(sorted((topic_id, tuple(keywords)) for topic_id, keywords in topics)))
