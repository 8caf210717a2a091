#!/usr/bin/env bash
# samples/locust-step-and-fixed-local/: real Locust against the stub (16 slots; a request that
# waits more than 5 s for a slot gets 503): three fixed-user runs (10, 50, 100 users, 30 s each)
# and one step-load run (stepload.py: 1 → 200 users, 10 s steps), all with CSV + full history +
# JSON + HTML, as scripts/locust-demo/run.sh does.
set -euo pipefail
source "$(dirname "$0")/common.sh"
OUT=${OUT:-/tmp/llm-stub-out/locust-step-and-fixed-local}; mkdir -p "$OUT"
PORT=8204
start_stub $PORT 400 --max-batch 16 --queue-timeout 5
cd "$HERE"
for u in 10 50 100; do
  log timeout 120 "$LOCUST" -f locustfile.py --headless -H http://127.0.0.1:$PORT -u $u -r $u -t 30s \
    --csv "$OUT/u$u" --csv-full-history --json-file "$OUT/u$u" --html "$OUT/u$u.html" \
    --only-summary --loglevel WARNING || echo "locust exit $?" >>"$OUT/console.log"
done
log timeout 150 "$LOCUST" -f stepload.py --headless -H http://127.0.0.1:$PORT \
  --csv "$OUT/step" --csv-full-history --json-file "$OUT/step" --html "$OUT/step.html" \
  --only-summary --loglevel WARNING || echo "locust exit $?" >>"$OUT/console.log"
