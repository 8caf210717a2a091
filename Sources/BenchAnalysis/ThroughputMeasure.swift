/// The throughput a sweep's knee and growth rule are computed on: output tokens/s when every
/// level has it (what users scale for), else requests/s, else total tokens/s.
public enum ThroughputMeasure: String, Sendable, Codable {
  case outputTokens = "outputThroughput"
  case requests = "requestThroughput"
  case totalTokens = "totalTokenThroughput"

  public func value(of level: LevelMetrics) -> Double? {
    switch self {
    case .outputTokens: level.outputThroughput
    case .requests: level.requestThroughput
    case .totalTokens: level.totalTokenThroughput
    }
  }

  /// The first measure every level has, or nil when none.
  static func choose(for levels: [LevelMetrics]) -> ThroughputMeasure? {
    [.outputTokens, .requests, .totalTokens].first { measure in
      !levels.isEmpty && levels.allSatisfy { measure.value(of: $0) != nil }
    }
  }
}
