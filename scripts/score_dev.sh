#!/usr/bin/env bash
# Extract the shared development articles (and seeds) and score the graph with the shared scorer.
#   scripts/score_dev.sh [extra graphkit extract options, e.g. --aliases examples/aliases.yaml]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${GRAPHKIT_SHARED:-$repo/../shared}"
if [ ! -d "$shared/eval/dev/gold" ]; then
  echo "no development set at $shared/eval/dev (set GRAPHKIT_SHARED)" >&2
  exit 2
fi
graph="$(mktemp --suffix=.json)"
trap 'rm -f "$graph"' EXIT
graphkit extract "$shared/eval/dev/articles" "$shared/seeds" -o "$graph" "$@" >&2
python3 "$shared/eval/score.py" --gold "$shared/eval/dev/gold" --pred "$graph"
