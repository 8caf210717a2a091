import BenchAnalysis

/// Builds the trends section's view model: formatted numbers, and the change points in words.
public struct TrendContextBuilder {
  public let strings: StringsCatalogue
  public let escaping: TextEscaping

  public init(strings: StringsCatalogue, escaping: TextEscaping) {
    self.strings = strings
    self.escaping = escaping
  }

  public func build(_ input: TrendReportInput) -> TrendContext {
    let slugs = input.slugs
    // A trend needs two entries: the first recorded week has nothing to compare with.
    let sweeps = input.trends.enumerated().filter { $0.element.labels.count >= 2 }.map { index, trend in
      sweep(trend, slug: slugs[index], charts: input.charts.filter { $0.sweep == slugs[index] })
    }
    let settings = ChangePointSettings()
    return TrendContext(
      intro: strings.format(
        "trend_intro", ["history": escaping.inline(input.historyName), "entries": String(input.window)]),
      sweeps: sweeps, hasSweeps: !sweeps.isEmpty,
      methodNote: strings.format(
        "trend_method",
        [
          "pvalue": NumberFormatting.compact(settings.maxPValue, maxDecimals: 4),
          "change": NumberFormatting.percent(settings.minRelativeChange, decimals: 0),
        ]))
  }

  func sweep(_ trend: SweepTrend, slug: String, charts: [ChartLink]) -> TrendSweepContext {
    let columns = [strings["trend_col_entry"], strings["trend_col_date"]] + trend.series.map { name(of: $0.metric) }
    let rows = trend.labels.indices.map { index in
      TrendRow(
        label: escaping.inline(trend.labels[index]),
        date: trend.testedAt[index].map { String(TestTime.iso8601($0).prefix(10)) } ?? NumberFormatting.missing,
        cells: trend.series.map { format($0.values[index], $0.metric) }, current: index == trend.currentIndex)
    }
    var changes: [String] = []
    for series in trend.series where !series.metric.isDerived {
      for change in series.changePoints {
        let key = change.confirmed ? "trend_change" : "trend_changeUnconfirmed"
        changes.append(
          strings.format(
            key,
            [
              "metric": name(of: series.metric), "entry": escaping.inline(trend.labels[change.index]),
              "before": format(change.meanBefore, series.metric), "after": format(change.meanAfter, series.metric),
              "change": NumberFormatting.signedPercent(change.relativeChange),
              "pvalue": pValue(change.pValue),
              "assessment": strings[series.isRegression(change) ? "trend_worse" : "trend_better"],
            ]))
      }
      for outlier in series.outliers {
        changes.append(
          strings.format(
            "trend_outlier", ["metric": name(of: series.metric), "entry": escaping.inline(trend.labels[outlier])]))
      }
    }
    let reference =
      trend.referenceLevel.map {
        strings.format("trend_reference", ["level": NumberFormatting.compact($0)])
      } ?? strings["trend_noReference"]
    return TrendSweepContext(
      title: escaping.inline(trend.title), slug: slug, referenceText: reference, columns: columns,
      alignmentRow: "|---|---|" + String(repeating: "---:|", count: trend.series.count), rows: rows,
      changes: changes, hasChanges: !changes.isEmpty,
      noChangeText: strings.format("trend_noChange", ["entries": String(trend.labels.count)]), charts: charts,
      hasCharts: !charts.isEmpty)
  }

  func name(of metric: TrendMetric) -> String { strings["trend_metric_\(metric.rawValue)"] }

  func format(_ value: Double?, _ metric: TrendMetric) -> String {
    switch metric {
    case .ttftP99, .tpotP99, .e2elP99: NumberFormatting.milliseconds(value)
    case .successRate: NumberFormatting.percent(value, decimals: 2)
    case .peakThroughput, .throughput: NumberFormatting.decimal(value, 1)
    default: NumberFormatting.compact(value)
    }
  }

  func pValue(_ value: Double) -> String {
    value < 0.0001 ? "p < 0.0001" : "p = " + NumberFormatting.decimal(value, 4)
  }
}
