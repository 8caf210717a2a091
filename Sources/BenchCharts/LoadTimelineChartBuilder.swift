import BenchModel

/// Time-series charts of one load-generator run (a Locust history): users, requests/s and
/// failures/s over time, and response-time percentiles over time, with the start of every
/// step of a step-load run marked.
public struct LoadTimelineChartBuilder: Sendable {
  public let timeline: LoadTimeline
  public let labels: ChartLabels
  public let subtitle: String?
  public let colorIndex: Int

  /// Longer histories are thinned to about this many points per series (a chart is ~900 px wide).
  static let maximumPoints = 600

  public init(timeline: LoadTimeline, labels: ChartLabels, subtitle: String?, colorIndex: Int = 0) {
    self.timeline = timeline
    self.labels = labels
    self.subtitle = subtitle
    self.colorIndex = colorIndex
  }

  /// Both charts where the data allow, named `<stem>-timeline-load` and
  /// `<stem>-timeline-response-time`.
  public func charts(stem: String, sweep: String?) -> [NamedChart] {
    var charts: [NamedChart] = []
    if let load = loadChart() {
      charts.append(NamedChart(fileStem: "\(stem)-\(NamedChart.Kind.timelineLoad.rawValue)", kind: .timelineLoad, spec: load, sweep: sweep))
    }
    if let latency = responseTimeChart() {
      charts.append(
        NamedChart(fileStem: "\(stem)-\(NamedChart.Kind.timelineResponseTime.rawValue)", kind: .timelineResponseTime, spec: latency, sweep: sweep))
    }
    return charts
  }

  var points: [LoadTimelinePoint] {
    let all = timeline.points
    guard all.count > Self.maximumPoints else { return all }
    let stride = Int((Double(all.count) / Double(Self.maximumPoints)).rounded(.up))
    var thinned = Swift.stride(from: 0, to: all.count, by: stride).map { all[$0] }
    if thinned.last != all.last { thinned.append(all.last!) }
    return thinned
  }

  func series(_ value: (LoadTimelinePoint) -> Double?) -> [DataPoint] {
    guard let start = timeline.start else { return [] }
    return points.map { DataPoint(x: $0.timestamp - start, y: value($0)) }
  }

  var timeAxis: Axis {
    let end = (timeline.points.last?.timestamp ?? 0) - (timeline.start ?? 0)
    return Axis(title: labels["chart_axis_time"], unit: "s", domain: 0...max(end, 1))
  }

  /// Step markers closer together than this share of the time axis are thinned out.
  static let minimumMarkerSpacing = 1.0 / 30

  /// A marker at the start of each step, labelled with its user count. Steps that start
  /// within `minimumMarkerSpacing` of the time axis after the last marked one are not marked:
  /// a soak test that ramps up 200 steps in its first hour would otherwise get 200 lines
  /// (a solid bar at the chart's left edge) and 200 labels stacked over each other.
  var stepMarkers: [Annotation] {
    guard let start = timeline.start, let domain = timeAxis.domain else { return [] }
    let spacing = (domain.upperBound - domain.lowerBound) * Self.minimumMarkerSpacing
    var markers: [Annotation] = []
    var lastMarked = -Double.infinity
    // Step starts are in time order: one walk through the points finds each step's users.
    var pointIndex = 0
    for offset in timeline.stepStarts where offset >= lastMarked + spacing {
      while pointIndex < timeline.points.count, timeline.points[pointIndex].timestamp - start < offset { pointIndex += 1 }
      let users = pointIndex < timeline.points.count ? timeline.points[pointIndex].users : nil
      markers.append(.verticalMarker(x: offset, label: labels.format("chart_step", ["users": users.map(String.init) ?? "?"])))
      lastMarked = offset
    }
    return markers
  }

  /// Requests/s and failures/s (left), users (right).
  func loadChart() -> ChartSpec? {
    let rps = series(\.requestsPerSecond)
    let fps = series(\.failuresPerSecond)
    let users = series { $0.users.map(Double.init) }
    guard rps.contains(where: { $0.y != nil }) else { return nil }
    var all: [Series] = [
      Series(name: labels["chart_series_rps"], points: rps, kind: .step, style: SeriesStyle(colorIndex: colorIndex))
    ]
    if fps.contains(where: { ($0.y ?? 0) > 0 }) {
      all.append(Series(name: labels["chart_series_failuresPerSecond"], points: fps, kind: .step, style: SeriesStyle(colorIndex: 5)))
    }
    let hasUsers = users.contains { $0.y != nil }
    if hasUsers {
      all.append(Series(name: labels["chart_series_users"], points: users, kind: .step, style: SeriesStyle(colorIndex: 6, dashed: true, yAxis: .secondary)))
    }
    return ChartSpec(
      title: labels["chart_timelineLoad_title"], subtitle: subtitle, xAxis: timeAxis,
      yAxis: Axis(title: labels["chart_axis_rate"], unit: "req/s"),
      secondaryYAxis: hasUsers ? Axis(title: labels["chart_axis_users"], unit: nil) : nil, series: all, annotations: stepMarkers)
  }

  /// P50 and P95 response time over time.
  func responseTimeChart() -> ChartSpec? {
    let p50 = series(\.p50Milliseconds)
    let p95 = series(\.p95Milliseconds)
    guard p50.contains(where: { $0.y != nil }) || p95.contains(where: { $0.y != nil }) else { return nil }
    var all: [Series] = []
    if p50.contains(where: { $0.y != nil }) {
      all.append(Series(name: "P50", points: p50, kind: .step, style: SeriesStyle(colorIndex: 0)))
    }
    if p95.contains(where: { $0.y != nil }) {
      all.append(Series(name: "P95", points: p95, kind: .step, style: SeriesStyle(colorIndex: 1)))
    }
    let title = timeline.percentilesAreWindowed == false ? "chart_timelineResponseTimeCumulative_title" : "chart_timelineResponseTime_title"
    return ChartSpec(
      title: labels[title], subtitle: subtitle, xAxis: timeAxis,
      yAxis: Axis(title: labels["chart_axis_responseTime"], unit: "ms"), series: all, annotations: stepMarkers)
  }
}
