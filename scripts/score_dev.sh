#!/bin/sh
# Extract attributions from a folder of NAME.txt + NAME.gold.yaml and score them.
#   scripts/score_dev.sh [GOLD_DIR] [PRED.jsonl]      (default: the shared dev set)
#   SCORER=/path/to/score.py scripts/score_dev.sh tests/data/extract
set -e
# Paths are relative to the repository: the shared evaluation data sits beside it (../shared).
cd "$(dirname "$0")/.."
DEV=${1:-../shared/eval/dev}
OUT=${2:-$(mktemp "${TMPDIR:-/tmp}/claimgraph-dev-pred.XXXXXX.jsonl")}
SCORER=${SCORER:-../shared/eval/score.py}
claimgraph extract "$DEV"/*.txt --format jsonl -o "$OUT"
python "$SCORER" "$DEV" "$OUT"
echo "predictions: $OUT"
