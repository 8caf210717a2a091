"""A stand-in OpenAI-compatible LLM server on 127.0.0.1, for producing real benchmark-client output.

It generates no text worth reading: every "token" is a word drawn at random. What it models is
the timing of a continuous-batching engine such as vLLM, on a clock you set with flags:

* **Running batch** (`--max-batch N` slots). A request holds a slot from its prefill to its last
  token. Each engine step takes `--step-ms + --step-ms-per-seq × running` milliseconds and gives
  every running sequence one token, so the per-token time (TPOT/ITL) grows with the batch and the
  throughput flattens once all slots are busy.
* **Prefill.** Requests admitted into the batch are prefilled in the step that admits them; that
  step takes `--prefill-ms-per-1k-tokens × prompt tokens / 1000` longer (for every running
  sequence: the others stall, as they do on a real engine) and yields their first token.
* **Waiting queue.** A request that finds every slot busy waits in FIFO order. With more than
  `--queue-limit` requests already waiting it gets `503 {"error": "overloaded"}` at once; one that
  has waited longer than `--queue-timeout` seconds gets the same 503 (load shedding). Time in the
  queue shows up in the client's TTFT.
* **Lengths.** A sequence stops after `max_tokens` tokens (default 16). With `ignore_eos` false it
  may stop early at a random "EOS" (`--eos-prob` per token, default 0: always runs to max_tokens).
  Prompt tokens are counted with `--tokenizer DIR` (a Hugging Face tokenizer folder) when given,
  otherwise estimated as characters / 4.

* **Server metrics** (`GET /metrics`): vLLM-named Prometheus gauges and counters of this engine —
  `vllm:num_requests_running`, `vllm:num_requests_waiting`, `vllm:kv_cache_usage_perc` (tokens held
  by running sequences ÷ `--kv-cache-tokens`), `vllm:num_preemptions_total` (always 0: the stub
  never preempts), `vllm:prefix_cache_queries_total` / `vllm:prefix_cache_hits_total` (queried
  prompt tokens; no hits), `vllm:prompt_tokens_total`, `vllm:generation_tokens_total` — with the
  `engine="0"` and `model_name` labels, `# HELP` / `# TYPE` lines and `_created` gauges as vLLM V1
  writes them. A full KV cache holds new requests in the waiting queue.
* **Stand-in GPU log** (`--gpu-log FILE`): there is no GPU here. Once a second the stub appends a
  row in the shape of `nvidia-smi --query-gpu=timestamp,index,name,utilization.gpu,memory.used,
  memory.total,power.draw --format=csv -l 1` (header with units, values with units, local time
  without a zone) computed from the engine, not measured: utilization = share of the last second
  the engine was stepping × (30 % + 70 % × running ÷ `--max-batch`); memory = `--gpu-memory-base-mib`
  (weights and the reserved cache, as vLLM pre-allocates it) of 81 559 MiB; power = 70 W + 630 W ×
  utilization.

Endpoints: GET /v1/models, /health, /metrics; POST /v1/completions and /v1/chat/completions, streaming
(SSE in vLLM's chunk format, one token per chunk, `[DONE]`, a final usage chunk when
`stream_options.include_usage` is set) or not; POST /tokenize and /detokenize only with
`--tokenizer` (404 otherwise, which vLLM's client tolerates). Everything else is 404.

The engine is one asyncio task whose steps are scheduled on absolute deadlines of the event-loop
clock, so Python overhead does not stretch the modelled step time unless the process really
runs out of CPU (the engine prints a warning when a step starts more than 5 ms late). Binds
127.0.0.1 only and stops by itself after `--seconds`.
"""
import argparse
import asyncio
import collections
import contextlib
import json
import random
import signal
import sys
import time
import uuid

from aiohttp import web

WORDS = ("the of and to in is that for it as with was on be by this are from at an or have not "
         "which but can all were will one model token batch queue server request time step load "
         "latency cache memory prompt output input first last next value result number run").split()


class Sequence:
    """One request in the engine: its lengths, its clock and a queue of tokens for the handler."""

    def __init__(self, prompt_tokens, max_tokens, ignore_eos):
        self.prompt_tokens = prompt_tokens
        self.max_tokens = max_tokens
        self.ignore_eos = ignore_eos
        self.generated = 0
        self.arrival = time.monotonic()
        self.tokens = asyncio.Queue()  # (text, is_last) per token, or a QueueTimeout
        self.aborted = False


class Engine:
    """Continuous batching on a simulated clock (see the module docstring)."""

    def __init__(self, args):
        self.args = args
        self.waiting = collections.deque()
        self.running = []
        self.wakeup = asyncio.Event()
        self.rng = random.Random(args.seed)
        self.stats = collections.Counter()
        self.busy_seconds = 0.0  # wall time spent in steps with running sequences
        self.busy_batch_seconds = 0.0  # the same, weighted by running ÷ max_batch
        self.created = time.time()

    def kv_tokens(self):
        return sum(s.prompt_tokens + s.generated for s in self.running)

    def submit(self, seq):
        """Queues a sequence; returns False when the waiting queue is full (answer 503)."""
        if len(self.waiting) >= self.args.queue_limit:
            self.stats["rejected_queue_full"] += 1
            return False
        self.waiting.append(seq)
        self.wakeup.set()
        return True

    def _shed_expired(self, now):
        timeout = self.args.queue_timeout
        kept = collections.deque()
        for seq in self.waiting:
            if seq.aborted:
                continue
            if now - seq.arrival > timeout:
                self.stats["rejected_queue_timeout"] += 1
                seq.tokens.put_nowait(QueueTimeout())
            else:
                kept.append(seq)
        self.waiting = kept

    async def run(self):
        loop = asyncio.get_running_loop()
        step_start = loop.time()
        while True:
            if not self.running and not self.waiting:
                self.wakeup.clear()
                await self.wakeup.wait()
                step_start = loop.time()
            now = time.monotonic()
            self._shed_expired(now)
            self.running = [s for s in self.running if not s.aborted]
            admitted = []
            kv = self.kv_tokens()
            while self.waiting and len(self.running) < self.args.max_batch:
                if self.waiting[0].prompt_tokens + kv > self.args.kv_cache_tokens and self.running:
                    break  # the KV cache is full: wait for running sequences to finish
                seq = self.waiting.popleft()
                if not seq.aborted:
                    self.running.append(seq)
                    admitted.append(seq)
                    kv += seq.prompt_tokens
                    self.stats["prompt_tokens"] += seq.prompt_tokens
            if not self.running:
                continue
            prefill_tokens = sum(s.prompt_tokens for s in admitted)
            step_ms = (self.args.step_ms + self.args.step_ms_per_seq * len(self.running)
                       + self.args.prefill_ms_per_1k_tokens * prefill_tokens / 1000.0)
            # --cold-start-ms: the first --cold-start-requests prefills pay a one-off warm-up
            # (graph capture, allocator growth), as a freshly started engine does.
            cold = [s for s in admitted if self.stats.get("cold_left", self.args.cold_start_requests) > 0]
            for _ in cold:
                self.stats["cold_left"] = self.stats.get("cold_left", self.args.cold_start_requests) - 1
            if cold:
                step_ms += self.args.cold_start_ms
            deadline = step_start + step_ms / 1000.0
            await asyncio.sleep(max(0.0, deadline - loop.time()))
            self.busy_seconds += step_ms / 1000.0
            self.busy_batch_seconds += step_ms / 1000.0 * len(self.running) / self.args.max_batch
            late = loop.time() - deadline
            if late > 0.005:
                self.stats["late_steps"] += 1
            # the step is over: one token for every running sequence
            still_running = []
            for seq in self.running:
                if seq.aborted:
                    continue
                seq.generated += 1
                self.stats["generation_tokens"] += 1
                done = seq.generated >= seq.max_tokens or (
                    not seq.ignore_eos and self.args.eos_prob > 0 and self.rng.random() < self.args.eos_prob)
                seq.tokens.put_nowait((" " + self.rng.choice(WORDS), done))
                if done:
                    self.stats["finished"] += 1
                else:
                    still_running.append(seq)
            self.running = still_running
            self.stats["steps"] += 1
            # next step starts at this step's deadline unless we fell behind by more than a step
            step_start = deadline if late < step_ms / 1000.0 else loop.time()


class QueueTimeout(Exception):
    pass


def count_tokens(app, text):
    tokenizer = app["tokenizer"]
    if tokenizer is None:
        return max(1, len(text) // 4)
    return len(tokenizer.encode(text, add_special_tokens=False).ids)


def prompt_tokens_of(app, body, chat):
    if chat:
        total = 0
        for message in body.get("messages", []):
            content = message.get("content", "")
            if isinstance(content, list):
                content = " ".join(part.get("text", "") for part in content if isinstance(part, dict))
            total += count_tokens(app, str(content)) + 4  # ChatML framing per message
        return total + 3  # assistant header
    prompt = body.get("prompt", "")
    if isinstance(prompt, list):
        if prompt and isinstance(prompt[0], int):
            return len(prompt)
        prompt = " ".join(map(str, prompt))
    return count_tokens(app, prompt)


def overloaded():
    return web.json_response({"error": "overloaded"}, status=503)


async def generate(request, chat):
    app = request.app
    try:
        body = await request.json()
    except json.JSONDecodeError:
        return web.json_response({"error": "invalid JSON"}, status=400)
    model = body.get("model") or app["model"]
    max_tokens = int(body.get("max_tokens") or body.get("max_completion_tokens") or 16)
    stream = bool(body.get("stream", False))
    include_usage = bool((body.get("stream_options") or {}).get("include_usage", False))
    seq = Sequence(prompt_tokens_of(app, body, chat), max(1, max_tokens), bool(body.get("ignore_eos", False)))
    engine = app["engine"]
    if not engine.submit(seq):
        return overloaded()

    request_id = ("chatcmpl-" if chat else "cmpl-") + uuid.uuid4().hex
    created = int(time.time())
    kind = "chat.completion" if chat else "text_completion"

    def usage():
        return {"prompt_tokens": seq.prompt_tokens, "total_tokens": seq.prompt_tokens + seq.generated,
                "completion_tokens": seq.generated}

    def finish_reason():
        return "length" if seq.generated >= seq.max_tokens else "stop"

    try:
        first = await seq.tokens.get()
        if isinstance(first, QueueTimeout):
            return overloaded()
        if not stream:
            text, last = first
            parts = [text]
            while not last:
                text, last = await seq.tokens.get()
                parts.append(text)
            content = "".join(parts)
            choice = ({"index": 0, "message": {"role": "assistant", "content": content},
                       "logprobs": None, "finish_reason": finish_reason(), "stop_reason": None} if chat else
                      {"index": 0, "text": content, "logprobs": None, "finish_reason": finish_reason(),
                       "stop_reason": None})
            return web.json_response({"id": request_id, "object": kind, "created": created, "model": model,
                                      "choices": [choice], "usage": usage()})

        response = web.StreamResponse(headers={"Content-Type": "text/event-stream; charset=utf-8",
                                               "Cache-Control": "no-cache"})
        await response.prepare(request)
        chunk_kind = "chat.completion.chunk" if chat else "text_completion"

        async def send(choices, extra=None):
            payload = {"id": request_id, "object": chunk_kind, "created": created, "model": model,
                       "choices": choices}
            if extra:
                payload.update(extra)
            await response.write(b"data: " + json.dumps(payload, separators=(",", ":")).encode() + b"\n\n")

        if chat:
            await send([{"index": 0, "delta": {"role": "assistant", "content": ""}, "logprobs": None,
                         "finish_reason": None}])
        text, last = first
        while True:
            reason = finish_reason() if last else None
            if chat:
                await send([{"index": 0, "delta": {"content": text}, "logprobs": None, "finish_reason": reason}])
            else:
                await send([{"index": 0, "text": text, "logprobs": None, "finish_reason": reason,
                             "stop_reason": None}])
            if last:
                break
            text, last = await seq.tokens.get()
        if include_usage:
            await send([], {"usage": usage()})
        await response.write(b"data: [DONE]\n\n")
        await response.write_eof()
        return response
    finally:
        seq.aborted = True  # frees the slot if the client went away mid-stream


async def completions(request):
    return await generate(request, chat=False)


async def chat_completions(request):
    return await generate(request, chat=True)


async def models(request):
    name = request.app["model"]
    return web.json_response({"object": "list", "data": [
        {"id": name, "object": "model", "created": int(time.time()), "owned_by": "llm-stub", "root": name,
         "parent": None, "max_model_len": 32768}]})


async def health(request):
    return web.Response(status=200)


async def tokenize(request):
    tokenizer = request.app["tokenizer"]
    if tokenizer is None:
        raise web.HTTPNotFound()
    body = await request.json()
    ids = tokenizer.encode(body.get("prompt", ""), add_special_tokens=False).ids
    return web.json_response({"count": len(ids), "max_model_len": 32768, "tokens": ids})


async def detokenize(request):
    tokenizer = request.app["tokenizer"]
    if tokenizer is None:
        raise web.HTTPNotFound()
    body = await request.json()
    return web.json_response({"prompt": tokenizer.decode(body.get("tokens", []), skip_special_tokens=False)})


async def metrics(request):
    """vLLM V1's names, labels and layout for the metrics the stub models (see the docstring)."""
    engine = request.app["engine"]
    labels = f'engine="0",model_name="{request.app["model"]}"'
    lines = []

    def family(name, kind, help_text, value, created=True):
        lines.append(f"# HELP vllm:{name} {help_text}")
        lines.append(f"# TYPE vllm:{name} {kind}")
        lines.append(f"vllm:{name}{{{labels}}} {float(value)!r}")
        if created and kind == "counter":
            base = name[:-len("_total")]
            lines.append(f"# HELP vllm:{base}_created {help_text}")
            lines.append(f"# TYPE vllm:{base}_created gauge")
            lines.append(f"vllm:{base}_created{{{labels}}} {engine.created!r}")

    family("num_requests_running", "gauge", "Number of requests in model execution batches.", len(engine.running))
    family("num_requests_waiting", "gauge", "Number of requests waiting to be processed.", len(engine.waiting))
    family("kv_cache_usage_perc", "gauge", "KV-cache usage. 1 means 100 percent usage.",
           min(1.0, engine.kv_tokens() / engine.args.kv_cache_tokens))
    family("prefix_cache_queries_total", "counter", "Prefix cache queries, in terms of number of queried tokens.",
           engine.stats["prompt_tokens"])
    family("prefix_cache_hits_total", "counter", "Prefix cache hits, in terms of number of cached tokens.", 0)
    family("num_preemptions_total", "counter", "Cumulative number of preemption from the engine.", 0)
    family("prompt_tokens_total", "counter", "Number of prefill tokens processed.", engine.stats["prompt_tokens"])
    family("generation_tokens_total", "counter", "Number of generation tokens processed.", engine.stats["generation_tokens"])
    return web.Response(text="\n".join(lines) + "\n", content_type="text/plain", charset="utf-8")


async def gpu_log(engine, path):
    """Appends one nvidia-smi-shaped row a second (a stand-in: computed, not measured)."""
    with open(path, "a", encoding="utf-8") as log:
        log.write("timestamp, index, name, utilization.gpu [%], memory.used [MiB], memory.total [MiB], power.draw [W]\n")
        last_busy, last_batch, last_time = engine.busy_seconds, engine.busy_batch_seconds, time.monotonic()
        while True:
            await asyncio.sleep(1.0 - (time.time() % 1.0) + 0.001)
            now = time.monotonic()
            wall = time.time()  # one reading for the seconds and the milliseconds
            span = max(now - last_time, 1e-6)
            busy = min(1.0, (engine.busy_seconds - last_busy) / span)
            batch = min(1.0, (engine.busy_batch_seconds - last_batch) / span)
            last_busy, last_batch, last_time = engine.busy_seconds, engine.busy_batch_seconds, now
            utilization = round(100 * (0.3 * busy + 0.7 * batch))
            stamp = time.strftime("%Y/%m/%d %H:%M:%S", time.localtime(wall)) + f".{int(wall * 1000) % 1000:03d}"
            memory = engine.args.gpu_memory_base_mib
            power = 70.0 + 630.0 * utilization / 100
            log.write(f"{stamp}, 0, Stand-in GPU (llm-stub; no GPU), {utilization} %, {memory} MiB, 81559 MiB, {power:.2f} W\n")
            log.flush()


async def main(args):
    app = web.Application(client_max_size=16 * 1024 * 1024)
    app["model"] = args.model
    app["tokenizer"] = None
    if args.tokenizer:
        from tokenizers import Tokenizer
        app["tokenizer"] = Tokenizer.from_file(f"{args.tokenizer}/tokenizer.json")
    engine = Engine(args)
    app["engine"] = engine
    app.add_routes([web.get("/v1/models", models), web.get("/health", health),
                    web.post("/v1/completions", completions), web.post("/v1/chat/completions", chat_completions),
                    web.post("/tokenize", tokenize), web.post("/detokenize", detokenize), web.get("/metrics", metrics)])
    runner = web.AppRunner(app, access_log=None, handler_cancellation=True)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", args.port, backlog=2048)
    await site.start()
    engine_task = asyncio.create_task(engine.run())
    gpu_task = asyncio.create_task(gpu_log(engine, args.gpu_log)) if args.gpu_log else None
    print(f"llm-stub on http://127.0.0.1:{args.port} for {args.seconds:g} s: {vars(args)}", file=sys.stderr, flush=True)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    with contextlib.suppress(asyncio.TimeoutError):
        await asyncio.wait_for(stop.wait(), args.seconds)  # SIGTERM or --seconds, whichever first
    engine_task.cancel()
    if gpu_task:
        gpu_task.cancel()
    await runner.cleanup()
    print(f"llm-stub stopped: {dict(engine.stats)}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--seconds", type=float, default=600, help="stop after this many seconds (default 600)")
    parser.add_argument("--model", default="stub-model", help="served model name (default stub-model)")
    parser.add_argument("--tokenizer", help="Hugging Face tokenizer folder for counting prompt tokens")
    parser.add_argument("--max-batch", type=int, default=64, help="running slots (default 64)")
    parser.add_argument("--queue-limit", type=int, default=10000, help="503 at once when this many wait (default 10000)")
    parser.add_argument("--queue-timeout", type=float, default=30.0, help="503 after waiting this long, s (default 30)")
    parser.add_argument("--step-ms", type=float, default=10.0, help="decode step time at batch 0, ms (default 10)")
    parser.add_argument("--step-ms-per-seq", type=float, default=0.5, help="extra step time per running sequence, ms (default 0.5)")
    parser.add_argument("--prefill-ms-per-1k-tokens", type=float, default=20.0, help="prefill time per 1000 prompt tokens, ms (default 20)")
    parser.add_argument("--eos-prob", type=float, default=0.0, help="per-token chance of stopping early unless ignore_eos (default 0)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cold-start-ms", type=float, default=0.0, help="extra prefill time of the first requests after start, ms (default 0)")
    parser.add_argument("--cold-start-requests", type=int, default=4, help="how many first requests pay --cold-start-ms (default 4)")
    parser.add_argument("--kv-cache-tokens", type=int, default=1 << 30, help="KV-cache capacity in tokens (default: unlimited)")
    parser.add_argument("--gpu-log", help="append a stand-in nvidia-smi --format=csv row here once a second")
    parser.add_argument("--gpu-memory-base-mib", type=int, default=73403, help="memory.used of the stand-in GPU log, MiB (default 73403: 90 %% of 81559)")
    args = parser.parse_args()
    asyncio.run(main(args))
