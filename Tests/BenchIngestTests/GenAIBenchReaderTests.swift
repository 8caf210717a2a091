import BenchModel
import Foundation
import Testing

@testable import BenchIngest

/// genai-bench experiment folders; expected numbers are the files' own (seconds × 1000).
struct GenAIBenchReaderTests {
  static let folder = TestFixtures.root.appendingPathComponent("genai-bench")
  static let runFile = "D(100,100)_text-to-text_concurrency_1_time_60s.json"

  static func file(_ name: String) -> (path: String, display: String) {
    (folder.appendingPathComponent(name).path, name)
  }

  static func json(_ text: String) throws -> JSONValue {
    let bytes = Array(text.utf8)
    return try #require(
      bytes.withUnsafeBufferPointer { TolerantJSONParser().parseDocuments($0).documents.first?.value })
  }

  @Test func runFileIsOneRunAtItsScenarioAndConcurrency() throws {
    let result = GenAIBenchReader.read(metadata: Self.file("experiment_metadata.json"), runs: [Self.file(Self.runFile)])
    #expect(result.filesExamined == 2 && result.skipped.isEmpty)
    let run = try #require(result.runs.first)
    #expect(run.dataset == "D(100,100)")  // aggregated_metrics.scenario
    #expect(run.configuredInputLength == 100 && run.configuredOutputLength == 100)
    #expect(run.maxConcurrency == 1)  // aggregated_metrics.num_concurrency
    #expect(run.completed == 32 && run.failed == 0)  // num_completed_requests, num_error_requests
    #expect(run.model == "Meta-Llama-3.1-70B-Instruct")  // experiment metadata `model`
    #expect(run.metadata["server_engine"] == "SGLang" && run.metadata["server_gpu_count"] == "4")
    #expect(run.requestThroughput == 31.9995250891596 / 60)  // requests_per_minute / 60
    #expect(run.outputThroughput == 54.891401311421)  // mean_output_throughput_tokens_per_s
    #expect(run.totalOutputTokens == 3200)  // stats.num_output_tokens.sum
    // stats.ttft.p50 / p99, stats.tpot.mean, stats.e2e_latency.p90 — seconds in the file
    #expect(run.latency[.ttft]?.median == 0.03240828774869442 * 1000)
    #expect(run.latency[.ttft]?.percentile(99) == 0.47234579389914955 * 1000)
    #expect(run.latency[.tpot]?.mean == 0.017912086899741553 * 1000)
    #expect(run.latency[.e2el]?.percentile(90) == 1.8222640495747329 * 1000)
    #expect(run.files == [Self.runFile, "experiment_metadata.json"])
  }

  @Test func runFileWithoutMetadataIsReadInSecondsAndSaysSo() throws {
    let run = try #require(GenAIBenchReader.read(metadata: nil, runs: [Self.file(Self.runFile)]).runs.first)
    #expect(run.model == nil)
    #expect(run.latency[.ttft]?.median == 0.03240828774869442 * 1000)
    #expect(run.notes.contains { $0.contains("no experiment_metadata.json") })
  }

  @Test func metricsTimeUnitMillisecondsIsHonoured() throws {
    let experiment = GenAIBenchReader.experiment(
      try Self.json(#"{"model": "m", "metrics_time_unit": "ms"}"#), display: "m.json")
    #expect(experiment.scale == 1 && experiment.unitStated)
  }

  @Test func batchSizeIterationIsSkippedWithGenAIBenchsName() throws {
    let file = try Self.json(
      #"{"aggregated_metrics": {"scenario": "E(1024)", "iteration_type": "batch_size", "batch_size": 8, "num_completed_requests": 4, "stats": {}}}"#
    )
    guard case .failure(let skipped) = GenAIBenchReader.run(file, display: "e.json", experiment: .init()) else {
      Issue.record("a batch-size run was read")
      return
    }
    #expect(skipped.reason.hasPrefix("genai-bench `batch_size` iteration"))
  }

  @Test func filesAreRecognisedByContent() throws {
    #expect(GenAIBenchReader.kind(try TestFixtures.bytes(Self.folder.appendingPathComponent(Self.runFile))) == .run)
    #expect(
      GenAIBenchReader.kind(try TestFixtures.bytes(Self.folder.appendingPathComponent("experiment_metadata.json")))
        == .experimentMetadata)
  }
}
