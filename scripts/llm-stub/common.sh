# Shared by the run-*.sh scripts: tool paths (see setup-clients.sh), starting the stub, and one
# `vllm bench serve` invocation with the flags every vLLM run here uses. Source it, don't run it.
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PY=${PY:-/tmp/llmb/bin/python}
VLLM=${VLLM:-/tmp/vllm-client/bin/vllm}
LOCUST=${LOCUST:-/tmp/llmb/bin/locust}
TOK=${TOK:-/tmp/tok}
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1

# start_stub PORT SECONDS [server flags…]: the stub in the background (stderr into $OUT/server.log),
# stopped on exit; it also stops by itself after SECONDS.
start_stub() {
  local port=$1 seconds=$2; shift 2
  timeout $((${seconds%.*} + 30)) "$PY" "$HERE/server.py" --port "$port" --seconds "$seconds" \
    --tokenizer "$TOK" "$@" 2>>"$OUT/server.log" &
  STUB_PID=$!
  trap 'kill $STUB_PID 2>/dev/null; wait $STUB_PID 2>/dev/null || true' EXIT
  for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && return 0; sleep 0.2; done
  echo "stub did not start on port $port" >&2; return 1
}

# log CMD…: echo the command into console.log, run it, keep its stdout+stderr there too.
log() {
  echo "\$ $*" >>"$OUT/console.log"
  "$@" >>"$OUT/console.log" 2>&1
}

# bench PORT [vllm bench serve flags…]: random dataset, 256 in / 64 out, ttft/tpot/itl/e2el at
# p50/90/95/99, one result file per run with per-request arrays.
bench() {
  local port=$1; shift
  log timeout 900 "$VLLM" bench serve --backend openai --base-url "http://127.0.0.1:$port" \
    --model stub-model --tokenizer "$TOK" --dataset-name random \
    --random-input-len "${INPUT_LEN:-256}" --random-output-len "${OUTPUT_LEN:-64}" \
    --percentile-metrics ttft,tpot,itl,e2el --metric-percentiles 50,90,95,99 \
    --save-result --save-detailed --result-dir "$OUT" --disable-tqdm "$@"
}
