import BenchAnalysis
import BenchModel

/// Overlay charts of one paired sweep, base against new: throughput and p99 latency against
/// load, and the latency–throughput trade-off. The base is dashed black, the new side blue and
/// solid, so the chart reads the same in every report and in greyscale.
public struct ComparisonChartBuilder: Sendable {
  public let comparison: SweepComparison
  public let labels: ChartLabels
  /// Legend names of the two sides, e.g. "BASE (week 03)" and "NEW (week 04)".
  public let baseName: String
  public let newName: String
  public let subtitle: String?

  public init(comparison: SweepComparison, labels: ChartLabels, baseName: String, newName: String, subtitle: String?) {
    self.comparison = comparison
    self.labels = labels
    self.baseName = baseName
    self.newName = newName
    self.subtitle = subtitle
  }

  static let baseStyle = SeriesStyle(colorIndex: 6, dashed: true)
  static let newStyle = SeriesStyle(colorIndex: 0)

  /// Every overlay the data allow, named `<slug>-compare-<kind>`.
  public func charts(slug: String) -> [NamedChart] {
    var charts: [NamedChart] = []
    func add(_ kind: NamedChart.Kind, _ spec: ChartSpec?) {
      if let spec {
        charts.append(NamedChart(fileStem: "\(slug)-\(kind.rawValue)", kind: kind, spec: spec, sweep: slug))
      }
    }
    add(.compareThroughput, throughputChart())
    add(.compareTTFT, latencyChart(.ttft, titleKey: "chart_compareTTFT_title"))
    add(.compareLatency, latencyChart(.e2el, titleKey: "chart_compareLatency_title"))
    add(.compareTradeoff, tradeoffChart())
    return charts
  }

  var variable: LoadVariable { comparison.new.variable }

  /// Both sides' levels on one load axis: log₂ for doubling sweeps, an ∞ slot when needed.
  var loadAxis: Axis {
    let levels = Set(comparison.base.levels.map(\.level.numericValue) + comparison.new.levels.map(\.level.numericValue))
    return SweepChartBuilder.loadAxis(levels: levels.sorted(), variable: variable, log2: false, labels: labels)
  }

  func points(_ snapshot: SweepSnapshot, _ metric: ComparedMetric) -> [DataPoint] {
    snapshot.levels.map { DataPoint(x: $0.level.numericValue, y: $0.metrics[metric]) }
  }

  /// The pair of series for `metric`, or nil when neither side has two points of it.
  func overlay(_ metric: ComparedMetric) -> [Series]? {
    let base = points(comparison.base, metric)
    let new = points(comparison.new, metric)
    guard base.filter({ $0.y != nil }).count + new.filter({ $0.y != nil }).count >= 2 else { return nil }
    return [
      Series(name: baseName, points: base, style: Self.baseStyle),
      Series(name: newName, points: new, style: Self.newStyle),
    ]
  }

  /// Max stable of each side, as vertical markers.
  var maxStableMarkers: [Annotation] {
    var markers: [Annotation] = []
    for (snapshot, name) in [(comparison.base, baseName), (comparison.new, newName)] {
      guard let level = snapshot.maxStable, level.numericValue.isFinite else { continue }
      markers.append(
        .verticalMarker(
          x: level.numericValue,
          label: labels.format("chart_compareMaxStable", ["side": name, "level": SweepChartBuilder.label(level)])))
    }
    // Both sides stable up to the same level: one marker says it.
    if markers.count == 2, comparison.base.maxStable == comparison.new.maxStable, let level = comparison.new.maxStable {
      return [
        .verticalMarker(
          x: level.numericValue, label: labels.format("chart_maxStable", ["level": SweepChartBuilder.label(level)]))
      ]
    }
    return markers
  }

  var throughputMetric: ComparedMetric {
    comparison.new.measure.map(ComparedMetric.init(measure:)) ?? comparison.base.measure.map(
      ComparedMetric.init(measure:))
      ?? .requestThroughput
  }

  func throughputChart() -> ChartSpec? {
    let metric = throughputMetric
    guard let series = overlay(metric) else { return nil }
    let tokens = metric != .requestThroughput
    return ChartSpec(
      title: labels["chart_compareThroughput_title"], subtitle: subtitle, xAxis: loadAxis,
      yAxis: Axis(
        title: labels[tokens ? "chart_axis_outputThroughput" : "chart_axis_requestThroughput"],
        unit: tokens ? "tok/s" : "req/s"),
      series: series, annotations: maxStableMarkers)
  }

  /// p99 of `metric` against load (Locust response times are E2E).
  func latencyChart(_ metric: LatencyMetric, titleKey: String) -> ChartSpec? {
    guard let series = overlay(.latency(metric, .percentile(99))) else { return nil }
    return ChartSpec(
      title: labels[titleKey], subtitle: subtitle, xAxis: loadAxis,
      yAxis: .milliseconds(
        title: labels.format(
          "chart_axis_tradeoffLatency", ["metric": metric.rawValue.uppercased(), "statistic": "P99"]),
        values: series.flatMap { $0.points.compactMap(\.y) }),
      series: series, annotations: maxStableMarkers)
  }

  /// p99 latency (E2E, else TTFT) against throughput, one labelled point per level and side.
  func tradeoffChart() -> ChartSpec? {
    let throughput = throughputMetric
    let latency: ComparedMetric? = [ComparedMetric.latency(.e2el, .percentile(99)), .latency(.ttft, .percentile(99))]
      .first {
        metric in
        [comparison.base, comparison.new].allSatisfy { snapshot in
          snapshot.levels.filter { $0.metrics[metric] != nil && $0.metrics[throughput] != nil }.count >= 2
        }
      }
    guard let latency, case .latency(let latencyMetric, _) = latency else { return nil }
    var series: [Series] = []
    var annotations: [Annotation] = []
    for (snapshot, name, style) in [
      (comparison.base, baseName, Self.baseStyle), (comparison.new, newName, Self.newStyle),
    ] {
      let points = snapshot.levels.compactMap { level -> (LoadLevel, DataPoint)? in
        guard let x = level.metrics[throughput], let y = level.metrics[latency] else { return nil }
        return (level.level, DataPoint(x: x, y: y))
      }
      series.append(Series(name: name, points: points.map(\.1), style: style))
      annotations += points.map {
        .pointLabel(x: $0.1.x, y: $0.1.y!, text: SweepChartBuilder.label($0.0), axis: .primary)
      }
    }
    let tokens = throughput != .requestThroughput
    return ChartSpec(
      title: labels["chart_compareTradeoff_title"], subtitle: subtitle,
      xAxis: Axis(
        title: labels[tokens ? "chart_axis_outputThroughput" : "chart_axis_requestThroughput"],
        unit: tokens ? "tok/s" : "req/s"),
      yAxis: .milliseconds(
        title: labels.format(
          "chart_axis_tradeoffLatency", ["metric": latencyMetric.rawValue.uppercased(), "statistic": "P99"]),
        values: series.flatMap { $0.points.compactMap(\.y) }),
      series: series, annotations: annotations)
  }
}
