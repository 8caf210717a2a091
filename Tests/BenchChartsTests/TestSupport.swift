import BenchCharts
import Foundation

/// Shared helpers for the chart tests: pinned fonts, PNG header parsing, example specs.
enum TestSupport {
  /// A fixture file copied into the test bundle.
  static func fixturePath(_ name: String) -> String {
    guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
      return "Tests/BenchChartsTests/Fixtures/\(name)"
    }
    return folder.appendingPathComponent(name).path
  }

  /// A renderer restricted to DejaVu Sans + WenQuanYi Micro Hei, for byte-stable output.
  static func pinnedRenderer() throws -> CairoChartRenderer {
    try CairoChartRenderer(fonts: .configFile(path: fixturePath("fonts.conf")))
  }

  /// A renderer on a "machine" without any CJK font.
  static func renderer(withoutCJK: Void) throws -> CairoChartRenderer {
    try CairoChartRenderer(fonts: .configFile(path: fixturePath("fonts-no-cjk.conf")))
  }

  /// Width and height from a PNG's IHDR chunk, or nil if `bytes` is not a PNG.
  static func pngDimensions(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
    let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    guard bytes.count >= 24, Array(bytes[0..<8]) == signature, Array(bytes[12..<16]) == Array("IHDR".utf8)
    else { return nil }
    func bigEndian(_ offset: Int) -> Int {
      bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
    }
    return (bigEndian(16), bigEndian(20))
  }

  static let concurrencyLevels: [Double] = [1, 2, 4, 8, 16, 32, 64, 128, 256]

  /// The demo chart from the brief: throughput vs concurrency on a log2 axis with
  /// ticks at the tested levels, knee at 32, recommended band 22–25, a p99 TTFT series
  /// on a secondary axis and its SLO as a dashed threshold.
  static func throughputChart(chinese: Bool) -> ChartSpec {
    let throughput: [Double] = [92, 181, 352, 668, 1210, 1985, 2290, 2380, 2405]
    let ttft: [Double] = [48, 52, 61, 80, 142, 390, 1450, 3900, 8700]
    let levels = concurrencyLevels
    return ChartSpec(
      title: chinese ? "吞吐量 vs 并发数" : "Throughput vs concurrency",
      subtitle: chinese
        ? "Llama-3.1-8B-Instruct · vLLM 0.6.3 · 1× H100 · 输入 1,024 / 输出 256 tokens"
        : "Llama-3.1-8B-Instruct · vLLM 0.6.3 · 1× H100 · 1,024 in / 256 out tokens",
      xAxis: Axis(
        title: chinese ? "并发数" : "Concurrency", unit: chinese ? "请求" : "requests in flight", scale: .log2,
        ticks: Tick.at(levels)),
      yAxis: Axis(title: chinese ? "输出吞吐量" : "Output throughput", unit: "tokens/s"),
      secondaryYAxis: Axis(title: chinese ? "p99 首字延迟" : "p99 time to first token", unit: "ms"),
      series: [
        Series(
          name: chinese ? "输出吞吐量 (左轴)" : "Output throughput (left)",
          points: zip(levels, throughput).map { DataPoint(x: $0, y: $1) },
          style: SeriesStyle(colorIndex: 0)),
        Series(
          name: chinese ? "p99 首字延迟 (右轴)" : "p99 TTFT (right)",
          points: zip(levels, ttft).map { DataPoint(x: $0, y: $1) },
          style: SeriesStyle(colorIndex: 1, dashed: true, yAxis: .secondary)),
      ],
      annotations: [
        .xBand(from: 22, to: 25, label: chinese ? "推荐区间 22–25" : "recommended 22–25"),
        .verticalMarker(x: 32, label: chinese ? "拐点: 32" : "knee: 32"),
        .threshold(y: 2000, label: chinese ? "SLO: p99 首字延迟 ≤ 2,000 ms" : "SLO: p99 TTFT ≤ 2,000 ms", axis: .secondary),
      ])
  }

  /// An open-loop sweep: request rate on a log2 axis with an ∞ slot, a failed level,
  /// and each point labelled with its rate.
  static func requestRateChart() -> ChartSpec {
    let rates: [Double] = [1, 2, 4, 8, 16, .infinity]
    let goodput: [Double?] = [0.98, 1.95, 3.9, 7.1, nil, 9.4]
    let points = zip(rates, goodput).map { DataPoint(x: $0, y: $1) }
    var annotations: [Annotation] = zip(rates, goodput).compactMap { rate, value in
      value.map { .pointLabel(x: rate, y: $0, text: rate.isFinite ? "\(Int(rate)) req/s" : "∞", axis: .primary) }
    }
    annotations.append(.failedLevel(x: 16, y: nil, label: "all requests failed"))
    annotations.append(.verticalMarker(x: 8, label: "max stable: 8 req/s"))
    return ChartSpec(
      title: "Goodput vs request rate",
      xAxis: Axis(
        title: "Request rate", unit: "req/s", scale: .log2, ticks: Tick.at([1, 2, 4, 8, 16]),
        infinitySlot: .init()),
      yAxis: Axis(title: "Goodput", unit: "req/s"),
      series: [
        Series(name: "Goodput", points: points, style: SeriesStyle(colorIndex: 2)),
        Series(
          name: "Offered load", points: rates.filter(\.isFinite).map { DataPoint(x: $0, y: $0) },
          style: SeriesStyle(colorIndex: 6, dashed: true)),
      ],
      annotations: annotations)
  }

  /// A TTFT histogram with percentile markers: bars, vertical markers, no legend.
  static func histogramChart() -> ChartSpec {
    let counts: [Double] = [3, 18, 64, 130, 171, 142, 96, 61, 37, 22, 14, 9, 6, 4, 2, 1]
    let bins = counts.enumerated().map { DataPoint(x: 40 + Double($0.offset) * 20, y: $0.element) }
    return ChartSpec(
      title: "Time to first token, concurrency 32",
      subtitle: "2,000 requests · 20 ms bins",
      xAxis: Axis(title: "TTFT", unit: "ms", includesZero: false),
      yAxis: Axis(title: "Requests"),
      series: [
        Series(name: "requests", points: bins, kind: .histogram(binWidth: 20), style: SeriesStyle(colorIndex: 0))
      ],
      annotations: [
        .verticalMarker(x: 131, label: "p50 131 ms"),
        .verticalMarker(x: 262, label: "p99 262 ms"),
        .threshold(y: 150, label: "150 requests", axis: .primary),
      ])
  }

  /// Latency percentiles on log2 axes with a step series and the legend below.
  static func percentileChart() -> ChartSpec {
    let levels = concurrencyLevels
    func series(_ name: String, _ factor: Double, _ index: Int, kind: SeriesKind = .lineWithMarkers) -> Series {
      Series(
        name: name, points: levels.map { DataPoint(x: $0, y: factor * (20 + 3 * $0 + 0.02 * $0 * $0)) }, kind: kind,
        style: SeriesStyle(colorIndex: index))
    }
    return ChartSpec(
      title: "Inter-token latency percentiles",
      xAxis: Axis(title: "Concurrency", scale: .log2, ticks: Tick.at(levels)),
      yAxis: Axis(title: "Inter-token latency", unit: "ms", scale: .log2),
      series: [
        series("p50", 1, 0), series("p90", 1.6, 1), series("p95", 2.1, 2), series("p99", 3.4, 3),
        series("max", 6, 4, kind: .step),
      ],
      annotations: [.failedLevel(x: 256, y: nil, label: nil)],
      legend: .below)
  }
}
