"""Neutral NLI pairs for negated hedges: "X did not rule out that p" says neither p nor not-p.

Hand-written cases teach "did not ..." as the sign of a contradiction (most of their negated
evidence is a plain denial), and a model trained on them alone read "does not rule out selling"
as "is not selling". Negated non-veridical verbs (rule out, deny, confirm, say whether) are a
general construction, so they are taught here from the news-made training pairs, not from any
evaluation case: the premise sentence is wrapped in a negated hedge and the pair becomes neutral,
both against the compressed claim ("compress" pairs) and against its negation ("negation" pairs).
Only rows of the training file are used, so no held-out body is touched. The same frames in their
verb-phrase form ("The club does not rule out selling its ground") are built from the headlines
of the editorial training cases (--cases; the NLI two thirds only, as in editorial_pairs.py):
headline "Club sells its ground" -> premise "<subject> does not rule out selling its ground".

Usage: python training/negated_hedge_pairs.py --train $WORK/data/train.jsonl --cases training/editorial \
         --out $WORK/data/negated-hedge-pairs.jsonl
"""
import argparse
import glob
import json
import os
import random
import re

from editorial_pairs import is_nli_case

SUBJECTS = ["Officials", "The company", "A spokesman", "The minister", "The club", "Its chief executive",
            "The council", "Investigators", "The government", "Her lawyer", "The union"]
WRAPPERS = [
    "{s} did not rule out that {p}", "{s} has not ruled out that {p}", "{s} does not rule out that {p}",
    "{s} declined to rule out that {p}", "{s} refused to rule out the possibility that {p}",
    "{s} would neither confirm nor deny that {p}", "{s} did not deny that {p}", "{s} has not confirmed that {p}",
    "{s} could not say whether {p}", "It has not been ruled out that {p}", "{s} stopped short of saying that {p}",
    "{s} did not dismiss suggestions that {p}", "{s} would not say whether {p}", "{s} has not denied reports that {p}",
]
# Already framed premises would stack two frames; keep plain statements.
FRAMED = re.compile(r"\b(said|says|may|might|could|would|if|unless|whether|not|no|never|n't|rule out|deny|denied)\b", re.I)


GERUND_FRAMES = [
    "{s} does not rule out {v} {o}", "{s} has not ruled out {v} {o}", "{s} refused to rule out {v} {o}",
    "{s} would not rule out {v} {o}", "{s} is not ruling out {v} {o}", "{s} would neither confirm nor deny {v} {o}",
    "{s} has not denied {v} {o}", "{s} did not rule out {v} {o}",
]
SAYS = ["", ", a spokesperson said", ", officials said", ", according to people familiar with the matter"]
# A plural noun followed by its verb ("Hospitals end waits", "Villages to move") is not "Subject verbs":
# skip candidates followed by "to" or by one of these common bare headline verbs.
BARE_VERBS = {"back", "end", "rise", "fall", "double", "halve", "triple", "rebound", "return", "win", "hit", "cut",
              "face", "reach", "vote", "strike", "close", "open", "drop", "jump", "soar", "slump", "lose", "get", "go",
              "take", "make", "say", "warn", "call", "fight", "join", "walk", "stay", "pass", "top", "beat"}
NOT_VERBS = {"its", "his", "this", "has", "is", "was", "us", "as", "plus", "news", "less", "across", "towards", "series"}


def gerund(verb_3sg):
    """'sells' -> 'selling', 'closes' -> 'closing', 'cuts' -> 'cutting', 'carries' -> 'carrying'."""
    v = verb_3sg.lower()
    if v.endswith("ies"):
        base = v[:-3] + "y"
    elif re.search(r"(sh|ch|x|z|ss|o)es$", v):
        base = v[:-2]
    else:
        base = v[:-1]
    if base.endswith("ie"):
        return base[:-2] + "ying"
    if base.endswith("e") and not base.endswith(("ee", "oe", "ye")):
        return base[:-1] + "ing"
    if re.fullmatch(r"[^aeiou]*[^aeiou][aeiou][bdgmnpt]", base) and len(base) <= 4:
        return base + base[-1] + "ing"
    return base + "ing"


def headline_split(headline):
    """(subject, gerund, rest) for 'Subject verbs rest' or 'Subject to verb rest'; None otherwise."""
    words = headline.rstrip(" .").split()
    for i in range(1, min(len(words) - 1, 6)):
        w = words[i]
        if w == "to" and re.fullmatch(r"[a-z]{3,}", words[i + 1]) and i + 2 < len(words):
            return " ".join(words[:i]), gerund(words[i + 1] + "s"), " ".join(words[i + 2:])
        if re.fullmatch(r"[a-z]{3,}s", w) and w not in NOT_VERBS and not w.endswith("ss"):
            if words[i + 1] == "to" or words[i + 1] in BARE_VERBS:
                return None
            return " ".join(words[:i]), gerund(w), " ".join(words[i + 1:])
        if not re.fullmatch(r"[A-Z0-9][\w'’&.-]*", w):
            return None
    return None


def headline_pairs(cases, rng):
    for case in cases:
        headline = case["headline"]
        if not is_nli_case(case["id"]) or headline.endswith("?") or ":" in headline or "," in headline:
            continue
        split = headline_split(headline)
        if not split:
            continue
        subject, verb, rest = split
        # "Exports grow", "Residents club together": a plural noun read as the verb. Keep a
        # 3rd-person verb only when the body uses it as a verb (past or -ing form).
        stem = verb[:-3]
        if not re.search(rf"\b{re.escape(stem)}\w?(ed|ing|d)\b", case["body"], re.I) and f" to {stem}" not in headline:
            continue
        premise = rng.choice(GERUND_FRAMES).format(s=subject, v=verb, o=rest) + rng.choice(SAYS) + "."
        yield {"source": "negated-hedge", "premise": premise, "hypothesis": headline, "label": "neutral",
               "kind": "negated-hedge-headline"}


def lower_first(s):
    return s if re.match(r"[A-Z]{2}|[A-Z][a-z]+ [A-Z]|[A-Z][a-z]{0,3}\. |I\b", s) else s[0].lower() + s[1:]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--per-kind", type=int, default=500)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--cases", nargs="*", default=[], help="folders of editorial cases whose headlines get verb-phrase frames")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    by_kind = {"compress": [], "negation": []}
    with open(args.train, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            kind = row.get("kind")
            if kind in by_kind and 30 <= len(row["premise"]) <= 200 and not FRAMED.search(row["premise"]):
                by_kind[kind].append(row)
    rows = []
    for kind, items in by_kind.items():
        rng.shuffle(items)
        for row in items[:args.per_kind]:
            wrapper = rng.choice(WRAPPERS)
            premise = wrapper.format(s=rng.choice(SUBJECTS), p=lower_first(row["premise"].rstrip(" ."))) + "."
            rows.append({"source": "negated-hedge", "premise": premise, "hypothesis": row["hypothesis"],
                         "label": "neutral", "kind": f"negated-hedge-{kind}"})
    cases = []
    for folder in args.cases:
        for path in sorted(glob.glob(os.path.join(folder, "cases-*.jsonl"))):
            with open(path, encoding="utf-8") as f:
                cases += [json.loads(line) for line in f if line.strip()]
    rows += list(headline_pairs(cases, rng))
    rng.shuffle(rows)
    with open(args.out, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} neutral negated-hedge pairs -> {args.out}")


if __name__ == "__main__":
    main()
