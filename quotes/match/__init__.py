"""Pure matching core: ``strings -> matches``.

No database, no I/O: normal forms and keys of quotes (``normalize``),
scoring and deciding (``similarity``), speaker names (``names``) and bulk
clustering (``cluster``). The storage services call these; so can anyone.
"""

from quotes.match.cluster import Cluster, ClusterItem, ClusterSuggestion, cluster
from quotes.match.names import (
    METONYMS,
    canonical_body,
    given_names_compatible,
    name_key,
    skeleton,
    surnames_match,
)
from quotes.match.normalize import has_ellipsis, match_key, normalize
from quotes.match.similarity import (
    AUTO_THRESHOLD,
    MIN_FRAGMENT_WORDS,
    SUGGEST_THRESHOLD,
    Scored,
    decide,
    score,
    telling_words,
    words_needed,
)

__all__ = [
    "AUTO_THRESHOLD",
    "METONYMS",
    "MIN_FRAGMENT_WORDS",
    "SUGGEST_THRESHOLD",
    "Cluster",
    "ClusterItem",
    "ClusterSuggestion",
    "Scored",
    "canonical_body",
    "cluster",
    "decide",
    "given_names_compatible",
    "has_ellipsis",
    "match_key",
    "name_key",
    "normalize",
    "score",
    "skeleton",
    "surnames_match",
    "telling_words",
    "words_needed",
]
