#!/usr/bin/env bash
# Tests/RealRuns/vllm-sweep-with-crash-log/: concurrency 1, 2, 4 (40 prompts each; console output
# in console.log), then concurrency 8 with 200 prompts whose client is killed (SIGKILL) after 8 s:
# no result file for 8, only its console output in c8.log. commands.txt lists the commands as a
# person would keep them (paths shortened to ./results and ./tok).
set -euo pipefail
source "$(dirname "$0")/common.sh"
OUT=${OUT:-/tmp/llm-stub-out/vllm-sweep-with-crash-log}; mkdir -p "$OUT"
PORT=8209
start_stub $PORT 200 --max-batch 16
flags="--backend openai --base-url http://127.0.0.1:$PORT --model stub-model --dataset-name random --random-input-len 256 --random-output-len 64 --percentile-metrics ttft,tpot,itl,e2el --metric-percentiles 50,90,95,99 --save-result --save-detailed --disable-tqdm"
{
  echo "# concurrency sweep against the stub (server.py --max-batch 16), $(date +%F)"
  for c in 1 2 4; do
    echo "vllm bench serve $flags --tokenizer ./tok --result-dir ./results --max-concurrency $c --request-rate inf --num-prompts 40"
  done
  echo "vllm bench serve $flags --tokenizer ./tok --result-dir ./results --max-concurrency 8 --request-rate inf --num-prompts 200 > c8.log 2>&1"
  echo "# c8: client process killed (kill -9) after ~8 s, mid-run: no result file"
} >"$OUT/commands.txt"
for c in 1 2 4; do
  log timeout 300 "$VLLM" bench serve $flags --tokenizer "$TOK" --result-dir "$OUT" \
    --max-concurrency $c --request-rate inf --num-prompts 40
done
timeout -s KILL 8 "$VLLM" bench serve $flags --tokenizer "$TOK" --result-dir "$OUT" \
  --max-concurrency 8 --request-rate inf --num-prompts 200 >"$OUT/c8.log" 2>&1 \
  || echo "c8: exit $? (killed by timeout -s KILL 8)" >>"$OUT/console.log"
