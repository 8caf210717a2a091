import BenchModel

/// How good one metric is at one level, in the bands of the weekly report's 性能评估标准
/// (seed 002): 优秀 / 良好 / 一般 / 需优化.
public enum Rating: String, Sendable, Codable, CaseIterable, Comparable {
  case excellent
  case good
  case fair
  case needsWork = "needs-work"

  var rank: Int {
    switch self {
    case .excellent: 0
    case .good: 1
    case .fair: 2
    case .needsWork: 3
    }
  }

  public static func < (lhs: Rating, rhs: Rating) -> Bool { lhs.rank < rhs.rank }
}

/// The band edges of one metric: excellent below (or above) the first edge, good up to the
/// second, fair up to the third, needs work beyond it.
public struct RatingBands: Sendable, Equatable {
  /// Three ascending edges for "lower is better" (latency), three descending for "higher is
  /// better" (throughput, success rate).
  public var edges: [Double]
  public var higherIsBetter: Bool

  public init(_ edges: [Double], higherIsBetter: Bool) {
    self.edges = edges
    self.higherIsBetter = higherIsBetter
  }

  /// The rating of `value`. Lower is better: < e₀ excellent, < e₁ good, ≤ e₂ fair, else needs
  /// work; higher is better: > e₀ excellent, > e₁ good, ≥ e₂ fair, else needs work.
  public func rate(_ value: Double) -> Rating {
    if higherIsBetter {
      if value > edges[0] { return .excellent }
      if value > edges[1] { return .good }
      if value >= edges[2] { return .fair }
      return .needsWork
    }
    if value < edges[0] { return .excellent }
    if value < edges[1] { return .good }
    if value <= edges[2] { return .fair }
    return .needsWork
  }
}

/// The ratings settings: the statistic rated and one band set per metric. Defaults are the seed
/// report's chat-service bands; a batch service sets its own in `benchreport.yaml` (`ratings:`).
public struct RatingSettings: Sendable, Equatable {
  /// The latency statistic rated (median by default: the typical request).
  public var statistic: LatencyStatistic = .percentile(50)
  /// TTFT in ms: < 100 excellent, < 200 good, ≤ 500 fair.
  public var ttft = RatingBands([100, 200, 500], higherIsBetter: false)
  /// TPOT in ms: < 50, < 100, ≤ 200.
  public var tpot = RatingBands([50, 100, 200], higherIsBetter: false)
  /// Successful requests per second: > 20, > 10, ≥ 5.
  public var requestThroughput = RatingBands([20, 10, 5], higherIsBetter: true)
  /// Success rate 0…1: > 99 %, > 95 %, ≥ 90 %.
  public var successRate = RatingBands([0.99, 0.95, 0.90], higherIsBetter: true)

  public init() {}
}

/// The four ratings of one level (nil where the files lack the metric).
public struct LevelRatings: Sendable, Equatable {
  public var level: LoadLevel
  public var ttft: Rating?
  public var tpot: Rating?
  public var requestThroughput: Rating?
  public var successRate: Rating?

  public static func rate(_ level: LevelMetrics, settings: RatingSettings) -> LevelRatings {
    LevelRatings(
      level: level.level,
      ttft: settings.statistic.value(in: level.latency[.ttft]).map(settings.ttft.rate),
      tpot: settings.statistic.value(in: level.latency[.tpot]).map(settings.tpot.rate),
      requestThroughput: level.requestThroughput.map(settings.requestThroughput.rate),
      successRate: level.successRate.map(settings.successRate.rate))
  }

  public var isEmpty: Bool { ttft == nil && tpot == nil && requestThroughput == nil && successRate == nil }
}
