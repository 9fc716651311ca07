"""Statement merging quality on real quotes with realistic outlet variants.

    python benchmarks/bench_merge_quality.py ../shared/data

Base statements are real: PolitiFact claims (CheckThat! 2021 2B, with their
speakers) and the quotes the extractor finds in PolNeAR train articles. Each
is reported by 1-5 "outlets", each of which may truncate it at either end,
cut its middle with an ellipsis, change case, punctuation or quotation
marks, change a word or two, or move the attribution into the middle (as
the extractor then prints it: the two quoted pieces side by side). Hard
negatives are statements that must stay apart: the other claims of the same
speaker (often on the same topic), and synthetic flips of a statement
(negated, or with a number changed), as a careless merger would join them.

Clustering runs per speaker exactly as ``quotes dedupe`` does. Reported:
pairwise and B-cubed precision and recall of the automatic merges, and how
many true pairs were left to a person as suggestions.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from quotes.extract import QuoteKind, extract_quotes
from quotes.match import ClusterItem, cluster, normalize
from quotes.services.canonical import wording_rank

SYNONYMS = {
    "said": "stated",
    "big": "large",
    "people": "citizens",
    "country": "nation",
    "help": "assist",
    "job": "work",
    "jobs": "work",
    "money": "funds",
    "very": "really",
    "government": "administration",
    "children": "kids",
    "increase": "rise",
    "important": "crucial",
    "want": "wish",
    "start": "begin",
    "end": "finish",
    "new": "fresh",
    "many": "numerous",
    "show": "demonstrate",
    "buy": "purchase",
}
NEGATABLE = re.compile(r"\b(is|are|was|were|will|would|can|could|should|has|have|did|does)\b")
NUMBER = re.compile(r"\b\d[\d,.]*\b")


def politifact_claims(data: Path, limit: int, rng: random.Random) -> list[tuple[str, str]]:
    path = data / "claims" / "checkthat2021_task2b" / "politifact_vclaims.jsonl"
    by_speaker: dict[str, list[str]] = defaultdict(list)
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            text = (row.get("vclaim") or "").strip()
            speaker = (row.get("speaker") or "").strip()
            if speaker and len(text.split()) >= 8:
                by_speaker[speaker].append(text)
    # Speakers with several claims give the hard negatives.
    speakers = [s for s, claims in by_speaker.items() if len(claims) >= 3]
    rng.shuffle(speakers)
    picked: list[tuple[str, str]] = []
    for speaker in speakers:
        for text in by_speaker[speaker][:8]:
            picked.append((speaker, text))
        if len(picked) >= limit:
            break
    return picked[:limit]


def polnear_quotes(data: Path, limit: int) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for path in sorted((data / "polnear" / "train" / "text").glob("*.txt")):
        for quote in extract_quotes(path.read_text(encoding="utf-8")):
            if quote.speaker and quote.kind is QuoteKind.DIRECT:
                words = quote.text.strip("\"“”'").split()
                if len(words) >= 8:
                    found.append((quote.speaker, " ".join(words)))
        if len(found) >= limit:
            break
    return found[:limit]


def distinct(bases: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drop a base that repeats another of its speaker, whole or as a part.

    The same quote is printed by several articles (and a long quote holds a
    shorter one the extractor also found); as gold they would be two
    statements that any correct merger joins.
    """
    kept: dict[str, list[str]] = defaultdict(list)
    result = []
    for speaker, text in sorted(bases, key=lambda base: -len(base[1])):
        key = f" {normalize(text)} "
        if any(key in longer for longer in kept[speaker]):
            continue
        kept[speaker].append(key)
        result.append((speaker, text))
    order = {base: i for i, base in enumerate(bases)}
    return sorted(result, key=order.__getitem__)


def variant(text: str, rng: random.Random) -> str:
    """One outlet's version of a statement."""
    words = text.split()
    operations = rng.sample(
        ["trim_start", "trim_end", "ellipsis", "case", "punct", "marks", "synonym", "attribution"],
        k=rng.randint(1, 3),
    )
    for operation in operations:
        n = len(words)
        if operation == "trim_start" and n > 10:
            words = words[rng.randint(1, min(4, n // 4)) :]
        elif operation == "trim_end" and n > 10:
            words = words[: n - rng.randint(1, min(4, n // 4))]
        elif operation == "ellipsis" and n > 12:
            start = rng.randint(3, n - 6)
            words = [*words[:start], "...", *words[start + rng.randint(1, 3) :]]
        elif operation == "case":
            words = [w.lower() if rng.random() < 0.5 else w for w in words]
        elif operation == "punct":
            words = [w.strip(",;:") for w in words]
        elif operation == "synonym":
            for _ in range(rng.randint(1, 2)):
                candidates = [i for i, w in enumerate(words) if w.lower() in SYNONYMS]
                if candidates:
                    i = rng.choice(candidates)
                    words[i] = SYNONYMS[words[i].lower()]
                elif len(words) > 8:
                    del words[rng.randrange(len(words))]
        elif operation == "attribution" and n > 8:
            # The outlet moved the attribution into the quote: '"A," he said,
            # "B."'. The extractor joins the pieces, so what reaches matching
            # is the two quoted pieces side by side: '"A," "B."'.
            at = rng.randint(3, n - 3)
            words = [*words[: at - 1], words[at - 1] + ',"', '"' + words[at], *words[at + 1 :]]
    result = " ".join(words)
    if "marks" in operations:
        result = "“" + result + "”"
    return result


def flips(text: str, rng: random.Random) -> Iterator[tuple[str, str, str]]:
    """Statements that look alike but say something else, with the words that
    tell each apart: (flipped text, key in the original, key in the flip)."""
    verb = NEGATABLE.search(text)
    if verb and " not " not in f" {text} ":
        after = text[verb.end() :].split()[:1]
        yield (
            text[: verb.end()] + " not" + text[verb.end() :],
            " ".join([verb[0], *after]),
            " ".join([verb[0], "not", *after]),
        )
    number = NUMBER.search(text)
    if number:
        digits = re.sub(r"\D", "", number[0]) or "1"
        changed = str(int(digits) * rng.choice([2, 3, 10]) + 1)
        yield text[: number.start()] + changed + text[number.end() :], number[0], changed


def keeps(variant_text: str, key: str) -> bool:
    """An outlet that cut the distinguishing words printed an ambiguous
    fragment; such variants are not generated for statements that have twins."""
    return f" {normalize(key)} " in f" {normalize(variant_text)} "


def build(bases: list[tuple[str, str]], rng: random.Random) -> list[tuple[str, str, int]]:
    """(speaker, text, gold statement id) for every outlet's report."""
    items: list[tuple[str, str, int]] = []
    statement = 0
    for speaker, text in bases:
        twins = list(flips(text, rng))
        base_keys = [original_key for _flip, original_key, _key in twins]
        statement += 1
        items.append((speaker, text, statement))
        for _ in range(rng.randint(0, 4)):
            reported = variant(text, rng)
            if all(keeps(reported, key) for key in base_keys):
                items.append((speaker, reported, statement))
        for flipped, _original_key, flipped_key in twins:
            statement += 1
            items.append((speaker, flipped, statement))
            reported = variant(flipped, rng)
            if rng.random() < 0.5 and keeps(reported, flipped_key):
                items.append((speaker, reported, statement))
    return items


def evaluate(items: list[tuple[str, str, int]], show_errors: int = 0) -> dict[str, float]:
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for index, (speaker, _text, _gold) in enumerate(items):
        by_speaker[speaker].append(index)
    predicted: dict[int, int] = {}
    suggested_pairs: set[tuple[int, int]] = set()
    next_cluster = 0
    started = time.perf_counter()
    for indexes in by_speaker.values():
        cluster_items = [
            ClusterItem(
                i, normalize(items[i][1]), wording_rank(items[i][1], QuoteKind.DIRECT), None
            )
            for i in indexes
        ]
        clusters, suggestions = cluster(cluster_items)
        founders = []
        for found in clusters:
            founders.append(next_cluster)
            for member, _method, _score in found.members:
                predicted[member.id] = next_cluster
            next_cluster += 1
        for suggestion in suggestions:
            founder_item = clusters[suggestion.cluster].founder.id
            suggested_pairs.add(tuple(sorted((suggestion.item.id, founder_item))))  # type: ignore[arg-type]
    elapsed = time.perf_counter() - started
    gold = {i: item[2] for i, item in enumerate(items)}
    # Pairwise, within each speaker (pairs across speakers are never compared).
    tp = fp = fn = suggested_true = 0
    for indexes in by_speaker.values():
        for a_pos, a in enumerate(indexes):
            for b in indexes[a_pos + 1 :]:
                same_gold, same_pred = gold[a] == gold[b], predicted[a] == predicted[b]
                if same_pred and same_gold:
                    tp += 1
                elif same_pred:
                    fp += 1
                    if fp <= show_errors:
                        print(f"  false merge:\n    {items[a][1]}\n    {items[b][1]}")
                elif same_gold:
                    fn += 1
                    if fn <= show_errors:
                        print(f"  missed:\n    {items[a][1]}\n    {items[b][1]}")
                    if (min(a, b), max(a, b)) in suggested_pairs:
                        suggested_true += 1
    # B-cubed.
    pred_members: dict[int, set[int]] = defaultdict(set)
    gold_members: dict[int, set[int]] = defaultdict(set)
    for i in gold:
        pred_members[predicted[i]].add(i)
        gold_members[gold[i]].add(i)
    b3_p = sum(
        len(pred_members[predicted[i]] & gold_members[gold[i]]) / len(pred_members[predicted[i]])
        for i in gold
    ) / len(gold)
    b3_r = sum(
        len(pred_members[predicted[i]] & gold_members[gold[i]]) / len(gold_members[gold[i]])
        for i in gold
    ) / len(gold)
    return {
        "occurrences": len(items),
        "statements": len(gold_members),
        "pairwise_precision": round(tp / (tp + fp), 4) if tp + fp else 1.0,
        "pairwise_recall": round(tp / (tp + fn), 4) if tp + fn else 1.0,
        "bcubed_precision": round(b3_p, 4),
        "bcubed_recall": round(b3_r, 4),
        "true_pairs_left_as_suggestions": suggested_true,
        "missed_true_pairs": fn,
        "clustering_seconds": round(elapsed, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", type=Path, help="the shared data folder")
    parser.add_argument("--claims", type=int, default=3000)
    parser.add_argument("--polnear", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--show-errors",
        type=int,
        default=0,
        metavar="N",
        help="print the first N false merges and missed pairs of each set",
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for name, bases in (
        ("politifact", distinct(politifact_claims(args.data, args.claims, rng))),
        ("polnear", distinct(polnear_quotes(args.data, args.polnear))),
    ):
        print(name, json.dumps(evaluate(build(bases, rng), args.show_errors)))


if __name__ == "__main__":
    main()
