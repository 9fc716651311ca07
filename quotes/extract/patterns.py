"""Regular expressions built from word lists.

Python's ``re`` tries each branch of an alternation in turn, so a list of a
few hundred verbs as ``said|says|...`` is slow on every character of an
article. Sharing prefixes as a trie (``sa(?:id|ys)``) makes the same pattern
several times faster.

The branches of one trie node open with different characters, so at most one
of them can match and their order changes no match: they are ordered for
speed, the letters that open most words first (``re`` tests a branch's
opening character before entering it, one branch after another). A word
that ends where longer ones go on is the node's last, empty branch
(``sa(?:id|ys|)``), which ``re`` runs faster than the same ``(?:...)?``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

# Letters in the order English words most often open with them (counted on
# news copy); any other character comes after these, in code-point order.
_OPENING_ORDER = {char: rank for rank, char in enumerate("tasoiwchpfbmdrelnguvkyjqzx")}


def word_alternation(words: Iterable[str]) -> str:
    """A non-capturing regex matching exactly the given words, prefix-shared."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _render(trie)


def _render(node: dict[str, Any]) -> str:
    ends_here = "" in node
    branches = [
        re.escape(char) + _render(node[char])
        for char in sorted(
            (char for char in node if char),
            key=lambda char: (_OPENING_ORDER.get(char, len(_OPENING_ORDER)), char),
        )
    ]
    if not branches:
        return ""
    if ends_here:
        return "(?:" + "|".join(branches) + "|)"
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def at_word_start(literal: str) -> str:
    """A regex for ``literal`` where a word boundary opens it (``\\b`` and
    the escaped literal), written with the literal first and the boundary
    as a look-behind after it: ``re`` then scans for the literal, where a
    pattern that opens with ``\\b`` is tried at every character."""
    escaped = re.escape(literal)
    if literal[:1].isalnum() or literal[:1] == "_":
        return rf"{escaped}(?<!\w{escaped})"
    return rf"{escaped}(?<=\w{escaped})"
