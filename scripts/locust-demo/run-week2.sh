#!/usr/bin/env bash
# Regenerates the week-2 Locust user sweep (samples/locust-user-sweep-gateway-week2/): the same
# sweep as run.sh (same locustfile, 1…128 users, 20 s each, same flags) against server.py after a
# "server change": 8 worker slots instead of 6 (more capacity) but llama3 ~75 ms of service
# instead of ~60 ms (slower llama3). On 127.0.0.1; nothing leaves the machine.
# Needs Locust from PyPI:  python3 -m venv /tmp/locust-venv && /tmp/locust-venv/bin/pip install locust==2.47.0
# locust exits 1 when requests failed (u128 sheds load), so this script ends with status 1.
# Writes into out/week2/; copy what samples/locust-user-sweep-gateway-week2/ keeps by hand (see its SOURCES.md).
set -euo pipefail
cd "$(dirname "$0")"
LOCUST=${LOCUST:-/tmp/locust-venv/bin/locust}
PY=${PY:-/tmp/locust-venv/bin/python}
$PY server.py --port 8765 --seconds 600 --slots 8 --service-ms llama3=75 2>server-week2.log &
SERVER=$!
trap 'kill $SERVER' EXIT
sleep 1
mkdir -p out/week2
for u in 1 2 4 8 16 32 64 128; do
  $LOCUST -f locustfile.py --headless -H http://127.0.0.1:8765 -u $u -r $u -t 20s \
    --csv out/week2/u$u --csv-full-history --json-file out/week2/u$u --html out/week2/u$u.html \
    --only-summary --loglevel WARNING
done
