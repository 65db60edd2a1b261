"""Dev-data cross-validation of the learned verdict: how model and verdict candidates were
compared (the model card's and training/README.md's "dev CV" figures).

Reads the feature files that fit-verdict.mjs caches in its --work folder (run it first, into an
empty folder, with the candidate model), then, for each of three groups of hand-written dev cases
(the editorial suite's dev half, the verdict-third cases the NLI model never saw, the verdict-only
cases), fits a class-balanced multinomial logistic regression on everything except one half of
that group and predicts that half; both halves, for each split salt. The weights per group follow
reproduce.sh (news 1, editorial 1, suite 4, verdict-only 4). scikit-learn's regularised fit stands
in for fit-verdict.mjs's own, so the figures compare candidates; they are not the shipped fit's.

Usage: python training/cv_verdict.py --work /tmp/vfit-candidate [--salts a,b,c,d]
       [--exclude REGEX] [--train-only REGEX]
--exclude drops the cases whose id matches from every fit; --train-only keeps them in every fit
but never predicts them: the two together tell whether a new batch of cases helps the others.
"""
import argparse
import hashlib
import json
import os
import re

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

CLASSES = ["supported", "overstated", "contradicted", "unsupported"]
# fit-verdict.mjs's file stem for each group, and its weight in the fit.
GROUPS = {"news": ("news", 1.0), "editorial": ("editorial", 1.0), "suite": ("suite", 4.0), "verdict-only": ("verdict-cases", 4.0)}
REPORTED = ["suite", "editorial", "verdict-only"]


def load(work, group, exclude=None):
    stem = GROUPS[group][0]
    rows = []
    with open(os.path.join(work, f"{stem}.predictions.jsonl"), encoding="utf-8") as f:
        for line in f:
            p = json.loads(line)
            features = p["decisionInput"]["features"]
            if len(features) != 1:  # multi-claim headlines: the fit uses single-claim rows only
                continue
            if exclude and exclude.search(p["id"]):
                continue
            # Split keys as in the published comparisons (the verdict-only round was "r5", its fifth).
            key = f"{'r5' if group == 'verdict-only' else group}:{p['id']}"
            rows.append((key, list(features[0].values()), CLASSES.index(p["expected"])))
    return rows


def half(key, salt):
    return int(hashlib.sha1((salt + key).encode()).hexdigest()[:8], 16) % 2


def cross_validate(data, group, salt, c, train_only=None):
    """Accuracy of out-of-fold predictions on one group, the rest always in training."""
    right = total = 0
    for fold in range(2):
        train, test = [], []
        for g, rows in data.items():
            for key, x, y in rows:
                if g == group and half(key, salt) == fold and not (train_only and train_only.search(key.split(":", 1)[1])):
                    test.append((x, y))
                else:
                    train.append((x, y, GROUPS[g][1]))
        X = np.array([r[0] for r in train])
        Y = np.array([r[1] for r in train])
        W = np.array([r[2] for r in train], float)
        balance = np.array([len(Y) / len(CLASSES) / W[Y == k].sum() for k in range(len(CLASSES))])
        scaler = StandardScaler().fit(X)
        model = LogisticRegression(C=c, max_iter=5000).fit(scaler.transform(X), Y, sample_weight=W * balance[Y])
        predicted = model.predict(scaler.transform(np.array([x for x, _ in test])))
        right += int(sum(p == y for p, (_, y) in zip(predicted, test)))
        total += len(test)
    return right, total


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", required=True, help="a fit-verdict.mjs --work folder")
    ap.add_argument("--salts", default="a,b,c,d", help="one 2-fold split per salt; figures are averaged")
    ap.add_argument("--C", type=float, default=0.1, help="inverse L2 strength of the logistic regression")
    ap.add_argument("--exclude", type=re.compile, help="ids (regex) left out of every fit")
    ap.add_argument("--train-only", type=re.compile, help="ids (regex) always fitted on, never predicted")
    args = ap.parse_args()
    data = {g: load(args.work, g, args.exclude) for g in GROUPS}
    sums = {g: [0, 0] for g in REPORTED}
    for salt in args.salts.split(","):
        line = []
        for g in REPORTED:
            right, total = cross_validate(data, g, salt, args.C, args.train_only)
            sums[g][0] += right
            sums[g][1] += total
            line.append(f"{g} {100 * right / total:.1f}%")
        print(f"split {salt}: " + " | ".join(line))
    pooled = sum(s[0] for s in sums.values()) / sum(s[1] for s in sums.values())
    print("mean: " + " | ".join(f"{g} {100 * s[0] / s[1]:.1f}% (n={s[1] // len(args.salts.split(','))})" for g, s in sums.items())
          + f" | all {100 * pooled:.1f}%")


if __name__ == "__main__":
    main()
