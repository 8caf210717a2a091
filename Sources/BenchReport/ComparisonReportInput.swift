import BenchAnalysis
import BenchModel

/// What a comparison report is made from: the comparison, names for its two sides, the files
/// either side skipped, and the overlay charts written for it.
public struct ComparisonReportInput: Sendable {
  public var comparison: Comparison
  /// How BASE and NEW were given (a folder, files or an analysis.json), for the header.
  public var baseName: String
  public var newName: String
  public var skipped: [SkippedInput]
  public var charts: [ChartLink]

  public init(
    comparison: Comparison, baseName: String, newName: String, skipped: [SkippedInput] = [], charts: [ChartLink] = []
  ) {
    self.comparison = comparison
    self.baseName = baseName
    self.newName = newName
    self.skipped = skipped
    self.charts = charts
  }

  /// Slugs of the paired sweeps (anchors, chart names, JSON ids), unique within the report.
  public var sweepSlugs: [String] {
    SweepDescription.uniqueSlugs(
      comparison.sweeps.map { Sweep(identity: $0.commonIdentity, variable: $0.new.variable, levels: []) })
  }
}
