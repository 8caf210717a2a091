import BenchModel
import Foundation
import Testing

@testable import BenchIngest

/// AIPerf exports of three generations; expected numbers from the CSV AIPerf wrote beside each
/// JSON (its own printout, two decimals).
struct AIPerfReaderTests {
  static let folder = TestFixtures.root.appendingPathComponent("aiperf")

  static func read(_ name: String) -> IngestResult {
    AIPerfReader.read((folder.appendingPathComponent(name).path, name))
  }

  static func close(_ value: Double?, _ expected: Double, within: Double = 0.005) -> Bool {
    guard let value else { return false }
    return abs(value - expected) <= within
  }

  @Test func schema13ExportMatchesItsCSV() throws {
    let run = try #require(Self.read("c16/profile_export_aiperf.json").runs.first)
    #expect(run.format == SourceFormat(tool: .aiperf, schema: "schema-1.3"))
    #expect(run.maxConcurrency == 16)  // phases[profiling].concurrency
    #expect(run.model == "qwen3.6-nvfp4")
    // CSV: Request Count 96.00, Benchmark Duration 44.52, Request Throughput 2.16, Output Token Throughput 1172.15
    #expect(run.completed == 96 && run.failed == 0)
    #expect(Self.close(run.duration, 44.52) && Self.close(run.requestThroughput, 2.16))
    #expect(Self.close(run.outputThroughput, 1172.15))
    // CSV: Time to First Token avg 230.14, p50 177.79, p99 687.62; Request Latency p99 18625.45;
    // Inter Token Latency p99 13.27
    let ttft = try #require(run.latency[.ttft])
    #expect(Self.close(ttft.mean, 230.14) && Self.close(ttft.median, 177.79) && Self.close(ttft.percentile(99), 687.62))
    #expect(Self.close(run.latency[.e2el]?.percentile(99), 18625.45))
    #expect(Self.close(run.latency[.tpot]?.percentile(99), 13.27))
    #expect(ttft.origin == .reported)
  }

  @Test func october2025RecordsWrapperMatchesItsCSV() throws {
    let run = try #require(Self.read("run1/profile_export_aiperf.json").runs.first)
    #expect(run.format.schema == "records-2025-10")
    #expect(run.maxConcurrency == 100)  // input_config.loadgen.concurrency
    // CSV: Request Count 89.00; the JSON's error_request_count 11 (cancelled requests)
    #expect(run.completed == 89 && run.failed == 11)
    #expect(Self.close(run.duration, 9.32) && Self.close(run.requestThroughput, 9.55))
    // CSV: Time to First Token p50 2369.32, p99 3833.39; Request Latency avg 9059.65
    #expect(Self.close(run.latency[.ttft]?.percentile(99), 3833.39) && Self.close(run.latency[.ttft]?.median, 2369.32))
    #expect(Self.close(run.latency[.e2el]?.mean, 9059.65))
  }

  @Test func flatKeysExport() throws {
    let run = try #require(Self.read("qwen_concurrency1/profile_export_aiperf.json").runs.first)
    #expect(run.format.schema == "flat-2025-11")
    #expect(run.maxConcurrency == 1 && run.completed == 64 && run.model == "Qwen/Qwen3-0.6B")
    // The JSON's own request_throughput.avg and time_to_first_token.p99
    #expect(run.requestThroughput == 0.2504302580624667)
    #expect(run.latency[.ttft]?.percentile(99) == 34.344268879999994)
  }

  @Test func anExportWithoutALoadLevelIsSkippedWithAIPerfsName() {
    let result = Self.read("golden/v1_streaming.json")
    #expect(result.runs.isEmpty)
    #expect(result.skipped.first?.reason.hasPrefix("AIPerf export with no load level") == true)
  }

  @Test func anExportWithOnlyErrorsIsSkippedWithTheReason() throws {
    let text = #"{"schema_version":"1.3","aiperf_version":"0.10.0","request_count":{"unit":"requests","avg":0},"error_request_count":{"unit":"requests","avg":5},"input_config":{"phases":[{"name":"profiling","type":"concurrency","concurrency":4}]},"was_cancelled":false,"error_summary":[{"error_details":{"code":500,"type":"ServerError","message":"boom"},"count":5}]}"#
    let result = AIPerfReader.run(try TolerantJSONParser().parse(Array(text.utf8)), display: "errors-only.json")
    guard case .failure(let skipped) = result else {
      Issue.record("an all-errors export gave a run")
      return
    }
    #expect(skipped.reason == "AIPerf export with only errors (5 failed requests: ServerError)")
  }

  @Test func csvBesideTheJSONIsADuplicateAndTheCSVAloneIsNotRead() throws {
    let files = ["c16/profile_export_aiperf.json", "c16/profile_export_aiperf.csv", "run1/profile_export_aiperf.csv"].map { name in
      SniffedFile(path: Self.folder.appendingPathComponent(name).path, display: name, head: try? TestFixtures.bytes(Self.folder.appendingPathComponent(name)))
    }
    let plan = AIPerfReader().plan([files[0], files[1]] + [SniffedFile(path: files[2].path, display: "alone/profile_export_aiperf.csv", head: files[2].head)])
    #expect(plan.jobs.count == 1)
    #expect(plan.skipped.map(\.kind) == [.duplicate, .unsupported])
  }

  @Test func commandLineLevel() {
    #expect(AIPerfReader.commandLevel("aiperf profile -m x --concurrency 8 --streaming")! == (8, nil))
    #expect(AIPerfReader.commandLevel("aiperf profile --request-rate '2.5'")!.1 == .finite(2.5))
  }
}
