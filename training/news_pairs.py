"""Labelled NLI pairs made from news bodies: premise = a body sentence (or a two-sentence window),
hypothesis = a headline-style claim made from it, labelled by how the claim was made.

Bodies: FNC-1 training bodies, ARC bodies, Climate-FEVER evidence (grouped by article), Emergent
article headlines (grouped by claim). Split by body: FNC-1 hold-out bodies and 1 body in 10 of the
rest (by a stable hash of its key) are test; no body is on both sides.

Usage (called by prepare_data.py, or alone to inspect):
  python training/news_pairs.py --data ../shared/data --out /tmp/news --seed 13
"""
import argparse
import csv
import hashlib
import io
import json
import os
import random
import re
import zipfile
from collections import Counter, defaultdict

from text_rules import (ANTONYMS, CONDITION_CLAUSES, HEDGE_WRAPPERS, SOURCE_WRAPPERS, WEAK_SOURCE_RE,
                        compress, inflect_past, inflect_present, number_to_words, split_sentences,
                        word_to_number)

csv.field_size_limit(1 << 24)


# --- bodies ------------------------------------------------------------------------------

def fnc_bodies(data):
    with open(os.path.join(data, "fnc-1", "train_bodies.csv"), encoding="utf-8") as f:
        bodies = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(f)}
    with open(os.path.join(data, "fnc-1", "splits", "hold_out_ids.txt"), encoding="utf-8") as f:
        hold = set(f.read().split())
    for bid, text in bodies.items():
        yield f"fnc:{bid}", split_sentences(text), bid in hold


def arc_bodies(data):
    with open(os.path.join(data, "arc", "arc_bodies.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            yield f"arc:{r['Body ID']}", split_sentences(r["articleBody"]), None


def climate_fever_bodies(data):
    groups = defaultdict(list)
    with open(os.path.join(data, "climate-fever", "climate-fever.jsonl"), encoding="utf-8") as f:
        for line in f:
            for ev in json.loads(line)["evidences"]:
                s = ev["evidence"].strip()
                if s not in groups[ev["article"]]:
                    groups[ev["article"]].append(s)
    for article, sents in groups.items():
        yield f"cf:{article}", sents, None


def emergent_bodies(data):
    groups = defaultdict(list)
    with open(os.path.join(data, "emergent", "url-versions-2015-06-14-clean.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            h = r["articleHeadline"].strip()
            if h and h not in groups[r["claimId"]]:
                groups[r["claimId"]].append(h)
    for claim, sents in groups.items():
        yield f"em:{claim}", sents, None


def is_test(key, hold):
    if hold is not None:
        return hold
    return int(hashlib.sha1(key.encode()).hexdigest(), 16) % 10 == 0


def usable(s):
    if not 30 <= len(s) <= 260 or s.endswith("?") or s.count('"') % 2:
        return False
    letters = sum(c.isalpha() for c in s)
    return letters > 0.7 * len(s.replace(" ", "")) and len(s.split()) >= 6


# --- transformations: each returns (hypothesis, label) or None ----------------------------

HEDGE_IN_SENTENCE = re.compile(
    r"\b(may|might|could|would|plans? to|planning to|is considering|are considering|considering|in talks|"
    r"expected to|likely to|set to|hopes? to|aims? to|seeks? to|wants? to|intends? to|proposed?|"
    r"reportedly|allegedly|alleged|rumou?red|suggests?|possibly|perhaps|rule out|weighing|if|unless)\b", re.I)
MODAL_VERB = re.compile(
    r"\b(may|might|could|will|would|(?:is|are) (?:expected|likely|set|due|poised) to|plans? to|"
    r"(?:is|are) planning to|hopes? to|aims? to|seeks? to|wants? to|intends? to)\s+(?:soon\s+)?([a-z]+)\b")
SCOPE_NOUN = re.compile(r"(?<!than )(?<!of )\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,3}|some|several|many|a few)\s+"
                        r"([a-z]+s)\b", re.I)
FIGURE = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w,]*\d)")
RISE_BY = re.compile(r"\b(rose|increased|grew|climbed|jumped|went up)\s+(?:by\s+)?(\d+(?:\.\d+)?)\s*(%|per ?cent|percent)", re.I)
PROPER = re.compile(r"(?<!^)(?<![.!?] )\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)\b")
NEGATABLE = re.compile(r"\b(is|are|was|were|has|have|had|will|can|did|does|do|should)\b(\s+not\b|n't\b)?")
ASYMMETRIC = re.compile(r"^(.*?\b)([A-Z][a-z]+(?: [A-Z][a-z]+)*) (beat|defeated|sued|attacked|acquired|bought|"
                        r"arrested|accused|fired|hired|criticised|criticized|blamed|killed|overtook|replaced) "
                        r"([A-Z][a-z]+(?: [A-Z][a-z]+)*)\b(.*)$")


def t_compress(s, ctx, rng):
    c = compress(s, rng)
    if c and WEAK_SOURCE_RE.search(s) and not WEAK_SOURCE_RE.search(c):
        return c, "neutral", "source-dropped"
    if c and re.search(r"\b(if|unless|as long as|provided)\b", s) and not re.search(r"\b(if|unless|as long as|provided)\b", c):
        return c, "neutral", "condition-dropped"
    return (c, "entailment", "compress") if c else None


def t_numbers(s, ctx, rng):
    c = compress(s, rng, keep_source=True)
    if not c:
        return None
    m = re.search(r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|a dozen|hundred)\b", c, re.I)
    if m and word_to_number(m.group(1)) is not None:
        return c[:m.start()] + str(word_to_number(m.group(1))) + c[m.end():], "entailment", "number-words"
    m = re.search(r"(?<![\w.,])([2-9]|1[0-2])(?![\w.,%])", c)
    if m:
        return c[:m.start()] + number_to_words(int(m.group(1))) + c[m.end():], "entailment", "number-words"
    return None


def t_keep_hedge(s, ctx, rng):
    """The body's own hedge or source kept in the claim: still entailed."""
    if not HEDGE_IN_SENTENCE.search(s) and not WEAK_SOURCE_RE.search(s):
        return None
    c = compress(s, rng, keep_source=True)
    return (c, "entailment", "hedge-kept") if c and HEDGE_IN_SENTENCE.search(c) or (c and WEAK_SOURCE_RE.search(c)) else None


def t_hedge_dropped(s, ctx, rng):
    c = compress(s, rng, keep_source=True)
    if not c:
        return None
    m = MODAL_VERB.search(c)
    if not m or m.group(1) == "will" and rng.random() < 0.5:
        return None
    subject = c[:m.start()].strip()
    verb = inflect_past(m.group(2)) if rng.random() < 0.5 else inflect_present(m.group(2), subject)
    if not verb:
        return None
    claim = (c[:m.start()] + verb + c[m.end():]).strip()
    kind = "planned-as-done" if m.group(1) == "will" or "plan" in m.group(1) or "set" in m.group(1) else "hedge-dropped"
    return claim, "neutral", kind


def t_negate(s, ctx, rng):
    c = compress(s, rng)
    if not c or HEDGE_IN_SENTENCE.search(c) or re.search(r"\b(not|never|no)\b", c) and rng.random() < 0.5:
        return None
    m = NEGATABLE.search(c)
    if not m:
        return None
    if m.group(2):
        out = c[:m.start()] + m.group(1) + c[m.end():]
    else:
        out = c[:m.end()] + " not" + c[m.end():]
    return out, "contradiction", "negation"


def t_reverse(s, ctx, rng):
    c = compress(s, rng)
    if not c or HEDGE_IN_SENTENCE.search(c):
        return None
    words = list(re.finditer(r"\b[\w']+(?: without charge| off| ahead)?\b", c))
    hits = [(m, ANTONYMS[m.group(0).lower()]) for m in words if m.group(0).lower() in ANTONYMS]
    if not hits:
        return None
    m, opposite = rng.choice(hits)
    return c[:m.start()] + opposite + c[m.end():], "contradiction", "reversal"


def t_other_entity(s, ctx, rng):
    c = compress(s, rng)
    if not c:
        return None
    mine = [m for m in PROPER.finditer(c) if m.start() > 0]
    others = sorted({m.group(1) for o in ctx if o != s for m in PROPER.finditer(o)} - set(PROPER.findall(s)))
    others = [o for o in others if len(o) > 3 and o not in ("The", "This", "But", "However", "In", "On")]
    if not mine or not others:
        return None
    m = rng.choice(mine)
    return c[:m.start()] + rng.choice(others) + c[m.end():], "contradiction", "other-entity"


def t_role_swap(s, ctx, rng):
    c = compress(s, rng)
    m = ASYMMETRIC.match(c or "")
    if not m or m.group(2) == m.group(4):
        return None
    return f"{m.group(1)}{m.group(4)} {m.group(3)} {m.group(2)}{m.group(5)}", "contradiction", "role-swap"


def t_scope(s, ctx, rng):
    c = compress(s, rng, keep_source=True)
    m = SCOPE_NOUN.search(c or "")
    if not m:
        return None
    widened = rng.choice(["all", "every one of the"]) if m.group(1).lower() != "all" else None
    if not widened:
        return None
    return c[:m.start()] + f"{widened} {m.group(2)}" + c[m.end():], "neutral", "scope-widened"


def t_inflate(s, ctx, rng):
    c = compress(s, rng, keep_source=True)
    if not c:
        return None
    m = RISE_BY.search(c)
    if m and float(m.group(2)) < 50 and rng.random() < 0.5:
        return c[:m.start()] + rng.choice(["doubled", "tripled", "soared"]) + c[m.end():], "neutral", "figure-inflated"
    nums = [x for x in FIGURE.finditer(c) if not re.fullmatch(r"(19|20)\d\d", x.group(1))
            and not c[:x.start()].endswith(", ") and not (c[x.end():].lstrip().startswith(("%", "per")) and float(x.group(1).replace(",", "")) > 30)]
    if not nums:
        return None
    m = rng.choice(nums)
    value = float(m.group(1).replace(",", ""))
    if value <= 0:
        return None
    bigger = value * rng.choice([2, 3, 5, 10, 100])
    text = f"{bigger:,.0f}" if bigger >= 1000 or bigger == int(bigger) else f"{bigger:g}"
    return c[:m.start()] + text + c[m.end():], "neutral", "figure-inflated"


def t_unrelated_topic(s, ctx, rng):
    """Another sentence of the same body, far from this one: on topic, not stated here."""
    far = [o for o in ctx if o != s and abs(ctx.index(o) - ctx.index(s)) >= 3 and usable(o)]
    if not far:
        return None
    c = compress(rng.choice(far), rng)
    if not c:
        return None
    shared = set(re.findall(r"[a-z]{4,}", c.lower())) & set(re.findall(r"[a-z]{4,}", s.lower()))
    return (c, "neutral", "on-topic-other") if len(shared) <= 2 else None


PREMISE_EDITS = ("wrap-hedge", "wrap-source", "add-condition")


def premise_edit(s, rng, kind):
    """Hedge, source or condition added to the premise; the claim stays the bare statement."""
    core = s.rstrip(" .")
    core_lc = core[0].lower() + core[1:] if not re.match(r"[A-Z]{2}|[A-Z][a-z]+ [A-Z]", core) else core
    if kind == "wrap-hedge":
        return rng.choice(HEDGE_WRAPPERS).format(p=core_lc) + "."
    if kind == "wrap-source":
        return rng.choice(SOURCE_WRAPPERS).format(p=core_lc) + "."
    return core + ", " + rng.choice(CONDITION_CLAUSES) + "."


TRANSFORMS = {
    "compress": t_compress, "number-words": t_numbers, "hedge-kept": t_keep_hedge,
    "hedge-dropped": t_hedge_dropped, "negation": t_negate, "reversal": t_reverse,
    "other-entity": t_other_entity, "role-swap": t_role_swap, "scope-widened": t_scope,
    "figure-inflated": t_inflate, "on-topic-other": t_unrelated_topic,
}
# Rare transformations are tried on every sentence; common ones on a share, to balance labels.
TRY_RATE = {"compress": 1.0, "number-words": 1.0, "hedge-kept": 1.0, "hedge-dropped": 1.0, "negation": 0.5,
            "reversal": 1.0, "other-entity": 0.45, "role-swap": 1.0, "scope-widened": 1.0,
            "figure-inflated": 1.0, "on-topic-other": 0.4}


def pairs_for_body(key, sents, rng, all_claims):
    sents = [s for s in sents if s.strip()]
    out = []
    for i, s in enumerate(sents):
        if not usable(s):
            continue
        for name, fn in TRANSFORMS.items():
            if rng.random() > TRY_RATE[name]:
                continue
            premise = s
            if len(sents) > 1 and rng.random() < 0.3:
                j = i - 1 if i > 0 and (i == len(sents) - 1 or rng.random() < 0.5) else i + 1
                premise = (sents[j] + " " + s) if j < i else (s + " " + sents[j])
            made = fn(s, sents, rng)
            if made and made[0] and made[0].lower().rstrip(".") != s.lower().rstrip("."):
                out.append({"premise": premise, "hypothesis": made[0], "label": made[1], "kind": made[2]})
        if rng.random() < 0.45 and not HEDGE_IN_SENTENCE.search(s):
            claim = compress(s, rng)
            if claim:
                kind = rng.choice(PREMISE_EDITS)
                out.append({"premise": premise_edit(s, rng, kind), "hypothesis": claim, "label": "neutral", "kind": kind})
        if rng.random() < 0.3 and not HEDGE_IN_SENTENCE.search(s):
            claim = compress(s, rng)
            if claim:
                wrapper = rng.choice(SOURCE_WRAPPERS + HEDGE_WRAPPERS)
                both = wrapper.format(p=claim[0].lower() + claim[1:] if not re.match(r"[A-Z]{2}|[A-Z][a-z]+ [A-Z]", claim) else claim)
                out.append({"premise": wrapper.format(p=s.rstrip(" .")) + ".",
                            "hypothesis": both, "label": "entailment", "kind": "frame-kept"})
        if rng.random() < 0.5 and len(sents) > 1:
            claim = compress(s, rng)
            j = i + 1 if i + 1 < len(sents) else i - 1
            if claim:
                window = (s + " " + sents[j]) if j > i else (sents[j] + " " + s)
                out.append({"premise": window, "hypothesis": claim, "label": "entailment", "kind": "compress-window"})
        if rng.random() < 0.12 and all_claims:
            out.append({"premise": premise, "hypothesis": rng.choice(all_claims), "label": "neutral",
                        "kind": "off-topic"})
    for r in out:
        r["source"] = "news-made"
        r["body"] = key
    return out


def build(data, seed):
    rng = random.Random(seed)
    bodies = []
    for gen in (fnc_bodies, arc_bodies, climate_fever_bodies, emergent_bodies):
        bodies += list(gen(data))
    claim_rng = random.Random(seed + 1)
    claims = {"train": [], "test": []}
    for key, sents, hold in bodies:
        side = "test" if is_test(key, hold) else "train"
        for s in sents[:6]:
            if usable(s):
                c = compress(s, claim_rng)
                if c:
                    claims[side].append(c)
    train, test = [], []
    for key, sents, hold in bodies:
        side = "test" if is_test(key, hold) else "train"
        (test if side == "test" else train).extend(pairs_for_body(key, sents, rng, claims[side]))
    return train, test


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--out", default="/tmp/news-pairs")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    train, test = build(args.data, args.seed)
    for name, rows in (("news-train.jsonl", train), ("news-test.jsonl", test)):
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"train {len(train)} test {len(test)}")
    for (kind, label), n in sorted(Counter((r["kind"], r["label"]) for r in train).items()):
        print(f"  {kind:18s} {label:14s} {n}")


if __name__ == "__main__":
    main()
