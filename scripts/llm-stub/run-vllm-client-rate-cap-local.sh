#!/usr/bin/env bash
# samples/vllm-client-rate-cap-local/: the concurrency sweep of run-vllm-concurrency-sweep-local.sh
# (same stub: 16 slots, ~13 req/s) but every level with --request-rate 5: the client's own
# arrival rate caps throughput at ~5 req/s, far below what the server can do.
set -euo pipefail
source "$(dirname "$0")/common.sh"
OUT=${OUT:-/tmp/llm-stub-out/vllm-client-rate-cap-local}; mkdir -p "$OUT"
PORT=8203
start_stub $PORT 900 --max-batch 16 --queue-timeout 120
for c in 1 2 4 8 16 32 64; do
  bench $PORT --max-concurrency $c --request-rate 5 --num-prompts 200
done
