import BenchModel

/// A number of one load level that `compare` puts side by side: throughput, success rate or a
/// latency statistic. Each knows which direction is better, so a change can be called an
/// improvement or a regression without the reader having to remember that latency up is bad.
public enum ComparedMetric: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// completed / attempted, 0…1; changes are in percentage points.
  case successRate
  /// Successful requests per second.
  case requestThroughput
  /// Output tokens per second.
  case outputThroughput
  /// Input + output tokens per second.
  case totalTokenThroughput
  /// Tokens per second one stream sees while decoding (1000 / mean TPOT).
  case perStreamDecodeSpeed
  /// A latency statistic in milliseconds.
  case latency(LatencyMetric, LatencyStatistic)

  /// Every metric `compare` reports, in report order.
  public static let catalogue: [ComparedMetric] =
    [.outputThroughput, .requestThroughput, .totalTokenThroughput, .successRate, .perStreamDecodeSpeed]
    + latencyStatistics.flatMap { metric, statistics in statistics.map { .latency(metric, $0) } }

  /// The latency statistics compared per metric: the mean, the median and the tail.
  static let latencyStatistics: [(LatencyMetric, [LatencyStatistic])] = [
    (.ttft, [.mean, .percentile(50), .percentile(90), .percentile(95), .percentile(99)]),
    (.tpot, [.mean, .percentile(50), .percentile(90), .percentile(99)]),
    (.itl, [.mean, .percentile(50), .percentile(90), .percentile(99)]),
    (.e2el, [.mean, .percentile(50), .percentile(90), .percentile(95), .percentile(99)]),
  ]

  /// The name used in `--fail-on` rules and `comparison.json`: `output_throughput`, `ttft_p99`.
  public var key: String {
    switch self {
    case .successRate: "success_rate"
    case .requestThroughput: "request_throughput"
    case .outputThroughput: "output_throughput"
    case .totalTokenThroughput: "total_token_throughput"
    case .perStreamDecodeSpeed: "per_stream_tps"
    case .latency(let metric, let statistic): "\(metric.rawValue)_\(statistic)"
    }
  }

  public var description: String { key }

  /// Parses a `key`; `ttft_median` is accepted for `ttft_p50`, `qps` for request throughput.
  public init?(key: String) {
    let lowered = key.lowercased()
    let aliases = [
      "qps": "request_throughput", "tokens_per_second": "output_throughput", "throughput": "output_throughput",
    ]
    let name = aliases[lowered] ?? lowered
    if let plain = Self.catalogue.first(where: { !$0.isLatency && $0.key == name }) {
      self = plain
      return
    }
    let parts = name.split(separator: "_", maxSplits: 1).map(String.init)
    guard parts.count == 2, let metric = LatencyMetric(rawValue: parts[0]),
      let statistic = LatencyStatistic(parsing: parts[1])
    else { return nil }
    self = .latency(metric, statistic)
  }

  public var isLatency: Bool {
    if case .latency = self { return true }
    return false
  }

  /// True when a larger value is an improvement (throughput, success rate); false for latency.
  public var higherIsBetter: Bool { !isLatency }

  /// The value of this metric at `level`, if the files gave it.
  public func value(of level: LevelMetrics) -> Double? {
    switch self {
    case .successRate: level.successRate
    case .requestThroughput: level.requestThroughput
    case .outputThroughput: level.outputThroughput
    case .totalTokenThroughput: level.totalTokenThroughput
    case .perStreamDecodeSpeed: level.perStreamDecodeSpeed
    case .latency(let metric, let statistic): statistic.value(in: level.latency[metric])
    }
  }

  /// Report order (the catalogue's).
  public static func < (lhs: ComparedMetric, rhs: ComparedMetric) -> Bool {
    (catalogue.firstIndex(of: lhs) ?? .max, lhs.key) < (catalogue.firstIndex(of: rhs) ?? .max, rhs.key)
  }
}
