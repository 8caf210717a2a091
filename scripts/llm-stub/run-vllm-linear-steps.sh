#!/usr/bin/env bash
# Tests/RealRuns/vllm-linear-steps/: concurrency 10, 12, … 20 against a stub with 64 slots and a
# step time that barely grows with the batch (0.1 ms/seq): throughput grows almost in proportion.
set -euo pipefail
source "$(dirname "$0")/common.sh"
OUT=${OUT:-/tmp/llm-stub-out/vllm-linear-steps}; mkdir -p "$OUT"
PORT=8208
start_stub $PORT 300 --max-batch 64 --step-ms-per-seq 0.1
for c in 10 12 14 16 18 20; do
  bench $PORT --max-concurrency $c --request-rate inf --num-prompts 120
done
