import BenchAnalysis

/// The trends of a report (`analyze --history`, `benchreport trend`): per sweep, its last
/// entries from the history file and their change points.
public struct TrendReportInput: Sendable {
  public var trends: [SweepTrend]
  /// The most entries a trend shows (`--trend-entries`).
  public var window: Int
  /// The history file as the user named it.
  public var historyName: String
  /// Trend charts written, linked from the templates.
  public var charts: [ChartLink] = []

  public init(trends: [SweepTrend], window: Int, historyName: String) {
    self.trends = trends
    self.window = window
    self.historyName = historyName
  }

  /// Slugs for chart names and anchors, unique within the report.
  public var slugs: [String] {
    var seen: [String: Int] = [:]
    return trends.map { trend in
      let base = "trend-" + SweepDescription.slug(trend.title)
      let count = seen[base, default: 0]
      seen[base] = count + 1
      return count == 0 ? base : "\(base)-\(count + 1)"
    }
  }

  /// A change point at the newest entry, a regression, on any metric: what `--fail-on
  /// change-point` gates on. Unconfirmed ones count (a gate has to fire the week it happens).
  public var regressions: [(trend: SweepTrend, series: SweepTrend.Series, change: ChangePoint)] {
    trends.flatMap { trend in
      trend.series.compactMap { series in
        guard !series.metric.isDerived, let change = series.latestChange, series.isRegression(change) else { return nil }
        // Only a shift whose new level reaches the current entry concerns this week.
        guard change.index <= trend.currentIndex, series.changePoints.allSatisfy({ $0.index <= trend.currentIndex })
        else { return nil }
        return (trend, series, change)
      }
    }
  }
}
