import BenchAnalysis
import BenchModel

/// The trends the history gives: per sweep, its last entries up to a given analysis, analysed.
public enum HistoryTrends {
  /// The trends of the sweeps of the analysis recorded as `analysisID`: each over its last
  /// `window` entries tested no later than it (entries recorded since do not change an older
  /// week's report).
  public static func trends(
    in store: HistoryStore, analysisID: Int, window: Int, referenceLevel: Double? = nil,
    settings: ChangePointSettings = ChangePointSettings()
  ) throws(HistoryError) -> [SweepTrend] {
    let analysis = try store.analysis(id: analysisID)
    return try analysis.sweeps.map { sweep throws(HistoryError) in
      let entries = try store.trendEntries(
        sweepKey: sweep.key, until: analysis.testedAt ?? .infinity, untilID: analysisID, limit: window)
      return trend(sweep, entries: entries.map(\.entry), referenceLevel: referenceLevel, settings: settings)
    }
  }

  /// Every sweep of the file over its latest `window` entries (`benchreport trend`).
  public static func latestTrends(
    in store: HistoryStore, window: Int, referenceLevel: Double? = nil, settings: ChangePointSettings = ChangePointSettings()
  ) throws(HistoryError) -> [SweepTrend] {
    var trends: [SweepTrend] = []
    for (key, _) in try store.sweepKeys() {
      let entries = try store.trendEntries(sweepKey: key, until: nil, limit: window)
      guard let latest = entries.last else { continue }
      trends.append(trend(latest.sweep, entries: entries.map(\.entry), referenceLevel: referenceLevel, settings: settings))
    }
    return trends
  }

  static func trend(_ sweep: RecordedSweep, entries: [TrendEntry], referenceLevel: Double?, settings: ChangePointSettings)
    -> SweepTrend
  {
    let measure = sweep.throughputMeasure.flatMap(ComparedMetric.init(key:)) ?? .outputThroughput
    return TrendAnalyzer.trend(
      sweepKey: sweep.key, title: sweep.title, entries: entries, measure: measure, referenceLevel: referenceLevel,
      settings: settings)
  }
}
