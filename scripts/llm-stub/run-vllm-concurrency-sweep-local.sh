#!/usr/bin/env bash
# samples/vllm-concurrency-sweep-local/: `vllm bench serve` at max concurrency 1 … 64, unlimited
# request rate, against the stub with 16 running slots. ≥ 200 prompts and ≥ ~15 s per level.
set -euo pipefail
source "$(dirname "$0")/common.sh"
OUT=${OUT:-/tmp/llm-stub-out/vllm-concurrency-sweep-local}; mkdir -p "$OUT"
PORT=8201
start_stub $PORT 900 --max-batch 16 --queue-timeout 120
for c in 1 2 4 8 16 32 64; do
  case $c in 32) n=240 ;; 64) n=320 ;; *) n=200 ;; esac
  bench $PORT --max-concurrency $c --request-rate inf --num-prompts $n
done
