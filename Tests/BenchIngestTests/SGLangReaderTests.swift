import BenchModel
import Foundation
import Testing

@testable import BenchIngest

/// Expected values are the file's own (Python `json.loads` of each line); derived values are
/// computed in Python from those (`completed / duration`, …) and say so.
struct SGLangReaderTests {
  static let online70b = "datacrunch-research__h200-benchmarks/llama_3_3_70b_online_output.jsonl"

  /// Line 1 of the 70B online file: random 1024/1024 at 1 req/s, schema S2.
  @Test func s2RandomDatasetLine() throws {
    let result = try TestFixtures.readSample(Self.online70b)
    #expect(result.skipped.isEmpty)
    #expect(result.runs.count == 7)
    let run = result.runs[0]
    #expect(run.source == SourceLocation(path: Self.online70b, line: 1))
    #expect(run.format == SourceFormat(tool: .sglang, schema: "S2"))
    #expect(run.backend == "sglang")
    #expect(run.dataset == "random")
    #expect(run.configuredInputLength == 1024 && run.configuredOutputLength == 1024)
    #expect(run.model == nil && run.date == nil)  // SGLang S2 writes neither
    #expect(run.requestRate == .finite(1.0))
    #expect(run.maxConcurrency == nil)
    #expect(run.duration == 298.3675805060193)
    #expect(run.completed == 300)
    #expect(run.totalInputTokens == 152612 && run.totalOutputTokens == 160347)
    #expect(run.outputThroughput == 537.4142851849319)
    // python: 300 / 298.3675805060193 and (152612 + 160347) / 298.3675805060193
    #expect(run.requestThroughput == 1.0054711691237104)
    #expect(run.totalTokenThroughput == 1048.9041720592909)
    #expect(
      run.latency[.e2el] == LatencySummary(mean: 7840.616212638561, median: 7819.046192569658))
    #expect(run.latency[.ttft] == LatencySummary(median: 85.74514742940664))
    #expect(run.latency[.itl] == LatencySummary(median: 13.638956006616354))
    #expect(run.latency[.tpot] == nil)
    #expect(run.metadata.isEmpty)
    #expect(
      run.notes == [
        "request throughput = completed / duration (not in this SGLang file)",
        "total token throughput = (input + output tokens) / duration",
      ])
    #expect(run.samples == nil && run.numPrompts == nil && run.failed == nil)
  }

  /// Lines 6–7 are ShareGPT (rates 4 and 8): `sharegpt_output_len` is null, and the random
  /// lengths written alongside do not apply.
  @Test func s2ShareGPTLines() throws {
    let runs = try TestFixtures.readSample(Self.online70b).runs
    #expect(
      runs.map(\.requestRate) == [
        .finite(1), .finite(2), .finite(4), .finite(8), .finite(16), .finite(4), .finite(8),
      ])
    #expect(runs.map(\.source.line) == Array(1...7))
    let shareGPT = runs[5]
    #expect(shareGPT.dataset == "sharegpt")
    #expect(shareGPT.configuredInputLength == nil && shareGPT.configuredOutputLength == nil)
    #expect(shareGPT.completed == 1200)
    #expect(shareGPT.latency[.e2el]?.mean == 3201.4825566502986)
  }

  /// Every line of the offline file has a bare `"request_rate": Infinity`.
  @Test func bareInfinityRequestRate() throws {
    let runs = try TestFixtures.readSample(
      "datacrunch-research__h200-benchmarks/llama_3_3_70b_offline_output.jsonl"
    ).runs
    #expect(runs.count == 7)
    #expect(runs.allSatisfy { $0.requestRate == .infinite })
    #expect(runs.map(\.configuredInputLength) == [1024, 1024, 4096, 4096, 4096, 256, nil])
    #expect(runs.map(\.configuredOutputLength) == [1024, 512, 2048, 1024, 1024, 512, nil])
    // Lines 4 and 5: the same configuration run twice (duration 459.340072668856 and 459.93267366313376).
    #expect(runs[3].duration == 459.340072668856 && runs[4].duration == 459.93267366313376)
  }

  @Test func deepseekSingleLine() throws {
    let run = try #require(
      TestFixtures.singleRun(
        try TestFixtures.readSample(
          "datacrunch-research__h200-benchmarks/deepseek_dp_mla_output.jsonl")))
    #expect(run.source.line == nil)  // one object: no line needed
    #expect(run.requestRate == .infinite)
    #expect(run.configuredInputLength == 1 && run.configuredOutputLength == 512)
    #expect(run.completed == 10000 && run.totalOutputTokens == 5_120_000)
    #expect(run.outputThroughput == 12412.394674113431)
  }

  /// S1 (PR #686): `total_input`, `total_output`, `median_ttft`, `median_itl`,
  /// `output_token_throughput`.
  @Test func s1OldKeyNames() throws {
    let run = try #require(TestFixtures.singleRun(try TestFixtures.readSynthetic("s1-pr686.jsonl")))
    #expect(run.format == SourceFormat(tool: .sglang, schema: "S1"))
    #expect(run.requestRate == .finite(16))
    #expect(run.totalInputTokens == 230814 && run.totalOutputTokens == 190231)
    #expect(run.outputThroughput == 2500.75)
    #expect(run.latency[.ttft] == LatencySummary(median: 120.5))
    #expect(run.latency[.itl] == LatencySummary(median: 20.25))
    #expect(run.dataset == "sharegpt" && run.configuredOutputLength == nil)
    #expect(run.requestThroughput == nil && run.duration == nil)
  }

  /// S3 with `--output-details`: reported summaries, measured concurrency, prompts and
  /// failures counted from the arrays (line 2: 4 requests, one 503).
  @Test func s3WithOutputDetails() throws {
    let runs = try TestFixtures.readSynthetic("s3-output-details.jsonl").runs
    #expect(runs.count == 2)
    #expect(
      runs.map(\.format) == Array(repeating: SourceFormat(tool: .sglang, schema: "S3"), count: 2))
    #expect(runs.map(\.backend) == ["sglang-oai", "sglang-oai"])
    #expect(runs.map(\.maxConcurrency) == [64, 64])
    #expect(runs.map(\.requestThroughput) == [2.4, 3.333333333333333])
    #expect(runs.map(\.inputThroughput) == [2067.2, 2826.6666666666665])
    #expect(runs.map(\.measuredConcurrency) == [0.284, 0.47])
    #expect(runs.map(\.numPrompts) == [3, 4])
    #expect(runs.map(\.failed) == [0, 1])
    #expect(runs.map(\.completed) == [3, 3])
    #expect(
      runs[1].latency[.itl]
        == LatencySummary(
          mean: 16.0, median: 16.0, standardDeviation: 1.224744871391589,
          percentiles: [95: 17.65, 99: 17.93]))
    #expect(
      runs[0].latency[.e2el]
        == LatencySummary(
          mean: 118.33333333333333, median: 123.0, standardDeviation: 11.115554667022039,
          percentiles: [99: 128.88]))
    #expect(
      runs[1].samples?.errorCounts == [
        ErrorCount(message: "Server returned 503: Service Unavailable", count: 1)
      ])
    #expect(runs.allSatisfy { $0.metadata.isEmpty })
  }

  /// S4: model from `server_info.served_model_name`, `tag` null, bare Infinity rate, peak
  /// concurrency above the limit (3 > 2), `total_throughput`, p90/p95/p99 keys.
  @Test func s4ServerInfo() throws {
    let runs = try TestFixtures.readSynthetic("s4-server-info.jsonl").runs
    #expect(runs.count == 2)
    let run = runs[1]
    #expect(run.format == SourceFormat(tool: .sglang, schema: "S4"))
    #expect(run.model == "GLM-5-W8A8")
    #expect(run.label == nil)
    #expect(run.requestRate == .infinite)
    #expect(run.maxConcurrency == 2)
    #expect(run.peakConcurrentRequests == 3 && run.peakOutputThroughput == 160.0)
    #expect(run.totalTokenThroughput == 2775.801652892562)
    #expect(run.requestThroughput == 0.2644628099173554)
    #expect(run.measuredConcurrency == 1.9623140495867768)
    #expect(
      run.latency[.e2el]
        == LatencySummary(
          mean: 7420.0, median: 7410.0, standardDeviation: 25.0,
          percentiles: [90: 7450.0, 95: 7460.0, 99: 7475.0]))
    #expect(run.latency[.ttft]?.percentiles == [90: 950.0, 95: 975.0, 99: 990.0])
    #expect(run.configuredInputLength == 10240 && run.configuredOutputLength == 256)
    #expect(run.metadata.isEmpty)  // server_info, cache_report are objects; the rest known keys
    #expect(run.notes.isEmpty)
  }

  /// §3.1: `"request_rate": "trace"` (`--use-trace-timestamps`) has no rate level.
  @Test func traceRequestRate() throws {
    let object = try TestFixtures.object(
      #"{"backend": "sglang", "request_rate": "trace", "completed": 5, "mean_e2e_latency_ms": 1.0}"#
    )
    let run = SGLangReader.read(
      object, source: SourceLocation(path: "x.jsonl"),
      format: SourceFormat(tool: .sglang, schema: "S3"))
    #expect(run.requestRate == nil)
    #expect(run.notes == ["request_rate is \"trace\" (replayed timestamps); no rate level"])
  }

  /// A `tag` is the run's label; `model_path` stands in when `served_model_name` is absent.
  @Test func tagAndModelPath() throws {
    let object = try TestFixtures.object(
      #"{"tag": "nightly-a", "backend": "sglang", "request_rate": 2, "completed": 5, "duration": 1.0, "mean_e2e_latency_ms": 1.0, "server_info": {"model_path": "/models/Qwen3-8B"}}"#
    )
    let run = SGLangReader.read(
      object, source: SourceLocation(path: "x.jsonl"),
      format: SourceFormat(tool: .sglang, schema: "S4"))
    #expect(run.label == "nightly-a")
    #expect(run.model == "/models/Qwen3-8B")
    #expect(run.requestThroughput == 5.0)
  }
}
