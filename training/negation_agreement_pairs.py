"""NLI pairs where a negation agrees with its complementary opposite: "found not guilty" = "cleared".

The model learnt "not" as the mark of a contradiction (the news-made "negation" pairs add or
remove one and call the result contradicted), so a body that says "the jury found her not guilty"
comes out as contradicting "Care worker cleared". Complementary pairs (win/lose, guilty/innocent,
legal/illegal, survive/die: one is true exactly when the other is false) make that measurable:
"did not survive" entails "died" and contradicts "survived". Pairs are made from news-made
"compress" rows (a body sentence and its headline-style claim) by editing the word the claim
shares with its sentence:
  negated-opposite-premise     premise "... did not survive ...", claim "... died ..."      entailment
  negated-opposite-premise-c   premise "... did not survive ...", claim "... survived ..."  contradiction
  negated-opposite-claim       premise "... died ...",            claim "... did not survive ..." entailment
Gradable opposites (rose/fell, higher/lower) are left out: "did not rise" does not mean "fell".

reproduce.sh builds them from the held-out news-test rows (held-out bodies) as an evaluation set
that evaluate.py reports per kind. Built from the training rows and added to stage 2 they lifted
that set from 34 % to 88-92 % but did not improve the verdict on dev data, so the shipped model is
not trained on them (training/README.md).

Usage: python training/negation_agreement_pairs.py --rows $WORK/data/news-test.jsonl \
         --out $WORK/data/negation-agreement-test.jsonl
"""
import argparse
import json
import random
import re
from collections import Counter

# (base, 3rd person, past, past participle) for each side of a complementary verb pair. "forward":
# only the first is negated into the second ("won" -> "did not lose"); the second has other senses
# ("lost his wife", "the grenade just missed").
VERB_PAIRS = [
    (("win", "wins", "won", "won"), ("lose", "loses", "lost", "lost"), "forward"),
    (("approve", "approves", "approved", "approved"), ("reject", "rejects", "rejected", "rejected")),
    (("accept", "accepts", "accepted", "accepted"), ("refuse", "refuses", "refused", "refused")),
    (("allow", "allows", "allowed", "allowed"), ("ban", "bans", "banned", "banned")),
    (("admit", "admits", "admitted", "admitted"), ("deny", "denies", "denied", "denied")),
    (("survive", "survives", "survived", "survived"), ("die", "dies", "died", "died")),
    (("succeed", "succeeds", "succeeded", "succeeded"), ("fail", "fails", "failed", "failed")),
    (("remember", "remembers", "remembered", "remembered"), ("forget", "forgets", "forgot", "forgotten")),
    (("attend", "attends", "attended", "attended"), ("miss", "misses", "missed", "missed"), "forward"),
    (("convict", "convicts", "convicted", "convicted"), ("acquit", "acquits", "acquitted", "acquitted")),
    (("agree", "agrees", "agreed", "agreed"), ("refuse", "refuses", "refused", "refused")),
]
ADJECTIVE_PAIRS = [
    ("guilty", "innocent"), ("legal", "illegal"), ("safe", "unsafe"), ("alive", "dead"), ("open", "closed"),
    ("true", "false"), ("possible", "impossible"), ("able", "unable"), ("available", "unavailable"),
    ("present", "absent"), ("aware", "unaware"), ("likely", "unlikely"), ("lawful", "unlawful"),
    ("valid", "invalid"), ("eligible", "ineligible"), ("accurate", "inaccurate"), ("fair", "unfair"),
    ("complete", "incomplete"), ("stable", "unstable"), ("sufficient", "insufficient"), ("dry", "wet"),
    ("employed", "unemployed"), ("correct", "wrong"), ("constitutional", "unconstitutional"),
]
FORM_NAMES = ("base", "s3", "past", "pp")
MODALS = {"will", "would", "could", "can", "should", "may", "might", "must"}
COPULA = {"is", "are", "was", "were", "be", "been", "remains", "remained", "stay", "stays", "stayed", "found",
          "declared", "ruled", "deemed", "seems", "seemed", "appears"}
NEGATED = re.compile(r"\b(not|no|never|without|neither|nor|cannot)\b|n['\u2019]t\b", re.I)
AUXILIARIES = {"will", "would", "could", "can", "should", "may", "might", "must", "has", "have", "had", "is", "are",
               "was", "were", "be", "been", "being"}
# "failed to free", "stopped to test": these verbs before "to" are not the outcome itself.
NOT_BEFORE_TO = {"fail", "fails", "failed", "succeed", "succeeds", "succeeded"}
# "passed out", "died away", "attended by thousands", "agreed with": a particle or a passive "by"
# after the verb makes another verb of it; "survived a headshot": with an object, survive and die
# are no longer each other's complement.
PARTICLES = {"out", "away", "with", "off", "up", "down", "over", "through", "on", "by", "in", "into", "back", "of"}
BE = {"is", "are", "was", "were", "be", "been", "being"}
# What may follow them instead ("died at home", "survived and ...").
AFTER_NO_OBJECT = {"", "at", "after", "and", "but", "when", "as", "for", "until", "from", "while"}
NO_OBJECT = {"survive", "die"}


def build_lexicon():
    """word form -> list of (kind, form name, partner tuple or word)."""
    lex = {}
    for a, b, *direction in VERB_PAIRS:
        for mine, other in ((a, b),) if direction else ((a, b), (b, a)):
            for i, name in enumerate(FORM_NAMES):
                lex.setdefault(mine[i], []).append(("verb", name, other))
    for a, b in ADJECTIVE_PAIRS:
        # "able" -> "not unable" is a double negative nobody writes; only "unable" -> "not able".
        if not b.endswith(a):
            lex.setdefault(a, []).append(("adj", None, b))
        lex.setdefault(b, []).append(("adj", None, a))
    return lex


LEXICON = build_lexicon()


def readings(text, m):
    """Ways to negate and to flip the word at match m, as (start, negated text, plain opposite):
    'won' after a noun -> 'did not lose' / 'lost'; 'will be approved' -> 'will not be rejected' (the
    negation goes after the first auxiliary, from start on) / 'will be rejected'."""
    word = m.group(0)
    if word[0].isupper() and m.start() > 0:
        return []  # title case ("Continued Sea Ice Decline"): not read as a verb
    after = text[m.end():m.end() + 4]
    if word.lower() in NOT_BEFORE_TO and after.startswith(" to "):
        return []
    before = list(re.finditer(r"[\w']+", text[:m.start()]))
    prev = before[-1].group(0).lower() if before else ""
    chain = []
    for b in reversed(before):
        if b.group(0).lower() not in AUXILIARIES or b.end() + 1 < (chain[-1].start() if chain else m.start()):
            break
        chain.append(b)
    first_aux = chain[-1] if chain else None

    def after_aux(opposite):
        head = text[first_aux.start():first_aux.end()]
        middle = text[first_aux.end():m.start()]
        return first_aux.start(), f"{head} not{middle}{opposite}", f"{head}{middle}{opposite}"

    next_words = re.findall(r"[\w']+", text[m.end():m.end() + 30].lower())
    following = next_words[0] if next_words else ""
    out = []
    for kind, name, other in LEXICON.get(word.lower(), []):
        if kind == "verb":
            mine = next(a if b == other else b for a, b, *_ in VERB_PAIRS if other in (a, b) and word.lower() in a + b)
            if following in PARTICLES or mine[0] in NO_OBJECT and following not in AFTER_NO_OBJECT:
                continue
            # "refused to pay" is "did not agree to pay"; "refused the offer" is "did not accept the offer".
            if other[0] == "accept" and following == "to" or other[0] == "agree" and following != "to":
                continue
            if mine[0] == "agree" and following != "to":
                continue
        if kind == "adj":
            if prev in COPULA and prev not in AUXILIARIES:
                out.append((m.start(), f"not {other}", other))
            elif first_aux and prev in BE:
                out.append(after_aux(other))
            continue
        forms = dict(zip(FORM_NAMES, other))
        if name == "base" and first_aux and first_aux.group(0).lower() in MODALS:
            out.append(after_aux(forms["base"]))
        elif name == "pp" and first_aux:
            out.append(after_aux(forms["pp"]))
        elif name == "past" and not chain and prev not in {"the", "a", "an", "to"}:
            out.append((m.start(), f"did not {forms['base']}", forms["past"]))
        elif name == "s3" and not chain and prev not in {"the", "a", "an", "to"}:
            out.append((m.start(), f"does not {forms['base']}", forms["s3"]))
    return out


def keep_case(original, replacement):
    return replacement[0].upper() + replacement[1:] if original[0].isupper() else replacement


def pairs_for_row(row, rng):
    premise, claim = row["premise"], row["hypothesis"]
    if NEGATED.search(premise) or NEGATED.search(claim):
        return []
    shared = [m for m in re.finditer(r"[A-Za-z]+", claim) if m.group(0).lower() in LEXICON
              and re.search(rf"\b{re.escape(m.group(0))}\b", premise, re.I)]
    rng.shuffle(shared)
    for m in shared:
        pm = re.search(rf"\b{re.escape(m.group(0))}\b", premise, re.I)
        in_claim, in_premise = readings(claim, m), readings(premise, pm)
        if not in_claim or not in_premise:
            continue
        p_start, neg_p, _ = rng.choice(in_premise)
        c_start, neg_c, plain_c = rng.choice(in_claim)
        new_premise = premise[:p_start] + keep_case(premise[p_start:], neg_p) + premise[pm.end():]
        negated_claim = claim[:c_start] + keep_case(claim[c_start:], neg_c) + claim[m.end():]
        flipped_claim = claim[:c_start] + keep_case(claim[c_start:], plain_c) + claim[m.end():]
        base = {"source": "negation-agreement", "body": row.get("body")}
        return [
            {**base, "premise": new_premise, "hypothesis": claim, "label": "entailment", "kind": "negated-opposite-premise"},
            {**base, "premise": new_premise, "hypothesis": flipped_claim, "label": "contradiction",
             "kind": "negated-opposite-premise-c"},
            {**base, "premise": premise, "hypothesis": negated_claim, "label": "entailment", "kind": "negated-opposite-claim"},
        ]
    return []


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", required=True, help="a JSONL of pairs written by prepare_data.py")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    rows, seen = [], set()
    with open(args.rows, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row.get("source") != "news-made" or row.get("kind") not in ("compress", "compress-window"):
                continue
            if (row["premise"], row["hypothesis"]) in seen:
                continue
            seen.add((row["premise"], row["hypothesis"]))
            rows += pairs_for_row(row, rng)
    rng.shuffle(rows)
    with open(args.out, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} negation-agreement pairs -> {args.out}: {dict(Counter(row['kind'] for row in rows))}")


if __name__ == "__main__":
    main()
