#!/usr/bin/env bash
# Tests/RealRuns/locust-failure-causes/: 40 users for 30 s with locustfile_failures.py against a
# stub with 8 slots, at most 16 waiting (503 beyond), an early-stop chance of 1.5 % per token
# when ignore_eos is off: failures (503, ReadTimeout, "answer truncated") and exceptions (KeyError).
set -euo pipefail
source "$(dirname "$0")/common.sh"
OUT=${OUT:-/tmp/llm-stub-out/locust-failure-causes}; mkdir -p "$OUT"
PORT=8211
start_stub $PORT 90 --max-batch 8 --queue-limit 16 --queue-timeout 10 --eos-prob 0.015
cd "$HERE"
log timeout 120 "$LOCUST" -f locustfile_failures.py --headless -H http://127.0.0.1:$PORT -u 40 -r 40 -t 30s \
  --csv "$OUT/u40" --csv-full-history --json-file "$OUT/u40" --html "$OUT/u40.html" \
  --only-summary --loglevel WARNING || echo "locust exit $?" >>"$OUT/console.log"
