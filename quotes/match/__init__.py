"""Pure matching core: ``strings -> matches``.

No database, no I/O: normal forms and keys of quotes (``normalize``),
scoring and deciding (``similarity``), speaker names (``names``) and bulk
clustering (``cluster``). The storage services call these; so can anyone.
"""

from quotes.match.cluster import Cluster, ClusterItem, ClusterSuggestion, cluster
from quotes.match.filing import filed_as, filing_name, is_generic, is_pronoun
from quotes.match.names import (
    acronym,
    affiliation_key,
    affiliation_of,
    alias_key,
    body_name,
    canonical_body,
    display_case,
    fold,
    given_name_only,
    given_names_compatible,
    identity_key,
    is_acronym,
    looks_like_person,
    name_key,
    name_parts,
    place_country,
    skeleton,
    split_name,
    split_possessive,
    surnames_match,
)
from quotes.match.normalize import has_ellipsis, match_key, normalize
from quotes.match.offices import office_words
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
    "MIN_FRAGMENT_WORDS",
    "SUGGEST_THRESHOLD",
    "Cluster",
    "ClusterItem",
    "ClusterSuggestion",
    "Scored",
    "acronym",
    "affiliation_key",
    "affiliation_of",
    "alias_key",
    "body_name",
    "canonical_body",
    "cluster",
    "decide",
    "display_case",
    "filed_as",
    "filing_name",
    "fold",
    "given_name_only",
    "given_names_compatible",
    "has_ellipsis",
    "identity_key",
    "is_acronym",
    "is_generic",
    "is_pronoun",
    "looks_like_person",
    "match_key",
    "name_key",
    "name_parts",
    "normalize",
    "office_words",
    "place_country",
    "score",
    "skeleton",
    "split_name",
    "split_possessive",
    "surnames_match",
    "telling_words",
    "words_needed",
]
