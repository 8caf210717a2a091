#!/usr/bin/env python3
"""Prints the reference values of the tests of MannWhitneyU, BootstrapInterval and
SeededGenerator (Tests/BenchAnalysisTests/*Tests.swift), computed with scipy and numpy, or —
for the generator — with an independent Python transcription of the published algorithms,
and — for one pinned bootstrap output — with BootstrapInterval's documented algorithm rerun
in Python (`replay`).

The samples are the real per-request arrays of samples/vllm-concurrency-sweep-h100/ (vLLM
benchmark_serving, Llama-3.1-8B FP8 on one H100, 100 requests per concurrency level): `ttfts`
(100 per file) and `itls` (169 gaps per request), converted from seconds to milliseconds by
`* 1000.0` exactly as the Swift tests do. These files have no `latencies` (E2E) array. "Rounded"
means np.round to 1 ms (round half to even, Swift's `.rounded(.toNearestOrEven)`), to create
ties.

usage: python3 scripts/stats_reference.py [mwu] [bootstrap] [tolerance] [generator] [replay]
       (no argument: all but `tolerance`, a few minutes for the 100 000-resample references;
       `tolerance` is the slower Monte-Carlo study, 5-10 minutes, that justifies the bootstrap
       tests' tolerance)

Written for scipy 1.17.1 and numpy 2.4.6.
"""
import glob
import json
import os
import sys

import numpy as np
import scipy
from scipy import stats

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(ROOT, "samples", "vllm-concurrency-sweep-h100")

# --------------------------------------------------------------------------------------------
# Samples


def run(concurrency):
    (path,) = glob.glob(os.path.join(SAMPLES, f"*-concurrency{concurrency}-*.json"))
    with open(path) as file:
        return json.load(file)


def ttfts_ms(concurrency):
    return np.array(run(concurrency)["ttfts"], dtype=float) * 1000.0


def itls_ms(concurrency, requests=None):
    """The inter-token gaps of the first `requests` requests (all by default), flattened in
    file order."""
    per_request = run(concurrency)["itls"][:requests]
    return np.array([gap for gaps in per_request for gap in gaps], dtype=float) * 1000.0


def rounded(values):
    return np.round(values)


# --------------------------------------------------------------------------------------------
# Mann–Whitney U


def mwu_cases():
    """(name, x, y) as the Swift tests build them."""
    ttft1 = ttfts_ms(1)
    return [
        ("TTFT c1 vs c2", ttft1, ttfts_ms(2)),
        ("TTFT c32 vs c64", ttfts_ms(32), ttfts_ms(64)),
        ("TTFT c1 vs c2 rounded to 1 ms", rounded(ttft1), rounded(ttfts_ms(2))),
        ("TTFT c1 even vs odd requests", ttft1[0::2], ttft1[1::2]),
        ("TTFT c1 first vs second half", ttft1[:50], ttft1[50:]),
        ("TTFT c8 first 60 vs c16", ttfts_ms(8)[:60], ttfts_ms(16)),
        ("ITL c128 vs c256", itls_ms(128), itls_ms(256)),
        ("ITL c64 vs c128 rounded to 1 ms", rounded(itls_ms(64)), rounded(itls_ms(128))),
        ("ITL c1 vs c2, first 10 requests", itls_ms(1, 10), itls_ms(2, 10)),
        ("ITL c1 vs c2", itls_ms(1), itls_ms(2)),
        ("tiny: [1, 2] vs [3]", np.array([1.0, 2.0]), np.array([3.0])),
        ("tiny: [5] vs [5]", np.array([5.0]), np.array([5.0])),
        ("tiny ties: [1, 2, 2, 3] vs [2, 2, 4]", np.array([1.0, 2, 2, 3]), np.array([2.0, 2, 4])),
        ("all identical: 30 x 7.0 vs 20 x 7.0", np.full(30, 7.0), np.full(20, 7.0)),
    ]


def mannwhitneyu(x, y):
    return stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic", use_continuity=True)


def print_mwu():
    print("## scipy.stats.mannwhitneyu(x, y, alternative='two-sided', method='asymptotic', use_continuity=True)")
    for name, x, y in mwu_cases():
        result = mannwhitneyu(x, y)
        swapped = mannwhitneyu(y, x)
        ties = len(x) + len(y) - len(np.unique(np.concatenate([x, y])))
        print(f"{name}: n = {len(x)}, {len(y)}; tied values {ties}")
        print(f"  u: {float(result.statistic)!r}, pValue: {float(result.pvalue)!r}")
        print(f"  swapped: u {float(swapped.statistic)!r}, pValue {float(swapped.pvalue)!r}")
    print("NaN in x:", mannwhitneyu(np.array([1.0, np.nan, 3.0]), np.array([2.0, 4.0])))


# --------------------------------------------------------------------------------------------
# Bootstrap


def bootstrap_cases():
    """(name, base, new, statistics whose CI the tests compare: a percentile q, or "mean").

    p99 only where its bootstrap distribution is smooth enough for a 2000-resample bound to
    stay near the 100 000-resample one (see `tolerance`): the p99 of 100 TTFTs, or of the ITLs
    of c1 vs c2, rests on a handful of extreme values and its bounds jump between them.
    """
    ttft1 = ttfts_ms(1)
    return [
        ("TTFT c1 vs c2", ttft1, ttfts_ms(2), [50, "mean"]),
        ("TTFT c32 vs c64", ttfts_ms(32), ttfts_ms(64), [50, 99]),
        ("TTFT c1 even vs odd requests", ttft1[0::2], ttft1[1::2], [50]),
        ("ITL c16 vs c32, first 20 requests", itls_ms(16, 20), itls_ms(32, 20), [50, 99]),
        ("ITL c128 vs c256, first 20 requests", itls_ms(128, 20), itls_ms(256, 20), [50, 99]),
        ("ITL c64 vs c128, first 20 requests", itls_ms(64, 20), itls_ms(128, 20), [50, 99]),
    ]


def difference(statistics):
    """statistic(new) - statistic(base) for each statistic, vectorized as scipy wants it."""

    def one(values, statistic, axis):
        if statistic == "mean":
            return np.mean(values, axis=axis)
        return np.percentile(values, statistic, axis=axis)

    def statistic(base, new, axis):
        return np.stack([one(new, s, axis) - one(base, s, axis) for s in statistics])

    return statistic


def scipy_interval(base, new, statistics, n_resamples, seed):
    result = stats.bootstrap(
        (base, new),
        statistic=difference(statistics),
        paired=False,
        vectorized=True,
        n_resamples=n_resamples,
        batch=2000,
        confidence_level=0.95,
        method="percentile",
        rng=np.random.default_rng(seed),
    )
    return result.confidence_interval.low, result.confidence_interval.high


REFERENCE_RESAMPLES = 100_000
REFERENCE_SEED = 20250326


def print_bootstrap():
    print(
        f"## scipy.stats.bootstrap((base, new), statistic(new) - statistic(base), paired=False, "
        f"vectorized=True, n_resamples={REFERENCE_RESAMPLES}, confidence_level=0.95, method='percentile', "
        f"rng=np.random.default_rng({REFERENCE_SEED})), statistic np.percentile(values, q, axis) or np.mean(values, axis)"
    )
    for name, base, new, statistics in bootstrap_cases():
        low, high = scipy_interval(base, new, statistics, REFERENCE_RESAMPLES, REFERENCE_SEED)
        print(f"{name}: n = {len(base)}, {len(new)}")
        for index, q in enumerate(statistics):
            estimate = difference([q])(base, new, -1)[0]
            excludes = low[index] > 0 or high[index] < 0
            print(
                f"  {q}: estimate {float(estimate)!r}, lower {float(low[index])!r}, upper {float(high[index])!r}"
                f"  (excludes 0: {excludes})"
            )


def print_tolerance_study(repeats_small=200, repeats_large=100):
    """How far a 2000-resample percentile bound lands from the 100 000-resample one, as a
    fraction of the interval's width, over many seeds of numpy's generator. Our generator is a
    different stream of the same uniform draws, so its bounds have the same spread; the
    tests' tolerance (0.1 x width) must sit above the largest deviation seen here."""
    print("## Monte-Carlo spread of 2000-resample bounds around the 100 000-resample bounds")
    for name, base, new, statistics in bootstrap_cases():
        low, high = scipy_interval(base, new, statistics, REFERENCE_RESAMPLES, REFERENCE_SEED)
        width = high - low
        repeats = repeats_small if len(base) <= 100 else repeats_large
        deviations = []
        for seed in range(repeats):
            low2, high2 = scipy_interval(base, new, statistics, 2000, seed)
            deviations.append(np.maximum(np.abs(low2 - low), np.abs(high2 - high)) / width)
        deviations = np.array(deviations)
        for index, q in enumerate(statistics):
            column = deviations[:, index]
            print(
                f"{name} {q}: over {repeats} seeds, |bound - reference| / width: "
                f"median {np.median(column):.4f}, 99th percentile {np.percentile(column, 99):.4f}, "
                f"max {column.max():.4f}"
            )
    # The cases left out of the p99 comparison, for the record.
    for name, base, new in [
        ("TTFT c1 vs c2", ttfts_ms(1), ttfts_ms(2)),
        ("ITL c1 vs c2, first 20 requests", itls_ms(1, 20), itls_ms(2, 20)),
    ]:
        low, high = scipy_interval(base, new, [99], REFERENCE_RESAMPLES, REFERENCE_SEED)
        deviations = []
        for seed in range(50):
            low2, high2 = scipy_interval(base, new, [99], 2000, seed)
            deviations.append(max(abs(low2[0] - low[0]), abs(high2[0] - high[0])) / (high[0] - low[0]))
        print(f"(not tested) {name} p99: max over 50 seeds {max(deviations):.4f}")


# --------------------------------------------------------------------------------------------
# Generator

MASK = (1 << 64) - 1


def splitmix64(state):
    """SplitMix64 (Steele, Lea & Flood 2014; Vigna's splitmix64.c): returns (output, state)."""
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31), state


def rotl(value, count):
    return ((value << count) | (value >> (64 - count))) & MASK


class Xoshiro256StarStar:
    """xoshiro256** 1.0 (Blackman & Vigna; xoshiro256starstar.c), state filled by SplitMix64."""

    def __init__(self, state):
        self.s = list(state)

    @classmethod
    def seeded(cls, seed):
        words = []
        for _ in range(4):
            word, seed = splitmix64(seed)
            words.append(word)
        return cls(words)

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def index_below(self, bound):
        """Lemire's nearly divisionless bounded draw (ACM TOMACS 2019), 64-bit."""
        product = self.next() * bound
        low = product & MASK
        if low < bound:
            threshold = ((1 << 64) - bound) % bound
            while low < threshold:
                product = self.next() * bound
                low = product & MASK
        return product >> 64


def print_generator():
    # Published vectors (rust-random/rngs, rand_xoshiro tests `reference`, "produced with the
    # reference implementation" splitmix64.c / xoshiro256starstar.c): the transcription must
    # reproduce them before its other outputs are worth pasting anywhere.
    state = 1477776061723855037
    outputs = []
    for _ in range(5):
        output, state = splitmix64(state)
        outputs.append(output)
    assert outputs == [
        1985237415132408290, 2979275885539914483, 13511426838097143398, 8488337342461049707,
        15141737807933549159,
    ], outputs
    xoshiro = Xoshiro256StarStar([1, 2, 3, 4])
    assert [xoshiro.next() for _ in range(10)] == [
        11520, 0, 1509978240, 1215971899390074240, 1216172134540287360, 607988272756665600,
        16172922978634559625, 8476171486693032832, 10595114339597558777, 2904607092377533576,
    ]
    print("## generator (published vectors reproduced)")
    seed = 0x5EED
    words = []
    state = seed
    for _ in range(4):
        word, state = splitmix64(state)
        words.append(word)
    print(f"SplitMix64 from 0x5EED, first 4 outputs (the xoshiro state): {words}")
    generator = Xoshiro256StarStar.seeded(seed)
    print(f"seeded(0x5EED) next(), first 6: {[generator.next() for _ in range(6)]}")
    generator = Xoshiro256StarStar.seeded(seed)
    print(f"seeded(0x5EED) index_below(100), first 12: {[generator.index_below(100) for _ in range(12)]}")
    bound = 3 << 61  # 2^64 mod bound = 2^62: a quarter of the draws are rejected
    generator = Xoshiro256StarStar.seeded(seed)
    print(f"seeded(0x5EED) index_below(3 << 61), first 8: {[generator.index_below(bound) for _ in range(8)]}")
    generator = Xoshiro256StarStar.seeded(0)
    print(f"seeded(0) next(), first 3: {[generator.next() for _ in range(3)]}")


def replay_bootstrap(base, new, q, resamples=2000, seed=0x5EED, confidence=0.95):
    """BootstrapInterval.difference for a percentile, replayed from its documented algorithm
    (not from its code): one seeded xoshiro256** stream; per resample, len(base) draws
    index_below(len(base)) then len(new) draws index_below(len(new)), each index taken into
    the *sorted* sample; np.percentile of each resample; the interval is np.percentile of the
    differences new - base at alpha * 100 and (1 - alpha) * 100, alpha = (1 - confidence) / 2.
    The Swift result must equal this bit for bit (numpy's percentile is reproduced exactly)."""
    generator = Xoshiro256StarStar.seeded(seed)
    sorted_base, sorted_new = np.sort(base), np.sort(new)
    differences = []
    for _ in range(resamples):
        base_indices = [generator.index_below(len(base)) for _ in range(len(base))]
        new_indices = [generator.index_below(len(new)) for _ in range(len(new))]
        differences.append(np.percentile(sorted_new[new_indices], q) - np.percentile(sorted_base[base_indices], q))
    alpha = (1 - confidence) / 2
    return np.percentile(np.array(differences), [alpha * 100, (1 - alpha) * 100])


def print_replay():
    print("## BootstrapInterval.difference replayed in Python (seed 0x5EED, 2000 resamples, 0.95)")
    base, new = ttfts_ms(1), ttfts_ms(2)
    for q in [50, 99]:
        low, high = replay_bootstrap(base, new, q)
        print(f"TTFT c1 vs c2 p{q}: lower {float(low)!r}, upper {float(high)!r}")


if __name__ == "__main__":
    sections = sys.argv[1:] or ["mwu", "bootstrap", "generator", "replay"]
    print(f"# scipy {scipy.__version__}, numpy {np.__version__}")
    for section in sections:
        {"mwu": print_mwu, "bootstrap": print_bootstrap, "tolerance": print_tolerance_study,
         "generator": print_generator, "replay": print_replay}[section]()
