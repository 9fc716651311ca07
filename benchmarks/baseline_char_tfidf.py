"""The baseline of the search-quality target: character n-gram TF-IDF alone.

    pip install -e '.[bench]'
    python benchmarks/baseline_char_tfidf.py ../shared/data/claims/checkthat2021_task2b

Every claim is a TF-IDF vector of its character n-grams (scikit-learn's
``TfidfVectorizer``); each query ranks all 19,250 claims by cosine. Reported
as ``bench_search_quality.py`` reports ``quotes search``: recall at 1, 5 and
10 and MRR on the test, dev and train queries, for a few common settings
(character or word-bounded n-grams, claim text alone or with the fact-check's
title), so that the figures can be set side by side.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from bench_search_quality import judged_splits, recall_figures
from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]

SETTINGS: dict[str, dict[str, Any]] = {
    "char 3-5": {"analyzer": "char", "ngram_range": (3, 5)},
    "char_wb 3-5": {"analyzer": "char_wb", "ngram_range": (3, 5)},
    "char 2-4 sublinear": {"analyzer": "char", "ngram_range": (2, 4), "sublinear_tf": True},
}


def evaluate(
    vectorizer: TfidfVectorizer, matrix: Any, ids: list[str], split: Any
) -> dict[str, float]:
    queries = vectorizer.transform([query for query, _, _ in split])
    similarities = (queries @ matrix.T).toarray()
    return recall_figures(
        [
            ([ids[i] for i in row.argsort()[::-1][:10]], claims)
            for row, (_, claims, _) in zip(similarities, split, strict=True)
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    claims = [
        json.loads(line)
        for line in (args.folder / "politifact_vclaims.jsonl").open(encoding="utf-8")
    ]
    ids = [claim["vclaim_id"] for claim in claims]
    splits = judged_splits(args.folder)
    corpora = {
        "claim": [claim["vclaim"] for claim in claims],
        "claim+title": [f"{claim['vclaim']} {claim.get('title') or ''}" for claim in claims],
    }
    for corpus, texts in corpora.items():
        for setting, options in SETTINGS.items():
            vectorizer = TfidfVectorizer(lowercase=True, **options)
            matrix = vectorizer.fit_transform(texts)
            for split, queries in splits.items():
                figures = evaluate(vectorizer, matrix, ids, queries)
                print(f"{corpus:12} {setting:20} {split:5}", json.dumps(figures))


if __name__ == "__main__":
    main()
