#!/usr/bin/env bash
# Regenerates weeks 3–5 of the Locust user sweep (samples/locust-user-sweep-gateway-week3/ …
# -week5/), for the history and trends demo: the same sweep as run-week2.sh (same locustfile,
# 1…128 users, 20 s each, same flags), each week against a fresh server.py:
#   week 3, week 4: the week-2 server unchanged (--slots 8 --service-ms llama3=75): only noise;
#   week 5: qwen2 slower, ~40 ms of service instead of ~30 ms (a regression to find).
# On 127.0.0.1; nothing leaves the machine; every locust run is bounded by `timeout`.
# Needs Locust from PyPI:  python3 -m venv /tmp/locust-venv && /tmp/locust-venv/bin/pip install locust==2.47.0
# Writes into out/weekN/; copy what samples/locust-user-sweep-gateway-weekN/ keeps by hand (see its SOURCES.md).
set -uo pipefail
cd "$(dirname "$0")"
LOCUST=${LOCUST:-/tmp/locust-venv/bin/locust}
PY=${PY:-/tmp/locust-venv/bin/python}
run_week() {
  local week=$1; shift
  timeout 300 $PY server.py --port 8765 --seconds 240 "$@" 2>server-week$week.log &
  local server=$!
  sleep 1
  mkdir -p out/week$week
  for u in 1 2 4 8 16 32 64 128; do
    timeout 60 $LOCUST -f locustfile.py --headless -H http://127.0.0.1:8765 -u $u -r $u -t 20s \
      --csv out/week$week/u$u --csv-full-history --json-file out/week$week/u$u --html out/week$week/u$u.html \
      --only-summary --loglevel WARNING
  done
  kill $server 2>/dev/null; wait $server 2>/dev/null
}
run_week 3 --slots 8 --service-ms llama3=75
run_week 4 --slots 8 --service-ms llama3=75
run_week 5 --slots 8 --service-ms llama3=75 --service-ms qwen2=40
