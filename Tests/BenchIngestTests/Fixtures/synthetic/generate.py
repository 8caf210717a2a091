#!/usr/bin/env python3
"""Writes the synthetic edge-case fixtures in this folder.

Every file imitates what a tool version writes, built from the key lists in
`formats/vllm-sglang.md` (shared research note) for schema versions with no public
sample. Statistics are computed with numpy the way the tool computes them, so the
summary keys in a file are an independent reference for benchreport's recomputation
from the per-request arrays in the same file.

Run from this folder: `python3 generate.py` (numpy required). The output is
deterministic; rerunning must not change any file (`git diff` stays empty).
"""

import json

import numpy as np


def dump(name, obj, *, newline=False):
    # vLLM: json.dump(result, f) -- one line, no indent, allow_nan, ensure_ascii, no newline.
    with open(name, "w", encoding="utf-8") as f:
        json.dump(obj, f)
        if newline:
            f.write("\n")


def dump_lines(name, objects):
    # SGLang: f.write(json.dumps(result) + "\n") per run, appended.
    with open(name, "w", encoding="utf-8") as f:
        for obj in objects:
            f.write(json.dumps(obj) + "\n")


def request_metrics(ttfts, itls, output_lens, errors):
    """Per-request values as vLLM's calculate_metrics builds them (seconds -> ms)."""
    ok = [e == "" for e in errors]
    ttft = [t * 1000 for t, s in zip(ttfts, ok) if s]
    e2el = [(t + sum(g)) * 1000 for t, g, s in zip(ttfts, itls, ok) if s]
    tpot = [
        sum(g) / (n - 1) * 1000
        for g, n, s in zip(itls, output_lens, ok)
        if s and n > 1
    ]
    itl = [x * 1000 for g, s in zip(itls, ok) if s for x in g]
    return {"ttft": ttft, "tpot": tpot, "itl": itl, "e2el": e2el}


def p_word(p):
    return str(int(p)) if int(p) == p else str(p)


def vllm_stats(values, metrics, percentiles, *, with_std=True, swap_e2el=False):
    out = {}
    for m in metrics:
        v = values[m]
        mean = float(np.mean(v or 0))
        median = float(np.median(v or 0))
        if swap_e2el and m == "e2el":
            # vLLM PR #7759 (Aug 2024) bug: mean_e2el_ms = np.median, median_e2el_ms = np.mean.
            mean, median = median, mean
        out[f"mean_{m}_ms"] = mean
        out[f"median_{m}_ms"] = median
        if with_std:
            out[f"std_{m}_ms"] = float(np.std(v or 0))
        for p in percentiles:
            out[f"p{p_word(p)}_{m}_ms"] = float(np.percentile(v or 0, p))
    return out


# --- vLLM V1 (PR #2433, Feb 2024): request_inthroughput typo, input_throughput, no arrays. ---
dump(
    "v1-inthroughput.json",
    {
        "date": "20240215-101500",
        "version": "N/A",
        "backend": "vllm",
        "model_id": "meta-llama/Llama-2-7b-chat-hf",
        "tokenizer_id": "meta-llama/Llama-2-7b-chat-hf",
        "best_of": 1,
        "use_beam_search": False,
        "num_prompts": 1000,
        "request_rate": 4.0,
        "duration": 262.5,
        "completed": 1000,
        "total_input_tokens": 215000,
        "total_output_tokens": 198000,
        "request_inthroughput": 1000 / 262.5,
        "input_throughput": 215000 / 262.5,
        "output_throughput": 198000 / 262.5,
        "mean_ttft_ms": 45.25,
        "median_ttft_ms": 41.5,
        "p99_ttft_ms": 120.125,
        "mean_tpot_ms": 24.75,
        "median_tpot_ms": 24.5,
        "p99_tpot_ms": 31.0,
    },
)

# --- vLLM V2 (PR #3277, Mar 2024): V1 + the six per-request arrays; one request failed. ---
ttfts = [0.052, 0.0, 0.061, 0.0475]
itls = [[0.021, 0.019, 0.022], [], [0.025, 0.018], [0.02, 0.0205, 0.0195, 0.021]]
output_lens = [4, 0, 3, 5]
input_lens = [120, 98, 131, 87]
errors = [
    "",
    "Traceback (most recent call last):\n"
    '  File "benchmarks/backend_request_func.py", line 255, in async_request_openai_completions\n'
    "    async with session.post(url=api_url, json=payload) as response:\n"
    "aiohttp.client_exceptions.ServerDisconnectedError: Server disconnected\n",
    "",
    "",
]
generated = ["Hello there \u00e9t\u00e9", "", "\u4f60\u597d", "smile \U0001F600 done"]
values = request_metrics(ttfts, itls, output_lens, errors)
v2 = {
    "date": "20240312-093000",
    "backend": "vllm",
    "model_id": "mistralai/Mistral-7B-v0.1",
    "tokenizer_id": "mistralai/Mistral-7B-v0.1",
    "best_of": 1,
    "use_beam_search": False,
    "num_prompts": 4,
    "tp": "1",
    "request_rate": "inf",
    "duration": 0.5,
    "completed": 3,
    "total_input_tokens": 120 + 131 + 87,
    "total_output_tokens": 4 + 3 + 5,
    "request_inthroughput": 3 / 0.5,
    "input_throughput": (120 + 131 + 87) / 0.5,
    "output_throughput": 12 / 0.5,
}
v2.update(
    {k: v for k, v in vllm_stats(values, ["ttft", "tpot"], [99], with_std=False).items()}
)
v2.update(
    {
        "input_lens": input_lens,
        "output_lens": output_lens,
        "ttfts": ttfts,
        "itls": itls,
        "generated_texts": generated,
        "errors": errors,
    }
)
dump("v2-arrays-with-failure.json", v2)

# --- vLLM V4 (PR #7759, Aug 2024): dynamic percentile block after the arrays, e2el selected,
# --metric-percentiles 90,99.9, and the swapped mean/median E2EL. ---
ttfts = [0.110, 0.095, 0.130, 0.102, 0.480]
itls = [
    [0.030, 0.031, 0.029],
    [0.028, 0.033],
    [0.035, 0.030, 0.032, 0.031],
    [0.029],
    [0.060, 0.055, 0.058, 0.061, 0.057, 0.059],
]
output_lens = [4, 3, 5, 2, 7]
input_lens = [512, 500, 530, 498, 2048]
errors = [""] * 5
values = request_metrics(ttfts, itls, output_lens, errors)
total_out = sum(output_lens)
total_in = sum(input_lens)
v4 = {
    "date": "20240901-120000",
    "backend": "openai-chat",
    "model_id": "meta-llama/Meta-Llama-3.1-8B-Instruct",
    "tokenizer_id": "meta-llama/Meta-Llama-3.1-8B-Instruct",
    "best_of": 1,
    "num_prompts": 5,
    "request_rate": 2.5,
    "duration": 2.0,
    "completed": 5,
    "total_input_tokens": total_in,
    "total_output_tokens": total_out,
    "request_throughput": 5 / 2.0,
    "input_throughput": total_in / 2.0,
    "output_throughput": total_out / 2.0,
    "input_lens": input_lens,
    "output_lens": output_lens,
    "ttfts": ttfts,
    "itls": itls,
    "generated_texts": ["a b c d", "a b c", "a b c d e", "a b", "a b c d e f g"],
    "errors": errors,
}
v4.update(vllm_stats(values, ["ttft", "tpot", "itl", "e2el"], [90, 99.9], swap_e2el=True))
dump("v4-swapped-e2el.json", v4)

# --- vLLM V8 (`vllm bench serve`, 2025-08 .. 2025-11): endpoint_type but no backend,
# request_goodput without colon, peak keys of PR #23867, --metadata strings. ---
dump(
    "v8-endpoint-type-only.json",
    {
        "date": "20250915-143012",
        "endpoint_type": "openai-chat",
        "label": None,
        "model_id": "Qwen/Qwen3-8B",
        "tokenizer_id": "Qwen/Qwen3-8B",
        "num_prompts": 200,
        "gpu": "L40S",
        "tp": "2",
        "request_rate": "inf",
        "burstiness": 1.0,
        "max_concurrency": 16,
        "duration": 40.0,
        "completed": 198,
        "total_input_tokens": 198 * 256,
        "total_output_tokens": 198 * 128,
        "request_throughput": 198 / 40.0,
        "request_goodput": 4.5,
        "output_throughput": 198 * 128 / 40.0,
        "total_token_throughput": 198 * 384 / 40.0,
        "max_output_tokens_per_s": 812.0,
        "max_concurrent_requests": 16,
        "mean_ttft_ms": 150.5,
        "median_ttft_ms": 140.25,
        "std_ttft_ms": 30.0,
        "p99_ttft_ms": 260.75,
        "mean_tpot_ms": 18.5,
        "median_tpot_ms": 18.25,
        "std_tpot_ms": 1.5,
        "p99_tpot_ms": 22.0,
        "mean_itl_ms": 18.4,
        "median_itl_ms": 17.9,
        "std_itl_ms": 4.0,
        "p99_itl_ms": 40.5,
    },
)

# --- vLLM V9 file with values Python writes as bare tokens: --burstiness inf (PR #26941) gives
# `Infinity`; the statistics hold NaN / -Infinity as a fork without the `or 0` guard (or a hand
# edit) would write them. ---
dump(
    "nan-and-infinity.json",
    {
        "date": "20251020-080000",
        "endpoint_type": "vllm",
        "backend": "vllm",
        "label": None,
        "model_id": "facebook/opt-125m",
        "tokenizer_id": "facebook/opt-125m",
        "num_prompts": 10,
        "request_rate": 5.0,
        "burstiness": float("inf"),
        "max_concurrency": None,
        "duration": 2.0,
        "completed": 10,
        "failed": 0,
        "total_input_tokens": 320,
        "total_output_tokens": 160,
        "request_throughput": 5.0,
        "request_goodput": None,
        "output_throughput": 80.0,
        "total_token_throughput": 240.0,
        "max_output_tokens_per_s": 96.0,
        "max_concurrent_requests": 4,
        "mean_ttft_ms": 12.5,
        "median_ttft_ms": float("nan"),
        "std_ttft_ms": 1.25,
        "p99_ttft_ms": float("inf"),
        "mean_tpot_ms": float("-inf"),
        "median_tpot_ms": 6.0,
        "std_tpot_ms": 0.5,
        "p99_tpot_ms": 7.5,
    },
)

# --- `vllm bench sweep serve`: warm-up run (run_number -1) and a failure record. ---
with open("warmup.json", "w", encoding="utf-8") as f:
    json.dump(
        {
            "date": "20260818-021320",
            "endpoint_type": "openai",
            "backend": "openai",
            "label": None,
            "model_id": "facebook/opt-125m",
            "tokenizer_id": "facebook/opt-125m",
            "num_prompts": 2,
            "request_rate": "inf",
            "burstiness": 1.0,
            "max_concurrency": 2,
            "duration": 0.3,
            "completed": 2,
            "failed": 0,
            "total_input_tokens": 64,
            "total_output_tokens": 32,
            "request_throughput": 2 / 0.3,
            "request_goodput": None,
            "output_throughput": 32 / 0.3,
            "total_token_throughput": 96 / 0.3,
            "max_output_tokens_per_s": 32.0,
            "max_concurrent_requests": 2,
            "rtfx": 0.0,
            "mean_ttft_ms": 20.0,
            "median_ttft_ms": 20.0,
            "std_ttft_ms": 0.0,
            "p99_ttft_ms": 20.0,
            "run_number": -1,
            "max_num_seqs": 4,
        },
        f,
        indent=4,
    )

with open("failure-record.failure.json", "w", encoding="utf-8") as f:
    json.dump(
        {
            "run_number": 2,
            "error_type": "CalledProcessError",
            "error": "Traceback (most recent call last):\n"
            '  File "/usr/lib/python3/site-packages/vllm/benchmarks/sweep/serve.py", line 120, in run_benchmark\n'
            "    subprocess.run(cmd, check=True)\n"
            "subprocess.CalledProcessError: Command '['vllm', 'bench', 'serve', '--max-concurrency', '2']' "
            "returned non-zero exit status 1.",
            "serve_overrides": {"max_num_seqs": 4},
            "bench_overrides": {"max_concurrency": 2},
        },
        f,
        indent=4,
    )

# --- SAVE_TO_PYTORCH_BENCHMARK_FORMAT=1 sibling: a list of records, "inf" as a string. ---
args = {"request_rate": "inf", "max_concurrency": 32, "num_prompts": 100, "model": "Qwen/Qwen3-8B"}
dump(
    "pytorch-format.pytorch.json",
    [
        {
            "benchmark": {"name": "vLLM benchmark", "extra_info": {"args": args}},
            "model": {"name": "Qwen/Qwen3-8B"},
            "metric": {
                "name": name,
                "benchmark_values": [value],
                "extra_info": {"completed": 100, "request_rate": "inf", "max_concurrency": 32},
            },
        }
        for name, value in [("request_throughput", 9.5), ("median_ttft_ms", 120.25)]
    ],
)

# --- Unrelated JSON found next to results. ---
dump("sweep-bench-params.json", [{"max_concurrency": 1}, {"max_concurrency": 8}])
dump(
    "nightly-benchmark-results-table.json",
    {
        "Test name": {"0": "serving_llama8B_tp1_sharegpt_qps_1"},
        "GPU": {"0": "H100"},
        "Tput (req/s)": {"0": 0.99},
        "Mean TTFT (ms)": {"0": 25.1},
    },
)

# --- SGLang S1 (PR #686, Jul 2024). ---
dump_lines(
    "s1-pr686.jsonl",
    [
        {
            "backend": "sglang",
            "dataset_name": "sharegpt",
            "request_rate": 16.0,
            "total_input": 230814,
            "total_output": 190231,
            "median_ttft": 120.5,
            "median_itl": 20.25,
            "output_token_throughput": 2500.75,
            "sharegpt_output_len": None,
            "random_input_len": 1024,
            "random_output_len": 128,
            "random_range_ratio": 1.0,
        }
    ],
)


def sglang_s3(rate, ttfts, itls, output_lens, input_lens, errors, duration):
    values = request_metrics(ttfts, itls, output_lens, errors)
    ok = [e == "" for e in errors]
    completed = sum(ok)
    total_in = sum(n for n, s in zip(input_lens, ok) if s)
    total_out = sum(n for n, s in zip(output_lens, ok) if s)
    result = {
        "backend": "sglang-oai",
        "dataset_name": "random",
        "request_rate": rate,
        "max_concurrency": 64,
        "sharegpt_output_len": None,
        "random_input_len": 1024,
        "random_output_len": 8,
        "random_range_ratio": 0.5,
        "duration": duration,
        "completed": completed,
        "total_input_tokens": total_in,
        "total_output_tokens": total_out,
        "total_output_tokens_retokenized": total_out - 1,
        "request_throughput": completed / duration,
        "input_throughput": total_in / duration,
        "output_throughput": total_out / duration,
    }
    # SGLang: mean/median/std/p99 for e2e, ttft, tpot; plus p95 for itl (PR #2819).
    for m, name, ps in [
        ("e2el", "e2e_latency", [99]),
        ("ttft", "ttft", [99]),
        ("tpot", "tpot", [99]),
        ("itl", "itl", [95, 99]),
    ]:
        v = values[m]
        result[f"mean_{name}_ms"] = float(np.mean(v or 0))
        result[f"median_{name}_ms"] = float(np.median(v or 0))
        result[f"std_{name}_ms"] = float(np.std(v or 0))
        for p in ps:
            result[f"p{p}_{name}_ms"] = float(np.percentile(v or 0, p))
    result["concurrency"] = float(np.sum(values["e2el"]) / 1000 / duration)
    result["accept_length"] = None
    result.update(
        {
            "input_lens": input_lens,
            "output_lens": output_lens,
            "ttfts": ttfts,
            "itls": itls,
            "generated_texts": ["x" * n for n in output_lens],
            "errors": errors,
        }
    )
    return result


dump_lines(
    "s3-output-details.jsonl",
    [
        sglang_s3(
            4.0,
            [0.081, 0.077, 0.090],
            [[0.012, 0.011, 0.013, 0.012], [0.014, 0.012], [0.011, 0.012, 0.010]],
            [5, 3, 4],
            [700, 1024, 860],
            ["", "", ""],
            1.25,
        ),
        sglang_s3(
            8.0,
            [0.095, 0.0, 0.101, 0.099],
            [[0.015, 0.016, 0.014], [], [0.017], [0.016, 0.018, 0.015, 0.017]],
            [4, 0, 2, 5],
            [900, 1000, 620, 1024],
            ["", "Server returned 503: Service Unavailable", "", ""],
            0.9,
        ),
    ],
)


def sglang_s4(max_concurrency, duration, completed, mean_e2e):
    return {
        "tag": None,
        "backend": "sglang-oai-chat",
        "dataset_name": "random",
        "request_rate": float("inf"),
        "max_concurrency": max_concurrency,
        "sharegpt_output_len": None,
        "random_input_len": 10240,
        "random_output_len": 256,
        "random_range_ratio": 1.0,
        "server_info": {
            "model_path": "/models/GLM-5-W8A8",
            "served_model_name": "GLM-5-W8A8",
            "tp_size": 8,
            "mem_fraction_static": 0.85,
            "internal_states": [{"avg_spec_accept_length": None, "last_gen_throughput": 41.5}],
            "version": "0.5.9",
        },
        "duration": duration,
        "completed": completed,
        "total_input_tokens": completed * 10240,
        "total_input_text_tokens": completed * 10240,
        "total_input_vision_tokens": 0,
        "total_output_tokens": completed * 256,
        "total_output_tokens_retokenized": completed * 256,
        "request_throughput": completed / duration,
        "input_throughput": completed * 10240 / duration,
        "output_throughput": completed * 256 / duration,
        "total_throughput": completed * (10240 + 256) / duration,
        "mean_e2e_latency_ms": mean_e2e,
        "median_e2e_latency_ms": mean_e2e - 10.0,
        "std_e2e_latency_ms": 25.0,
        "p90_e2e_latency_ms": mean_e2e + 30.0,
        "p95_e2e_latency_ms": mean_e2e + 40.0,
        "p99_e2e_latency_ms": mean_e2e + 55.0,
        "mean_ttft_ms": 900.0,
        "median_ttft_ms": 880.0,
        "std_ttft_ms": 40.0,
        "p90_ttft_ms": 950.0,
        "p95_ttft_ms": 975.0,
        "p99_ttft_ms": 990.0,
        "mean_tpot_ms": 24.0,
        "median_tpot_ms": 23.5,
        "std_tpot_ms": 1.0,
        "p90_tpot_ms": 25.0,
        "p95_tpot_ms": 25.5,
        "p99_tpot_ms": 26.0,
        "mean_itl_ms": 24.0,
        "median_itl_ms": 23.0,
        "std_itl_ms": 3.0,
        "p90_itl_ms": 27.0,
        "p95_itl_ms": 29.0,
        "p99_itl_ms": 35.0,
        "concurrency": mean_e2e / 1000 * completed / duration,
        "accept_length": None,
        "max_output_tokens_per_s": 80.0 * max_concurrency,
        "max_concurrent_requests": max_concurrency + 1,
        "cache_report": {
            "total_prompt_tokens": completed * 10240,
            "total_cached_tokens": 0,
            "cache_hit_rate_pct": 0.0,
        },
    }


dump_lines(
    "s4-server-info.jsonl",
    [sglang_s4(1, 230.5, 32, 7150.0), sglang_s4(2, 121.0, 32, 7420.0)],
)

# --- SGLang S2 JSONL whose last line was cut off (the run was killed while writing). ---
lines = [
    {
        "backend": "sglang",
        "dataset_name": "random",
        "request_rate": rate,
        "max_concurrency": None,
        "total_input_tokens": 512 * n,
        "total_output_tokens": 256 * n,
        "total_output_tokens_retokenized": 256 * n - 3,
        "mean_e2e_latency_ms": 4000.0 + rate * 100,
        "median_e2e_latency_ms": 3900.0 + rate * 100,
        "median_ttft_ms": 80.0 + rate,
        "median_itl_ms": 15.0 + rate / 10,
        "output_throughput": 256 * n / 100.0,
        "sharegpt_output_len": None,
        "random_input_len": 512,
        "random_output_len": 256,
        "random_range_ratio": 1.0,
        "duration": 100.0,
        "completed": n,
    }
    for rate, n in [(1.0, 100), (2.0, 200), (4.0, 400)]
]
text = "".join(json.dumps(obj) + "\n" for obj in lines)
cut = text.rindex('"median_ttft_ms"')  # third line ends inside the object, after a comma
with open("truncated-last-line.jsonl", "w", encoding="utf-8") as f:
    f.write(text[: cut + len('"median_ttft_ms": 8')])
