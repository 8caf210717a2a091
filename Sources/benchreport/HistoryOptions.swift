import ArgumentParser
import BenchAnalysis
import BenchHistory
import BenchModel
import BenchReport
import Foundation

/// `analyze --history FILE`: record the analysis and add the trends section.
struct HistoryOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "A history file (SQLite; created if missing): records this analysis and adds the trends section.",
      valueName: "FILE"))
  var history: String?

  @Option(help: "The entry's name in the history and on the trend axis (default: the ISO week of the test, e.g. 2026-W48).")
  var label: String?

  @Option(name: .customLong("trend-entries"), help: "How many recorded analyses a trend shows, the current one included.")
  var trendEntries: Int = 12

  @Option(
    name: .customLong("trend-level"),
    help: "The load level the per-level trend metrics are read at (default: the highest level every entry tested at or below the max stable).")
  var trendLevel: Double?

  @Option(
    name: .customLong("fail-on"),
    help: "change-point: exit 3 when a metric's latest change point is a regression reaching this analysis (with --history).")
  var failOn: String?

  func validate() throws {
    guard trendEntries >= 2, trendEntries <= 520 else { throw ValidationError("--trend-entries \(trendEntries): use 2 to 520") }
    if let failOn, failOn != "change-point" {
      throw ValidationError("--fail-on \(failOn): analyze gates only on change-point (compare has the metric rules)")
    }
    if failOn != nil, history == nil { throw ValidationError("--fail-on change-point needs --history FILE") }
  }

  /// Records the analyses and returns the trends of their sweeps; nil without --history.
  func recordAndTrend(_ analyses: [SweepAnalysis], inputs: [String], environment: EnvironmentFacts, quiet: Bool) throws
    -> TrendReportInput?
  {
    guard let history, !analyses.isEmpty else { return nil }
    do {
      return try record(analyses, history: history, inputs: inputs, environment: environment, quiet: quiet)
    } catch {
      FileHandle.standardError.write(Data("benchreport: \(error)\n".utf8))
      throw ExitCode(2)
    }
  }

  func record(_ analyses: [SweepAnalysis], history: String, inputs: [String], environment: EnvironmentFacts, quiet: Bool)
    throws(HistoryError) -> TrendReportInput
  {
    let store = try HistoryStore(path: history, create: true)
    let recorded = try RecordedAnalysisBuilder.build(
      analyses: analyses, titles: analyses.map { SweepDescription.title(of: $0.sweep.identity) }, label: label,
      roots: inputs, environment: environment)
    let outcome = try store.record(recorded)
    let id: Int
    switch outcome {
    case .added(let value), .unchanged(let value), .updated(let value): id = value
    }
    if !quiet { FileHandle.standardError.write(Data(Self.describe(outcome, label: recorded.label, path: history).utf8)) }
    let trends = try HistoryTrends.trends(in: store, analysisID: id, window: trendEntries, referenceLevel: trendLevel)
    return TrendReportInput(trends: trends, window: trendEntries, historyName: history)
  }

  static func describe(_ outcome: HistoryStore.RecordOutcome, label: String, path: String) -> String {
    switch outcome {
    case .added(let id): "history: recorded \(label) as #\(id) in \(path)\n"
    case .unchanged(let id): "history: \(label): these inputs are already recorded as #\(id) in \(path), unchanged\n"
    case .updated(let id): "history: \(label): these inputs were recorded as #\(id) in \(path); updated with this analysis\n"
    }
  }

  /// The change-point gate: prints what fired and returns true when it did.
  func gateFired(_ trends: TrendReportInput?) -> Bool {
    guard failOn == "change-point", let trends else { return false }
    let regressions = trends.regressions
    for (trend, series, change) in regressions {
      FileHandle.standardError.write(
        Data(
          "benchreport: --fail-on change-point: \(trend.title): \(series.metric.rawValue) shifted at \(trend.labels[change.index]) (\(NumberFormatting.signedPercent(change.relativeChange)), p = \(change.pValue))\(change.confirmed ? "" : ", unconfirmed")\n"
            .utf8))
    }
    return !regressions.isEmpty
  }
}
