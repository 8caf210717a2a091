#!/usr/bin/env bash
# A 32-minute soak: 8 users at constant load against server.py whose service time grows by
# 1 ms per minute (a slow leak: ~+32 ms over the run on a 30/60 ms service), so the response
# times drift upward while throughput holds. Writes out/soak/; samples/locust-soak-gateway keeps it.
set -euo pipefail
cd "$(dirname "$0")"
LOCUST=${LOCUST:-/tmp/locust-venv/bin/locust}
PY=${PY:-/tmp/locust-venv/bin/python}
$PY server.py --port 8766 --seconds 2100 --drift-ms-per-min 1 2>soak-server.log &
SERVER=$!
trap 'kill $SERVER' EXIT
sleep 1
mkdir -p out/soak
timeout 2040 $LOCUST -f locustfile.py --headless -H http://127.0.0.1:8766 -u 8 -r 8 -t 32m \
  --csv out/soak/soak --csv-full-history --json-file out/soak/soak \
  --only-summary --loglevel WARNING
