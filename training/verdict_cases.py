"""Article-level verdict cases made from news bodies the NLI model never trained on.

The verdict layer (training/fit-verdict.mjs) needs articles labelled with the four verdicts in the
editorial sense. FNC-1, ARC and Emergent give real ones, but their "discuss" is far from "the body
hedges what the headline states". These cases reuse the news-made transformations
(news_pairs.py) at article level: headline = a claim made from one sentence, body = the whole
article (for premise edits, with that sentence hedged, attributed or made conditional in place).

Only the test-side bodies of news_pairs.py are used, and never FNC-1 bodies: the FNC-1 hold-out
is what the verdict layer is measured on. Writes JSONL {id, body_key, kind, headline, body, expected}.

  python verdict_cases.py --data ../shared/data --out /tmp/headcheck-verdict/news-cases.jsonl
"""
import argparse
import json
import random
import re
from collections import Counter

from news_pairs import (HEDGE_IN_SENTENCE, PREMISE_EDITS, TRANSFORMS, arc_bodies, climate_fever_bodies,
                        compress, is_test, premise_edit, usable)

VERDICT = {
    "compress": "supported", "number-words": "supported", "hedge-kept": "supported",
    "negation": "contradicted", "reversal": "contradicted", "other-entity": "contradicted",
    "role-swap": "contradicted",
    "hedge-dropped": "overstated", "planned-as-done": "overstated", "source-dropped": "overstated",
    "condition-dropped": "overstated", "scope-widened": "overstated", "figure-inflated": "overstated",
    "wrap-hedge": "overstated", "wrap-source": "overstated", "add-condition": "overstated",
}
# on-topic-other is left out: another sentence of the same body is stated by the article.


def cases_for_body(key, sents, rng, foreign_claims, per_body):
    sents = [s for s in sents if s.strip()]
    if len(sents) < 3:
        return []
    made = []
    for i, s in enumerate(sents):
        if not usable(s):
            continue
        for name, fn in TRANSFORMS.items():
            if name not in VERDICT:
                continue
            out = fn(s, sents, rng)
            if out and out[0] and out[0].lower().rstrip(".") != s.lower().rstrip(".") and out[2] in VERDICT:
                made.append((out[2], out[0], sents))
        if not HEDGE_IN_SENTENCE.search(s):
            claim = compress(s, rng)
            if claim:
                kind = rng.choice(PREMISE_EDITS)
                edited = sents[:i] + [premise_edit(s, rng, kind)] + sents[i + 1:]
                made.append((kind, claim, edited))
    by_verdict = {}
    for kind, headline, body in made:
        by_verdict.setdefault(VERDICT[kind], []).append((kind, headline, body))
    chosen = []
    for verdict, items in sorted(by_verdict.items()):
        rng.shuffle(items)
        chosen += items[:per_body]
    if foreign_claims:
        chosen.append(("off-topic", rng.choice(foreign_claims), sents))
    return [{"body_key": key, "kind": kind, "headline": h, "body": " ".join(b),
             "expected": VERDICT.get(kind, "unsupported")} for kind, h, b in chosen]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=29)
    ap.add_argument("--per-body", type=int, default=1, help="cases per verdict per body")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    bodies = [(k, s) for gen in (arc_bodies, climate_fever_bodies) for k, s, hold in gen(args.data)
              if is_test(k, hold)]
    claims = [c for _, sents in bodies for s in sents[:3] if usable(s) for c in [compress(s, rng)] if c]
    rows = []
    for key, sents in bodies:
        own = {c for c in claims if any(c[:30] in s for s in sents)}
        rows += cases_for_body(key, sents, rng, [c for c in rng.sample(claims, min(20, len(claims))) if c not in own],
                               args.per_body)
    with open(args.out, "w", encoding="utf-8") as f:
        for n, r in enumerate(rows):
            f.write(json.dumps({"id": f"news:{n}", **r}, ensure_ascii=False) + "\n")
    print(f"{len(bodies)} bodies, {len(rows)} cases")
    for (verdict, kind), n in sorted(Counter((r["expected"], r["kind"]) for r in rows).items()):
        print(f"  {verdict:13s} {kind:18s} {n}")


if __name__ == "__main__":
    main()
