"""Bulk clustering of one speaker's quotes into statements.

The same rules as online matching, so that ``quotes dedupe`` after a change
of threshold gives what importing with that threshold would have given.
"""

from __future__ import annotations

from dataclasses import dataclass

from quotes.match.similarity import (
    AUTO_THRESHOLD,
    SUGGEST_THRESHOLD,
    Scored,
    score,
    telling_words,
    words_needed,
)


@dataclass(frozen=True, slots=True)
class ClusterItem:
    """One quote to cluster: its id, normalised wording, rank and date."""

    id: int
    normalized: str
    rank: tuple[int, int, int]  # canonical.wording_rank: higher founds clusters first
    day: int | None  # date as an ordinal, for the window


@dataclass
class Cluster:
    founder: ClusterItem
    # (item, method, score); the founder has method None
    members: list[tuple[ClusterItem, str | None, float | None]]


@dataclass(frozen=True, slots=True)
class ClusterSuggestion:
    item: ClusterItem
    cluster: int
    method: str
    score: float


def cluster(
    items: list[ClusterItem],
    *,
    auto: float = AUTO_THRESHOLD,
    suggest: float = SUGGEST_THRESHOLD,
    window_days: int | None = None,
) -> tuple[list[Cluster], list[ClusterSuggestion]]:
    """Cluster one speaker's quotes into statements, with the online rules.

    Identical wordings group first. Then the best wordings found clusters in
    rank order (direct, uncut, longest first), and every other wording joins
    the best-scoring founder, the longest among equals: a fragment goes to the
    longest statement that contains it, and nothing chains through a fragment
    because only founders are compared. Between the thresholds a wording founds
    its own cluster and a suggestion is made.
    """
    groups: dict[str, list[ClusterItem]] = {}
    for item in items:
        groups.setdefault(item.normalized, []).append(item)
    ordered = sorted(groups.values(), key=lambda g: max(i.rank for i in g), reverse=True)
    clusters: list[Cluster] = []
    founders: list[str] = []
    days: list[int | None] = []
    suggestions: list[ClusterSuggestion] = []
    # word -> founders using it: only founders sharing enough words are scored.
    index: dict[str, list[int]] = {}
    for group in ordered:
        head = max(group, key=lambda i: i.rank)
        day = min((i.day for i in group if i.day is not None), default=None)
        words = telling_words(head.normalized)
        best: tuple[int, Scored] | None = None
        shared: dict[int, int] = {}
        for word in words:
            for founder in index.get(word, ()):
                shared[founder] = shared.get(founder, 0) + 1
        needed = words_needed(len(words), suggest)
        for founder, count in shared.items():
            if count < needed:
                continue
            if window_days is not None and day is not None:
                other = days[founder]
                if other is not None and abs(other - day) > window_days:
                    continue
            scored = score(head.normalized, founders[founder])
            if scored.score < suggest:
                continue
            # Among equals the earlier founder: the order words were counted
            # in (a set's, which varies between processes) must not decide.
            if best is None or (scored.score, len(founders[founder]), -founder) > (
                best[1].score,
                len(founders[best[0]]),
                -best[0],
            ):
                best = founder, scored
        if best is not None and best[1].score >= auto:
            found, scored = best
            clusters[found].members.extend((i, scored.method, scored.score) for i in group)
            current = days[found]
            if day is not None and (current is None or day < current):
                days[found] = day
            continue
        members: list[tuple[ClusterItem, str | None, float | None]] = [(head, None, None)]
        members += [(i, "exact", 1.0) for i in group if i is not head]
        position = len(clusters)
        clusters.append(Cluster(head, members))
        founders.append(head.normalized)
        days.append(day)
        for word in words:
            index.setdefault(word, []).append(position)
        if best is not None:
            suggestions.append(ClusterSuggestion(head, best[0], best[1].method, best[1].score))
    return clusters, suggestions
