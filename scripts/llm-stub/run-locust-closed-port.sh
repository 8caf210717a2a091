#!/usr/bin/env bash
# Tests/RealRuns/locust-closed-port/: Locust for 15 s against 127.0.0.1:8299, where nothing
# listens: every request is refused (ConnectionRefusedError).
set -euo pipefail
source "$(dirname "$0")/common.sh"
OUT=${OUT:-/tmp/llm-stub-out/locust-closed-port}; mkdir -p "$OUT"
cd "$HERE"
log timeout 60 "$LOCUST" -f locustfile.py --headless -H http://127.0.0.1:8299 -u 5 -r 5 -t 15s \
  --csv "$OUT/closed" --csv-full-history --json-file "$OUT/closed" --html "$OUT/closed.html" \
  --only-summary --loglevel WARNING || echo "locust exit $?" >>"$OUT/console.log"
