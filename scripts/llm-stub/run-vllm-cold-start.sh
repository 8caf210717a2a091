#!/usr/bin/env bash
# Tests/RealRuns/vllm-cold-start/: a freshly started stub whose first 4 prefills take 1.5 s longer
# (a cold engine), measured without warm-up requests: concurrency 1 and 4, 200 prompts each.
set -euo pipefail
source "$(dirname "$0")/common.sh"
OUT=${OUT:-/tmp/llm-stub-out/vllm-cold-start}; mkdir -p "$OUT"
PORT=8231
start_stub $PORT 300 --max-batch 16 --cold-start-ms 1500 --cold-start-requests 4
bench $PORT --max-concurrency 1 --request-rate inf --num-prompts 200
kill $STUB_PID; wait $STUB_PID 2>/dev/null || true
start_stub $PORT 300 --max-batch 16 --cold-start-ms 1500 --cold-start-requests 4
bench $PORT --max-concurrency 4 --request-rate inf --num-prompts 200
