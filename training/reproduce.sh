#!/usr/bin/env bash
# Rebuilds models/headcheck-nli-minilm-l6 from ../shared/data, seeded. Run from the repo root:
#   bash training/reproduce.sh
# Needs Python 3.11+, Node.js 20 and `npm install` done. Work files go to $WORK (default
# /tmp/headcheck-train), never into the repo. About 2 h on 2 CPU cores (see training/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-../shared/data}
WORK=${WORK:-/tmp/headcheck-train}
VENV=${VENV:-/tmp/hc-venv}
MODEL=models/headcheck-nli-minilm-l6
SEED=${SEED:-13}

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q -r training/requirements.txt
fi
mkdir -p "$WORK"
cd training
"$VENV/bin/python" check_base.py | tee "$WORK/check_base.txt"
"$VENV/bin/python" prepare_data.py --data "../$DATA" --out "$WORK/data" --seed "$SEED" --news-train 90000
"$VENV/bin/python" train.py --data "$WORK/data" --work "$WORK" --epochs 1.6 --seed "$SEED" --max-minutes 105
# Stage 2: the stage-1 model, a lower learning rate, the same pairs plus the hand-written
# editorial training cases (two thirds of them; the rest is for the verdict fit below) and
# negated hedges ("does not rule out selling" is not "is not selling") made from training pairs.
"$VENV/bin/python" editorial_pairs.py --cases editorial --out "$WORK/data/editorial-pairs.jsonl"
"$VENV/bin/python" negated_hedge_pairs.py --train "$WORK/data/train.jsonl" --cases editorial --seed "$SEED" \
  --out "$WORK/data/negated-hedge-pairs.jsonl"
cat "$WORK/data/editorial-pairs.jsonl" "$WORK/data/negated-hedge-pairs.jsonl" > "$WORK/data/stage2-extra.jsonl"
"$VENV/bin/python" train.py --data "$WORK/data" --work "$WORK/stage2" --init "$WORK/final" \
  --extra "$WORK/data/stage2-extra.jsonl" --extra-repeat 4 --epochs 0.5 --lr 2e-5 --seed "$SEED" --max-minutes 45
"$VENV/bin/python" export.py --work "$WORK/stage2" --fp32-out "$WORK/model.onnx" --out "../$MODEL" --calibration "$WORK/data/dev.jsonl" "$WORK/data/news-test.jsonl"
# Held-out pairs where a negation agrees with its opposite ("did not survive" = "died"), for evaluate.py.
"$VENV/bin/python" negation_agreement_pairs.py --rows "$WORK/data/news-test.jsonl" --seed "$SEED" \
  --out "$WORK/data/negation-agreement-test.jsonl"
"$VENV/bin/python" evaluate.py --data "$WORK/data" --model "../$MODEL" --fp32 "$WORK/model.onnx" --out "$WORK/nli-eval.json"
cd ..
npm run build
# The learned verdict over the new model's scores: article-level cases made from held-out news
# bodies plus the editorial suite's dev half (set choice and suite weight by 2-fold CV on the dev
# half; see training/README.md).
mkdir -p "$WORK/verdict"
"$VENV/bin/python" training/verdict_cases.py --data "$DATA" --out "$WORK/verdict/news-cases.jsonl"
node training/fit-verdict.mjs --data "$DATA" --model "$MODEL" --work "$WORK/verdict" \
  --news-cases "$WORK/verdict/news-cases.jsonl" --without fnc,arc,emergent --suite-weight 4 --editorial-weight 1 \
  --verdict-cases training/editorial-verdict --verdict-cases-weight 4
