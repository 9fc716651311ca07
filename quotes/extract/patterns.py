"""Regular expressions built from word lists.

Python's ``re`` tries each branch of an alternation in turn, so a list of a
few hundred verbs as ``said|says|...`` is slow on every character of an
article. Sharing prefixes as a trie (``sa(?:id|ys)``) makes the same pattern
several times faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


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
    branches = [re.escape(char) + _render(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return "(?:" + body + ")?"
    return body
