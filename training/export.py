"""Export the fine-tuned classifier to ONNX (dynamic batch and sequence axes), quantize it
to 8 bits with onnxruntime's static (calibrated) quantization, and lay it out as a Hugging Face model
folder that @huggingface/transformers loads offline.

Usage: python training/export.py --work /tmp/headcheck-train --out models/headcheck-nli-minilm-l6
"""
import argparse
import os
import shutil

import torch
import json
import random

from onnxruntime.quantization import (CalibrationDataReader, CalibrationMethod, QuantFormat, QuantType,
                                      quantize_static)
from transformers import AutoTokenizer, BertForSequenceClassification

from train import LABEL_ID, LABELS, base_model_dir
from uint8_weights import int8_weights_to_uint8


def load_model(work):
    final = os.path.join(work, "final")
    if os.path.isdir(final):
        return BertForSequenceClassification.from_pretrained(final), final
    # An interrupted run: rebuild from the base config and the last checkpoint.
    model = BertForSequenceClassification.from_pretrained(
        base_model_dir(), num_labels=3, id2label=dict(enumerate(LABELS)), label2id=LABEL_ID)
    state = torch.load(os.path.join(work, "checkpoint.pt"))
    model.load_state_dict(state["model"])
    print(f"exporting checkpoint at step {state['step']}")
    return model, base_model_dir()


def calibration_pairs(paths, n):
    """Real pairs (held-out dev and news-made pairs), shuffled with a fixed seed."""
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            rows += [json.loads(line) for line in f]
    random.Random(7).shuffle(rows)
    return [(r["premise"], r["hypothesis"]) for r in rows[:n]]


class PairReader(CalibrationDataReader):
    """One pair per run: no padding, so the calibrated ranges are those of real tokens."""

    def __init__(self, tokenizer, pairs):
        self.items = iter([tokenizer([p], [h], truncation="only_first", max_length=128, return_tensors="np")
                           for p, h in pairs])

    def get_next(self):
        enc = next(self.items, None)
        if enc is None:
            return None
        return {"input_ids": enc["input_ids"].astype("int64"), "attention_mask": enc["attention_mask"].astype("int64"),
                "token_type_ids": enc["token_type_ids"].astype("int64")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", default="/tmp/headcheck-train")
    ap.add_argument("--out", default="models/headcheck-nli-minilm-l6")
    ap.add_argument("--fp32-out", default=None, help="where to keep the fp32 ONNX (default: WORK/model.onnx)")
    ap.add_argument("--calibration", nargs="+", default=["/tmp/headcheck-data/dev.jsonl"],
                    help="JSONL pair files whose pairs calibrate the int8 activation ranges")
    ap.add_argument("--calibration-pairs", type=int, default=400)
    args = ap.parse_args()

    model, tokenizer_dir = load_model(args.work)
    model.eval()
    model.config.return_dict = False
    tokenizer = AutoTokenizer.from_pretrained(tokenizer_dir)

    fp32_path = args.fp32_out or os.path.join(args.work, "model.onnx")
    sample = tokenizer(["The council approved the budget on Monday."], ["Council approves budget"],
                       return_tensors="pt")
    with torch.no_grad():
        torch.onnx.export(
            model,
            (sample["input_ids"], sample["attention_mask"], sample["token_type_ids"]),
            fp32_path,
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["logits"],
            dynamic_axes={"input_ids": {0: "batch_size", 1: "sequence_length"},
                          "attention_mask": {0: "batch_size", 1: "sequence_length"},
                          "token_type_ids": {0: "batch_size", 1: "sequence_length"},
                          "logits": {0: "batch_size"}},
            opset_version=14,
            do_constant_folding=True,
            dynamo=False,
        )

    onnx_dir = os.path.join(args.out, "onnx")
    os.makedirs(onnx_dir, exist_ok=True)
    # Static (calibrated) int8: activation scales are fixed numbers in the graph, so a pair's
    # scores do not depend on what else shares its batch. Dynamic quantization computes them per
    # batch, which moved the same pair by up to 0.2 between runs.
    calibration = PairReader(tokenizer, calibration_pairs(args.calibration, args.calibration_pairs))
    quantize_static(fp32_path, os.path.join(onnx_dir, "model_quantized.onnx"), calibration,
                    quant_format=QuantFormat.QDQ, op_types_to_quantize=["MatMul", "Gemm", "Gather"],
                    per_channel=True, activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8,
                    calibrate_method=CalibrationMethod.MinMax,
                    extra_options={"ActivationSymmetric": False, "WeightSymmetric": True})
    # Same weights, stored unsigned so CPUs without VNNI do not saturate (uint8_weights.py says why).
    quantized = os.path.join(onnx_dir, "model_quantized.onnx")
    int8_weights_to_uint8(quantized, quantized)

    model.config.return_dict = True
    model.config.architectures = ["BertForSequenceClassification"]
    model.config.max_position_embeddings = model.config.max_position_embeddings
    model.config.save_pretrained(args.out)
    tokenizer.model_max_length = 512
    tokenizer.save_pretrained(args.out)
    for extra in ("vocab.txt",):
        path = os.path.join(args.out, extra)
        if os.path.exists(path):
            os.remove(path)  # tokenizer.json carries the vocabulary; no need to ship it twice
    size = os.path.getsize(os.path.join(onnx_dir, "model_quantized.onnx")) / 1e6
    print(f"wrote {args.out} (int8 ONNX {size:.1f} MB); fp32 ONNX kept at {fp32_path}")


if __name__ == "__main__":
    main()
