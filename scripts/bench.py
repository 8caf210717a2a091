#!/usr/bin/env python3
"""Speed and memory benchmark: `benchreport analyze` against the Python reference pipeline.

Generates a results folder with ../shared/bench/gen_large.py (cached per scale under
.build-bench/), makes a venv for ../shared/bench/pyref.py (numpy, pandas, kneed, matplotlib,
jinja2) under .build-bench/venv, runs both on the same folder several times and prints the
median wall time, the peak RSS (ru_maxrss of the child, from os.wait4), the ratios, whether
the targets of issue 8 are met (at scale 4: wall <= 1/10 and RSS <= 1/2 of the reference's,
vLLM JSON ingest >= 300 MB/s), and benchreport's own per-phase / per-format timings
(`benchreport analyze --timings`).

usage: scripts/bench.py [--scale S] [--runs N] [--benchreport-only] [--binary PATH] [--baseline PATH]
       make bench [SCALE=1] [RUNS=3] [BENCH_FLAGS=--benchreport-only]
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build-bench")
SHARED_BENCH = os.path.join(os.path.dirname(ROOT), "shared", "bench")
PACKAGES = ["numpy", "pandas", "kneed", "matplotlib", "jinja2"]

TARGET_SCALE = 4.0
TARGET_WALL_RATIO = 0.10
TARGET_RSS_RATIO = 0.50
TARGET_VLLM_MBPS = 300.0


def log(message):
    print(message, file=sys.stderr, flush=True)


def shared_bench_dir():
    candidates = [os.environ.get("BENCH_SHARED_DIR"), SHARED_BENCH]
    for candidate in candidates:
        if candidate and os.path.exists(os.path.join(candidate, "gen_large.py")):
            return candidate
    sys.exit("bench: ../shared/bench/gen_large.py not found (set BENCH_SHARED_DIR)")


def scale_name(scale):
    return ("%g" % scale).replace(".", "_")


def generate(scale):
    """The results folder for `scale`, generated once (gen_large.py is seeded: same bytes)."""
    folder = os.path.join(WORK, "data-scale" + scale_name(scale))
    marker = os.path.join(folder, ".complete")
    if os.path.exists(marker):
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    log(f"bench: generating scale {scale:g} into {os.path.relpath(folder, ROOT)}")
    subprocess.run([sys.executable, os.path.join(shared_bench_dir(), "gen_large.py"), folder, "--scale", str(scale)],
                   check=True)
    open(marker, "w").close()
    return folder


def venv_python():
    """A venv with pyref.py's packages, made once under .build-bench/venv."""
    venv = os.path.join(WORK, "venv")
    python = os.path.join(venv, "bin", "python")
    marker = os.path.join(venv, ".bench-packages")
    if os.path.exists(marker) and open(marker).read().split() == PACKAGES:
        return python
    log("bench: creating .build-bench/venv with " + " ".join(PACKAGES) + " (pip, once)")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    subprocess.run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *PACKAGES], check=True)
    with open(marker, "w") as f:
        f.write("\n".join(PACKAGES))
    return python


def folder_bytes(folder):
    return sum(os.path.getsize(os.path.join(folder, name)) for name in os.listdir(folder) if not name.startswith("."))


def timed(command, env=None):
    """(wall s, CPU s, peak RSS bytes, exit status, stderr) of one run of `command`."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss * 1024, os.waitstatus_to_exitcode(status), stderr.decode("utf-8", "replace")


class Runs:
    """Repeated runs of one command: median wall and CPU time, largest peak RSS."""

    def __init__(self, name, command, ok_codes, env=None):
        self.name, self.command, self.ok_codes, self.env = name, command, ok_codes, env
        self.walls, self.cpus, self.rsss, self.stderr = [], [], [], ""

    def run(self, index, total):
        wall, cpu, rss, code, stderr = timed(self.command, self.env)
        if code not in self.ok_codes:
            sys.stderr.write(stderr)
            sys.exit(f"bench: {self.name} exited with {code}: {' '.join(self.command)}")
        log(f"bench: {self.name} run {index + 1}/{total}: {wall:.2f} s wall, {cpu:.2f} s CPU, {rss / 2**20:.0f} MiB")
        self.walls.append(wall)
        self.cpus.append(cpu)
        self.rsss.append(rss)
        self.stderr = stderr

    @property
    def wall(self):
        return statistics.median(self.walls)

    @property
    def cpu(self):
        return statistics.median(self.cpus)

    @property
    def rss(self):
        return max(self.rsss)


TIMING_LINE = re.compile(r"^timings: (\S+)\s+(.*)$")


def parse_timings(stderr):
    """benchreport's `--timings` lines: `timings: <what> key=value ...`."""
    rows = []
    for line in stderr.splitlines():
        match = TIMING_LINE.match(line)
        if match:
            fields = dict(pair.split("=", 1) for pair in match.group(2).split() if "=" in pair)
            rows.append((match.group(1), fields))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=float(os.environ.get("SCALE", 1)))
    parser.add_argument("--runs", type=int, default=int(os.environ.get("RUNS", 3)))
    parser.add_argument("--benchreport-only", action="store_true",
                        help="skip the Python reference (no venv, no pip): for CI's smoke run")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "benchreport"))
    parser.add_argument("--baseline", metavar="BINARY",
                        help="also time another benchreport build (e.g. of main) on the same folder, as 'baseline'")
    args = parser.parse_args()

    os.makedirs(WORK, exist_ok=True)
    data = generate(args.scale)
    size = folder_bytes(data)
    out = os.path.join(WORK, "out")
    shutil.rmtree(out, ignore_errors=True)

    benchreport = [args.binary, "analyze", data, "--out", os.path.join(out, "benchreport"), "--quiet", "--timings"]
    contenders = [Runs("benchreport", benchreport, ok_codes=(0, 1))]
    if args.baseline:
        baseline = [args.baseline, "analyze", data, "--out", os.path.join(out, "baseline"), "--quiet"]
        contenders.append(Runs("baseline", baseline, ok_codes=(0, 1)))
    if not args.benchreport_only:
        python = venv_python()
        pyref = [python, os.path.join(shared_bench_dir(), "pyref.py"), data, os.path.join(out, "pyref")]
        env = dict(os.environ, MPLBACKEND="Agg", MPLCONFIGDIR=os.path.join(WORK, "mplconfig"))
        contenders.append(Runs("pyref.py", pyref, ok_codes=(0,), env=env))
    # Interleaved, so a machine shared with other work slows both alike.
    for index in range(args.runs):
        for contender in contenders:
            contender.run(index, args.runs)
    br = contenders[0]
    ref = next((c for c in contenders if c.name == "pyref.py"), None)
    timings = parse_timings(br.stderr)

    print()
    print(f"input: scale {args.scale:g}, {size / 1e6:.1f} MB in {os.path.relpath(data, ROOT)}; "
          f"{args.runs} run(s) each; median wall and CPU time, largest peak RSS")
    print(f"{'':14} {'wall s':>9} {'CPU s':>9} {'peak RSS MiB':>13}")
    for contender in contenders:
        print(f"{contender.name:14} {contender.wall:9.2f} {contender.cpu:9.2f} {contender.rss / 2**20:13.0f}")
    if ref:
        wall_ratio, rss_ratio = br.wall / ref.wall, br.rss / ref.rss
        print(f"{'ratio':14} {wall_ratio:9.3f} {br.cpu / ref.cpu:9.3f} {rss_ratio:13.3f}   (benchreport / pyref; "
              f"{ref.wall / br.wall:.1f}x faster)")

    print("benchreport --timings (last run):")
    vllm_mbps = None
    for what, fields in timings:
        if what == "ingest":
            mbps = fields.get("mb_per_s", "-")
            print(f"  ingest {fields.get('format', '?'):20} files={fields.get('files', '?'):>3} "
                  f"{float(fields.get('bytes', 0)) / 1e6:8.1f} MB  {fields.get('cpu_seconds', '?'):>7} CPU s  "
                  f"{mbps:>7} MB/s per core")
            if fields.get("format") == "vllm-bench-serve" and mbps != "-":
                vllm_mbps = float(mbps)
        else:
            detail = " ".join(f"{k}={v}" for k, v in fields.items())
            print(f"  {what:6} {detail}")

    print()
    targets_apply = abs(args.scale - TARGET_SCALE) < 1e-9
    checks = []
    if ref:
        checks.append((f"wall <= {TARGET_WALL_RATIO:g} x pyref", wall_ratio <= TARGET_WALL_RATIO))
        checks.append((f"peak RSS <= {TARGET_RSS_RATIO:g} x pyref", rss_ratio <= TARGET_RSS_RATIO))
    if vllm_mbps is not None:
        checks.append((f"vLLM JSON ingest >= {TARGET_VLLM_MBPS:g} MB/s", vllm_mbps >= TARGET_VLLM_MBPS))
    where = "" if targets_apply else f" (targets are set for scale {TARGET_SCALE:g}; this is scale {args.scale:g})"
    print("targets" + where + ":")
    for name, met in checks:
        print(f"  {'met    ' if met else 'NOT met'}  {name}")


if __name__ == "__main__":
    main()
