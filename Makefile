# benchreport — build, demo and test. Every target installs what it needs.
#
#   make demo   install apt packages if missing, build release, analyse samples/ into reports/
#   make test   install apt packages if missing, run the whole test suite
#   make check-html  install Chromium if missing, render a report in headless Chromium, check it
#   make bench  time `benchreport analyze` against ../shared/bench/pyref.py on generated data
#               (SCALE=1 RUNS=3; BENCH_FLAGS=--benchreport-only skips the Python reference), then
#               record a generated 5,200-analysis history and time it (make bench-history)

SWIFT        ?= swift
BIN          := .build/release/benchreport
APT_PACKAGES := pkg-config libcairo2-dev libpango1.0-dev libxml2-dev zlib1g-dev fonts-dejavu-core fonts-wqy-microhei
# Only check-html needs a browser (and python3 to look at its screenshots); make test does not.
BROWSER_PACKAGES := chromium python3
CHECK_HTML_SAMPLE := samples/vllm-request-rate-sweep-h100
# Every sample folder is analysed; samples/compare/NAME/{base,new} are before/after pairs for
# `compare`. A week-2 folder is analysed with its week 1 as --baseline (the 较上周 section).
# The gateway's weeks go last and in order (week 1 first): each is recorded into the history
# before the next week's report reads it, as on a machine where the committed history holds them all.
HISTORY_WEEKS := samples/locust-user-sweep-gateway/ $(sort $(dir $(wildcard samples/locust-user-sweep-gateway-week*/)))
SAMPLES      := $(filter-out samples/compare/ $(HISTORY_WEEKS),$(sort $(dir $(wildcard samples/*/)))) $(HISTORY_WEEKS)
PAIRS        := $(sort $(dir $(wildcard samples/compare/*/)))
BASELINE_locust-user-sweep-gateway-week2 := samples/locust-user-sweep-gateway
# The gateway's weeks (locust-user-sweep-gateway*) are recorded into this history file, committed;
# each week's report gets the trends section up to that week, and `benchreport trend` writes the
# trend report alone. Recording the same inputs again writes nothing, so the file stays as committed.
HISTORY      := reports/history/locust-gateway.sqlite
COMPARE_RULES := output_throughput:-5%,success_rate:-1pt,max_stable:-1%
# Tests and demo pin fontconfig so charts are byte-identical on every machine.
export FONTCONFIG_FILE := $(CURDIR)/Tests/fonts.conf

SCALE        ?= 1
RUNS         ?= 3
BENCH_FLAGS  ?=

# Fuzzing: coverage-instrumented build linked with libFuzzer's no-main runtime (see
# Sources/benchreport-fuzz/FuzzEntry.swift for why), run for FUZZ_SECONDS on Tests/FuzzCorpus.
FUZZ_SECONDS ?= 60
FUZZ_BUILD   := .build-fuzz
LIBFUZZER    := $(firstword $(wildcard $(dir $(shell readlink -f $$(which swiftc)))../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a))

.PHONY: all deps build demo test bench bench-history check-html fuzz clean

all: build

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing apt packages:$$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	$(SWIFT) build -c release --product benchreport

demo: build
	@for dir in $(SAMPLES); do \
	  name=$$(basename $$dir); \
	  case $$name in locust-user-sweep-gateway-week2) baseline="--baseline $(BASELINE_locust-user-sweep-gateway-week2)";; *) baseline="";; esac; \
	  case $$name in locust-user-sweep-gateway) history="--history $(HISTORY) --label week1";; \
	    locust-user-sweep-gateway-week*) history="--history $(HISTORY) --label $${name#locust-user-sweep-gateway-}";; *) history="";; esac; \
	  echo "== $$name"; \
	  mkdir -p $(dir $(HISTORY)); \
	  $(BIN) analyze $$dir --out reports/$$name --format md,html,json,pr $$baseline $$history || exit $$?; \
	  $(BIN) analyze $$dir --out reports/$$name/en --lang en --format md,html,json,pr --quiet $$baseline $$history || exit $$?; \
	done
	@echo "== trend-locust-gateway"
	@$(BIN) trend $(HISTORY) --out reports/trend-locust-gateway --quiet
	@$(BIN) trend $(HISTORY) --out reports/trend-locust-gateway/en --lang en --quiet
	@for pair in $(PAIRS); do \
	  pair=$${pair%/}; name=compare-$$(basename $$pair); \
	  echo "== $$name"; \
	  $(BIN) compare $$pair/base $$pair/new --out reports/$$name --format md,html,json,pr --fail-on $(COMPARE_RULES) || exit $$?; \
	  $(BIN) compare $$pair/base $$pair/new --out reports/$$name/en --lang en --format md,html,json,pr --fail-on $(COMPARE_RULES) --quiet || exit $$?; \
	done
	@echo "== compare-locust-gateway-week2"
	@$(BIN) compare $(BASELINE_locust-user-sweep-gateway-week2) samples/locust-user-sweep-gateway-week2 --out reports/compare-locust-gateway-week2 --format md,html,json,pr --fail-on $(COMPARE_RULES)
	@$(BIN) compare $(BASELINE_locust-user-sweep-gateway-week2) samples/locust-user-sweep-gateway-week2 --out reports/compare-locust-gateway-week2/en --lang en --format md,html,json,pr --fail-on $(COMPARE_RULES) --quiet

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: build
	python3 scripts/bench.py --scale $(SCALE) --runs $(RUNS) $(BENCH_FLAGS)
	@$(MAKE) --no-print-directory bench-history

# The history: 5 years of weekly analyses of 20 sweeps (HISTORY_ANALYSES=5200) recorded into a
# new file (time per record, file size), then the trend report of all 20 sweeps rendered from it
# (wall time of `benchreport trend`, with charts and without).
HISTORY_ANALYSES ?= 5200
bench-history:
	$(SWIFT) build -c release --product benchreport-history-bench
	@mkdir -p .build/bench-history
	.build/release/benchreport-history-bench .build/bench-history/history.sqlite $(HISTORY_ANALYSES) 20
	@for charts in png,svg none; do \
	  python3 -c 'import subprocess, sys, time; start = time.perf_counter(); subprocess.run(sys.argv[1:], check=True); print("history: benchreport trend (20 sweeps x 12 entries, md+html+json, charts %s): %.2f s" % (sys.argv[-1], time.perf_counter() - start))' \
	    $(BIN) trend .build/bench-history/history.sqlite --out .build/bench-history/trend-$$charts --quiet --charts $$charts || exit $$?; \
	done

# Renders the HTML report of one sample and checks it in headless Chromium (.ci/check-html):
# screenshots (laptop and phone, light and dark) go to .build/check-html/.
check-html: build
	@$(MAKE) --no-print-directory deps APT_PACKAGES="$(BROWSER_PACKAGES)"
	rm -rf .build/check-html
	$(BIN) analyze $(CHECK_HTML_SAMPLE) --out .build/check-html/report --format html --charts svg --quiet
	.ci/check-html .build/check-html/report/report.html .build/check-html

fuzz: deps
	@test -n "$(LIBFUZZER)" || { echo "libFuzzer runtime (libclang_rt.fuzzer_no_main) not found next to swiftc"; exit 2; }
	$(SWIFT) build --product benchreport-fuzz --scratch-path $(FUZZ_BUILD) \
	  -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
	  -Xswiftc -DFUZZING -Xlinker $(LIBFUZZER) -Xlinker -lstdc++
	mkdir -p $(FUZZ_BUILD)/corpus $(FUZZ_BUILD)/crashes
	$(FUZZ_BUILD)/debug/benchreport-fuzz $(FUZZ_BUILD)/corpus Tests/FuzzCorpus/json Tests/FuzzCorpus/csv \
	  -dict=Tests/FuzzCorpus/json.dict -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	  -artifact_prefix=$(FUZZ_BUILD)/crashes/ -print_final_stats=1
	@echo "new crashers (if any) are in $(FUZZ_BUILD)/crashes/: add them to Tests/FuzzCorpus/json/ once fixed"

clean:
	rm -rf .build $(FUZZ_BUILD)
