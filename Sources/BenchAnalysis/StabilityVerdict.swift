import BenchModel

/// Why a level is not stable: the first stop criterion it breaks.
public enum StopReason: Sendable, Equatable {
  /// Success rate below the minimum (fractions 0…1).
  case lowSuccessRate(rate: Double, minimum: Double)
  /// The TTFT statistic above its limit (ms).
  case ttftOverLimit(statistic: LatencyStatistic, valueMilliseconds: Double, limitMilliseconds: Double)
  /// Throughput grew less than the minimum over the previous level (fractions; may be negative).
  case insufficientGrowth(growth: Double, minimum: Double, previous: LoadLevel, measure: ThroughputMeasure)
  /// A user SLO breached; `value` in ms for latency objectives, a fraction for the error rate.
  case objectiveBreached(ServiceLevelObjective, value: Double)
}

/// The highest level that broke no stop criterion, walking up from the lowest.
public struct StabilityVerdict: Sendable, Equatable {
  /// The max stable level; nil when even the lowest level broke a criterion.
  public var maxStable: LoadLevel?
  /// The first level that broke a criterion, and every criterion it broke (the first decides).
  public var firstUnstable: LoadLevel?
  public var reasons: [StopReason]
  /// Criteria that could not be checked for lack of data, e.g. "TTFT p99 (not in the files)".
  public var uncheckedCriteria: [String]
  /// True when no level broke a criterion: the real limit may lie beyond the tested range.
  public var limitNotReached: Bool { firstUnstable == nil && maxStable != nil }
}

/// The production setting recommended from the max stable level: the headroom fractions of it.
public struct Recommendation: Sendable, Equatable {
  public enum Range: Sendable, Equatable {
    /// Whole concurrent requests.
    case concurrency(low: Int, high: Int)
    /// Requests per second.
    case requestRate(low: Double, high: Double)
    /// Whole Locust users.
    case users(low: Int, high: Int)
  }

  public var range: Range
  /// The level the range is a fraction of (for ∞ rate: the throughput measured there).
  public var basis: Double
  public var headroomLow: Double
  public var headroomHigh: Double
  /// True when the basis is the measured throughput at an unbounded (∞) rate.
  public var basedOnMeasuredThroughput: Bool
}
