import BenchAnalysis
import BenchModel

/// What a report is made from: the analyses, the files left out, and the environment facts.
public struct ReportInput: Sendable {
  public var analyses: [SweepAnalysis]
  public var skipped: [SkippedInput]
  public var filesExamined: Int
  public var environment: EnvironmentFacts

  public init(analyses: [SweepAnalysis], skipped: [SkippedInput], filesExamined: Int, environment: EnvironmentFacts) {
    self.analyses = analyses
    self.skipped = skipped
    self.filesExamined = filesExamined
    self.environment = environment
  }

  /// Slugs of the sweeps, unique within the report (anchors, chart names, JSON ids).
  public var sweepSlugs: [String] { SweepDescription.uniqueSlugs(analyses.map(\.sweep)) }
}
