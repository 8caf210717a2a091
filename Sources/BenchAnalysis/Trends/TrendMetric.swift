import BenchModel

/// A number followed from week to week: a decision of the sweep, or a metric at the trend's
/// fixed reference level.
public enum TrendMetric: String, Sendable, CaseIterable, Codable {
  case maxStable
  case recommendedLow
  case recommendedHigh
  case peakThroughput
  /// At the reference level, on the sweep's throughput measure (output tok/s, or req/s for Locust).
  case throughput
  case ttftP99
  case tpotP99
  /// E2E latency (Locust's response time) p99: the one latency Locust records.
  case e2elP99
  case successRate

  /// Whether a rise is good news (throughput, levels) or bad (latency).
  public var higherIsBetter: Bool {
    switch self {
    case .ttftP99, .tpotP99, .e2elP99: false
    default: true
    }
  }

  /// The recommended range follows the max stable by construction (70–80 % of it): shown in
  /// the table, but its change points would only repeat the max stable's.
  public var isDerived: Bool { self == .recommendedLow || self == .recommendedHigh }

  /// True for metrics read at the reference level.
  public var atReferenceLevel: Bool {
    switch self {
    case .throughput, .ttftP99, .tpotP99, .e2elP99, .successRate: true
    default: false
    }
  }

  /// The metric's value in an entry (nil when the entry lacks it or the reference level).
  public func value(in entry: TrendEntry, referenceLevel: Double?, measure: ComparedMetric) -> Double? {
    switch self {
    case .maxStable: return entry.maxStable
    case .recommendedLow: return entry.recommendedLow
    case .recommendedHigh: return entry.recommendedHigh
    case .peakThroughput: return entry.peakThroughput
    default: break
    }
    guard let referenceLevel, let level = entry.levels.first(where: { $0.value == referenceLevel }) else { return nil }
    switch self {
    case .throughput: return level.metrics[measure]
    case .ttftP99: return level.metrics[.latency(.ttft, .percentile(99))]
    case .tpotP99: return level.metrics[.latency(.tpot, .percentile(99))]
    case .e2elP99: return level.metrics[.latency(.e2el, .percentile(99))]
    case .successRate: return level.metrics[.successRate]
    default: return nil
    }
  }
}
