#!/usr/bin/env bash
# Tests/RealRuns/vllm-single-level/: one `vllm bench serve` run at concurrency 8, 200 prompts.
set -euo pipefail
source "$(dirname "$0")/common.sh"
OUT=${OUT:-/tmp/llm-stub-out/vllm-single-level}; mkdir -p "$OUT"
PORT=8207
start_stub $PORT 120 --max-batch 16
bench $PORT --max-concurrency 8 --request-rate inf --num-prompts 200
