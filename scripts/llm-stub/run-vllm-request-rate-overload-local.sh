#!/usr/bin/env bash
# samples/vllm-request-rate-overload-local/: `vllm bench serve` at request rates 2, 4, 8, 16, 32
# req/s (Poisson) with 40 s of arrivals each (num-prompts = rate × 40), then inf with 300 prompts,
# against a stub that serves about 11 req/s (16 slots, 13 ms + 0.5 ms/seq per step). The queue
# timeout (300 s) is long enough that nothing is refused: overloaded levels are served late.
set -euo pipefail
source "$(dirname "$0")/common.sh"
OUT=${OUT:-/tmp/llm-stub-out/vllm-request-rate-overload-local}; mkdir -p "$OUT"
PORT=8202
start_stub $PORT 900 --max-batch 16 --step-ms 13 --queue-timeout 300
for rate in 2 4 8 16 32; do
  bench $PORT --request-rate $rate --num-prompts $((rate * 40))
done
bench $PORT --request-rate inf --num-prompts 300
