import BenchAnalysis
import BenchCharts
import BenchModel
import BenchReport

/// The stages after the analysis: the report's input, the week-over-week comparison, the chart
/// specs and the release of the samples before the charts and documents are rendered.
extension AnalysisPipeline {
  /// Stage 4: what every writer renders.
  public func reportInput(_ analysed: AnalysedSweeps, environment: EnvironmentFacts) -> ReportInput {
    ReportInput(
      analyses: analysed.analyses, skipped: analysed.skipped, filesExamined: analysed.filesExamined,
      environment: environment)
  }

  /// `analyze --baseline`: the previous week's results (a folder or an analysis.json), judged by
  /// this week's thresholds — so a moved limit means a moved server — compared with this week's.
  public func comparison(
    baseline path: String, current analyses: [SweepAnalysis], currentName: String, settings: ComparisonSettings
  ) throws(ComparisonSideError) -> ComparisonReportInput {
    let previous = try ComparisonSide.load(path, pipeline: self)
    let current = ComparisonSide.analysed(analyses, name: currentName)
    let comparison = ComparisonAnalyzer.compare(base: previous.snapshots, new: current.snapshots, settings: settings)
    return ComparisonReportInput(comparison: comparison, baseName: path, newName: current.name, skipped: previous.skipped)
  }

  /// Stage 5: the chart descriptions of the report (and of its week-over-week section).
  public static func chartSpecs(for input: ReportInput, strings: StringsCatalogue) -> [NamedChart] {
    ReportCharts.build(input, strings: strings) + (input.baseline.map { ComparisonCharts.build($0, strings: strings) } ?? [])
  }

  /// Drops the runs' per-request samples (and what was recomputed from them), which only the
  /// analysis and the chart specs read: millions of values that the chart rendering and the
  /// documents would otherwise run beside (the peak memory of a run was at its end).
  public static func releaseSamples(from input: inout ReportInput) {
    for sweep in input.analyses.indices {
      for level in input.analyses[sweep].sweep.levels.indices {
        for run in input.analyses[sweep].sweep.levels[level].runs.indices {
          input.analyses[sweep].sweep.levels[level].runs[run].samples = nil
          input.analyses[sweep].sweep.levels[level].runs[run].recomputedLatency = nil
        }
      }
    }
    MemoryPolicy.releaseFreedMemory()
  }
}
