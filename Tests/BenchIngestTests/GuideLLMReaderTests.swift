import BenchModel
import Foundation
import Testing

@testable import BenchIngest

/// GuideLLM reports of three generations, with expected numbers from GuideLLM's own printout
/// (`benchmarks_stripped_output.txt`, rounded as printed) or the report's own fields.
struct GuideLLMReaderTests {
  static let folder = TestFixtures.root.appendingPathComponent("guidellm")

  static func read(_ name: String) -> IngestResult {
    let path = folder.appendingPathComponent(name).path
    return GuideLLMReader.read((path, name), yaml: name.hasSuffix(".yaml"))
  }

  @Test func strippedZeroThreeReportMatchesGuideLLMsPrintout() throws {
    let result = Self.read("benchmarks_stripped.json")
    #expect(result.skipped.isEmpty)
    let run = try #require(result.runs.first)
    #expect(result.runs.count == 1)
    #expect(run.format == SourceFormat(tool: .guidellm, schema: "0.2-0.3"))
    #expect(run.maxConcurrency == 1)  // synchronous
    #expect(run.requestRate == nil)
    // "Comp 46 | Inc 1 | Err 0", "Duration (s) 30.0"
    #expect(run.completed == 46)
    #expect(run.failed == 0)
    #expect(abs(run.duration! - 30.0) < 0.05)
    #expect(run.configuredInputLength == 256 && run.configuredOutputLength == 128)
    #expect(run.model == "example_model")
    // "Per Second 1.55", "Out Tok/sec 198.1", "Tot Tok/sec 992.7"
    #expect(abs(run.requestThroughput! - 1.55) < 0.005)
    #expect(abs(run.outputThroughput! - 198.1) < 0.05)
    #expect(abs(run.totalTokenThroughput! - 992.7) < 0.05)
    // "Req Latency (sec) 0.64 0.64 0.69", "TTFT (ms) 16.8 16.4 21.3", "ITL (ms) 4.9 4.9 5.3", "TPOT (ms) 4.9 4.9 5.2"
    let e2e = try #require(run.latency[.e2el])
    #expect(abs(e2e.mean! - 640) < 5 && abs(e2e.median! - 640) < 5 && abs(e2e.percentile(99)! - 690) < 5)
    let ttft = try #require(run.latency[.ttft])
    #expect(abs(ttft.mean! - 16.8) < 0.05 && abs(ttft.median! - 16.4) < 0.05 && abs(ttft.percentile(99)! - 21.3) < 0.05)
    #expect(abs(run.latency[.itl]!.percentile(99)! - 5.3) < 0.05)
    #expect(abs(run.latency[.tpot]!.percentile(99)! - 5.2) < 0.05)
    #expect(ttft.origin == .reported)
    // GuideLLM's p001 is the 0.1st percentile, p999 the 99.9th.
    #expect(ttft.percentiles.keys.contains(0.1) && ttft.percentiles.keys.contains(99.9))
  }

  @Test func yamlTwinGivesTheSameRun() throws {
    let json = try #require(Self.read("benchmarks_stripped.json").runs.first)
    var yaml = try #require(Self.read("benchmarks_stripped.yaml").runs.first)
    yaml.source = json.source
    #expect(yaml == json)
  }

  @Test func reportV1ConcurrentBenchmark() throws {
    let result = Self.read("Qwen_Qwen3-4B-Thinking-2507_tp4_quant-fp8_benchmarks.json")
    let run = try #require(result.runs.first)
    #expect(run.format.schema == "report-v1")
    #expect(run.maxConcurrency == 4)  // strategy concurrent, streams 4
    #expect(run.model == "Qwen/Qwen3-4B-Thinking-2507")
    #expect(run.completed == 4 && run.failed == 0)
    // metrics.time_to_first_token_ms.successful.percentiles.p99 in the file
    #expect(run.latency[.ttft]?.percentile(99) == 172.63293266296387)
    #expect(run.latency[.e2el]?.mean == 24.90865981578827 * 1000)
  }

  @Test func reportV2ConstantRates() throws {
    let result = Self.read("guidellm_report_v2.json")
    #expect(result.runs.map(\.requestRate) == [.finite(2), .finite(4)])
    #expect(result.runs.allSatisfy { $0.maxConcurrency == nil && $0.format.schema == "report-v2" && $0.model == "e2e-mock-model" })
    #expect(result.runs.map(\.completed) == [2, 2])
    #expect(result.runs[0].latency[.ttft]?.mean == 11.481165885925293)
  }

  @Test func aReportWithNoCompletedBenchmarkIsSkippedWithGuideLLMsName() {
    let report = #"{"metadata":{"version":1},"benchmarks":[{"type_":"generative_benchmark","config":{"strategy":{"type_":"constant","rate":8}},"metrics":{"request_totals":{"successful":0,"errored":12,"incomplete":0,"total":12}}}]}"#
    let result = GuideLLMReader.runs(from: try! TolerantJSONParser().parse(Array(report.utf8)), display: "all-errored.json")
    #expect(result.runs.isEmpty)
    #expect(result.skipped.map(\.reason) == ["GuideLLM benchmark 1 (constant) completed no request (12 errored, 0 incomplete)"])
  }

  @Test func consoleSummaryIsSkippedAsGuideLLMs() throws {
    let head = try TestFixtures.bytes(Self.folder.appendingPathComponent("benchmarks_stripped_output.txt"))
    #expect(GuideLLMReader.kind(head) == .console)
  }
}
