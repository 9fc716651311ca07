"""Finding statements by their words, or by a half-remembered wording.

Full text first (FTS5 or PostgreSQL full-text, any of the query's words), so
that the search scales with an index and not with the database; then the
few hundred candidates are re-ranked by how closely their wording matches
what the user remembers (rapidfuzz on normalised text), blended with the
backend's own rank. A remembered fragment ("unlikely in the near future
summit") shares words but not order with what was said; character 4-grams
reward the shared pieces of words, token-set ratio the shared words, the
full-text rank the rare words, and the figures the query repeats the claim
a fact-checker is most likely after.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz
from sqlalchemy.orm import Session

from quotes.errors import NotFoundError
from quotes.extract.model import QuoteKind
from quotes.match import normalize
from quotes.services.affiliation import affiliated_speaker_ids
from quotes.services.schema import SearchHitJSON, WhoJSON
from quotes.services.speakers import find_speaker
from quotes.services.statements import get_statement, summaries_of
from quotes.storage.fulltext import (
    Filters,
    outlet_ids_named,
    query_symbols,
    query_terms,
    statement_candidates,
    statements_containing,
)
from quotes.storage.listings import statement_rows
from quotes.storage.topics import topic_tree

# How many full-text candidates the fuzzy re-ranking sees. More finds more
# paraphrases and costs time linearly; see benchmarks/bench_search_quality.py.
CANDIDATES = 200
# The blend of the re-ranking, tuned on the CheckThat! 2021 2B train and dev
# queries (benchmarks/bench_search_quality.py): character 4-grams weighted by
# their rarity among the candidates, token-set ratio, the backend's full-text
# rank, and the share of the statement's numbers that the query repeats.
WEIGHT_CHARACTERS = 0.8
WEIGHT_TOKEN_SET = 0.2
WEIGHT_FULLTEXT = 0.2
WEIGHT_NUMBERS = 0.1
_GRAM = 4
# "$75,000", "7.4%", "1,200": a figure with its separators, compared without commas.
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def search_statements(
    session: Session,
    text: str,
    *,
    speaker: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    topic: str | None = None,
    outlet: str | None = None,
    kind: str | QuoteKind | None = None,
    affiliation: str | None = None,
    limit: int = 20,
    fuzzy: bool = True,
) -> list[SearchHitJSON]:
    """Statements matching ``text``, most relevant first, then earliest.

    ``speaker`` is a name, alias or id; ``affiliation`` a body or country
    (its speakers and those tied to it); ``topic`` includes its sub-topics;
    ``outlet`` is a name or domain; ``since``/``until`` bound the date the
    statement was first said. ``fuzzy=False`` keeps the full-text order.
    An unknown speaker, topic or outlet raises ``NotFoundError``. A query of
    symbols only (an emoji), which no full-text index holds, finds the
    statements whose text contains them.
    """
    filters = _filters(session, speaker, since, until, topic, outlet, kind, affiliation)
    terms = query_terms(text)
    wanted = CANDIDATES if fuzzy else limit
    if terms:
        found = statement_candidates(session, terms, filters, wanted)
    else:
        terms = query_symbols(text)
        found = statements_containing(session, terms, filters, wanted)
    if not found:
        return []
    # Everything a hit shows of the statement, read once for all candidates.
    rows = statement_rows(session, [statement_id for statement_id, _ in found])
    top_rank = max(rank for _, rank in found) or 1.0
    query = normalize(text)
    wordings = {statement_id: normalize(row.text) for statement_id, row in rows.items()}
    characters = _character_similarity(query, wordings) if fuzzy else {}
    query_numbers = _numbers(text)
    scored = []
    for statement_id, rank in found:
        row = rows[statement_id]
        fulltext = max(rank, 0.0) / top_rank
        value = fulltext
        if fuzzy:
            numbers = _numbers_repeated(query_numbers, row.text)
            value = _blend(
                query, wordings[statement_id], characters[statement_id], fulltext, numbers
            )
        scored.append((value, row))
    scored.sort(key=lambda item: (-round(item[0], 4), item[1].first_said_on or dt.date.max))
    best = scored[:limit]
    return [
        SearchHitJSON(
            **summary, score=round(value, 4), matched=matched_terms(terms, summary["text"])
        )
        for (value, _), summary in zip(
            best, summaries_of(session, [row for _, row in best]), strict=True
        )
    ]


def matched_terms(terms: Sequence[str], wording: str) -> list[str]:
    """The query's words (or symbols) that the wording holds, in the query's order."""
    words = set(query_terms(wording))
    folded = wording.casefold()
    return [term for term in terms if term in words or (not term.isalnum() and term in folded)]


def who_said(
    session: Session,
    text: str,
    *,
    speaker: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    topic: str | None = None,
    outlet: str | None = None,
    kind: str | QuoteKind | None = None,
    affiliation: str | None = None,
) -> WhoJSON | None:
    """The best match with its speaker, first date said and every appearance;
    None if nothing matches."""
    hits = search_statements(
        session,
        text,
        speaker=speaker,
        since=since,
        until=until,
        topic=topic,
        outlet=outlet,
        kind=kind,
        affiliation=affiliation,
        limit=1,
    )
    if not hits:
        return None
    return WhoJSON(
        **get_statement(session, hits[0]["statement_id"]),
        score=hits[0]["score"],
        matched=hits[0]["matched"],
    )


def _blend(query: str, wording: str, characters: float, fulltext: float, numbers: float) -> float:
    token_set = fuzz.token_set_ratio(query, wording) / 100.0
    return (
        WEIGHT_CHARACTERS * characters
        + WEIGHT_TOKEN_SET * token_set
        + WEIGHT_FULLTEXT * fulltext
        + WEIGHT_NUMBERS * numbers
    ) / (WEIGHT_CHARACTERS + WEIGHT_TOKEN_SET + WEIGHT_FULLTEXT + WEIGHT_NUMBERS)


def _numbers(text: str) -> frozenset[str]:
    return frozenset(number.replace(",", "") for number in _NUMBER.findall(text))


def _numbers_repeated(query_numbers: frozenset[str], wording: str) -> float:
    """The share of a statement's figures that the query repeats; 0 for a statement with none.

    What fact-checkers look up most is a figure ("$100 billion", "30,000 a
    year"); a remembered sentence keeps its figures when it loses its wording.
    """
    numbers = _numbers(wording)
    return len(numbers & query_numbers) / len(numbers) if numbers else 0.0


def _character_similarity(query: str, wordings: dict[int, str]) -> dict[int, float]:
    """Cosine of character 4-grams, each weighted by its rarity among the candidates.

    Catches what words miss (inflections, compounds, numbers printed
    differently) without corpus statistics: the candidates themselves say
    which pieces are common. A gram's weight is log((n + 1) / (f + 0.5)), f
    the number of the n candidates that hold it; a text's vector is its gram
    counts times their weights.

    The most expensive step of a search (200 candidates of some hundred grams
    each), so it is done in arrays: every gram of every text becomes one
    integer (its characters' places in the texts' alphabet, in base the
    alphabet's size), and counts, weights and dot products are sorts and
    bincounts over those.
    """
    ids = list(wordings)
    texts = [f" {query} ", *(f" {wordings[i]} " for i in ids)]
    chars = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
    count = len(chars) - _GRAM + 1
    if count <= 0:
        return dict.fromkeys(ids, 0.0)
    alphabet = np.unique(chars)
    codes = np.searchsorted(alphabet, chars).astype(np.uint64)
    grams = codes[:count].copy()
    for offset in range(1, _GRAM):
        grams *= np.uint64(len(alphabet))
        grams += codes[offset : count + offset]
    owner = np.repeat(np.arange(len(texts)), [len(text) for text in texts])
    whole = owner[:count] == owner[_GRAM - 1 :]  # no gram spans two texts
    distinct, gram_ids = np.unique(grams[whole], return_inverse=True)
    pairs, counts = np.unique(owner[:count][whole] * len(distinct) + gram_ids, return_counts=True)
    texts_of, gram_ids = np.divmod(pairs, len(distinct))
    in_candidates = texts_of > 0
    frequency = np.bincount(gram_ids[in_candidates], minlength=len(distinct))
    values = counts * np.log((len(ids) + 1) / (frequency + 0.5))[gram_ids]
    norms = np.sqrt(np.bincount(texts_of, weights=values * values, minlength=len(texts)))
    norms[norms == 0] = 1.0
    query_vector = np.zeros(len(distinct))
    query_vector[gram_ids[~in_candidates]] = values[~in_candidates]
    dots = np.bincount(texts_of, weights=values * query_vector[gram_ids], minlength=len(texts))
    return dict(zip(ids, (dots[1:] / (norms[0] * norms[1:])).tolist(), strict=True))


def _filters(
    session: Session,
    speaker: str | None,
    since: dt.date | None,
    until: dt.date | None,
    topic: str | None,
    outlet: str | None,
    kind: str | QuoteKind | None,
    affiliation: str | None = None,
) -> Filters:
    outlet_ids = None
    if outlet is not None:
        outlet_ids = outlet_ids_named(session, outlet)
        if not outlet_ids:
            raise NotFoundError(f"outlet {outlet!r}: no such outlet")
    return Filters(
        speaker_id=find_speaker(session, speaker).id if speaker else None,
        speaker_ids=affiliated_speaker_ids(session, affiliation) if affiliation else None,
        since=since,
        until=until,
        topic_ids=topic_with_descendants(session, topic) if topic else None,
        outlet_ids=outlet_ids,
        kind=QuoteKind(kind) if kind else None,
    )


def topic_with_descendants(session: Session, name: str) -> list[int]:
    """The topic called ``name`` and every topic below it in the hierarchy."""
    topics = topic_tree(session)
    roots = [t.id for t in topics if t.name.casefold() == name.strip().casefold()]
    if not roots:
        raise NotFoundError(f"topic {name!r}: no such topic")
    children: dict[int | None, list[int]] = defaultdict(list)
    for topic in topics:
        children[topic.parent_id].append(topic.id)
    found, stack = set(roots), list(roots)
    while stack:
        for child in children[stack.pop()]:
            if child not in found:
                found.add(child)
                stack.append(child)
    return sorted(found)
