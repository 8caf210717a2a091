import BenchModel
import Foundation
import Testing

@testable import BenchIngest

/// Every expected value is the one in the file as Python's `json.load` reads it (the literal
/// is copied from `python3 -c 'import json; print(json.load(open(path)))'`), or the value vLLM
/// printed to the console for the same run.
struct VLLMServingReaderTests {
  // MARK: - V6, per-request arrays (aurotripathy, concurrency 32)

  @Test func aurotripathyConcurrency32() throws {
    let path = TestFixtures.aurotripathy(concurrency: 32)
    let result = try TestFixtures.readSample(path)
    #expect(result.skipped.isEmpty)
    let run = try #require(TestFixtures.singleRun(result))
    #expect(run.source == SourceLocation(path: path))
    #expect(run.format == SourceFormat(tool: .vllmServe, schema: "V6"))
    #expect(run.date == "20250326-214734")
    #expect(run.model == "neuralmagic/Meta-Llama-3.1-8B-Instruct-FP8")
    #expect(run.tokenizer == "neuralmagic/Meta-Llama-3.1-8B-Instruct-FP8")
    #expect(run.backend == "openai")
    #expect(run.endpointType == nil && run.label == nil)
    #expect(run.numPrompts == 100)
    #expect(run.requestRate == .finite(10.0))
    #expect(run.burstiness == 1.0)
    #expect(run.maxConcurrency == 32)
    #expect(run.runNumber == nil)
    #expect(run.duration == 11.159001616000296)
    #expect(run.completed == 100)
    #expect(run.failed == nil)  // no `failed` key before V9
    #expect(run.totalInputTokens == 93766)
    #expect(run.totalOutputTokens == 17000)
    #expect(run.requestThroughput == 8.961375169676053)
    #expect(run.requestGoodput == nil)  // "request_goodput:": None
    #expect(run.outputThroughput == 1523.433778844929)
    #expect(run.totalTokenThroughput == 9926.156820443377)
    #expect(run.inputThroughput == nil)
    #expect(run.peakOutputThroughput == nil && run.peakConcurrentRequests == nil)
    #expect(
      run.latency[.ttft]
        == LatencySummary(
          mean: 77.0115978099966, median: 69.81729449989871, standardDeviation: 25.117955575804427,
          percentiles: [99: 133.8436533196455]))
    #expect(
      run.latency[.tpot]
        == LatencySummary(
          mean: 13.865409124674661, median: 14.557775804733817,
          standardDeviation: 1.936131105395811,
          percentiles: [99: 16.10025257284119]))
    #expect(
      run.latency[.itl]
        == LatencySummary(
          mean: 13.865412664911204, median: 11.23645799998485, standardDeviation: 7.874829242594673,
          percentiles: [99: 50.36390010004651]))
    #expect(run.latency[.e2el] == nil)  // default --percentile-metrics has no e2el
    #expect(run.metadata.isEmpty)  // best_of and "request_goodput:" are known keys
    #expect(run.samples?.count == 100)
    #expect(run.notes.isEmpty)
  }

  // MARK: - V9 (Scicom, CTX1024) against the file and the console log

  @Test func scicomCTX1024MatchesTheFile() throws {
    let path = "\(TestFixtures.scicomFolder)/run_1_TP8_DP1_CTX1024_C100_P100_O128.json"
    let run = try #require(TestFixtures.singleRun(try TestFixtures.readSample(path)))
    #expect(run.format == SourceFormat(tool: .vllmServe, schema: "V9"))
    #expect(run.date == "20260129-002451")
    #expect(run.endpointType == "vllm" && run.backend == "vllm" && run.label == nil)
    #expect(run.model == "/workspace/qwen3-32b")
    #expect(run.numPrompts == 100)
    #expect(run.requestRate == .infinite)  // "request_rate": "inf"
    #expect(run.maxConcurrency == 100)
    #expect(run.duration == 2.3843966838903725)
    #expect(run.completed == 100 && run.failed == 0)
    #expect(run.totalInputTokens == 102400 && run.totalOutputTokens == 12800)
    #expect(run.requestThroughput == 41.93933026145649)
    #expect(run.outputThroughput == 5368.234273466431)
    #expect(run.totalTokenThroughput == 48314.10846119787)
    #expect(run.peakOutputThroughput == 7924.0)
    #expect(run.peakConcurrentRequests == 100)
    #expect(
      run.latency[.ttft]
        == LatencySummary(
          mean: 855.320131755434, median: 855.3130441578105, standardDeviation: 357.34888907825234,
          percentiles: [99: 1426.806576703675]))
    #expect(
      run.latency[.tpot]
        == LatencySummary(
          mean: 11.66710450777813, median: 11.650624177161985, standardDeviation: 2.608388127222575,
          percentiles: [99: 16.17847889953286]))
    #expect(
      run.latency[.itl]
        == LatencySummary(
          mean: 11.668943101833584, median: 7.460772525519133,
          standardDeviation: 18.737708147838323,
          percentiles: [99: 98.6097122519277]))
    #expect(
      run.latency[.e2el]
        == LatencySummary(
          mean: 2337.042404243257, median: 2335.070654633455, standardDeviation: 26.85786618209489,
          percentiles: [99: 2372.1655100095086]))
    #expect(run.samples == nil)
    #expect(run.metadata.isEmpty)
    #expect(run.notes.isEmpty)
  }

  /// run_1_TP8_DP1_CTX1024_C100_P100_O128.txt is vLLM's console output of the same run; its
  /// "Serving Benchmark Result" table prints these values with two decimals.
  @Test func scicomCTX1024MatchesWhatVLLMPrinted() throws {
    let path = "\(TestFixtures.scicomFolder)/run_1_TP8_DP1_CTX1024_C100_P100_O128.json"
    let run = try #require(TestFixtures.singleRun(try TestFixtures.readSample(path)))
    func printed(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "—" }
    #expect(run.completed == 100)  // Successful requests:                     100
    #expect(run.failed == 0)  // Failed requests:                         0
    #expect(run.maxConcurrency == 100)  // Maximum request concurrency:             100
    #expect(printed(run.duration) == "2.38")  // Benchmark duration (s):                  2.38
    #expect(run.totalInputTokens == 102400)  // Total input tokens:                      102400
    #expect(run.totalOutputTokens == 12800)  // Total generated tokens:                  12800
    #expect(printed(run.requestThroughput) == "41.94")  // Request throughput (req/s):              41.94
    #expect(printed(run.outputThroughput) == "5368.23")  // Output token throughput (tok/s):         5368.23
    #expect(printed(run.peakOutputThroughput) == "7924.00")  // Peak output token throughput (tok/s):    7924.00
    #expect(printed(run.peakConcurrentRequests) == "100.00")  // Peak concurrent requests:                100.00
    #expect(printed(run.totalTokenThroughput) == "48314.11")  // Total token throughput (tok/s):          48314.11
    #expect(printed(run.latency[.ttft]?.mean) == "855.32")  // Mean TTFT (ms):                          855.32
    #expect(printed(run.latency[.ttft]?.median) == "855.31")  // Median TTFT (ms):                        855.31
    #expect(printed(run.latency[.ttft]?.percentile(99)) == "1426.81")  // P99 TTFT (ms):                           1426.81
    #expect(printed(run.latency[.tpot]?.mean) == "11.67")  // Mean TPOT (ms):                          11.67
    #expect(printed(run.latency[.tpot]?.median) == "11.65")  // Median TPOT (ms):                        11.65
    #expect(printed(run.latency[.tpot]?.percentile(99)) == "16.18")  // P99 TPOT (ms):                           16.18
    #expect(printed(run.latency[.itl]?.mean) == "11.67")  // Mean ITL (ms):                           11.67
    #expect(printed(run.latency[.itl]?.median) == "7.46")  // Median ITL (ms):                         7.46
    #expect(printed(run.latency[.itl]?.percentile(99)) == "98.61")  // P99 ITL (ms):                            98.61
    #expect(printed(run.latency[.e2el]?.mean) == "2337.04")  // Mean E2EL (ms):                          2337.04
    #expect(printed(run.latency[.e2el]?.median) == "2335.07")  // Median E2EL (ms):                        2335.07
    #expect(printed(run.latency[.e2el]?.percentile(99)) == "2372.17")  // P99 E2EL (ms):                           2372.17
  }

  // MARK: - V7b append file (nerdalert)

  /// 12 objects on lines 1…12; `--metadata framework=vllm|sgl`; rates 1/10/20/30/35/inf; the
  /// inf runs completed 1015 of 2000 prompts.
  @Test func nerdalertAppendFile() throws {
    let path = "nerdalert__vllm-benchmark-graphs/results.json"
    let result = try TestFixtures.readSample(path)
    #expect(result.skipped.isEmpty)
    #expect(result.runs.count == 12)
    #expect(result.runs.map(\.source.line) == Array(1...12))
    #expect(result.runs.allSatisfy { $0.source.path == path && $0.source.arrayIndex == nil })
    #expect(result.runs.allSatisfy { $0.format == SourceFormat(tool: .vllmServe, schema: "V7b") })
    #expect(
      result.runs.map { $0.metadata["framework"] } == Array(repeating: "vllm", count: 6)
        + Array(repeating: "sgl", count: 6))
    #expect(result.runs.allSatisfy { $0.metadata.count == 1 })
    let rates: [RequestRate] = [
      .finite(1), .finite(10), .finite(20), .finite(30), .finite(35), .infinite,
    ]
    #expect(result.runs.map(\.requestRate) == rates + rates)
    #expect(
      result.runs.allSatisfy {
        $0.backend == "vllm" && $0.model == "meta-llama/Llama-3.1-8B-Instruct"
      })
    #expect(result.runs.allSatisfy { $0.maxConcurrency == nil })  // "max_concurrency": null
    #expect(
      result.runs.map(\.numPrompts) == [
        120, 1200, 2400, 3600, 4200, 2000, 120, 1200, 2400, 3600, 4200, 2000,
      ])
    #expect(
      result.runs.map(\.completed) == [
        120, 1200, 2400, 3600, 4200, 1015, 120, 1200, 2400, 3600, 4200, 1015,
      ])
    // Line 6 (vllm, inf): duration 37.90450732503086, request_throughput 26.777818038798994.
    #expect(result.runs[5].duration == 37.90450732503086)
    #expect(result.runs[5].requestThroughput == 26.777818038798994)
    #expect(result.runs[5].failed == nil)
    // Line 12 (sgl, inf): total_token_throughput 29640.755731114376.
    #expect(result.runs[11].totalTokenThroughput == 29640.755731114376)
  }

  // MARK: - `vllm bench sweep` run file (er0080, max_num_seqs=4, run=0)

  @Test func sweepRunFileWithOverrideKeys() throws {
    let path = "\(TestFixtures.sweepSeqs4)/run=0.json"
    let run = try #require(TestFixtures.singleRun(try TestFixtures.readSample(path)))
    #expect(run.format == SourceFormat(tool: .vllmSweep, schema: "V9"))
    #expect(run.runNumber == 0)
    #expect(run.metadata == ["max_num_seqs": "4"])
    #expect(
      run.model == "facebook/opt-125m" && run.backend == "openai" && run.endpointType == "openai")
    #expect(run.requestRate == .infinite && run.maxConcurrency == 2)
    #expect(run.duration == 1.3653671270003542)
    #expect(run.completed == 8 && run.failed == 0 && run.numPrompts == 8)
    #expect(run.requestThroughput == 5.859229976904171)
    #expect(run.peakOutputThroughput == 75.0 && run.peakConcurrentRequests == 6)
    #expect(
      run.latency[.e2el]
        == LatencySummary(
          mean: 340.3411977451469, median: 166.47808399284258, standardDeviation: 307.5698400693424,
          percentiles: [99: 876.8009717071254]))
    #expect(run.latency[.ttft]?.percentile(99) == 762.4942294094944)
    #expect(run.notes.isEmpty)
  }

  /// run=1 of max_num_seqs=8: run_number 1, max_num_seqs 8.
  @Test func sweepRunNumberOne() throws {
    let run = try #require(
      TestFixtures.singleRun(try TestFixtures.readSample("\(TestFixtures.sweepSeqs8)/run=1.json")))
    #expect(run.runNumber == 1)
    #expect(run.metadata == ["max_num_seqs": "8"])
    #expect(run.duration == 0.6863886729988735)
  }

  // MARK: - v0.25.1 single runs (er0080)

  /// Re-serialised with sorted keys and indent by its publisher: order must not matter.
  @Test func keySortedFileReadsLikeAnyOther() throws {
    let run = try #require(
      TestFixtures.singleRun(
        try TestFixtures.readSample("er0080__vllm-benchmarking/bench_serve_v0.25.1.json")))
    #expect(run.format == SourceFormat(tool: .vllmServe, schema: "V9"))
    #expect(run.backend == "vllm" && run.model == "facebook/opt-125m" && run.maxConcurrency == 2)
    #expect(run.date == "20260816-160853")
    #expect(run.duration == 1.5441598830002476)
    #expect(run.outputThroughput == 82.89297074037474)
    #expect(run.peakOutputThroughput == 85.0 && run.peakConcurrentRequests == 6)
    #expect(
      run.latency[.ttft]
        == LatencySummary(
          mean: 215.53594200008774, median: 55.68139649994919,
          standardDeviation: 292.06819504885306,
          percentiles: [99: 734.4049174101428]))
    #expect(run.metadata.isEmpty)  // rtfx is a known key
  }

  /// All 8 requests failed: vLLM wrote completed 0, failed 8 and every statistic as 0.0.
  @Test func allRequestsFailed() throws {
    let run = try #require(
      TestFixtures.singleRun(
        try TestFixtures.readSample(
          "er0080__vllm-benchmarking/bench_serve_all_requests_failed_v0.25.1.json")))
    #expect(run.completed == 0 && run.failed == 8 && run.numPrompts == 8)
    #expect(run.duration == 0.00503263997961767)
    #expect(run.requestThroughput == 0.0 && run.outputThroughput == 0.0)
    #expect(run.maxConcurrency == nil)  // "max_concurrency": null = unlimited
    #expect(run.requestRate == .infinite)
    #expect(
      run.latency[.ttft]
        == LatencySummary(mean: 0, median: 0, standardDeviation: 0, percentiles: [99: 0]))
    #expect(run.latency[.e2el] == nil)
  }

  // MARK: - Trimmed vendor file (zhangxinyuehfad)

  /// No duration, counts or throughputs at all; latency keys only.
  @Test func trimmedVendorFile() throws {
    let run = try #require(
      TestFixtures.singleRun(
        try TestFixtures.readSample(
          "zhangxinyuehfad__vllm-benchmarks/serving_llama8B_tp1_sharegpt_qps_4.json")))
    #expect(run.model == "/root/.cache/modelscope/hub/LLM-Research/Meta-Llama-3-8B-Instruct")
    #expect(run.requestRate == .finite(4.0))
    #expect(run.numPrompts == 200)
    #expect(run.duration == nil && run.completed == nil && run.requestThroughput == nil)
    #expect(run.outputThroughput == nil && run.totalTokenThroughput == nil)
    #expect(run.latency[.itl]?.percentile(99) == 263.0033450573683)
    #expect(run.latency[.tpot]?.standardDeviation == 14.029752720495988)
  }

  /// `"request_rate": "inf"` → ∞ in a file with arrays; `"max_concurrency": null` stays
  /// unlimited and is not replaced from the file name.
  @Test func surajssdInfinityRate() throws {
    let run = try #require(
      TestFixtures.singleRun(try TestFixtures.readSample(TestFixtures.surajssdInf)))
    #expect(run.format == SourceFormat(tool: .vllmServe, schema: "V7a"))
    #expect(run.requestRate == .infinite)
    #expect(run.maxConcurrency == nil)
    #expect(run.model == "meta-llama/Llama-3.3-70B-Instruct")
    #expect(run.completed == 200 && run.totalOutputTokens == 42398)
    #expect(run.totalTokenThroughput == 3571.6730559792)
    #expect(run.samples?.count == 200)
    #expect(run.notes.isEmpty)
  }

  // MARK: - Synthetic versions

  /// V1: `request_inthroughput` is the request throughput; total = input + output throughput
  /// (python: 819.047619047619 + 754.2857142857143 = 1573.3333333333335).
  @Test func v1RequestInthroughputTypo() throws {
    let run = try #require(
      TestFixtures.singleRun(try TestFixtures.readSynthetic("v1-inthroughput.json")))
    #expect(run.format == SourceFormat(tool: .vllmServe, schema: "V1"))
    #expect(run.requestThroughput == 3.8095238095238093)
    #expect(run.inputThroughput == 819.047619047619)
    #expect(run.outputThroughput == 754.2857142857143)
    #expect(run.totalTokenThroughput == 1573.3333333333335)
    #expect(
      run.notes == ["total token throughput = input_throughput + output_throughput (V1–V4 file)"])
    #expect(
      run.latency[.ttft] == LatencySummary(mean: 45.25, median: 41.5, percentiles: [99: 120.125]))
    #expect(run.latency[.itl] == nil)
    #expect(run.metadata.isEmpty)  // version, best_of, use_beam_search are known keys
    #expect(run.maxConcurrency == nil && run.burstiness == nil)
  }

  /// V2: `--metadata tp=1` is a string key; arrays are read.
  @Test func v2MetadataAndArrays() throws {
    let run = try #require(
      TestFixtures.singleRun(try TestFixtures.readSynthetic("v2-arrays-with-failure.json")))
    #expect(run.format == SourceFormat(tool: .vllmServe, schema: "V2"))
    #expect(run.metadata == ["tp": "1"])
    #expect(run.requestRate == .infinite)
    #expect(run.requestThroughput == 6.0)
    #expect(run.completed == 3 && run.numPrompts == 4)
    #expect(run.samples?.count == 4)
  }

  /// V4: percentile keys `p90_*` and `p99.9_*` (vLLM's p_word rule), e2el selected, and the
  /// note about the swapped mean/median E2EL.
  @Test func v4PercentileWordsAndSwapNote() throws {
    let run = try #require(
      TestFixtures.singleRun(try TestFixtures.readSynthetic("v4-swapped-e2el.json")))
    #expect(run.format == SourceFormat(tool: .vllmServe, schema: "V4"))
    #expect(
      run.latency[.ttft]
        == LatencySummary(
          mean: 183.4, median: 110.0, standardDeviation: 148.7623608309575,
          percentiles: [90: 340.0, 99.9: 478.60000000000014]))
    #expect(
      run.latency[.e2el]
        == LatencySummary(
          mean: 200.0, median: 315.0, standardDeviation: 261.0884907459538,
          percentiles: [90: 601.2, 99.9: 827.7120000000002]))
    #expect(
      run.notes.contains(
        "V4/V5-era file: vLLM then wrote mean and median E2EL swapped; recomputed from samples when present"
      ))
  }

  /// V8: no `backend` key, so the client is `endpoint_type`; metadata strings; goodput
  /// without the colon; peak keys.
  @Test func v8EndpointTypeStandsInForBackend() throws {
    let run = try #require(
      TestFixtures.singleRun(try TestFixtures.readSynthetic("v8-endpoint-type-only.json")))
    #expect(run.format == SourceFormat(tool: .vllmServe, schema: "V8"))
    #expect(run.endpointType == "openai-chat")
    #expect(run.backend == "openai-chat")
    #expect(run.label == nil)
    #expect(run.metadata == ["gpu": "L40S", "tp": "2"])
    #expect(run.requestGoodput == 4.5)
    #expect(run.requestThroughput == 4.95)
    #expect(run.maxConcurrency == 16)
    #expect(run.peakOutputThroughput == 812.0 && run.peakConcurrentRequests == 16)
    #expect(run.failed == nil)
  }

  /// `--burstiness inf` (PR #26941) writes a bare `Infinity`: a real setting, kept. NaN and
  /// ±Infinity statistics are unknown values, each with a note.
  @Test func nanAndInfinityValues() throws {
    let run = try #require(
      TestFixtures.singleRun(try TestFixtures.readSynthetic("nan-and-infinity.json")))
    #expect(run.burstiness == .infinity)
    #expect(run.latency[.ttft] == LatencySummary(mean: 12.5, median: nil, standardDeviation: 1.25))
    #expect(
      run.latency[.tpot]
        == LatencySummary(mean: nil, median: 6.0, standardDeviation: 0.5, percentiles: [99: 7.5]))
    #expect(run.notes.contains("median_ttft_ms is NaN; treated as unknown"))
    #expect(run.notes.contains("p99_ttft_ms is Infinity; treated as unknown"))
    #expect(run.notes.contains("mean_tpot_ms is -Infinity; treated as unknown"))
    #expect(!run.notes.contains { $0.hasPrefix("burstiness") })
  }

  // MARK: - Values in unusual spellings

  @Test func unusualValueSpellings() throws {
    let object = try TestFixtures.object(
      #"{"model_id": "m", "request_rate": " Infinity ", "max_concurrency": "8", "completed": 10.0, "num_prompts": 1.5, "failed": -1, "duration": "12.5", "request_throughput": [1], "mean_ttft_ms": 1.0, "p99.9_ttft_ms": 9.0, "p101_ttft_ms": 3.0, "tag_note": true, "nested": {"a": 1}}"#
    )
    let run = VLLMServingReader.read(
      object, source: SourceLocation(path: "x.json"),
      format: SourceFormat(tool: .vllmServe, schema: "V1"))
    #expect(run.requestRate == .infinite)
    #expect(run.maxConcurrency == 8)
    #expect(run.completed == 10)
    #expect(run.numPrompts == nil)
    #expect(run.failed == nil)
    #expect(run.duration == 12.5)
    #expect(run.requestThroughput == nil)
    #expect(run.latency[.ttft] == LatencySummary(mean: 1.0, percentiles: [99.9: 9.0]))
    #expect(run.metadata == ["tag_note": "true"])
    #expect(run.notes.contains("num_prompts is 1.5, expected a whole number ≥ 0; ignored"))
    #expect(run.notes.contains("failed is -1.0, expected a whole number ≥ 0; ignored"))
    #expect(run.notes.contains("request_throughput is an array, expected a number; ignored"))
  }

  @Test(arguments: [
    (#""inf""#, RequestRate.infinite), (#""+inf""#, .infinite), (#""Infinity""#, .infinite),
    ("Infinity", .infinite), ("10.0", .finite(10)), (#""0.5""#, .finite(0.5)), ("4", .finite(4)),
  ])
  func requestRateSpellings(json: String, expected: RequestRate) throws {
    let run = VLLMServingReader.read(
      try TestFixtures.object(#"{"completed": 1, "request_rate": \#(json)}"#),
      source: SourceLocation(path: "x"),
      format: SourceFormat(tool: .vllmServe, schema: "V1"))
    #expect(run.requestRate == expected)
  }

  @Test(arguments: ["0", "-1", "NaN", "-Infinity", #""fast""#, "null", "[1]"])
  func unusableRequestRates(json: String) throws {
    let run = VLLMServingReader.read(
      try TestFixtures.object(#"{"completed": 1, "request_rate": \#(json)}"#),
      source: SourceLocation(path: "x"),
      format: SourceFormat(tool: .vllmServe, schema: "V1"))
    #expect(run.requestRate == nil)
  }
}

extension VLLMServingReaderTests {
  /// Newest V9 files (formats/vllm-sglang.md §1.3–1.4) add measured per-run values —
  /// `spec_decode_*` (deltas of the server's Prometheus counters), `probe_*`, `diffusion_*` —
  /// which differ from run to run. They are results, not configuration: they must not become
  /// metadata (metadata are `--metadata` strings and sweep overrides, and split sweeps).
  static func v9Run(concurrency: Int, acceptance: Double) -> String {
    #"{"date": "20260801-120000", "endpoint_type": "vllm", "backend": "vllm", "label": null, "model_id": "m", "tokenizer_id": "m", "num_prompts": 50, "gpu": "H200", "request_rate": "inf", "burstiness": 1.0, "max_concurrency": \#(concurrency), "duration": 5.0, "completed": 50, "failed": 0, "total_input_tokens": 5000, "total_output_tokens": 5000, "request_throughput": 10.0, "request_goodput": null, "output_throughput": 1000.0, "total_token_throughput": 2000.0, "max_output_tokens_per_s": 1200.0, "max_concurrent_requests": \#(concurrency), "rtfx": 0.0, "probe_completed": 3, "probe_failed": 0, "probe_median_e2el_ms": 41.5, "probe_p99_e2el_ms": 60.25, "probe_max_e2el_ms": 61.0, "spec_decode_acceptance_rate": \#(acceptance), "spec_decode_acceptance_length": 2.9, "spec_decode_num_drafts": 1700, "spec_decode_draft_tokens": 5100, "spec_decode_accepted_tokens": 3300, "spec_decode_per_position_acceptance_rates": [0.8, 0.6, 0.5], "diffusion_steps_per_canvas": 12.0, "mean_ttft_ms": 20.0}"#
  }

  @Test func measuredSpecDecodeAndProbeValuesAreNotMetadata() throws {
    let run = try #require(
      TestFixtures.singleRun(
        ResultFileReader().read(
          Array(Self.v9Run(concurrency: 4, acceptance: 64.7).utf8), path: "a.json")))
    #expect(run.format == SourceFormat(tool: .vllmServe, schema: "V9"))
    #expect(run.metadata == ["gpu": "H200"])
  }

  /// The consequence if they were: runs of one sweep would each get their own identity.
  @Test func specDecodeRunsAtSeveralConcurrenciesFormOneSweep() {
    var runs: [Run] = []
    for (index, (concurrency, acceptance)) in [(1, 71.3), (4, 64.7), (16, 58.2)].enumerated() {
      runs +=
        ResultFileReader().read(
          Array(Self.v9Run(concurrency: concurrency, acceptance: acceptance).utf8),
          path: "r\(index).json"
        ).runs
    }
    let sweeps = SweepGrouper.group(runs).sweeps
    #expect(sweeps.count == 1)
    #expect(
      sweeps.first?.levels.map(\.level) == [.concurrency(1), .concurrency(4), .concurrency(16)])
  }
}
