#!/usr/bin/env bash
# Rebuilds models/headcheck-nli-minilm-l6 from ../shared/data, seeded. Run from the repo root:
#   bash training/reproduce.sh
# Needs Debian's python3-torch + libopenblas0-pthread (apt), Node.js 20 and `npm install` done.
# Work files go to $WORK (default /tmp/headcheck-train), never into the repo.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-../shared/data}
WORK=${WORK:-/tmp/headcheck-train}
VENV=${VENV:-/tmp/hc-venv}
MODEL=models/headcheck-nli-minilm-l6
SEED=${SEED:-13}

if [ ! -x "$VENV/bin/python" ]; then
  /usr/bin/python3 -m venv --system-site-packages "$VENV"
  "$VENV/bin/pip" install -q -r training/requirements.txt
fi
mkdir -p "$WORK"
cd training
"$VENV/bin/python" check_base.py | tee "$WORK/check_base.txt"
"$VENV/bin/python" prepare_data.py --data "../$DATA" --out "$WORK/data" --seed "$SEED"
"$VENV/bin/python" train.py --data "$WORK/data" --work "$WORK" --epochs 2 --seed "$SEED"
"$VENV/bin/python" export.py --work "$WORK" --out "../$MODEL"
"$VENV/bin/python" evaluate.py --data "$WORK/data" --model "../$MODEL" --fp32 "$WORK/model.onnx" --out "$WORK/nli-eval.json"
cd ..
npm run build
node training/calibrate.mjs --data "$DATA" --model "$MODEL" --work "$WORK/calibration"
