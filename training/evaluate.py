"""Accuracy of the exported model, fp32 and int8, on the held-out NLI sets, and how often
the two agree. 2-way sets count a prediction of neutral or contradiction as not_entailment.

Usage: python training/evaluate.py --data /tmp/headcheck-data --model models/headcheck-nli-minilm-l6 \
           --fp32 /tmp/headcheck-train/model.onnx --out /tmp/headcheck-train/nli-eval.json
"""
import argparse
import json
import os
import time

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

LABELS = ["entailment", "neutral", "contradiction"]


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def batch_logits(session, tokenizer, rows, max_len=128, batch=64):
    """Yields (row indices, logits) for length-sorted batches of (premise, hypothesis) rows."""
    tokenizer.enable_truncation(max_len, strategy="only_first")
    order = sorted(range(len(rows)), key=lambda i: len(rows[i]["premise"]) + len(rows[i]["hypothesis"]))
    for start in range(0, len(order), batch):
        idx = order[start:start + batch]
        enc = tokenizer.encode_batch([(rows[i]["premise"], rows[i]["hypothesis"]) for i in idx])
        width = max(len(e.ids) for e in enc)
        ids = np.zeros((len(idx), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        types = np.zeros_like(ids)
        for r, e in enumerate(enc):
            ids[r, :len(e.ids)] = e.ids
            mask[r, :len(e.ids)] = 1
            types[r, :len(e.ids)] = e.type_ids
        yield idx, session.run(["logits"], {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})[0]


def predict(session, tokenizer, rows, max_len=128, batch=64):
    out = [None] * len(rows)
    for idx, logits in batch_logits(session, tokenizer, rows, max_len, batch):
        for r, i in enumerate(idx):
            out[i] = int(np.argmax(logits[r]))
    return out


def accuracy(rows, preds):
    ok = 0
    for r, p in zip(rows, preds):
        if r["label"] == "not_entailment":
            ok += p != 0
        else:
            ok += LABELS[p] == r["label"]
    return ok / max(len(rows), 1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/tmp/headcheck-data")
    ap.add_argument("--model", default="models/headcheck-nli-minilm-l6")
    ap.add_argument("--fp32", default="/tmp/headcheck-train/model.onnx")
    ap.add_argument("--out", default=None)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="first N pairs of each set (smoke runs)")
    ap.add_argument("--fp32-limit", type=int, default=1000, help="fp32 comparison on the first N pairs of each set (0 = all)")
    ap.add_argument("--sets", nargs="+", default=["snli-heldout", "mnli-hard-heldout", "mnli-taxinli", "xnli-test", "xnli-dev",
                                                   "anli-dev", "sick-test", "conjnli-dev", "news-test", "negation-agreement-test", "dev"],
                    help="held-out sets written by prepare_data.py and negation_agreement_pairs.py (never trained on)")
    args = ap.parse_args()

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = args.threads
    int8 = ort.InferenceSession(os.path.join(args.model, "onnx", "model_quantized.onnx"), opts, providers=["CPUExecutionProvider"])
    fp32 = ort.InferenceSession(args.fp32, opts, providers=["CPUExecutionProvider"]) if os.path.exists(args.fp32) else None
    tokenizer = Tokenizer.from_file(os.path.join(args.model, "tokenizer.json"))

    report = {}
    for name in args.sets:
        path = os.path.join(args.data, f"{name}.jsonl")
        if not os.path.exists(path):
            print(f"{name}: {path} not found, skipped", flush=True)
            continue
        rows = load(path)
        if args.limit:
            rows = rows[: args.limit]
        t0 = time.time()
        p8 = predict(int8, tokenizer, rows)
        secs = time.time() - t0
        entry = {"n": len(rows), "int8_accuracy": round(accuracy(rows, p8), 4), "int8_pairs_per_s": round(len(rows) / secs, 1)}
        if fp32 is not None:
            # fp32 on the first --fp32-limit pairs: enough to measure what int8 costs.
            sub = rows[: args.fp32_limit] if args.fp32_limit else rows
            p32 = predict(fp32, tokenizer, sub)
            entry["fp32_n"] = len(sub)
            entry["fp32_accuracy"] = round(accuracy(sub, p32), 4)
            entry["int8_accuracy_same_pairs"] = round(accuracy(sub, p8[: len(sub)]), 4)
            entry["int8_fp32_agreement"] = round(sum(a == b for a, b in zip(p8, p32)) / len(sub), 4)
        if any("kind" in r for r in rows):
            # News-made pairs: accuracy per transformation, so template-learning shows.
            kinds = {}
            for r, p in zip(rows, p8):
                k = kinds.setdefault(r["kind"], [0, 0])
                k[0] += accuracy([r], [p]) == 1
                k[1] += 1
            entry["per_kind"] = {k: {"n": v[1], "int8_accuracy": round(v[0] / v[1], 4)} for k, v in sorted(kinds.items())}
        report[name] = entry
        print(name, entry, flush=True)
    if args.out:
        with open(args.out, "w") as f:
            json.dump(report, f, indent=2)


if __name__ == "__main__":
    main()
