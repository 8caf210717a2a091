#!/usr/bin/env bash
# Tests/RealRuns/vllm-three-second-run/: one `vllm bench serve` run at concurrency 4 with only 16
# prompts: about 3 s of load.
set -euo pipefail
source "$(dirname "$0")/common.sh"
OUT=${OUT:-/tmp/llm-stub-out/vllm-three-second-run}; mkdir -p "$OUT"
PORT=8206
start_stub $PORT 60 --max-batch 16
bench $PORT --max-concurrency 4 --request-rate inf --num-prompts 16
