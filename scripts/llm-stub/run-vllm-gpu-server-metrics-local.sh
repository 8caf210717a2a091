#!/usr/bin/env bash
# samples/vllm-gpu-server-metrics-local/: `vllm bench serve` at max concurrency 1, 4, 16, 64
# (unlimited request rate) against the stub with 16 running slots and a KV cache of 4800 tokens,
# while /metrics is scraped once a second into vllm-metrics.prom (the README's curl loop) and
# the stub writes its stand-in nvidia-smi log (there is no GPU here; see server.py).
set -euo pipefail
source "$(dirname "$0")/common.sh"
OUT=${OUT:-/tmp/llm-stub-out/vllm-gpu-server-metrics-local}; mkdir -p "$OUT"
PORT=8211
start_stub $PORT 900 --max-batch 16 --queue-timeout 120 --kv-cache-tokens 4800 --gpu-log "$OUT/nvidia-smi.csv"
# The README's scrape loop: one `# scrape_time` line, then the scrape, once a second.
( while :; do { echo "# scrape_time $(date +%s.%N)"; curl -s "http://127.0.0.1:$PORT/metrics"; } >>"$OUT/vllm-metrics.prom"; sleep 1; done ) &
SCRAPER=$!
trap 'kill $SCRAPER $STUB_PID 2>/dev/null; wait $STUB_PID 2>/dev/null || true' EXIT
for c in 1 4 16 64; do
  case $c in 1) n=30 ;; 4) n=80 ;; 16) n=240 ;; 64) n=320 ;; esac
  bench $PORT --max-concurrency $c --request-rate inf --num-prompts $n
done
sleep 2
