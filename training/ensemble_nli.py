"""Held-out NLI accuracy of several exported models and of their averaged predictions: how much a
prediction ensemble (a would-be distillation teacher) gains over its members.

Usage: python training/ensemble_nli.py --data $WORK/data --models DIR [DIR ...] \
           [--sets snli-heldout mnli-hard-heldout xnli-test]
Each DIR is a Hugging Face layout folder with onnx/model_quantized.onnx and tokenizer.json.
"""
import argparse
import itertools

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

from evaluate import LABELS, batch_logits, load


def probabilities(session, tokenizer, rows):
    out = np.zeros((len(rows), len(LABELS)), np.float32)
    for idx, logits in batch_logits(session, tokenizer, rows):
        p = np.exp(logits - logits.max(1, keepdims=True))
        out[idx] = p / p.sum(1, keepdims=True)
    return out


def accuracy(rows, predicted):
    return float(np.mean([(p != 0) if r["label"] == "not_entailment" else LABELS[p] == r["label"]
                          for r, p in zip(rows, predicted)]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default="/tmp/headcheck-data")
    ap.add_argument("--models", nargs="+", required=True)
    ap.add_argument("--sets", nargs="+", default=["snli-heldout", "mnli-hard-heldout", "xnli-test"])
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    data = {s: load(f"{args.data}/{s}.jsonl") for s in args.sets}
    probs = {}
    for model in args.models:
        options = ort.SessionOptions()
        options.intra_op_num_threads = args.threads
        session = ort.InferenceSession(f"{model}/onnx/model_quantized.onnx", options)
        tokenizer = Tokenizer.from_file(f"{model}/tokenizer.json")
        for s in args.sets:
            probs[model, s] = probabilities(session, tokenizer, data[s])
    for k in range(1, len(args.models) + 1):
        for combo in itertools.combinations(args.models, k):
            scores = {s: accuracy(data[s], np.mean([probs[m, s] for m in combo], 0).argmax(1)) for s in args.sets}
            print(" + ".join(combo), " ".join(f"{s} {v:.4f}" for s, v in scores.items()), f"mean {np.mean(list(scores.values())):.4f}")


if __name__ == "__main__":
    main()
