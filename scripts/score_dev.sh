#!/bin/sh
# Extract attributions from a folder of NAME.txt + NAME.gold.yaml and score them.
#   scripts/score_dev.sh [GOLD_DIR] [PRED.jsonl]      (default: the shared dev set)
#   SCORER=/path/to/score.py scripts/score_dev.sh tests/data/extract
set -e
DEV=${1:-/work/shared/eval/dev}
OUT=${2:-$(mktemp /tmp/claimgraph-dev-pred.XXXXXX.jsonl)}
SCORER=${SCORER:-/work/shared/eval/score.py}
cd "$(dirname "$0")/.."
claimgraph extract "$DEV"/*.txt --format jsonl -o "$OUT"
python "$SCORER" "$DEV" "$OUT"
echo "predictions: $OUT"
