"""List every attribution the extractor gets wrong, with context, to classify them.

Uses the shared scorer's own gold loading, matching and name rule (loaded from
SCORER), and runs the extractor in-process. For each matched gold attribution
it prints the ones whose speaker span misses the gold Source (``--what span``)
or whose resolved name is not the gold reference (``--what name``), with the
sentence before and the cue's sentence, so the errors can be sorted by kind.

    python benchmarks/attribution_errors.py SCORER ../shared/data/wire/dev --what name
    python benchmarks/attribution_errors.py SCORER ../shared/data/polnear/dev --what span
    python benchmarks/attribution_errors.py SCORER GOLD --what span --kind direct --limit 50

``--summary`` prints only the counts, for comparing two versions quickly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
from collections import defaultdict

from score_polnear import load_scorer

from quotes.extract import extract_quotes

_HEADER = re.compile(r"\Adate (\d{4}-\d{2}-\d{2})\b")


def _context(text: str, start: int, end: int, width: int = 220) -> str:
    left = max(0, start - width)
    return text[left:start].replace("\n", " / ") + "[[" + text[start:end] + "]]"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("scorer")
    parser.add_argument("gold_dir")
    parser.add_argument("--what", choices=["span", "name"], default="span")
    parser.add_argument("--kind", choices=["direct", "indirect", "all"], default="all")
    parser.add_argument("--limit", type=int, default=0, help="articles")
    parser.add_argument("--summary", action="store_true")
    args = parser.parse_args()
    scorer = load_scorer(args.scorer)
    text_dir = os.path.join(args.gold_dir, "text")
    ann_dir = os.path.join(args.gold_dir, "attributions")
    anns: dict[str, list[str]] = defaultdict(list)
    for name in sorted(os.listdir(ann_dir)):
        if name.endswith(".ann"):
            anns[name.rsplit("_", 1)[0]].append(os.path.join(ann_dir, name))
    names = sorted(n for n in anns if os.path.exists(os.path.join(text_dir, n + ".txt")))
    if args.limit:
        names = names[: args.limit]
    counts: dict[str, int] = defaultdict(int)
    for article in names:
        with open(os.path.join(text_dir, article + ".txt"), encoding="utf-8") as handle:
            text = handle.read()
        header = _HEADER.match(text)
        day = dt.date.fromisoformat(header[1]) if header else None
        preds = [q.to_dict() for q in extract_quotes(text, day)]
        used: set[int] = set()
        for gold in scorer.load_gold(anns[article][0]):
            direct = any(c in text[gold["start"] : gold["end"]] for c in scorer.QUOTE_CHARS) or (
                text[gold["start"] : gold["start"] + 1] in scorer.SINGLE_OPENERS
            )
            cls = "direct" if direct else "indirect"
            best, best_ov = None, 0
            for i, p in enumerate(preds):
                if i in used:
                    continue
                ov = scorer.overlap(gold["start"], gold["end"], p["start"], p["end"])
                short = min(gold["end"] - gold["start"], p["end"] - p["start"]) or 1
                if ov >= 0.5 * short and ov > best_ov:
                    best, best_ov = i, ov
            if best is None:
                continue
            used.add(best)
            if args.kind not in ("all", cls):
                continue
            p = preds[best]
            ss, se = p.get("speaker_start"), p.get("speaker_end")
            span_ok = (
                ss is not None
                and se is not None
                and any(scorer.overlap(ss, se, s0, s1) > 0 for s0, s1 in gold["source"])
            )
            if args.what == "span":
                wrong = not span_ok
            else:
                if not gold.get("reference"):
                    continue
                wrong = not scorer.name_ok(p.get("speaker"), gold["reference"])
            counts[cls + "_checked"] += 1
            if not wrong:
                continue
            counts[cls + "_wrong"] += 1
            if args.summary:
                continue
            source = "; ".join(text[s0:s1] for s0, s1 in gold["source"]) or "-"
            anchor = min([gold["start"], *(s for s, _ in gold["source"])])
            print(f"== {article} {cls} rule={p.get('rule')}")
            print(f"   gold: {source!r} ref={gold.get('reference')!r}")
            print(
                f"   pred: {p.get('speaker_mention')!r} -> {p.get('speaker')!r}"
                f" ({p.get('speaker_kind')}) {list(p.get('resolution') or [])}"
            )
            print("   " + _context(text, anchor, min(gold["end"], anchor + 300)))
    for cls in ("direct", "indirect"):
        checked = counts[cls + "_checked"]
        if checked:
            print(f"{cls}: {counts[cls + '_wrong']} wrong of {checked}")


if __name__ == "__main__":
    main()
