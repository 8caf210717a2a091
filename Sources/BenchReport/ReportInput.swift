import BenchAnalysis
import BenchModel

/// What a report is made from: the analyses, the files left out, and the environment facts.
public struct ReportInput: Sendable {
  public var analyses: [SweepAnalysis]
  public var skipped: [SkippedInput]
  public var filesExamined: Int
  public var environment: EnvironmentFacts
  /// Chart files written for this report, linked from the templates.
  public var charts: [ChartLink]
  /// The comparison with a previous week (`analyze --baseline`), for the 较上周 section.
  public var baseline: ComparisonReportInput?
  /// The trends from the history file (`analyze --history`), for the trends section.
  public var trends: TrendReportInput?

  public init(
    analyses: [SweepAnalysis], skipped: [SkippedInput], filesExamined: Int, environment: EnvironmentFacts,
    charts: [ChartLink] = []
  ) {
    self.analyses = analyses
    self.skipped = skipped
    self.filesExamined = filesExamined
    self.environment = environment
    self.charts = charts
  }

  /// Slugs of the sweeps, unique within the report (anchors, chart names, JSON ids).
  public var sweepSlugs: [String] { SweepDescription.uniqueSlugs(analyses.map(\.sweep)) }
}
