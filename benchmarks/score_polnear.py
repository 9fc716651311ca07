"""Score the extractor on a PolNeAR-style folder in-process (fast iteration).

Uses the shared scorer's own gold loading and matching rule, imported from
its path, so the figures agree with
``score_attribution.py GOLD_DIR --cmd 'quotes extract --format jsonl'``.

    python benchmarks/score_polnear.py \
        ../shared/tools/score_attribution.py ../shared/data/polnear/dev
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import time
from collections import defaultdict
from typing import Any

from quotes.extract import extract_quotes

QUOTE_CHARS = '"\u201c\u201d\u00ab\u00bb\u201e'


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("scorer", help="path of score_attribution.py")
    parser.add_argument("gold_dir")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--errors", type=int, default=0, help="print N missed/wrong examples")
    args = parser.parse_args()
    spec = importlib.util.spec_from_file_location("score_attribution", args.scorer)
    assert spec and spec.loader
    scorer: Any = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    text_dir = os.path.join(args.gold_dir, "text")
    ann_dir = os.path.join(args.gold_dir, "attributions")
    anns: dict[str, list[str]] = defaultdict(list)
    for name in sorted(os.listdir(ann_dir)):
        if name.endswith(".ann"):
            anns[name.rsplit("_", 1)[0]].append(os.path.join(ann_dir, name))
    names = sorted(n for n in anns if os.path.exists(os.path.join(text_dir, n + ".txt")))
    if args.limit:
        names = names[: args.limit]
    totals: dict[str, int] = defaultdict(int)
    shown = 0
    elapsed = 0.0
    for name in names:
        with open(os.path.join(text_dir, name + ".txt"), encoding="utf-8") as handle:
            text = handle.read()
        gold = scorer.load_gold(anns[name][0])
        started = time.perf_counter()
        preds = [q.to_dict() for q in extract_quotes(text)]
        elapsed += time.perf_counter() - started
        used: set[int] = set()
        for g in gold:
            cls = (
                "direct"
                if any(c in text[g["start"] : g["end"]] for c in QUOTE_CHARS)
                else "indirect"
            )
            totals[cls + "_gold"] += 1
            best, best_ov = None, 0
            for i, p in enumerate(preds):
                if i in used:
                    continue
                ov = scorer.overlap(g["start"], g["end"], p["start"], p["end"])
                short = min(g["end"] - g["start"], p["end"] - p["start"]) or 1
                if ov >= 0.5 * short and ov > best_ov:
                    best, best_ov = i, ov
            if best is None:
                if shown < args.errors and cls == "direct":
                    shown += 1
                    print("MISS", name, repr(text[g["start"] : g["end"]][:150]))
                continue
            used.add(best)
            totals[cls + "_found"] += 1
            p = preds[best]
            ss, se = p.get("speaker_start"), p.get("speaker_end")
            if ss is not None and any(scorer.overlap(ss, se, s0, s1) > 0 for s0, s1 in g["source"]):
                totals[cls + "_speaker_ok"] += 1
            elif shown < args.errors:
                shown += 1
                gold_sources = [text[s0:s1] for s0, s1 in g["source"]]
                print(
                    "SPK",
                    cls,
                    name,
                    repr(p.get("speaker_mention")),
                    "gold",
                    gold_sources,
                    repr(p["text"][:80]),
                )
        for i, p in enumerate(preds):
            direct = any(
                c in text[p["start"] : p["end"] + 1]
                or c in text[max(0, p["start"] - 1) : p["start"]]
                for c in QUOTE_CHARS
            )
            cls = "direct" if direct else "indirect"
            totals["pred_" + cls] += 1
            if i in used:
                totals["pred_matched_" + cls] += 1
            elif shown < args.errors and cls == "direct":
                shown += 1
                print("FP", name, repr(p["text"][:120]), p.get("speaker_mention"))
    out: dict[str, Any] = {
        "articles": len(names),
        "articles_per_second": round(len(names) / elapsed),
    }
    for cls in ("direct", "indirect"):
        g, f, s = totals[cls + "_gold"], totals[cls + "_found"], totals[cls + "_speaker_ok"]
        pp, pm = totals["pred_" + cls], totals["pred_matched_" + cls]
        precision = pm / pp if pp else 0.0
        recall = f / g if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[cls] = {
            "gold": g,
            "predicted": pp,
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "speaker_accuracy": round(s / f, 3) if f else 0.0,
        }
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
