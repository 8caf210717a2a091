#!/usr/bin/env bash
# Regenerates the Locust demo outputs: a user sweep (1…128 users, 20 s each) and a step-load run
# (4 → 128 users, 20 s per step) against server.py on 127.0.0.1 (nothing leaves the machine).
# Needs Locust from PyPI:  python3 -m venv /tmp/locust-venv && /tmp/locust-venv/bin/pip install locust==2.47.0
# Writes into out/; copy what samples/locust-*/ keep by hand (see their SOURCES.md).
set -euo pipefail
cd "$(dirname "$0")"
LOCUST=${LOCUST:-/tmp/locust-venv/bin/locust}
PY=${PY:-/tmp/locust-venv/bin/python}
$PY server.py --port 8765 --seconds 900 2>server.log &
SERVER=$!
trap 'kill $SERVER' EXIT
sleep 1
mkdir -p out/sweep out/step
for u in 1 2 4 8 16 32 64 128; do
  $LOCUST -f locustfile.py --headless -H http://127.0.0.1:8765 -u $u -r $u -t 20s \
    --csv out/sweep/u$u --csv-full-history --json-file out/sweep/u$u --html out/sweep/u$u.html \
    --only-summary --loglevel WARNING
done
$LOCUST -f stepload.py --headless -H http://127.0.0.1:8765 \
  --csv out/step/step --csv-full-history --json-file out/step/step --html out/step/step.html \
  --only-summary --loglevel WARNING
