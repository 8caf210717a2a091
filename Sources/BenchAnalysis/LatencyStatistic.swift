import BenchModel

/// Which number of a latency summary a threshold looks at: the mean or a percentile.
public enum LatencyStatistic: Sendable, Hashable, CustomStringConvertible {
  case mean
  /// 0–100; 50 is the median.
  case percentile(Double)

  /// Parses `mean`, `median`, `p50`, `p99`, `p99.9`.
  public init?(parsing text: String) {
    let lowered = text.lowercased()
    switch lowered {
    case "mean", "avg", "average": self = .mean
    case "median": self = .percentile(50)
    default:
      guard lowered.hasPrefix("p"), let value = Double(lowered.dropFirst()), value >= 0, value <= 100 else {
        return nil
      }
      self = .percentile(value)
    }
  }

  public func value(in summary: LatencySummary?) -> Double? {
    guard let summary else { return nil }
    switch self {
    case .mean: return summary.mean
    case .percentile(let p): return summary.percentile(p)
    }
  }

  /// `mean`, `p50`, `p99`, `p99.9`.
  public var description: String {
    switch self {
    case .mean: "mean"
    case .percentile(let p): "p" + Self.word(p)
    }
  }

  public static func word(_ p: Double) -> String {
    p.rounded() == p ? String(Int(p)) : String(p)
  }
}
