import BenchAnalysis
import BenchModel

/// The latency–throughput trade-off of every sweep on one chart: p99 latency against
/// throughput, one point per level labelled with its concurrency or rate, so configurations
/// can be compared at a glance (lower right is better).
public struct TradeoffChartBuilder: Sendable {
  public let analyses: [SweepAnalysis]
  /// Short names of the sweeps for the legend, in the same order.
  public let names: [String]
  public let labels: ChartLabels
  public let subtitle: String?

  public init(analyses: [SweepAnalysis], names: [String], labels: ChartLabels, subtitle: String?) {
    self.analyses = analyses
    self.names = names
    self.labels = labels
    self.subtitle = subtitle
  }

  /// The latency that is known for the most levels: E2E p99, else TTFT p99, else TTFT median.
  func latencyChoice() -> (metric: LatencyMetric, statistic: LatencyStatistic)? {
    let choices: [(LatencyMetric, LatencyStatistic)] = [(.e2el, .percentile(99)), (.ttft, .percentile(99)), (.ttft, .percentile(50))]
    return choices.max { lhs, rhs in count(lhs) < count(rhs) }.flatMap { count($0) > 0 ? $0 : nil }
  }

  func count(_ choice: (LatencyMetric, LatencyStatistic)) -> Int {
    analyses.reduce(0) { total, analysis in
      total + analysis.levels.filter { choice.1.value(in: $0.latency[choice.0]) != nil && $0.outputThroughput != nil }.count
    }
  }

  public func chart(fileStem: String = "tradeoff") -> NamedChart? {
    guard let (metric, statistic) = latencyChoice() else { return nil }
    var series: [Series] = []
    var annotations: [Annotation] = []
    for (index, analysis) in analyses.enumerated() {
      let points = analysis.levels.compactMap { level -> (LoadLevel, DataPoint)? in
        guard let throughput = level.outputThroughput, let latency = statistic.value(in: level.latency[metric]) else { return nil }
        return (level.level, DataPoint(x: throughput, y: latency))
      }
      guard points.count >= 2 else { continue }
      series.append(Series(name: names[index], points: points.map(\.1), style: SeriesStyle(colorIndex: index)))
      annotations += points.map { .pointLabel(x: $0.1.x, y: $0.1.y!, text: SweepChartBuilder.label($0.0), axis: .primary) }
    }
    guard !series.isEmpty else { return nil }
    let spec = ChartSpec(
      title: labels["chart_tradeoff_title"], subtitle: subtitle,
      xAxis: Axis(title: labels["chart_axis_outputThroughput"], unit: "tok/s"),
      yAxis: .milliseconds(
        title: labels.format("chart_axis_tradeoffLatency", ["metric": metric.rawValue.uppercased(), "statistic": statistic.description.uppercased()]),
        values: series.flatMap { $0.points.compactMap(\.y) }),
      series: series, annotations: annotations)
    return NamedChart(fileStem: fileStem, kind: .tradeoff, spec: spec)
  }
}
