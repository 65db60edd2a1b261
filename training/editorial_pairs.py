"""NLI pairs from the hand-written editorial training cases (training/editorial/cases-*.jsonl).

For each case: premise = its evidence sentence(s), hypothesis = the headline, labelled
supported -> entailment, contradicted -> contradiction, overstated / unsupported -> neutral; and
each other body sentence against the headline as neutral (by construction the evidence holds every
sentence that bears on the claim: these teach "same story, not this claim"). Question headlines
are left out (a question asserts nothing). Only two thirds of the cases are used (the number at the
end of the id not divisible by 3); the rest is kept for fitting the verdict
(training/fit-verdict.mjs), so the verdict never learns from scores on pairs the model learned.

Usage: python training/editorial_pairs.py --cases training/editorial --out $WORK/data/editorial-pairs.jsonl
"""
import argparse
import glob
import json
import os
import re

LABEL = {"supported": "entailment", "contradicted": "contradiction",
         "overstated": "neutral", "unsupported": "neutral"}
# A simple splitter is enough here: evidence sentences are matched by text, and a sentence cut
# wrongly only adds a neutral pair that is still neutral.
SENTENCE_END = re.compile(r"[.!?][\"'”’]?(?=\s+[\"'“‘]?[A-Z0-9])")


def split_sentences(text):
    out, start = [], 0
    for m in SENTENCE_END.finditer(text):
        out.append(text[start:m.end()].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


def is_nli_case(case_id):
    return int(re.search(r"(\d+)$", case_id).group(1)) % 3 != 0


def pairs(cases, evidence_repeat):
    for case in cases:
        if not is_nli_case(case["id"]) or case["headline"].rstrip().endswith("?"):
            continue
        premise = " ".join(case["evidence"])
        for _ in range(evidence_repeat):
            yield {"source": "editorial", "premise": premise, "hypothesis": case["headline"],
                   "label": LABEL[case["expected"]]}
        for sentence in split_sentences(case["body"]):
            if not any(sentence in e or e in sentence for e in case["evidence"]):
                yield {"source": "editorial-other-sentence", "premise": sentence,
                       "hypothesis": case["headline"], "label": "neutral"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", default="training/editorial")
    ap.add_argument("--out", required=True)
    ap.add_argument("--evidence-repeat", type=int, default=3,
                    help="the evidence pair is written this many times, the others once")
    args = ap.parse_args()
    cases = []
    for path in sorted(glob.glob(os.path.join(args.cases, "cases-*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            cases += [json.loads(line) for line in f if line.strip()]
    rows = list(pairs(cases, args.evidence_repeat))
    with open(args.out, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts = {}
    for row in rows:
        counts[row["label"]] = counts.get(row["label"], 0) + 1
    print(f"{len(rows)} pairs from {len(cases)} cases -> {args.out}: {counts}")


if __name__ == "__main__":
    main()
