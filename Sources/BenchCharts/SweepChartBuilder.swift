import BenchAnalysis
import BenchModel

/// Builds the standard chart set of one sweep from its analysis: throughput, efficiency and
/// latency against load (with knee, max stable, recommended band and thresholds), per-stream
/// speed against aggregate throughput, and latency distributions where samples exist.
public struct SweepChartBuilder: Sendable {
  public let analysis: SweepAnalysis
  public let labels: ChartLabels
  /// "model · hardware · date" line under every title.
  public let subtitle: String?
  /// Colour of this sweep's main series, so a sweep keeps its colour across the report.
  public let colorIndex: Int

  public init(analysis: SweepAnalysis, labels: ChartLabels, subtitle: String?, colorIndex: Int = 0) {
    self.analysis = analysis
    self.labels = labels
    self.subtitle = subtitle
    self.colorIndex = colorIndex
  }

  /// Every chart the data allow, named `<slug>-<kind>`.
  public func charts(slug: String) -> [NamedChart] {
    let kinds: [(NamedChart.Kind, @Sendable (SweepChartBuilder) -> ChartSpec?)] = [
      (.throughput, { $0.throughputChart() }),
      (.efficiency, { $0.efficiencyChart() }),
      (.latency, { $0.latencyChart(metric: .e2el, kind: "chart_latency_title") }),
      (.ttft, { $0.latencyChart(metric: .ttft, kind: "chart_ttft_title") }),
      (.tpot, { $0.latencyChart(metric: .tpot, kind: "chart_tpot_title") }),
      (.perStream, { $0.perStreamChart() }),
      (.ttftDistribution, { $0.distributionChart(metric: .ttft, titleKey: "chart_ttftCDF_title") }),
      (.latencyDistribution, { $0.distributionChart(metric: .e2el, titleKey: "chart_e2elCDF_title") }),
    ]
    @Sendable func named(_ kind: NamedChart.Kind, _ spec: ChartSpec?) -> NamedChart? {
      spec.map { NamedChart(fileStem: "\(slug)-\(kind.rawValue)", kind: kind, spec: $0, sweep: slug) }
    }
    // The ITL histogram goes through every gap (tens of millions at the benchmark's scale 4)
    // and spreads that over all cores itself, so it is built on its own (a parallel loop
    // inside another runs serially); then the others side by side, the distributions going
    // through every request.
    let itl = named(.itlHistogram, itlHistogram())
    return ParallelMap.map(kinds) { kind, make in named(kind, make(self)) }.compactMap { $0 } + [itl].compactMap { $0 }
  }

  // MARK: Axes

  var isConcurrency: Bool { analysis.sweep.variable == .concurrency }
  var isUsers: Bool { analysis.sweep.variable == .users }

  /// The load axis: log₂ with a tick at every tested level for doubling sweeps, linear
  /// otherwise, and an ∞ slot when the sweep has an unbounded-rate level.
  var loadAxis: Axis {
    Self.loadAxis(
      levels: analysis.levels.map(\.level.numericValue), variable: analysis.sweep.variable,
      log2: analysis.knee.primaryAxis == .log2, labels: labels)
  }

  /// The load axis over `levels` (ascending, ∞ allowed): log₂ when `log2` or when the levels
  /// are evenly spaced on it, a tick at every level up to 12 levels, an ∞ slot when needed.
  static func loadAxis(levels: [Double], variable: LoadVariable, log2: Bool, labels: ChartLabels) -> Axis {
    let finite = levels.filter { $0.isFinite }
    let scale: AxisScale = log2 || ThroughputKnee.evenlySpacedAxis(for: finite) == .log2 ? .log2 : .linear
    let ticks = finite.count <= 12 ? finite.map { Tick(value: $0, label: Self.number($0)) } : nil
    let title =
      switch variable {
      case .users: "chart_axis_users"
      case .concurrency: "chart_axis_concurrency"
      case .requestRate: "chart_axis_requestRate"
      }
    return Axis(
      title: labels[title], unit: variable.isClosedLoop ? nil : "req/s", scale: scale, ticks: ticks, includesZero: false,
      infinitySlot: levels.contains(.infinity) ? Axis.InfinitySlot(label: "∞") : nil)
  }

  func points(_ value: (LevelMetrics) -> Double?) -> [DataPoint] {
    analysis.levels.map { DataPoint(x: $0.level.numericValue, y: value($0)) }
  }

  var hasAny: (([DataPoint]) -> Bool) { { $0.contains { $0.y != nil } } }

  // MARK: Annotations

  /// Knee, max stable, recommended band, and failed levels marked on `y`.
  func loadAnnotations(failedY: (LevelMetrics) -> Double?) -> [Annotation] {
    var annotations: [Annotation] = []
    if let recommendation = analysis.recommendation {
      switch recommendation.range {
      case .concurrency(let low, let high), .users(let low, let high):
        annotations.append(
          .xBand(from: Double(low), to: Double(max(high, low)), label: labels.format("chart_recommended", ["range": low == high ? "\(low)" : "\(low)–\(high)"])))
      case .requestRate(let low, let high):
        if !recommendation.basedOnMeasuredThroughput {
          annotations.append(
            .xBand(from: low, to: high, label: labels.format("chart_recommended", ["range": "\(Self.number(low))–\(Self.number(high))"])))
        }
      }
    }
    if case .found(let level, _) = analysis.knee.headline {
      annotations.append(.verticalMarker(x: level.numericValue, label: labels.format("chart_knee", ["level": Self.label(level)])))
    }
    if let maxStable = analysis.stability.maxStable {
      annotations.append(.verticalMarker(x: maxStable.numericValue, label: labels.format("chart_maxStable", ["level": Self.label(maxStable)])))
    }
    for level in analysis.levels {
      if let success = level.successRate, success < analysis.settings.minimumSuccessRate {
        annotations.append(
          .failedLevel(x: level.level.numericValue, y: failedY(level), label: labels.format("chart_failedLevel", ["success": Self.percent(success)])))
      }
    }
    return annotations
  }

  // MARK: Charts

  /// Output tok/s (left) and requests/s (right) against load.
  func throughputChart() -> ChartSpec? {
    let output = points(\.outputThroughput)
    let requests = points(\.requestThroughput)
    guard hasAny(output) || hasAny(requests) else { return nil }
    var series: [Series] = []
    var yAxis = Axis(title: labels["chart_axis_outputThroughput"], unit: "tok/s")
    var secondary: Axis?
    if hasAny(output) {
      series.append(Series(name: labels["chart_series_outputThroughput"], points: output, style: SeriesStyle(colorIndex: colorIndex)))
      if hasAny(requests) {
        secondary = Axis(title: labels["chart_axis_requestThroughput"], unit: "req/s")
        series.append(
          Series(name: labels["chart_series_requestThroughput"], points: requests, style: SeriesStyle(colorIndex: colorIndex + 1, dashed: true, yAxis: .secondary)))
      }
    } else {
      yAxis = Axis(title: labels["chart_axis_requestThroughput"], unit: "req/s")
      series.append(Series(name: labels["chart_series_requestThroughput"], points: requests, style: SeriesStyle(colorIndex: colorIndex)))
    }
    return ChartSpec(
      title: labels[isUsers ? "chart_throughputUsers_title" : isConcurrency ? "chart_throughput_title" : "chart_throughputRate_title"],
      subtitle: subtitle, xAxis: loadAxis,
      yAxis: yAxis, secondaryYAxis: secondary, series: series,
      annotations: loadAnnotations(failedY: { $0.outputThroughput ?? $0.requestThroughput }))
  }

  /// Throughput per unit of load (left) and scaling efficiency in % (right).
  func efficiencyChart() -> ChartSpec? {
    let perUnit = isUsers ? points(\.efficiency) : isConcurrency ? points(\.outputThroughputPerConcurrency) : points(\.efficiency)
    let scaling = points { $0.scalingEfficiency.map { $0 * 100 } }
    guard hasAny(perUnit) || hasAny(scaling) else { return nil }
    let perUnitAxis =
      isUsers
      ? Axis(title: labels["chart_axis_perUser"], unit: "req/s")
      : isConcurrency
        ? Axis(title: labels["chart_axis_perConcurrency"], unit: "tok/s")
        : Axis(title: labels["chart_axis_achievedRatio"], unit: nil)
    var series: [Series] = []
    if hasAny(perUnit) {
      let name = isUsers ? "chart_series_perUser" : isConcurrency ? "chart_series_perConcurrency" : "chart_series_achievedRatio"
      series.append(Series(name: labels[name], points: perUnit, style: SeriesStyle(colorIndex: colorIndex)))
    }
    if hasAny(scaling) {
      series.append(
        Series(name: labels["chart_series_scaling"], points: scaling, style: SeriesStyle(colorIndex: colorIndex + 1, dashed: true, yAxis: hasAny(perUnit) ? .secondary : .primary)))
    }
    let scalingAxis = Axis(title: labels["chart_axis_scaling"], unit: "%")
    return ChartSpec(
      title: labels[isUsers ? "chart_efficiencyUsers_title" : isConcurrency ? "chart_efficiency_title" : "chart_efficiencyRate_title"],
      subtitle: subtitle, xAxis: loadAxis,
      yAxis: hasAny(perUnit) ? perUnitAxis : scalingAxis, secondaryYAxis: hasAny(perUnit) && hasAny(scaling) ? scalingAxis : nil,
      series: series, annotations: loadAnnotations(failedY: { _ in nil }).filter { if case .failedLevel = $0 { return false } else { return true } })
  }

  /// P50 / P95 / P99 (and mean when no percentile exists) of a latency metric against load,
  /// with the TTFT limit and the user's SLOs as dashed lines.
  func latencyChart(metric: LatencyMetric, kind titleKey: String) -> ChartSpec? {
    var series: [Series] = []
    let statistics: [(LatencyStatistic, String)] = [(.percentile(50), "P50"), (.percentile(95), "P95"), (.percentile(99), "P99"), (.mean, labels["chart_series_mean"])]
    for (index, (statistic, name)) in statistics.enumerated() {
      let values = points { statistic.value(in: $0.latency[metric]) }
      guard hasAny(values) else { continue }
      if case .mean = statistic, !series.isEmpty { continue }  // mean only when no percentile is known
      series.append(Series(name: name, points: values, style: SeriesStyle(colorIndex: index, dashed: index == 0)))
    }
    guard !series.isEmpty else { return nil }
    var annotations: [Annotation] = []
    if metric == .ttft {
      annotations.append(
        .threshold(
          y: analysis.settings.ttftLimitMilliseconds,
          label: labels.format("chart_ttftLimit", ["statistic": analysis.settings.ttftStatistic.description.uppercased(), "limit": Self.number(analysis.settings.ttftLimitMilliseconds)]),
          axis: .primary))
    }
    for objective in analysis.settings.objectives {
      if case .latency(let objectiveMetric, _, let limit) = objective.target, objectiveMetric == metric {
        annotations.append(.threshold(y: limit, label: "SLO \(objective.text)", axis: .primary))
      }
    }
    if let maxStable = analysis.stability.maxStable {
      annotations.append(.verticalMarker(x: maxStable.numericValue, label: labels.format("chart_maxStable", ["level": Self.label(maxStable)])))
    }
    // Locust measures whole response times: named so, not "E2E latency".
    let responseTime = isUsers && metric == .e2el
    return ChartSpec(
      title: labels[responseTime ? "chart_responseTime_title" : titleKey], subtitle: subtitle, xAxis: loadAxis,
      yAxis: Axis(title: labels[responseTime ? "chart_axis_responseTime" : "chart_axis_latency_\(metric.rawValue)"], unit: "ms"),
      series: series, annotations: annotations)
  }

  /// Per-stream decode speed against aggregate output throughput: what one user sees versus
  /// what the server delivers; each point labelled with its level.
  func perStreamChart() -> ChartSpec? {
    let pairs = analysis.levels.compactMap { level -> (LevelMetrics, Double, Double)? in
      guard let total = level.outputThroughput, let stream = level.perStreamDecodeSpeed else { return nil }
      return (level, total, stream)
    }
    guard pairs.count >= 2 else { return nil }
    let series = Series(
      name: labels["chart_series_perStream"], points: pairs.map { DataPoint(x: $0.1, y: $0.2) }, kind: .lineWithMarkers,
      style: SeriesStyle(colorIndex: colorIndex))
    let annotations = pairs.map { Annotation.pointLabel(x: $0.1, y: $0.2, text: Self.label($0.0.level), axis: .primary) }
    return ChartSpec(
      title: labels["chart_perStream_title"], subtitle: subtitle,
      xAxis: Axis(title: labels["chart_axis_outputThroughput"], unit: "tok/s"),
      yAxis: Axis(title: labels["chart_axis_perStream"], unit: "tok/s"), series: [series], annotations: annotations, legend: .hidden)
  }

  // MARK: Distributions

  /// Per-level per-request values in ms, for levels whose runs all carry samples.
  func sampleValues(_ metric: LatencyMetric) -> [(LoadLevel, [Double])] {
    analysis.sweep.levels.compactMap { level in
      guard let samples = samples(of: level) else { return nil }
      var values: [Double] = []
      for sample in samples { values += SampleStatistics.millisecondValues(of: sample, metric: metric) }
      return values.isEmpty ? nil : (level.level, values)
    }
  }

  /// The level's samples when every run has them.
  func samples(of level: SweepLevel) -> [RequestSamples]? {
    let samples = level.runs.compactMap(\.samples)
    return samples.count == level.runs.count && !samples.isEmpty ? samples : nil
  }

  /// Whether `sampleValues(.itl)` has a non-empty entry for the level (any successful
  /// request with a gap), without building the values.
  func hasInterTokenGaps(_ level: SweepLevel) -> Bool {
    samples(of: level)?.contains { sample in
      (0..<sample.count).contains { index in
        (index >= sample.succeeded.count || sample.succeeded[index])
          && sample.gapOffsets[index + 1] > sample.gapOffsets[index]
      }
    } ?? false
  }

  /// Empirical CDFs of a metric, one line per level, on a log₂ latency axis when the values
  /// span more than a factor of 20.
  func distributionChart(metric: LatencyMetric, titleKey: String) -> ChartSpec? {
    let perLevel = sampleValues(metric)
    guard !perLevel.isEmpty else { return nil }
    let series = perLevel.enumerated().map { index, entry in
      Series(
        name: labels.format("chart_series_level", ["level": Self.label(entry.0)]), points: Self.cdf(entry.1), kind: .step,
        style: Self.levelStyle(index))
    }
    return ChartSpec(
      title: labels[titleKey], subtitle: subtitle,
      xAxis: .milliseconds(title: labels["chart_axis_latency_\(metric.rawValue)"], values: perLevel.flatMap(\.1), spreadForLog: 20),
      yAxis: Axis(title: labels["chart_axis_cumulative"], unit: "%", domain: 0...100), series: series, legend: .automatic)
  }

  /// Histogram of all inter-token gaps at each level (up to four levels: lowest, max stable,
  /// first unstable, highest), as shares of the level's gaps.
  func itlHistogram() -> ChartSpec? {
    // The chosen levels' gaps are enumerated from the samples, never gathered into arrays:
    // together they are the largest data of a run (tens of millions of values).
    let withGaps = analysis.sweep.levels.filter(hasInterTokenGaps)
    guard let lowest = withGaps.first?.level, let highest = withGaps.last?.level else { return nil }
    var chosen: Set<LoadLevel> = [lowest, highest]
    if let stable = analysis.stability.maxStable { chosen.insert(stable) }
    if let unstable = analysis.stability.firstUnstable { chosen.insert(unstable) }
    let selected = withGaps.filter { chosen.contains($0.level) }.map { level in
      (level.level, samples(of: level) ?? [])
    }
    // The p99 of the chosen levels' gaps together, in seconds, selected from the runs' own
    // arrays (a run whose failed requests have gaps gives a copy of its successful ones).
    let gaps = selected.flatMap(\.1).map { $0.gapsAreAllSuccessful ? $0.interTokenGaps : SampleStatistics.successfulGaps(of: $0) }
    guard let p99 = OrderStatistics.percentile(99, ofArrays: gaps), p99 > 0 else { return nil }
    let upper = p99 * 1000
    let binWidth = Self.niceBinWidth(upper / 40)
    // One pass over the gaps, in parts of about a million gaps each (a run's requests cut at
    // gap counts), side by side on all cores; each level's counts are the sum of its parts'.
    let parts = selected.indices.flatMap { level in
      selected[level].1.indices.flatMap { run in
        Self.requestRanges(of: selected[level].1[run], gapsPerPart: 1 << 20).map { (level, run, $0) }
      }
    }
    let partCounts = ParallelMap.map(parts) { level, run, requests in
      Self.histogramCounts(binWidth: binWidth, upper: upper) { body in
        SampleStatistics.forEachInterTokenGapMilliseconds(of: selected[level].1[run], requests: requests, body)
      }
    }
    var levelCounts = selected.map { _ in (bins: [Int](repeating: 0, count: Self.binCount(binWidth: binWidth, upper: upper)), count: 0) }
    for (part, counted) in zip(parts, partCounts) {
      for bin in counted.bins.indices { levelCounts[part.0].bins[bin] += counted.bins[bin] }
      levelCounts[part.0].count += counted.count
    }
    let histograms = levelCounts.map { Self.shares($0.bins, count: $0.count, binWidth: binWidth) }
    let series = selected.enumerated().map { index, entry in
      Series(
        name: labels.format("chart_series_level", ["level": Self.label(entry.0)]),
        points: histograms[index],
        kind: selected.count == 1 ? .histogram(binWidth: binWidth) : .step, style: Self.levelStyle(index))
    }
    return ChartSpec(
      title: labels["chart_itlHistogram_title"], subtitle: subtitle,
      xAxis: Axis(title: labels["chart_axis_latency_itl"], unit: "ms"),
      yAxis: Axis(title: labels["chart_axis_share"], unit: "%"), series: series)
  }

  // MARK: Helpers

  /// One style per level: the palette's colours, then the same colours dashed, so a sweep of
  /// more levels than colours never shows two identical lines.
  static func levelStyle(_ index: Int) -> SeriesStyle {
    SeriesStyle(colorIndex: index % ChartPalette.okabeIto.count, dashed: index >= ChartPalette.okabeIto.count)
  }

  /// An empirical CDF thinned to at most 200 points (enough for a smooth line, small SVGs).
  static func cdf(_ values: [Double]) -> [DataPoint] {
    let sorted = RadixSort.sorted(values)
    let count = sorted.count
    guard count > 0 else { return [] }
    let step = max(1, count / 200)
    var points: [DataPoint] = []
    var index = 0
    while index < count {
      points.append(DataPoint(x: sorted[index], y: Double(index + 1) / Double(count) * 100))
      index += step
    }
    if points.last?.x != sorted[count - 1] || points.last?.y != 100 {
      points.append(DataPoint(x: sorted[count - 1], y: 100))
    }
    return points
  }

  static func histogram(_ values: [Double], binWidth: Double, upper: Double) -> [DataPoint] {
    histogram(binWidth: binWidth, upper: upper) { body in values.forEach(body) }
  }

  /// Shares (%) of the values in bins of `binWidth` from 0; the last bin holds everything
  /// from `upper` up.
  static func histogram(binWidth: Double, upper: Double, forEachValue: ((Double) -> Void) -> Void) -> [DataPoint] {
    let counted = histogramCounts(binWidth: binWidth, upper: upper, forEachValue: forEachValue)
    return shares(counted.bins, count: counted.count, binWidth: binWidth)
  }

  static func binCount(binWidth: Double, upper: Double) -> Int { Int((upper / binWidth).rounded(.up)) + 1 }

  /// The values counted per bin (negative values are counted in `count` only), and how many
  /// values there were.
  static func histogramCounts(binWidth: Double, upper: Double, forEachValue: ((Double) -> Void) -> Void) -> (bins: [Int], count: Int) {
    let bins = binCount(binWidth: binWidth, upper: upper)
    var counts = Array(repeating: 0, count: bins)
    var count = 0
    counts.withUnsafeMutableBufferPointer { counts in
      forEachValue { value in
        count += 1
        if value >= 0 { counts[min(bins - 1, Int(value / binWidth))] += 1 }
      }
    }
    return (counts, count)
  }

  static func shares(_ bins: [Int], count: Int, binWidth: Double) -> [DataPoint] {
    let total = Double(max(count, 1))
    return bins.enumerated().map { DataPoint(x: Double($0.offset) * binWidth, y: Double($0.element) / total * 100) }
  }

  /// A run's requests cut into consecutive ranges of about `gapsPerPart` inter-token gaps.
  static func requestRanges(of samples: RequestSamples, gapsPerPart: Int) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    for index in 0..<samples.count where samples.gapOffsets[index + 1] - samples.gapOffsets[start] >= gapsPerPart {
      ranges.append(start..<(index + 1))
      start = index + 1
    }
    if start < samples.count || ranges.isEmpty { ranges.append(start..<samples.count) }
    return ranges
  }

  /// 1-2-5 × 10ⁿ at or above `raw`.
  static func niceBinWidth(_ raw: Double) -> Double {
    guard raw > 0 else { return 1 }
    var magnitude = 1.0
    while magnitude * 10 <= raw { magnitude *= 10 }
    while magnitude > raw { magnitude /= 10 }
    for factor in [1.0, 2, 5, 10] where magnitude * factor >= raw { return magnitude * factor }
    return magnitude * 10
  }

  static func label(_ level: LoadLevel) -> String {
    switch level {
    case .concurrency(let value), .users(let value): String(value)
    case .requestRate(let rate): rate.isInfinite ? "∞" : number(rate.sortValue)
    }
  }

  static func number(_ value: Double) -> String {
    if value.rounded() == value && abs(value) < 1e12 { return String(Int(value)) }
    var text = String(Double((value * 100).rounded() / 100))
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text
  }

  static func percent(_ fraction: Double) -> String { number((fraction * 1000).rounded() / 10) + "%" }
}
