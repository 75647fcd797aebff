#!/bin/sh
# Extract attributions from the dev articles and score them against the gold.
set -e
DEV=${1:-/work/shared/eval/dev}
OUT=${2:-$(mktemp /tmp/claimgraph-dev-pred.XXXXXX.jsonl)}
cd "$(dirname "$0")/.."
python -m claimgraph.extract --jsonl "$DEV" "$OUT"
python "$DEV/../score.py" "$DEV" "$OUT"
echo "predictions: $OUT"
