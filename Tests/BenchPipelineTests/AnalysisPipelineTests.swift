import BenchAnalysis
import BenchIngest
import BenchModel
import Foundation
import Testing

@testable import BenchPipeline

/// The stages `analyze` and `compare` share, on the real files of `samples/` (see their
/// SOURCES.md): each stage's output is what the next one takes, and running them one by one
/// gives what `analyse(_ inputs:)` gives at once.
struct AnalysisPipelineTests {
  static func sample(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("samples/\(name)").path
  }

  @Test func readSummarisesEveryRunWithSamplesOnTheReadingThreads() {
    let read = AnalysisPipeline(settings: AnalysisSettings()).read([Self.sample("vllm-concurrency-sweep-h100")])
    #expect(read.result.runs.count == 9)
    #expect(read.bytes > 0)
    for run in read.result.runs where run.samples != nil { #expect(run.recomputedLatency != nil) }
    #expect(read.result.runs.contains { $0.samples != nil })
  }

  @Test func stagesOneByOneEqualTheWholePipeline() {
    let pipeline = AnalysisPipeline(settings: AnalysisSettings())
    let inputs = [Self.sample("locust-user-sweep-gateway"), Self.sample("vllm-concurrency-sweep-h100")]
    let grouped = pipeline.group(pipeline.read(inputs))
    let staged = pipeline.analyse(grouped)
    let whole = pipeline.analyse(inputs)
    #expect(staged.analyses == whole.analyses)
    #expect(staged.skipped == whole.skipped)
    #expect(staged.filesExamined == whole.filesExamined)
    #expect(staged.analyses.count == grouped.grouping.sweeps.count)
  }

  /// `compare` reads a results folder through the same stages as `analyze`.
  @Test func aComparisonSideIsTheAnalysedSweepsSnapshots() throws {
    let pipeline = AnalysisPipeline(settings: AnalysisSettings())
    let folder = Self.sample("vllm-concurrency-sweep-h100")
    let side = try ComparisonSide.load(folder, pipeline: pipeline)
    let analysed = pipeline.analyse([folder], countingFailedAttempts: false)
    #expect(!side.fromAnalysisJSON)
    #expect(side.snapshots.count == analysed.analyses.count)
    #expect(side.skipped == analysed.skipped)
  }

  @Test func aMissingSideSaysWhichPath() {
    #expect(throws: ComparisonSideError.self) {
      try ComparisonSide.load("/nonexistent/results", pipeline: AnalysisPipeline(settings: AnalysisSettings()))
    }
  }

  @Test func releasingSamplesLeavesNoSampleInTheReportInput() {
    let pipeline = AnalysisPipeline(settings: AnalysisSettings())
    var input = pipeline.reportInput(
      pipeline.analyse([Self.sample("vllm-concurrency-sweep-h100")]), environment: EnvironmentFacts())
    AnalysisPipeline.releaseSamples(from: &input)
    let runs = input.analyses.flatMap(\.sweep.runs)
    #expect(!runs.isEmpty)
    #expect(runs.allSatisfy { $0.samples == nil && $0.recomputedLatency == nil })
  }
}
