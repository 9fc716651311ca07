"""The language of an article: only English has extraction rules so far.

Detection is by py3langid (BSD-3-Clause, a few megabytes, under a
millisecond an article). It is reliable on paragraphs, not on a line of a
few words, where names weigh as much as words ("Markus Weber and Anna Köhler
said they agreed" looks German to it): a short text is taken for what it
declares, or for English, unless its letters are mostly of another script
than Latin (five words of Cyrillic are not English).
"""

from __future__ import annotations

import functools
import re
from typing import Any

ENGLISH = "en"
# Fewer letters than this, and a Latin-script text is not judged by the detector.
MIN_LETTERS = 120
# The detector's normalised probability needed to overrule a declaration.
CONFIDENT = 0.9
# A paragraph or two is plenty for the detector; it costs in proportion to the sample.
_SAMPLE = 2_000
_LETTER = re.compile(r"[^\W\d_]")
# Letters outside Latin's blocks (Basic, Latin-1, Extended-A and -B, Extended Additional).
_NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def article_language(text: str, declared: str | None = None) -> str | None:
    """The language code of ``text``: detected where the text is clear, else ``declared``."""
    return detect_language(text) or normalize_language(declared)


def is_english(language: str | None) -> bool:
    """Unknown counts as English: the rules are tried, as before languages were told apart."""
    return language is None or language == ENGLISH


def normalize_language(value: str | None) -> str | None:
    """``en-GB``, ``EN``, ``en_US`` -> ``en``; None for nothing."""
    if not value or not value.strip():
        return None
    return value.strip().replace("_", "-").split("-")[0].lower() or None


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or None where a guess would be a guess."""
    sample = text[:_SAMPLE]
    letters = len(_LETTER.findall(sample))
    if not letters:
        return None
    if letters >= MIN_LETTERS:
        language, probability = _identifier().classify(sample)
        return str(language) if probability >= CONFIDENT else None
    if len(_NON_LATIN_LETTER.findall(sample)) * 2 > letters:  # short, but not in Latin script
        return str(_identifier().classify(sample)[0])
    return None


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
