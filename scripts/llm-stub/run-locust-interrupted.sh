#!/usr/bin/env bash
# Tests/RealRuns/locust-interrupted/ and locust-killed/: Locust asked for -t 60s against the stub,
# stopped after 12 s — once with SIGINT (Ctrl-C: Locust shuts down and writes its files), once
# with SIGKILL (nothing runs after the signal: only what was already on disk is left).
set -euo pipefail
source "$(dirname "$0")/common.sh"
BASE=${OUT:-/tmp/llm-stub-out}
OUT=$BASE/locust-interrupted; mkdir -p "$OUT"
PORT=8205
start_stub $PORT 60 --max-batch 16 --queue-timeout 5
cd "$HERE"
log timeout -s INT 12 "$LOCUST" -f locustfile.py --headless -H http://127.0.0.1:$PORT -u 20 -r 20 -t 60s \
  --csv "$OUT/u20" --csv-full-history --json-file "$OUT/u20" --html "$OUT/u20.html" \
  --only-summary --loglevel WARNING || echo "locust exit $? (timeout -s INT 12)" >>"$OUT/console.log"
OUT=$BASE/locust-killed; mkdir -p "$OUT"
log timeout -s KILL 12 "$LOCUST" -f locustfile.py --headless -H http://127.0.0.1:$PORT -u 20 -r 20 -t 60s \
  --csv "$OUT/u20" --csv-full-history --json-file "$OUT/u20" --html "$OUT/u20.html" \
  --only-summary --loglevel WARNING || echo "locust exit $? (timeout -s KILL 12)" >>"$OUT/console.log"
