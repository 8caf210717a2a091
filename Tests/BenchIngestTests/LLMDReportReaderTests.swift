import BenchModel
import Foundation
import Testing

@testable import BenchIngest

/// llm-d Benchmark Reports (the maintainers' examples); expected numbers are the files' own,
/// converted from the unit each statistic names.
struct LLMDReportReaderTests {
  static let folder = TestFixtures.root.appendingPathComponent("llm-d-benchmark-report")

  static func read(_ name: String) -> IngestResult {
    LLMDReportReader.read((folder.appendingPathComponent(name).path, name), yaml: name.hasSuffix(".yaml"))
  }

  @Test(arguments: ["br_v0_2_example.yaml", "br_v0_2_1_example.yaml"])
  func v02ReportIsOneRunAtItsStandardizedRate(name: String) throws {
    let head = try TestFixtures.bytes(Self.folder.appendingPathComponent(name))
    #expect(LLMDReportReader.kind(head) == .yaml)
    let run = try #require(Self.read(name).runs.first)
    #expect(run.requestRate == .finite(10))  // scenario.load.standardized.rate_qps (concurrency: .inf)
    #expect(run.maxConcurrency == nil)
    #expect(run.backend == "inference-perf")  // scenario.load.standardized.tool
    #expect(run.model == "Qwen/Qwen3-0.6B")  // scenario.stack[0].standardized.model.name
    #expect(run.configuredInputLength == 2148 && run.configuredOutputLength == 1000)  // input/output_seq_len.value
    #expect(run.metadata["llm-d experiment"] == "d9c5a5ddce6c2f885a9f8e6a6a6db0fb")  // run.eid
    #expect(run.completed == 500 && run.failed == 0)  // aggregate.requests.total / failures
    #expect(run.duration == 49.97206788184121)  // run.time.duration PT49.97206788184121S
    #expect(run.requestThroughput == 2262.448)  // aggregate.throughput.request_rate.mean (placeholder)
    // aggregate.latency.time_to_first_token (units: s): p50, p99p9, mean
    #expect(run.latency[.ttft]?.median == 0.03622930939309299 * 1000)
    #expect(run.latency[.ttft]?.percentile(99.9) == 0.057014757215045425 * 1000)
    #expect(run.latency[.ttft]?.percentile(0.1) == 0.027322400792501866 * 1000)
    #expect(run.latency[.tpot]?.mean == 0.0368578234128654 * 1000)  // time_per_output_token (s/token)
    #expect(run.latency[.itl] == nil)
  }

  @Test func v01ReportTakesItsLoadLevelFromTheHarnessArguments() throws {
    let run = try #require(Self.read("br_v0_1_example.yaml").runs.first)
    #expect(run.format.schema == "v0.1")
    #expect(run.requestRate == .finite(1.34))  // scenario.load.args.qps_values
    #expect(run.model == "deepseek-ai/DeepSeek-R1-0528")
    #expect(run.completed == 31 && run.failed == 0)  // requests.total 32 − failures 0 − incomplete 1
    #expect(run.duration == 16.531641244888306)  // metrics.time.duration
    #expect(run.requestThroughput == 1.0238155253639)  // metrics.throughput.requests_per_sec
    // latency.time_to_first_token (units: ms) p90; time_per_output_token (ms/token) p50
    #expect(run.latency[.ttft]?.percentile(90) == 2.26959549135063)
    #expect(run.latency[.tpot]?.median == 0.0611870964678625)
    #expect(run.notes.contains { $0.contains("check the unit") })  // request_latency mean 3.31 "ms"
  }

  @Test func isoDurations() {
    #expect(LLMDReportReader.isoDurationSeconds(.string("PT49.5S")) == 49.5)
    #expect(LLMDReportReader.isoDurationSeconds(.string("PT1H2M3S")) == 3723)
    #expect(LLMDReportReader.isoDurationSeconds(.string("P1D")) == nil)
  }

  @Test func reportWithoutLoadLevelIsSkippedWithTheToolsName() throws {
    let bytes = Array(
      #"{"version": "0.2", "scenario": {"load": {"standardized": {"tool": "vllm-benchmark"}}}, "results": {"request_performance": {"aggregate": {}}}}"#
        .utf8)
    let report = try #require(
      bytes.withUnsafeBufferPointer { TolerantJSONParser().parseDocuments($0).documents.first?.value })
    guard case .failure(let skipped) = LLMDReportReader.run(report, display: "r.json") else {
      Issue.record("a report without a load level was read")
      return
    }
    #expect(skipped.reason.hasPrefix("llm-d Benchmark Report v0.2 (vllm-benchmark) with no load level"))
  }
}
