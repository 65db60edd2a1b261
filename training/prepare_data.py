"""Build the NLI training / dev / test pairs for headcheck's bundled model.

Reads ../shared/data (never copied into the repo) and writes JSONL files of
{source, premise, hypothesis, label} into --out (outside the repo).
label is entailment / neutral / contradiction, or not_entailment for 2-way
sets (the trainer spreads that over neutral + contradiction).

Usage: python training/prepare_data.py --data ../shared/data --out /tmp/headcheck-data --seed 13
"""
import argparse
import csv
import gzip
import hashlib
import io
import json
import math
import os
import random
import re
import zipfile
from collections import Counter, defaultdict

import news_pairs
from text_rules import split_sentences

csv.field_size_limit(1 << 24)

# --- sentence splitting and relevance, mirroring the checker's granularity ---------------

STOPWORDS = set("""a an the of to in on at for by with from and or but is are was were be been
being it its this that these those as has have had he she they we you i his her their our
not no will would can could may might should says said say after over into about than
than up out more new""".split())


def tokens(text):
    return [t for t in re.findall(r"[a-z0-9]+", text.lower()) if t not in STOPWORDS]


def premises(sentences):
    """Single sentences and windows of 2 adjacent sentences, as the checker scores them."""
    items = [s for s in sentences]
    items += [sentences[i] + " " + sentences[i + 1] for i in range(len(sentences) - 1)]
    return items


def bm25_rank(query, docs, k1=1.2, b=0.75):
    doc_tokens = [tokens(d) for d in docs]
    n = len(docs)
    avg = sum(len(d) for d in doc_tokens) / max(n, 1)
    df = Counter(t for d in doc_tokens for t in set(d))
    q = set(tokens(query))
    scores = []
    for i, d in enumerate(doc_tokens):
        tf = Counter(d)
        s = 0.0
        for t in q:
            if t in tf:
                idf = math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5))
                s += idf * tf[t] * (k1 + 1) / (tf[t] + k1 * (1 - b + b * len(d) / avg))
        scores.append(s)
    return sorted(range(n), key=lambda i: -scores[i]), scores


# --- sources ------------------------------------------------------------------------------

def load_unified(data):
    rows = []
    with open(os.path.join(data, "unified", "nli.jsonl"), encoding="utf-8") as f:
        for line in f:
            rows.append(json.loads(line))
    return rows


def load_commitmentbank(data):
    """Speaker commitment to the embedded clause: strongly positive mean = entailment,
    strongly negative = contradiction, near zero = neutral (the hedge pattern)."""
    out = []
    path = os.path.join(data, "commitmentbank", "CommitmentBank-items.csv")
    with open(path, encoding="utf-8", errors="replace") as f:
        for row in csv.DictReader(f):
            try:
                mean = float(row["Mean"])
            except (KeyError, ValueError):
                continue
            premise, hypothesis = row["Target"].strip(), row["Prompt"].strip()
            if not premise or not hypothesis:
                continue
            if mean >= 2.0:
                label = "entailment"
            elif mean <= -2.0:
                label = "contradiction"
            elif abs(mean) <= 0.8:
                label = "neutral"
            else:
                continue
            out.append({"source": "commitmentbank", "premise": premise,
                        "hypothesis": hypothesis[0].upper() + hypothesis[1:], "label": label})
    return out


def load_fnc(data):
    with zipfile.ZipFile(os.path.join(data, "fnc-1", "train_stances.csv.zip")) as z:
        stances = list(csv.DictReader(io.TextIOWrapper(z.open("train_stances.csv"), encoding="utf-8")))
    with open(os.path.join(data, "fnc-1", "train_bodies.csv"), encoding="utf-8") as f:
        bodies = {int(r["Body ID"]): r["articleBody"] for r in csv.DictReader(f)}

    def ids(name):
        with open(os.path.join(data, "fnc-1", "splits", name), encoding="utf-8") as f:
            return {int(x) for x in f.read().split()}

    return stances, bodies, ids("training_ids.txt"), ids("hold_out_ids.txt")


FNC_LABEL = {"agree": "entailment", "disagree": "contradiction", "discuss": "neutral", "unrelated": "neutral"}


def fnc_pairs(stances, bodies, train_ids, rng, caps):
    """Headline vs its best-matching premises. agree: the top premise entails the headline;
    discuss / unrelated: the top two are neutral; disagree: the top premise contradicts."""
    split_cache = {}
    by_stance = defaultdict(list)
    for r in stances:
        bid = int(r["Body ID"])
        if bid in train_ids:
            by_stance[r["Stance"]].append(r)
    out = []
    for stance, rows in by_stance.items():
        rng.shuffle(rows)
        for r in rows[: caps[stance]]:
            bid = int(r["Body ID"])
            if bid not in split_cache:
                split_cache[bid] = premises(split_sentences(bodies[bid]))
            prem = split_cache[bid]
            if not prem:
                continue
            order, _ = bm25_rank(r["Headline"], prem)
            take = 2 if stance in ("discuss", "unrelated") else 1
            for i in order[:take]:
                out.append({"source": "fnc-1", "premise": prem[i], "hypothesis": r["Headline"],
                            "label": FNC_LABEL[stance]})
    return out


# --- synthetic overstatement pairs ------------------------------------------------------

HEDGE_WRAPPERS = [
    "It is possible that {p}", "Officials are investigating whether {p}",
    "Some reports claim that {p}", "A rival alleged that {p}", "Early results suggest that {p}",
    "It is not yet clear whether {p}", "It has not been confirmed that {p}",
    "There is speculation that {p}", "Critics claim that {p}", "Sources say it may be that {p}",
    "The company is considering whether {p}", "Police are looking into claims that {p}",
    "Witnesses said they believed {p}", "A preliminary report suggests that {p}",
    "Nobody has ruled out that {p}", "Analysts think it could turn out that {p}",
]
HEDGE_SUFFIXES = [", according to unconfirmed reports.", ", a rival claimed.", ", some critics allege.",
                  ", a leaked draft suggests.", ", early figures indicate.", ", it was rumoured."]

NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "twelve": 12, "twenty": 20, "hundred": 100}


def lower_first(s):
    first = s.split(" ", 1)[0]
    return s if len(first) > 1 and first.isupper() else s[:1].lower() + s[1:]


def synthetic_pairs(entailed, rng, n_hedge, n_keep, n_number):
    """entailed: (premise, hypothesis) single-sentence pairs labelled entailment."""
    out = []
    pool = [p for p in entailed if len(p[0]) < 220]
    rng.shuffle(pool)
    for premise, hypothesis in pool[:n_hedge]:
        core = premise.rstrip(" .")
        if rng.random() < 0.75:
            wrapped = rng.choice(HEDGE_WRAPPERS).format(p=lower_first(core)) + "."
        else:
            wrapped = core + rng.choice(HEDGE_SUFFIXES)
        out.append({"source": "synthetic-hedge", "premise": wrapped, "hypothesis": hypothesis,
                    "label": "neutral"})
    # The same wrapper on both sides keeps the entailment: an attributed headline is fine.
    for premise, hypothesis in pool[n_hedge:n_hedge + n_keep]:
        wrapper = rng.choice(["Police said {p}", "Critics claim that {p}", "Researchers say {p}",
                              "A rival alleged that {p}", "Officials confirmed that {p}"])
        out.append({"source": "synthetic-attributed", "premise": wrapper.format(p=lower_first(premise.rstrip(" ."))) + ".",
                     "hypothesis": wrapper.format(p=lower_first(hypothesis.rstrip(" ."))), "label": "entailment"})
    made = 0
    for premise, hypothesis in pool[n_hedge + n_keep:]:
        if made >= n_number:
            break
        m = re.search(r"\b(\d+(?:,\d{3})*|" + "|".join(NUMBER_WORDS) + r")\b", hypothesis, re.I)
        if not m:
            continue
        word = m.group(1)
        value = NUMBER_WORDS.get(word.lower()) or int(word.replace(",", ""))
        if str(value) not in premise and word.lower() not in premise.lower():
            continue
        bigger = value * rng.choice([3, 10, 100]) if value > 0 else 50
        hyp = hypothesis[: m.start()] + f"{bigger:,}" + hypothesis[m.end():]
        out.append({"source": "synthetic-number", "premise": premise, "hypothesis": hyp,
                    "label": "contradiction"})
        made += 1
    return out


# --- assembly ----------------------------------------------------------------------------

# Licences that allow training a model shipped under Apache-2.0. CC BY-NC (xnli-en, anli) and
# C-UDA (taxinli) sets are evaluation only.
TRAINABLE_LICENCES = {"none stated", "MIT", "Apache-2.0", "CC BY-SA 3.0", "CC BY-SA 4.0", "MNLI's own terms"}
EVAL_ONLY = {"xnli-en", "anli", "taxinli"}


def load_unified_gz(data):
    with gzip.open(os.path.join(data, "unified", "nli.jsonl.gz"), "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def stable_bucket(text, n=10):
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--out", default="/tmp/headcheck-data")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--snli-holdout", type=int, default=2000)
    ap.add_argument("--news-train", type=int, default=100000, help="news-made pairs mixed into training")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)

    unified = load_unified_gz(args.data)
    train, dev, test = [], [], defaultdict(list)
    snli = [r for r in unified if r["source"] == "snli"]
    rng.shuffle(snli)
    test["snli-heldout"] += snli[: args.snli_holdout]
    train += snli[args.snli_holdout:]
    # Subsample the large rule-made sets so they do not drown the human-written ones.
    keep_share = {"help-monotonicity": 0.3, "breaking-nli": 0.5, "conjnli": 0.55}

    for r in unified:
        src, split = r["source"], r["split"]
        if src == "snli":
            continue
        if src in EVAL_ONLY or r["licence"] not in TRAINABLE_LICENCES:
            name = {"xnli-en": f"xnli-{split}", "anli": "anli-dev", "taxinli": "mnli-taxinli"}.get(src, src)
            test[name].append(r)
            continue
        if src == "sick":
            (test["sick-test"] if split == "test" else train).append(r)
        elif src == "mnli-mismatched-hard":
            # A fixed 40 % (by hash of the pair) is held out as the MNLI test slice.
            (test["mnli-hard-heldout"] if stable_bucket(r["premise"] + r["hypothesis"]) < 4 else train).append(r)
        elif src == "conjnli" and split == "dev":
            test["conjnli-dev"].append(r)
        elif src in ("healthver", "emergent", "fever-symmetric") and split == "test":
            dev.append(r)
        elif src in ("rte", "rte-covidfact", "rte-scifact") and split == "dev":
            dev.append(r)
        elif rng.random() < keep_share.get(src, 1.0):
            train.append(r)

    # Climate-FEVER is mostly NOT_ENOUGH_INFO: keep every labelled pair, a third of the rest.
    train = [r for r in train if not (r["source"] == "climate-fever" and r["label"] == "neutral"
                                      and rng.random() > 0.35)]
    train += load_commitmentbank(args.data)

    stances, bodies, train_ids, hold_ids = load_fnc(args.data)
    assert not train_ids & hold_ids, "FNC-1 splits overlap"
    train += fnc_pairs(stances, bodies, train_ids, rng,
                       caps={"agree": 3000, "disagree": 800, "discuss": 2200, "unrelated": 1800})

    news_train, news_test = news_pairs.build(args.data, args.seed)
    rng.shuffle(news_train)
    train += news_train[: args.news_train]
    test["news-test"] = news_test

    rng.shuffle(train)
    keep = ("source", "premise", "hypothesis", "label", "kind")

    def write(name, rows):
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps({k: r[k] for k in keep if k in r}, ensure_ascii=False) + "\n")

    write("train.jsonl", train)
    write("dev.jsonl", dev)
    for name, rows in test.items():
        write(f"{name}.jsonl", rows)
    with open(os.path.join(args.out, "fnc_holdout_ids.txt"), "w") as f:
        f.write("\n".join(str(i) for i in sorted(hold_ids)))
    summary = Counter((r["source"], r["label"]) for r in train)
    print(f"train {len(train)}  dev {len(dev)}  " + "  ".join(f"{k} {len(v)}" for k, v in test.items()))
    for (src, label), n in sorted(summary.items()):
        print(f"  {src:22s} {label:15s} {n}")


if __name__ == "__main__":
    main()
