import BenchModel
import Foundation
import Testing

@testable import BenchIngest

/// inference-perf stage reports; expected numbers are the file's own (seconds × 1000).
struct InferencePerfReaderTests {
  static let folder = TestFixtures.root.appendingPathComponent("inference-perf")

  static func read(_ name: String) -> IngestResult {
    InferencePerfReader.read((folder.appendingPathComponent(name).path, name), yaml: name.hasSuffix(".yaml"))
  }

  @Test func stageFileIsOneRunAtItsRequestedRate() throws {
    let run = try #require(Self.read("stage_0_lifecycle_metrics.json").runs.first)
    #expect(run.requestRate == .finite(1.0))  // load_summary.requested_rate
    #expect(run.completed == 60 && run.failed == 0)
    #expect(run.duration == 59.713091611047275)  // load_summary.send_duration
    // successes.latency.request_latency.median / p99, in seconds in the file
    #expect(run.latency[.e2el]?.median == 0.4824237964930944 * 1000)
    #expect(run.latency[.e2el]?.percentile(99) == 0.49334994919016023 * 1000)
    #expect(run.latency[.e2el]?.percentile(99.9) == 0.494179818319506 * 1000)
    #expect(run.latency[.itl] == nil)  // pooled in-chunk gaps: not vLLM's ITL
  }

  @Test func summaryAndPrometheusReportsAreSkippedWithInferencePerfsName() throws {
    #expect(Self.read("summary_lifecycle_metrics.json").skipped.first?.reason.hasPrefix("inference-perf summary over all stages") == true)
    let head = try TestFixtures.bytes(Self.folder.appendingPathComponent("stage_0_prometheus_metrics.json"))
    #expect(InferencePerfReader.kind(head) == .prometheus)
  }

  @Test func yamlReportIsRead() throws {
    let run = try #require(Self.read("inference_perf_lifecycle.yaml").runs.first)
    #expect(run.requestRate == .finite(1.0))
    #expect(run.completed == 3)
  }
}
