import BenchAnalysis
import BenchCharts

/// The trend charts: small multiples, one line chart per sweep and metric over its entries,
/// the current entry highlighted and each change point marked.
public enum TrendCharts {
  /// Small enough to set several side by side.
  public static let size = ChartSize(width: 420, height: 260)

  public static func build(_ input: TrendReportInput, strings: StringsCatalogue) -> [NamedChart] {
    let slugs = input.slugs
    return input.trends.enumerated().filter { $0.element.labels.count >= 2 }.flatMap { index, trend in
      // Derived series (the recommended range) and constant ones (100 % success every week)
      // stay in the table: a flat chart says nothing.
      trend.series.filter { series in
        let values = series.values.compactMap { $0 }
        return !series.metric.isDerived && values.contains { $0 != values.first }
      }.map { series in chart(trend, series: series, slug: slugs[index], strings: strings) }
    }
  }

  static func chart(_ trend: SweepTrend, series: SweepTrend.Series, slug: String, strings: StringsCatalogue)
    -> NamedChart
  {
    let metricName = strings["trend_metric_\(series.metric.rawValue)"]
    let points = series.values.enumerated().map { DataPoint(x: Double($0.offset + 1), y: $0.element) }
    let current = [DataPoint(x: Double(trend.currentIndex + 1), y: series.values[trend.currentIndex])]
    let ticks = trend.labels.enumerated().map { Tick(value: Double($0.offset + 1), label: $0.element) }
    let annotations: [Annotation] = series.changePoints.map { change in
      .verticalMarker(
        x: Double(change.index) + 0.5,
        label: strings[change.confirmed ? "trend_chart_change" : "trend_chart_changeUnconfirmed"])
    }
    let spec = ChartSpec(
      title: strings.format("trend_chart", ["metric": metricName]), subtitle: trend.title, size: size,
      xAxis: Axis(
        title: strings["trend_axis_entry"], ticks: ticks, domain: 0.5...(Double(max(trend.labels.count, 1)) + 0.5),
        includesZero: false),
      yAxis: Axis(title: metricName, includesZero: false),
      series: [
        Series(name: metricName, points: points, style: SeriesStyle(colorIndex: 0)),
        Series(name: strings["trend_chart_current"], points: current, kind: .markers, style: SeriesStyle(colorIndex: 1)),
      ],
      annotations: annotations, legend: .automatic)
    return NamedChart(fileStem: "\(slug)-\(series.metric.rawValue)", kind: .trend, spec: spec, sweep: slug)
  }
}
