#!/usr/bin/env bash
# Tests/RealRuns/vllm-load-shedding/: concurrency 8, 32, 128 (200 prompts each) against a stub
# with 16 slots and at most 24 waiting requests (--queue-limit 24): at 128 the queue overflows and
# the stub answers 503 at once; vLLM's client counts those as failed and keeps the reason in `errors`.
set -euo pipefail
source "$(dirname "$0")/common.sh"
OUT=${OUT:-/tmp/llm-stub-out/vllm-load-shedding}; mkdir -p "$OUT"
PORT=8210
start_stub $PORT 300 --max-batch 16 --queue-limit 24 --queue-timeout 30
for c in 8 32 128; do
  bench $PORT --max-concurrency $c --request-rate inf --num-prompts 200
done
